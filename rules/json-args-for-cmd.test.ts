import rule from './json-args-for-cmd.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'CMD in exec form', dockerfile: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' },
    { name: 'ENTRYPOINT in exec form', dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/app", "--serve"]\n' },
    { name: 'exec form with spaces inside the brackets', dockerfile: 'FROM alpine:3.20\nCMD [ "sh", "-c", "echo hi" ]\n' },
    { name: 'empty exec form', dockerfile: 'FROM alpine:3.20\nENTRYPOINT []\n' },
    { name: 'exec form over continuation lines', dockerfile: 'FROM alpine:3.20\nCMD ["app", \\\n     "--port", \\\n     "8080"]\n' },
    { name: 'lowercase instruction in exec form', dockerfile: 'FROM alpine:3.20\ncmd ["app"]\n' },
    { name: 'HEALTHCHECK CMD in shell form is not a CMD', dockerfile: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'RUN in shell form is not judged', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n' },
    { name: 'ONBUILD CMD trigger is not checked', dockerfile: 'FROM alpine:3.20\nONBUILD CMD echo child\nCMD ["true"]\n' },
    {
      name: 'allowWithShell: SHELL earlier in the stage',
      dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n',
      options: { allowWithShell: true },
    },
    {
      name: 'allowWithShell: SHELL in the parent stage',
      dockerfile: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nCMD exec /app/run\n',
      options: { allowWithShell: true },
    },
  ],
  invalid: [
    { name: 'CMD in shell form', dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCMD node server.js\n', errors: [{ messageId: 'shellForm', line: 3, column: 1, data: { keyword: 'CMD', execForm: '["node", "server.js"]' } }] },
    { name: 'ENTRYPOINT in shell form', dockerfile: 'FROM alpine:3.20\nENTRYPOINT /usr/local/bin/app start\n', errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { keyword: 'ENTRYPOINT', execForm: '["/usr/local/bin/app", "start"]' } }] },
    {
      name: 'shell operators: no exec form is guessed',
      dockerfile: 'FROM python:3.12-slim\nCMD python manage.py migrate && gunicorn app:app\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { execForm: '["executable", "arg"]' } }],
    },
    { name: 'single quotes are not JSON', dockerfile: "FROM node:20\nCMD ['node', 'app.js']\n", errors: [{ messageId: 'brokenJson', line: 2, column: 1, data: { keyword: 'CMD', execForm: '["node", "app.js"]' } }] },
    { name: 'trailing comma is not JSON', dockerfile: 'FROM node:20\nENTRYPOINT ["node", "app.js",]\n', errors: [{ messageId: 'brokenJson', line: 2, column: 1, data: { execForm: '["node", "app.js"]' } }] },
    { name: 'missing comma between items', dockerfile: 'FROM node:20\nCMD ["npm" "start"]\n', errors: [{ messageId: 'brokenJson', line: 2, column: 1, data: { execForm: '["npm", "start"]' } }] },
    { name: 'unquoted item in a list', dockerfile: 'FROM node:20\nCMD ["node", app.js]\n', errors: [{ messageId: 'brokenJson', line: 2, column: 1, data: { execForm: '["node", "app.js"]' } }] },
    { name: 'a shell test starting with a bracket is shell form', dockerfile: 'FROM alpine:3.20\nCMD [ -f /etc/app.conf ] && exec app\n', errors: [{ messageId: 'shellForm', line: 2, column: 1 }] },
    {
      name: 'every stage is checked, CMD and ENTRYPOINT',
      dockerfile: 'FROM golang:1.22 AS build\nCMD go test ./...\nFROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD --serve\n',
      errors: [
        { messageId: 'shellForm', line: 2, column: 1 },
        { messageId: 'shellForm', line: 5, column: 1, data: { execForm: '["--serve"]' } },
      ],
    },
    { name: 'indented instruction points at its keyword', dockerfile: 'FROM alpine:3.20\n  CMD sleep 10\n', errors: [{ messageId: 'shellForm', line: 2, column: 3 }] },
    {
      name: 'SHELL does not exempt the shell form by default (hadolint)',
      dockerfile: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD exec app\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 1 }],
    },
    {
      name: 'allowWithShell: SHELL after the CMD does not count',
      dockerfile: 'FROM alpine:3.20\nCMD exec app\nSHELL ["/bin/ash", "-c"]\n',
      options: { allowWithShell: true },
      errors: [{ messageId: 'shellForm', line: 2, column: 1 }],
    },
    {
      name: 'allowWithShell: SHELL in an unrelated stage does not count',
      dockerfile: 'FROM alpine:3.20 AS tools\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD exec app\n',
      options: { allowWithShell: true },
      errors: [{ messageId: 'shellForm', line: 4, column: 1 }],
    },
    {
      name: 'allowWithShell: broken JSON is still reported',
      dockerfile: "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-c\"]\nCMD ['app']\n",
      options: { allowWithShell: true },
      errors: [{ messageId: 'brokenJson', line: 3, column: 1, data: { execForm: '["app"]' } }],
    },
    { name: 'shell form over continuation lines', dockerfile: 'FROM alpine:3.20\nCMD sleep \\\n  infinity\n', errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { execForm: '["sleep", "infinity"]' } }] },
  ],
});
