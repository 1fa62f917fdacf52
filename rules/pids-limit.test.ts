import rule from './pids-limit.js';
import { testRule } from '../test/rule-tester.js';

const api = (extra: string) => `services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'pids_limit', compose: api('    pids_limit: 200\n') },
    { name: 'deploy.resources.limits.pids', compose: api('    deploy:\n      resources:\n        limits:\n          pids: 100\n') },
    { name: 'quoted', compose: api('    pids_limit: "512"\n') },
    { name: 'an unset variable counts as set', compose: api('    pids_limit: ${API_PIDS}\n') },
    { name: 'pids_limit -1 but a deploy limit', compose: api('    pids_limit: -1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n') },
    { name: 'a service without image or build is not runnable', compose: 'services:\n  api:\n    restart: always\n' },
    {
      name: 'the override adds the limit',
      files: { 'compose.yaml': api(''), 'compose.override.yaml': 'services:\n  api:\n    pids_limit: 100\n' },
    },
  ],
  invalid: [
    { name: 'no limit', compose: api(''), errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'api' } }] },
    {
      name: 'limits without pids',
      compose: api('    deploy:\n      resources:\n        limits:\n          memory: 256M\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    { name: 'pids_limit -1', compose: api('    pids_limit: -1\n'), errors: [{ messageId: 'unlimited', line: 4, column: 17, data: { key: 'pids_limit', value: '-1' } }] },
    { name: 'pids_limit 0', compose: api('    pids_limit: 0\n'), errors: [{ messageId: 'unlimited', line: 4, column: 17, data: { value: '0' } }] },
    {
      name: 'deploy pids -1',
      compose: api('    deploy:\n      resources:\n        limits:\n          pids: -1\n'),
      errors: [{ messageId: 'unlimited', line: 7, column: 17, data: { key: 'deploy.resources.limits.pids' } }],
    },
    {
      name: 'base is fine, the override lifts the limit',
      files: { 'compose.yaml': api('    pids_limit: 100\n'), 'compose.override.yaml': 'services:\n  api:\n    pids_limit: -1\n' },
      errors: [{ messageId: 'unlimited', file: 'compose.override.yaml', line: 3, column: 17 }],
    },
    {
      name: 'a service added by the override',
      files: { 'compose.yaml': api('    pids_limit: 100\n'), 'compose.override.yaml': 'services:\n  debug:\n    build: ./debug\n' },
      errors: [{ messageId: 'missing', file: 'compose.override.yaml', line: 2, column: 3, data: { service: 'debug' } }],
    },
  ],
});
