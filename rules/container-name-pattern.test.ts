import rule from './container-name-pattern.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'letters, digits, dash, underscore and dot',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: acme_db-1.primary\n  cache:\n    image: redis:7\n    container_name: 9redis\n',
    },
    {
      name: 'two characters are enough',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: db\n',
    },
    {
      name: 'no container_name at all',
      compose: 'services:\n  db:\n    image: postgres:16\n',
    },
    {
      name: 'a variable without a value is unknown, not wrong',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: ${COMPOSE_PROJECT_NAME}-db\n',
    },
    {
      name: 'a variable from .env that makes a valid name',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: ${PREFIX}db\n', '.env': 'PREFIX=acme-\n' },
    },
    {
      name: 'the override fixes a bad name of the base',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: "acme db"\n',
        'compose.override.yaml': 'services:\n  db:\n    container_name: acme-db\n',
      },
    },
    {
      name: 'a numeric name is read as written',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: 42\n',
    },
  ],
  invalid: [
    {
      name: 'a space in the name',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: "acme db"\n',
      errors: [{ messageId: 'invalid', line: 4, column: 21, data: { service: 'db', name: 'acme db' } }],
    },
    {
      name: 'a leading dash, a leading dot and a slash',
      compose: 'services:\n  a:\n    image: postgres:16\n    container_name: -db\n  b:\n    image: redis:7\n    container_name: .cache\n  c:\n    image: nginx:1.27\n    container_name: /web\n',
      errors: [
        { messageId: 'invalid', line: 4, column: 21, data: { name: '-db' } },
        { messageId: 'invalid', line: 7, column: 21, data: { name: '.cache' } },
        { messageId: 'invalid', line: 10, column: 21, data: { name: '/web' } },
      ],
    },
    {
      name: 'a one-character name',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: d\n',
      errors: [{ messageId: 'invalid', line: 4, column: 21, data: { name: 'd' } }],
    },
    {
      name: 'a colon and an empty name',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: "acme:db"\n  cache:\n    image: redis:7\n    container_name: ""\n',
      errors: [
        { messageId: 'invalid', line: 4, column: 21, data: { name: 'acme:db' } },
        { messageId: 'invalid', line: 7, column: 21, data: { name: '' } },
      ],
    },
    {
      name: 'a default that makes a bad name is judged',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: ${PREFIX:-acme/}db\n',
      errors: [{ messageId: 'invalidInterpolated', line: 4, column: 21, data: { name: 'acme/db', written: '${PREFIX:-acme/}db' } }],
    },
    {
      name: 'the override sets a bad name',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: acme-db\n',
        'compose.override.yaml': 'services:\n  db:\n    container_name: acme db (dev)\n',
      },
      errors: [{ messageId: 'invalid', file: 'compose.override.yaml', line: 3, column: 21, data: { name: 'acme db (dev)' } }],
    },
  ],
});
