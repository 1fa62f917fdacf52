import rule from './container-name-pattern.js';
import { testRule } from '../test/rule-tester.js';

const ACME = { pattern: '^acme-[a-z]+$' };

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
    {
      name: 'option pattern: names that follow the team convention',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: acme-db\n  cache:\n    image: redis:7\n    container_name: acme-cache\n',
      options: ACME,
    },
    {
      name: 'option pattern: an unanchored pattern only needs to match part of the name',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: acme-db_1.primary\n',
      options: { pattern: '^acme-' },
    },
    {
      name: 'option pattern: Docker\'s own pattern written out is the default behaviour',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: 9db\n',
      options: { pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$' },
    },
    {
      name: 'option pattern: a name with a variable without a value is not judged',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: ${COMPOSE_PROJECT_NAME}_db\n',
      options: ACME,
    },
    {
      name: 'option pattern: a variable from .env that follows the convention',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: ${TEAM}-db\n', '.env': 'TEAM=acme\n' },
      options: ACME,
    },
    {
      name: 'option pattern: the override renames to a conforming name',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: db\n',
        'compose.override.yaml': 'services:\n  db:\n    container_name: acme-db\n',
      },
      options: ACME,
    },
    {
      name: 'option pattern: an invalid regular expression with no container_name reports nothing',
      compose: 'services:\n  db:\n    image: postgres:16\n',
      options: { pattern: 'acme-(' },
    },
  ],
  invalid: [
    {
      name: 'option pattern: a name Docker accepts but the convention does not',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: db\n  cache:\n    image: redis:7\n    container_name: acme-cache\n',
      options: ACME,
      errors: [{ messageId: 'mismatch', line: 4, column: 21, data: { service: 'db', name: 'db', pattern: '^acme-[a-z]+$' } }],
    },
    {
      name: 'option pattern: matching is case-sensitive and anchors are honoured',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: acme-DB\n  cache:\n    image: redis:7\n    container_name: acme-cache-2\n',
      options: ACME,
      errors: [
        { messageId: 'mismatch', line: 4, column: 21, data: { name: 'acme-DB' } },
        { messageId: 'mismatch', line: 7, column: 21, data: { name: 'acme-cache-2' } },
      ],
    },
    {
      name: 'option pattern: a default that breaks the convention',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: ${TEAM:-web}-db\n',
      options: ACME,
      errors: [{ messageId: 'mismatchInterpolated', line: 4, column: 21, data: { name: 'web-db', written: '${TEAM:-web}-db', pattern: '^acme-[a-z]+$' } }],
    },
    {
      name: 'option pattern: a name Docker rejects is reported as such, once',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: "acme db"\n',
      options: { pattern: '^acme' },
      errors: [{ messageId: 'invalid', line: 4, column: 21, data: { name: 'acme db' } }],
    },
    {
      name: 'option pattern: a looser pattern does not allow what Docker rejects',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: -db\n',
      options: { pattern: '.*' },
      errors: [{ messageId: 'invalid', line: 4, column: 21, data: { name: '-db' } }],
    },
    {
      name: 'option pattern: the merged name of an override is judged',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: acme-db\n',
        'compose.override.yaml': 'services:\n  db:\n    container_name: db-dev\n',
      },
      options: ACME,
      errors: [{ messageId: 'mismatch', file: 'compose.override.yaml', line: 3, column: 21, data: { name: 'db-dev' } }],
    },
    {
      name: 'option pattern: an invalid regular expression is reported once, Docker\'s check still runs',
      compose: 'services:\n  db:\n    image: postgres:16\n    container_name: acme-db\n  cache:\n    image: redis:7\n    container_name: acme cache\n  web:\n    image: nginx:1.27\n    container_name: web\n',
      options: { pattern: 'acme-(' },
      errors: [
        { messageId: 'invalidPattern', line: 4, column: 21, data: { pattern: 'acme-(', error: 'Unterminated group' } },
        { messageId: 'invalid', line: 7, column: 21, data: { name: 'acme cache' } },
      ],
    },
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
