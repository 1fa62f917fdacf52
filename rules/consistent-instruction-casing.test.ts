import rule from './consistent-instruction-casing.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'all uppercase', dockerfile: 'FROM alpine:3.20\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n' },
    { name: 'all lowercase', dockerfile: 'from alpine:3.20\nrun echo hello > /greeting.txt\nentrypoint ["cat", "/greeting.txt"]\n' },
    { name: 'lowercase FROM ... AS keeps to the keyword only', dockerfile: 'from golang:1.22 AS build\nrun go build\n' },
    { name: 'arguments in other casing do not matter', dockerfile: 'FROM alpine:3.20\nRUN Echo Hello\nLABEL Maintainer=me\n' },
    { name: 'uppercase ONBUILD trigger in an uppercase file', dockerfile: 'FROM node:20\nONBUILD COPY . /app\n' },
    { name: 'lowercase ONBUILD trigger in a lowercase file', dockerfile: 'from node:20\nonbuild copy . /app\n' },
    { name: 'uppercase global ARG', dockerfile: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n' },
    { name: 'comments and directives are not instructions', dockerfile: '# syntax=docker/dockerfile:1\n# Build the app\nFROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'documented example: mixed case in an uppercase-leaning file',
      dockerfile: 'From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]\n',
      errors: [
        { messageId: 'casing', line: 1, column: 1, data: { keyword: 'From', casing: 'uppercase' } },
        { messageId: 'casing', line: 2, column: 1, data: { keyword: 'Run', casing: 'uppercase' } },
        { messageId: 'casing', line: 3, column: 1, data: { keyword: 'EntRYpOiNT', casing: 'uppercase' } },
      ],
    },
    {
      name: 'lowercase majority flags the uppercase keyword',
      dockerfile: 'from alpine:3.20\nrun apk add curl\nCOPY app /app\ncmd ["/app"]\n',
      errors: [{ messageId: 'casing', line: 3, column: 1, data: { keyword: 'COPY', casing: 'lowercase' } }],
    },
    {
      name: 'uppercase majority flags the lowercase keyword',
      dockerfile: 'FROM alpine:3.20\nRUN apk add curl\ncopy app /app\nCMD ["/app"]\n',
      errors: [{ messageId: 'casing', line: 3, column: 1, data: { keyword: 'copy', casing: 'uppercase' } }],
    },
    {
      name: 'a tie goes to uppercase',
      dockerfile: 'FROM alpine:3.20\nrun true\n',
      errors: [{ messageId: 'casing', line: 2, column: 1, data: { keyword: 'run', casing: 'uppercase' } }],
    },
    {
      name: 'mixed-case keywords are not counted',
      dockerfile: 'from alpine:3.20\nRun a\nRun b\nRun c\n',
      errors: [
        { messageId: 'casing', line: 2, column: 1, data: { casing: 'lowercase' } },
        { messageId: 'casing', line: 3, column: 1 },
        { messageId: 'casing', line: 4, column: 1 },
      ],
    },
    {
      name: 'indented keyword',
      dockerfile: 'FROM alpine:3.20\n  workdir /app\nRUN true\n',
      errors: [{ messageId: 'casing', line: 2, column: 3, data: { keyword: 'workdir' } }],
    },
    {
      name: 'global ARG is held to the file casing',
      dockerfile: 'arg VERSION=3.20\nFROM alpine:${VERSION}\nRUN true\n',
      errors: [{ messageId: 'casing', line: 1, column: 1, data: { keyword: 'arg' } }],
    },
    {
      name: 'ONBUILD trigger keyword',
      dockerfile: 'FROM node:20\nONBUILD run npm ci\n',
      errors: [{ messageId: 'casing', line: 2, column: 9, data: { keyword: 'run', casing: 'uppercase' } }],
    },
    {
      name: 'dockerfile_inline',
      compose: 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        Run true\n',
      errors: [{ messageId: 'casing', line: 6, column: 9, data: { keyword: 'Run' } }],
    },
  ],
});
