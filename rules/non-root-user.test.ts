import rule from './non-root-user.js';
import { testRule } from '../test/rule-tester.js';

const nonRoot = 'FROM node:20-alpine\nUSER node\n';

testRule(rule, {
  valid: [
    { name: 'standalone last stage sets a user', dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nUSER node\nCMD ["node", "x.js"]\n' },
    { name: 'numeric uid', dockerfile: 'FROM alpine:3.20\nUSER 1001:1001\n' },
    { name: 'user inherited from the parent stage', dockerfile: 'FROM alpine:3.20 AS base\nUSER app\nFROM base AS final\nRUN true\n' },
    { name: 'root in a builder stage, non-root in the last', dockerfile: 'FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM alpine:3.20\nUSER 65532\n' },
    { name: 'distroless nonroot base', dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'user from an ARG is unknown', dockerfile: 'FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n' },
    { name: 'image-only service is not judged', compose: 'services:\n  db:\n    image: postgres:16\n' },
    {
      name: 'compose user overrides a root Dockerfile',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    user: "1000:1000"\n', Dockerfile: 'FROM python:3.12-slim\n' },
    },
    {
      name: 'service builds a non-root target stage',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: prod\n',
        Dockerfile: 'FROM python:3.12-slim AS dev\nFROM python:3.12-slim AS prod\nUSER 1001\n',
      },
    },
    {
      name: 'Dockerfile built by a service is not judged again at its last stage',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: runner\n',
        Dockerfile: 'FROM node:20-alpine AS runner\nUSER node\nFROM node:20-alpine AS debug\n',
      },
    },
    { name: 'unresolved compose user is unknown', compose: 'services:\n  api:\n    image: x:1\n    user: ${APP_UID}\n' },
  ],
  invalid: [
    { name: 'standalone without USER', dockerfile: 'FROM node:20-alpine\nCMD ["node"]\n', errors: [{ messageId: 'noUser', line: 1, column: 1, data: { stage: '#1' } }] },
    {
      name: 'last stage without USER points at its FROM',
      dockerfile: 'FROM node:20 AS build\nUSER node\nFROM nginx:1.27-alpine AS web\nCOPY --from=build /app /usr/share/nginx/html\n',
      errors: [{ messageId: 'noUser', line: 3, column: 1, data: { stage: '"web"' } }],
    },
    { name: 'explicit USER root', dockerfile: `${nonRoot}USER root\n`, errors: [{ messageId: 'rootUser', line: 3, column: 1, data: { user: 'root' } }] },
    { name: 'USER from an ARG whose default is root', dockerfile: 'FROM alpine:3.20\nARG APP_UID=0\nUSER ${APP_UID}\n', errors: [{ messageId: 'rootUser', line: 3, column: 1, data: { user: '0' } }] },
    { name: 'USER 0', dockerfile: 'FROM alpine:3.20\nUSER 0\n', errors: [{ messageId: 'rootUser', line: 2, column: 1 }] },
    { name: 'USER 0:0', dockerfile: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ messageId: 'rootUser', line: 2, column: 1, data: { user: '0:0' } }] },
    { name: 'USER root:wheel', dockerfile: 'FROM alpine:3.20\nUSER root:wheel\n', errors: [{ messageId: 'rootUser', line: 2, column: 1 }] },
    {
      name: 'root inherited from a parent stage points at the parent USER',
      dockerfile: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nRUN true\n',
      errors: [{ messageId: 'rootUser', line: 2, column: 1 }],
    },
    {
      name: 'service without user on a stage without USER',
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n', 'api/Dockerfile': 'FROM python:3.12-slim\nCMD ["python"]\n' },
      errors: [{ messageId: 'noUserService', file: 'compose.yaml', line: 2, column: 3, data: { service: 'api', dockerfile: 'api/Dockerfile' } }],
    },
    {
      name: 'service target stage is root although the last stage is not',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: development\n',
        Dockerfile: 'FROM python:3.12-slim AS development\nFROM python:3.12-slim AS production\nUSER 1000\n',
      },
      errors: [{ messageId: 'noUserService', file: 'compose.yaml', line: 2, column: 3, data: { stage: '"development"' } }],
    },
    {
      name: 'compose user root',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    user: root\n', Dockerfile: nonRoot },
      errors: [{ messageId: 'composeRoot', file: 'compose.yaml', line: 4, column: 11 }],
    },
    {
      name: 'compose user "0:0" on an image-only service',
      compose: 'services:\n  db:\n    image: postgres:16\n    user: "0:0"\n',
      errors: [{ messageId: 'composeRoot', line: 4, column: 11, data: { user: '0:0' } }],
    },
    {
      name: 'two services build the same root stage',
      files: { 'compose.yaml': 'services:\n  a:\n    build: .\n  b:\n    build: .\n', Dockerfile: 'FROM alpine:3.20\nUSER root\n' },
      errors: [{ messageId: 'rootUser', file: 'Dockerfile', line: 2, column: 1 }],
    },
    {
      name: 'custom dockerfile name in build',
      files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: web\n      dockerfile: Dockerfile.dev\n', 'web/Dockerfile.dev': 'FROM node:20\n' },
      errors: [{ messageId: 'noUserService', file: 'compose.yaml', line: 2, column: 3, data: { dockerfile: 'web/Dockerfile.dev' } }],
    },
  ],
});
