import rule from './depends-on-healthy.js';
import { testRule } from '../test/rule-tester.js';

const db = '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n';

testRule(rule, {
  valid: [
    { name: 'service_healthy on a healthchecked service', compose: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n${db}` },
    { name: 'service_completed_successfully', compose: 'services:\n  api:\n    image: a:1\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: a:1\n' },
    {
      name: 'healthcheck from the built stage',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: w:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: .\n',
        Dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/\n',
      },
    },
    { name: 'no depends_on', compose: 'services:\n  api:\n    image: a:1\n' },
    { name: 'dependency with unknown health (unfollowable build)', compose: 'services:\n  web:\n    image: w:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: ./missing\n' },
  ],
  invalid: [
    {
      name: 'list form',
      compose: `services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n${db}`,
      errors: [{ messageId: 'listForm', line: 5, column: 9, data: { service: 'api', dependency: 'db' } }],
    },
    {
      name: 'map form without condition',
      compose: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        restart: true\n${db}`,
      errors: [{ messageId: 'noCondition', line: 5, column: 7 }],
    },
    {
      name: 'service_started',
      compose: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n${db}`,
      errors: [{ messageId: 'weakCondition', line: 6, column: 20, data: { condition: 'service_started' } }],
    },
    {
      name: 'service_healthy on a service without healthcheck',
      compose: 'services:\n  api:\n    image: a:1\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: redis:7\n',
      errors: [{ messageId: 'neverHealthy', line: 6, column: 20, data: { dependency: 'cache' } }],
    },
    {
      name: 'service_healthy on a service whose healthcheck is disabled',
      compose: 'services:\n  api:\n    image: a:1\n    depends_on:\n      cache:\n        condition: service_healthy\n  cache:\n    image: redis:7\n    healthcheck:\n      disable: true\n',
      errors: [{ messageId: 'neverHealthy', line: 6, column: 20 }],
    },
    {
      name: 'service_healthy on a built stage without HEALTHCHECK',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: w:1\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build: .\n',
        Dockerfile: 'FROM python:3.12-slim\n',
      },
      errors: [{ messageId: 'neverHealthy', file: 'compose.yaml', line: 6, column: 20 }],
    },
    {
      name: 'several entries, flow style list',
      compose: `services:\n  api:\n    image: a:1\n    depends_on: [db, cache]\n  cache:\n    image: redis:7\n${db}`,
      errors: [
        { messageId: 'listForm', line: 4, column: 18, data: { dependency: 'db' } },
        { messageId: 'listForm', line: 4, column: 22, data: { dependency: 'cache' } },
      ],
    },
  ],
});
