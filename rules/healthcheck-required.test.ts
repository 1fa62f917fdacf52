import rule from './healthcheck-required.js';
import { testRule } from '../test/rule-tester.js';

const hc = 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n';

testRule(rule, {
  valid: [
    { name: 'standalone with HEALTHCHECK', dockerfile: `FROM nginx:1.27\n${hc}` },
    { name: 'HEALTHCHECK inherited from the parent stage', dockerfile: `FROM nginx:1.27 AS base\n${hc}FROM base\nRUN true\n` },
    { name: 'compose test list', compose: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n' },
    { name: 'compose test string', compose: 'services:\n  db:\n    image: redis:7\n    healthcheck:\n      test: redis-cli ping\n' },
    {
      name: 'built stage has a HEALTHCHECK',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', Dockerfile: `FROM python:3.12-slim\n${hc}` },
    },
    {
      name: 'compose healthcheck overrides HEALTHCHECK NONE',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "true"]\n', Dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK NONE\n' },
    },
    {
      name: 'compose healthcheck with only timing keeps the image test',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    healthcheck:\n      interval: 10s\n', Dockerfile: `FROM python:3.12-slim\n${hc}` },
    },
    {
      name: 'one-shot job waited for with service_completed_successfully',
      compose:
        'services:\n  migrate:\n    image: app:1\n  api:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    },
    { name: 'healthcheck from a merge key', compose: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  a:\n    <<: *hc\n    image: a:1\n' },
    { name: 'build with a missing Dockerfile is unknown', compose: 'services:\n  api:\n    build: ./nowhere\n' },
  ],
  invalid: [
    { name: 'standalone without HEALTHCHECK', dockerfile: 'FROM nginx:1.27\n', errors: [{ messageId: 'noHealthcheck', line: 1, column: 1 }] },
    { name: 'standalone HEALTHCHECK NONE', dockerfile: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', errors: [{ messageId: 'lastStageNone', line: 2, column: 1 }] },
    {
      name: 'HEALTHCHECK only in a builder stage',
      dockerfile: `FROM node:20 AS build\n${hc}FROM nginx:1.27\n`,
      errors: [{ messageId: 'noHealthcheck', line: 3, column: 1 }],
    },
    { name: 'image-only service', compose: 'services:\n  cache:\n    image: redis:7\n', errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'cache' } }] },
    {
      name: 'disable: true',
      compose: 'services:\n  cache:\n    image: redis:7\n    healthcheck:\n      disable: true\n',
      errors: [{ messageId: 'disabled', line: 5, column: 7 }],
    },
    {
      name: 'test NONE',
      compose: 'services:\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["NONE"]\n',
      errors: [{ messageId: 'testNone', line: 5, column: 13 }],
    },
    {
      name: 'built stage without HEALTHCHECK',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', Dockerfile: 'FROM python:3.12-slim\n' },
      errors: [{ messageId: 'missingBuilt', file: 'compose.yaml', line: 2, column: 3, data: { stage: '#1' } }],
    },
    {
      name: 'built stage with HEALTHCHECK NONE',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n', Dockerfile: `FROM python:3.12-slim AS base\n${hc}FROM base\nHEALTHCHECK NONE\n` },
      errors: [{ messageId: 'dockerfileNone', file: 'Dockerfile', line: 4, column: 1 }],
    },
    {
      name: 'target stage lacks what the last stage has',
      files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: dev\n', Dockerfile: `FROM python:3.12-slim AS dev\nFROM python:3.12-slim AS prod\n${hc}` },
      errors: [{ messageId: 'missingBuilt', file: 'compose.yaml', line: 2, column: 3, data: { stage: '"dev"' } }],
    },
    {
      name: 'one-shot exemption needs service_completed_successfully',
      compose: 'services:\n  migrate:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "true"]\n  api:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      migrate:\n        condition: service_healthy\n  worker:\n    image: app:1\n',
      errors: [{ messageId: 'missing', line: 13, column: 3, data: { service: 'worker' } }],
    },
  ],
});
