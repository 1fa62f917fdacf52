import rule from './memory-limit.js';
import { testRule } from '../test/rule-tester.js';

const api = (extra: string) => `services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'deploy.resources.limits.memory', compose: api('    deploy:\n      resources:\n        limits:\n          memory: 512M\n') },
    { name: 'mem_limit', compose: api('    mem_limit: 512m\n') },
    { name: 'a fractional limit', compose: api('    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 1.5G\n') },
    { name: 'an unset variable counts as set', compose: api('    mem_limit: ${API_MEMORY}\n') },
    { name: 'a variable with a default', compose: api('    deploy:\n      resources:\n        limits:\n          memory: ${API_MEMORY:-256M}\n') },
    { name: 'mem_limit 0 but a deploy limit', compose: api('    mem_limit: 0\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n') },
    { name: 'a service without image or build is not runnable', compose: 'services:\n  api:\n    environment:\n      A: "1"\n' },
    {
      name: 'an override file checked alone is judged in its stack',
      files: { 'compose.prod.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    restart: always\n' },
    },
    {
      name: 'the override adds the limit',
      files: { 'compose.yaml': api(''), 'compose.override.yaml': 'services:\n  api:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n' },
    },
  ],
  invalid: [
    { name: 'no limit', compose: api(''), errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'api' } }] },
    { name: 'a build-only service', compose: 'services:\n  api:\n    build: .\n', errors: [{ messageId: 'missing', line: 2, column: 3 }] },
    {
      name: 'limits without memory, reservations do not count',
      compose: api('    deploy:\n      resources:\n        limits:\n          cpus: "1"\n        reservations:\n          memory: 256M\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    { name: 'mem_reservation is not a limit', compose: api('    mem_reservation: 256m\n'), errors: [{ messageId: 'missing', line: 2, column: 3 }] },
    { name: 'mem_limit 0', compose: api('    mem_limit: 0\n'), errors: [{ messageId: 'unlimited', line: 4, column: 16, data: { key: 'mem_limit', value: '0' } }] },
    {
      name: 'deploy memory -1',
      compose: api('    deploy:\n      resources:\n        limits:\n          memory: "-1"\n'),
      errors: [{ messageId: 'unlimited', line: 7, column: 19, data: { key: 'deploy.resources.limits.memory', value: '-1' } }],
    },
    {
      name: 'only the unlimited one of two services',
      compose: 'services:\n  api:\n    image: a:1\n    mem_limit: 1g\n  worker:\n    image: w:1\n',
      errors: [{ messageId: 'missing', line: 5, column: 3, data: { service: 'worker' } }],
    },
    {
      name: 'base is fine, the override lifts the limit',
      files: { 'compose.yaml': api('    mem_limit: 512m\n'), 'compose.override.yaml': 'services:\n  api:\n    mem_limit: "0"\n' },
      errors: [{ messageId: 'unlimited', file: 'compose.override.yaml', line: 3, column: 16 }],
    },
    {
      name: 'the override resets deploy',
      files: { 'compose.yaml': api('    deploy:\n      resources:\n        limits:\n          memory: 512M\n'), 'compose.override.yaml': 'services:\n  api:\n    deploy: !reset {}\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
    {
      name: 'a service added by the override',
      files: { 'compose.yaml': api('    mem_limit: 512m\n'), 'compose.override.yaml': 'services:\n  debug:\n    image: busybox:1.36\n' },
      errors: [{ messageId: 'missing', file: 'compose.override.yaml', line: 2, column: 3, data: { service: 'debug' } }],
    },
  ],
});
