import rule from './legacy-key-value-format.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ENV key=value', dockerfile: 'FROM alpine:3.20\nENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1\n' },
    { name: 'LABEL key=value', dockerfile: 'FROM alpine:3.20\nLABEL description="Internal API server" version=1.0\n' },
    { name: 'quoted multi-line value with =', dockerfile: 'FROM alpine:3.20\nENV DEPS="\\\n    curl \\\n    git"\n' },
    { name: 'ARG with two names declares two args', dockerfile: 'FROM alpine:3.20\nARG TARGETOS TARGETARCH\n' },
    { name: 'ARG name value (BuildKit reads two declarations)', dockerfile: 'FROM alpine:3.20\nARG foo bar\n' },
    { name: 'empty value with =', dockerfile: 'FROM alpine:3.20\nENV EMPTY=\n' },
    { name: 'ONBUILD ENV is not checked', dockerfile: 'FROM alpine:3.20\nONBUILD ENV MODE production\n' },
    { name: 'value with = after the key=', dockerfile: 'FROM alpine:3.20\nENV JAVA_OPTS="-Dfile.encoding=UTF-8 -Xmx512m"\n' },
  ],
  invalid: [
    {
      name: 'ENV key value',
      dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, endLine: 2, endColumn: 21, data: { keyword: 'ENV', name: 'PYTHONUNBUFFERED', value: '1' } }],
    },
    {
      name: 'ENV value with spaces becomes one quoted value',
      dockerfile: 'FROM python:3.12-slim\nENV GREETING hello big world\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, data: { name: 'GREETING', value: '"hello big world"' } }],
    },
    {
      name: 'LABEL key value',
      dockerfile: 'FROM alpine:3.20\nLABEL description Internal API server\n',
      errors: [{ messageId: 'legacy', line: 2, column: 7, data: { keyword: 'LABEL', name: 'description', value: '"Internal API server"' } }],
    },
    {
      name: 'multi-line legacy ENV',
      dockerfile: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git \\\n    make\nRUN apk add $DEPS\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, data: { name: 'DEPS' } }],
    },
    {
      name: 'legacy ENV in every stage, keyword in any case',
      dockerfile: 'FROM node:20-alpine AS build\nENV NODE_ENV production\nFROM node:20-alpine\nenv PORT 3000\n',
      errors: [
        { messageId: 'legacy', line: 2, column: 5, data: { name: 'NODE_ENV', value: 'production' } },
        { messageId: 'legacy', line: 4, column: 5, data: { keyword: 'ENV', name: 'PORT', value: '3000' } },
      ],
    },
    {
      name: 'a second pair written after a legacy key becomes part of its value',
      dockerfile: 'FROM alpine:3.20\nENV A 1 B=2\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, data: { name: 'A', value: '"1 B=2"' } }],
    },
  ],
});
