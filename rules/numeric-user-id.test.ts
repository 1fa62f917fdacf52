import rule from './numeric-user-id.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'numeric UID', dockerfile: 'FROM alpine:3.20\nUSER 12345\n' },
    { name: 'numeric UID and GID', dockerfile: 'FROM alpine:3.20\nUSER 1234:5678\n' },
    { name: 'numeric UID with a group name', dockerfile: 'FROM alpine:3.20\nUSER 1000:staff\n' },
    { name: 'user from a build argument without default', dockerfile: 'FROM alpine:3.20\nARG APP_UID\nUSER $APP_UID\n' },
    { name: 'user from an ARG with a numeric default', dockerfile: 'FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}:${APP_UID}\n' },
    { name: 'user from an ENV set in the parent stage', dockerfile: 'FROM alpine:3.20 AS base\nENV UID=10001\nFROM base\nUSER $UID\n' },
    { name: 'numeric default in a ${:-} expression', dockerfile: 'FROM alpine:3.20\nUSER ${APP_UID:-10001}\n' },
    { name: 'no USER', dockerfile: 'FROM alpine:3.20\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'non-numeric UID',
      dockerfile: 'FROM alpine:3.20\nUSER foobar\n',
      errors: [{ messageId: 'nonNumeric', line: 2, column: 6, endLine: 2, endColumn: 12, data: { user: 'foobar' } }],
    },
    { name: 'non-numeric UID and GID', dockerfile: 'FROM alpine:3.20\nUSER foobar:barfoo\n', errors: [{ messageId: 'nonNumeric', line: 2, column: 6, data: { user: 'foobar:barfoo' } }] },
    { name: 'name with a numeric group', dockerfile: 'FROM node:20-alpine\nUSER node:1000\n', errors: [{ messageId: 'nonNumeric', line: 2, column: 6 }] },
    { name: 'root by name', dockerfile: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 65532\n', errors: [{ messageId: 'nonNumeric', line: 2, column: 6, data: { user: 'root' } }] },
    {
      name: 'user from an ARG whose default is a name',
      dockerfile: 'FROM alpine:3.20\nARG APP_USER=app\nUSER $APP_USER\n',
      errors: [{ messageId: 'nonNumeric', line: 3, column: 6, data: { user: '$APP_USER' } }],
    },
    {
      name: 'every stage is checked',
      dockerfile: 'FROM golang:1.22 AS build\nUSER builder\nFROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n',
      errors: [
        { messageId: 'nonNumeric', line: 2, column: 6, data: { user: 'builder' } },
        { messageId: 'nonNumeric', line: 4, column: 6, data: { user: 'nonroot:nonroot' } },
      ],
    },
  ],
});
