import rule from './copy-relative-dest-needs-workdir.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'absolute destination without WORKDIR', dockerfile: 'FROM alpine:3.20\nCOPY bla.sh /usr/local/bin/blubb.sh\n' },
    { name: 'quoted absolute destination', dockerfile: 'FROM alpine:3.20\nCOPY bla.sh "/usr/local/bin/blubb.sh"\n' },
    { name: 'Windows drive path with backslashes', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY bla.sh c:\\system32\\blubb.sh\n' },
    { name: 'quoted Windows drive path', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY bla.sh "d:\\mypath\\blubb.sh"\n' },
    { name: 'Windows drive path with forward slashes', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY bla.sh c:/system32/blubb.sh\n' },
    { name: 'relative destination after WORKDIR', dockerfile: 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n' },
    { name: 'relative destination after a Windows WORKDIR', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh\n' },
    { name: 'braced variable destination', dockerfile: 'FROM alpine:3.20\nCOPY src.sh ${SRC_BASE_ENV}\n' },
    { name: 'bare variable destination', dockerfile: 'FROM alpine:3.20\nCOPY src.sh $SRC_BASE_ENV\n' },
    { name: 'quoted variable destination', dockerfile: 'FROM alpine:3.20\nCOPY src.sh "${SRC_BASE_ENV}"\n' },
    {
      name: 'WORKDIR set in the parent stage',
      dockerfile: 'FROM debian:bookworm AS base\nWORKDIR /usr\nFROM debian:bookworm AS between\nRUN true\nFROM base\nCOPY foo bar\n',
    },
    { name: 'WORKDIR set two stages up', dockerfile: 'FROM debian:bookworm AS base1\nWORKDIR /usr\nFROM base1 AS base2\nRUN true\nFROM base2\nCOPY foo bar\n' },
    { name: 'parent stage WORKDIR after its own COPY still counts for the child', dockerfile: 'FROM node:20 AS deps\nCOPY package.json /tmp/\nWORKDIR /app\nFROM deps\nCOPY . .\n' },
    { name: 'ONBUILD COPY is not checked', dockerfile: 'FROM debian:bookworm\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n' },
    { name: 'JSON form absolute destination', dockerfile: 'FROM alpine:3.20\nCOPY ["a b.txt", "/srv/"]\n' },
    { name: 'JSON form Windows destination with escaped backslashes', dockerfile: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY ["app.exe", "C:\\\\app\\\\"]\n' },
    { name: 'ADD is not checked', dockerfile: 'FROM alpine:3.20\nADD app.tar.gz app/\n' },
    { name: 'relative WORKDIR still sets one', dockerfile: 'FROM alpine:3.20\nWORKDIR app\nCOPY . .\n' },
    { name: 'empty quoted destination is left to the builder', dockerfile: 'FROM alpine:3.20\nCOPY "" ""\n' },
  ],
  invalid: [
    { name: 'relative destination without WORKDIR', dockerfile: 'FROM alpine:3.20\nCOPY bla.sh blubb.sh\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 13, data: { dest: 'blubb.sh' } }] },
    { name: 'quoted relative destination', dockerfile: 'FROM alpine:3.20\nCOPY bla.sh "blubb.sh"\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 13, data: { dest: 'blubb.sh' } }] },
    { name: 'single-character paths', dockerfile: 'FROM alpine:3.20\nCOPY a b\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 8, data: { dest: 'b' } }] },
    { name: 'dot destination', dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 23, data: { dest: '.' } }] },
    {
      name: 'WORKDIR in an unrelated earlier stage',
      dockerfile: 'FROM debian:bookworm AS stage1\nWORKDIR /usr\nFROM debian:bookworm\nCOPY foo bar\n',
      errors: [{ messageId: 'noWorkdir', line: 4, column: 10 }],
    },
    {
      name: 'WORKDIR in an unrelated earlier stage (Windows)',
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS stage1\nWORKDIR c:\\system32\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY foo bar\n',
      errors: [{ messageId: 'noWorkdir', line: 4, column: 10 }],
    },
    {
      name: 'unaliased stages of the same image do not share a WORKDIR',
      dockerfile: 'FROM debian:bookworm\nWORKDIR /usr\nFROM debian:bookworm\nCOPY foo bar\n',
      errors: [{ messageId: 'noWorkdir', line: 4, column: 10 }],
    },
    { name: 'WORKDIR only after the COPY', dockerfile: 'FROM alpine:3.20\nCOPY app.py app/\nWORKDIR /srv\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 13, data: { dest: 'app/' } }] },
    { name: 'ONBUILD WORKDIR does not count', dockerfile: 'FROM alpine:3.20\nONBUILD WORKDIR /app\nCOPY x y\n', errors: [{ messageId: 'noWorkdir', line: 3, column: 8 }] },
    { name: 'JSON form relative destination', dockerfile: 'FROM alpine:3.20\nCOPY ["config.yaml", "etc/"]\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 22, data: { dest: 'etc/' } }] },
    { name: 'variable later in a relative destination', dockerfile: 'FROM alpine:3.20\nCOPY app.jar lib/$VERSION/\n', errors: [{ messageId: 'noWorkdir', line: 2, column: 14 }] },
    {
      name: 'COPY --from to a relative destination',
      dockerfile: 'FROM golang:1.22 AS build\nWORKDIR /src\nFROM alpine:3.20\nCOPY --from=build /src/app bin/\n',
      errors: [{ messageId: 'noWorkdir', line: 4, column: 28, data: { dest: 'bin/' } }],
    },
    {
      name: 'each offending COPY is reported',
      dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n',
      errors: [
        { messageId: 'noWorkdir', line: 2, column: 23 },
        { messageId: 'noWorkdir', line: 4, column: 8 },
      ],
    },
  ],
});
