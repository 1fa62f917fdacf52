import rule from './read-only-root-fs.js';
import { testRule } from '../test/rule-tester.js';

const api = (extra: string) => `services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'read_only: true', compose: api('    read_only: true\n    tmpfs:\n      - /tmp\n') },
    { name: 'quoted "true"', compose: api('    read_only: "true"\n') },
    { name: 'yes (compose casts it to true)', compose: api('    read_only: yes\n') },
    { name: 'an unset variable is unknown', compose: api('    read_only: ${API_READ_ONLY}\n') },
    { name: 'a variable defaulting to true', compose: api('    read_only: ${API_READ_ONLY:-true}\n') },
    { name: 'a service without image or build is not runnable', compose: 'services:\n  api:\n    restart: always\n' },
    {
      name: 'the override sets it',
      files: { 'compose.yaml': api(''), 'compose.override.yaml': 'services:\n  api:\n    read_only: true\n' },
    },
  ],
  invalid: [
    { name: 'not set', compose: api(''), errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'api' } }] },
    { name: 'read-only volumes are not a read-only root', compose: api('    volumes:\n      - ./config:/config:ro\n'), errors: [{ messageId: 'missing', line: 2, column: 3 }] },
    { name: 'read_only: false', compose: api('    read_only: false\n'), errors: [{ messageId: 'disabled', line: 4, column: 16, data: { value: 'false' } }] },
    { name: 'read_only: no', compose: api('    read_only: no\n'), errors: [{ messageId: 'disabled', line: 4, column: 16, data: { value: 'no' } }] },
    {
      name: 'a variable set to false in .env',
      files: { 'compose.yaml': api('    read_only: ${API_READ_ONLY:-true}\n'), '.env': 'API_READ_ONLY=false\n' },
      errors: [{ messageId: 'disabled', file: 'compose.yaml', line: 4, column: 16 }],
    },
    {
      name: 'base is fine, the override turns it off',
      files: { 'compose.yaml': api('    read_only: true\n'), 'compose.override.yaml': 'services:\n  api:\n    read_only: false\n' },
      errors: [{ messageId: 'disabled', file: 'compose.override.yaml', line: 3, column: 16 }],
    },
    {
      name: 'the override removes it with !reset',
      files: { 'compose.yaml': api('    read_only: true\n'), 'compose.override.yaml': 'services:\n  api:\n    read_only: !reset null\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
    {
      name: 'each service without it',
      compose: 'services:\n  api:\n    image: a:1\n    read_only: true\n  db:\n    image: postgres:16-alpine\n  cache:\n    image: redis:7-alpine\n',
      errors: [
        { messageId: 'missing', line: 5, column: 3, data: { service: 'db' } },
        { messageId: 'missing', line: 7, column: 3, data: { service: 'cache' } },
      ],
    },
  ],
});
