import rule from './workdir-absolute.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'absolute path', dockerfile: 'FROM alpine:3.20\nWORKDIR /usr/local\n' },
    { name: 'absolute path in single quotes', dockerfile: "FROM alpine:3.20\nWORKDIR '/usr/local'\n" },
    { name: 'absolute path in double quotes', dockerfile: 'FROM alpine:3.20\nWORKDIR "/usr/local"\n' },
    { name: 'path with a space in quotes', dockerfile: 'FROM alpine:3.20\nWORKDIR "/srv/my app"\n' },
    { name: 'unknown variable', dockerfile: 'FROM alpine:3.20\nWORKDIR ${work}\n' },
    { name: 'unknown variable in double quotes', dockerfile: 'FROM alpine:3.20\nWORKDIR "${dir}"\n' },
    { name: '$HOME is unknown', dockerfile: 'FROM node:20\nWORKDIR $HOME/app\n' },
    { name: 'ARG default resolves to an absolute path', dockerfile: 'FROM node:20\nARG APP_DIR=/srv/app\nWORKDIR ${APP_DIR}\n' },
    { name: 'ENV value resolves to an absolute path', dockerfile: 'FROM node:20\nENV HOME=/home/node\nWORKDIR $HOME/app\n' },
    { name: 'default in the expansion is absolute', dockerfile: 'FROM node:20\nWORKDIR ${APP_DIR:-/app}\n' },
    { name: 'Windows path with a backslash in single quotes', dockerfile: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR 'C:\\'\n" },
    { name: 'Windows path with a backslash in double quotes', dockerfile: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR "C:\\"\n' },
    { name: 'Windows path with a forward slash', dockerfile: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:/\n' },
    { name: 'Windows path with a forward slash in quotes', dockerfile: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR "C:/app"\n' },
    { name: 'Windows path with the backtick escape', dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'nested default of unknown variables', dockerfile: 'FROM alpine:3.20\nWORKDIR ${APP_DIR:-${BASE_DIR}}\n' },
    { name: 'unclosed variable is not judged', dockerfile: 'FROM alpine:3.20\nWORKDIR ${APP_DIR\n' },
    { name: 'ONBUILD WORKDIR is not checked', dockerfile: 'FROM alpine:3.20\nONBUILD WORKDIR src\n' },
    {
      name: 'allowAfterWorkdir: relative after an absolute WORKDIR',
      dockerfile: 'FROM golang:1.22\nWORKDIR /src\nWORKDIR cmd/server\n',
      options: { allowAfterWorkdir: true },
    },
    {
      name: 'allowAfterWorkdir: relative after a WORKDIR of the parent stage',
      dockerfile: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR packages/api\n',
      options: { allowAfterWorkdir: true },
    },
  ],
  invalid: [
    { name: 'relative path', dockerfile: 'FROM alpine:3.20\nWORKDIR relative/dir\n', errors: [{ messageId: 'relative', line: 2, column: 9, data: { path: 'relative/dir' } }] },
    { name: 'relative path in single quotes', dockerfile: "FROM alpine:3.20\nWORKDIR 'relative/dir'\n", errors: [{ messageId: 'relative', line: 2, column: 9 }] },
    { name: 'relative path in double quotes', dockerfile: 'FROM alpine:3.20\nWORKDIR "relative/dir"\n', errors: [{ messageId: 'relative', line: 2, column: 9 }] },
    { name: 'dot-relative path', dockerfile: 'FROM nginx:1.27\nWORKDIR ./html\n', errors: [{ messageId: 'relative', line: 2, column: 9, data: { path: './html' } }] },
    {
      name: 'relative after an absolute WORKDIR gives the absolute path',
      dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nWORKDIR cmd/server\n',
      errors: [{ messageId: 'relativeResolved', line: 4, column: 9, data: { path: 'cmd/server', line: 2, absolute: '/src/cmd/server' } }],
    },
    {
      name: 'relative after a WORKDIR of the parent stage',
      dockerfile: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR ../packages/api\n',
      errors: [{ messageId: 'relativeResolved', line: 4, column: 9, data: { line: 2, absolute: '/packages/api' } }],
    },
    {
      name: 'relative after a WORKDIR with an unknown variable',
      dockerfile: 'FROM node:20\nWORKDIR $APP_HOME\nWORKDIR src\n',
      errors: [{ messageId: 'relativeToPrevious', line: 3, column: 9, data: { path: 'src', line: 2 } }],
    },
    {
      name: 'two relative WORKDIRs: both reported by default',
      dockerfile: 'FROM alpine:3.20\nWORKDIR app\nWORKDIR src\n',
      errors: [
        { messageId: 'relative', line: 2, column: 9 },
        { messageId: 'relativeToPrevious', line: 3, column: 9, data: { line: 2 } },
      ],
    },
    {
      name: 'allowAfterWorkdir: only the first relative WORKDIR (BuildKit)',
      dockerfile: 'FROM nginx:1.27 AS web\nWORKDIR usr/share/nginx/html\nWORKDIR assets\n',
      options: { allowAfterWorkdir: true },
      errors: [{ messageId: 'relative', line: 2, column: 9 }],
    },
    { name: 'ARG default resolves to a relative path', dockerfile: 'FROM node:20\nARG APP_DIR=app\nWORKDIR $APP_DIR\n', errors: [{ messageId: 'relative', line: 3, column: 9, data: { path: '$APP_DIR' } }] },
    { name: 'relative text before an unknown variable', dockerfile: 'FROM node:20\nWORKDIR app/${VERSION}\n', errors: [{ messageId: 'relative', line: 2, column: 9 }] },
    { name: 'backslash path without a drive letter', dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR app\\bin\n', errors: [{ messageId: 'relative', line: 3, column: 9 }] },
    {
      name: 'every stage is checked',
      dockerfile: 'FROM golang:1.22 AS build\nWORKDIR go/src/app\nFROM alpine:3.20\nWORKDIR /app\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, data: { path: 'go/src/app' } }],
    },
  ],
});
