import rule from './cpu-limit.js';
import { testRule } from '../test/rule-tester.js';

const worker = (extra: string) => `services:\n  worker:\n    image: ghcr.io/acme/worker:3.2.0\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'deploy.resources.limits.cpus', compose: worker('    deploy:\n      resources:\n        limits:\n          cpus: "1.5"\n') },
    { name: 'cpus', compose: worker('    cpus: 0.5\n') },
    { name: 'cpu_quota', compose: worker('    cpu_period: 100000\n    cpu_quota: 50000\n') },
    { name: 'cpu_count (Windows)', compose: worker('    cpu_count: 2\n') },
    { name: 'cpu_percent (Windows)', compose: worker('    cpu_percent: 50\n') },
    { name: 'cpuset pins to some cores', compose: worker('    cpuset: "0,1"\n') },
    { name: 'cpuset core 0 alone', compose: worker('    cpuset: "0"\n') },
    { name: 'an unset variable counts as set', compose: worker('    cpus: ${WORKER_CPUS}\n') },
    { name: 'cpus 0 but a deploy limit', compose: worker('    cpus: 0\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n') },
    { name: 'a service without image or build is not runnable', compose: 'services:\n  worker:\n    cpu_shares: 512\n' },
    {
      name: 'the override adds the limit',
      files: { 'compose.yaml': worker(''), 'compose.override.yaml': 'services:\n  worker:\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n' },
    },
  ],
  invalid: [
    { name: 'no limit', compose: worker(''), errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'worker' } }] },
    { name: 'cpu_shares is a weight, not a limit', compose: worker('    cpu_shares: 512\n'), errors: [{ messageId: 'missing', line: 2, column: 3 }] },
    {
      name: 'limits without cpus, reservations do not count',
      compose: worker('    deploy:\n      resources:\n        limits:\n          memory: 512M\n        reservations:\n          cpus: "0.5"\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    { name: 'cpus 0', compose: worker('    cpus: 0\n'), errors: [{ messageId: 'unlimited', line: 4, column: 11, data: { key: 'cpus', value: '0' } }] },
    { name: 'cpu_quota -1', compose: worker('    cpu_quota: -1\n'), errors: [{ messageId: 'unlimited', line: 4, column: 16, data: { key: 'cpu_quota' } }] },
    { name: 'cpu_percent 100', compose: worker('    cpu_percent: 100\n'), errors: [{ messageId: 'unlimited', line: 4, column: 18 }] },
    {
      name: 'deploy cpus "0.0"',
      compose: worker('    deploy:\n      resources:\n        limits:\n          cpus: "0.0"\n'),
      errors: [{ messageId: 'unlimited', line: 7, column: 17, data: { key: 'deploy.resources.limits.cpus', value: '0.0' } }],
    },
    {
      name: 'base is fine, the override lifts the limit',
      files: { 'compose.yaml': worker('    cpus: 1\n'), 'compose.override.yaml': 'services:\n  worker:\n    cpus: 0\n' },
      errors: [{ messageId: 'unlimited', file: 'compose.override.yaml', line: 3, column: 11 }],
    },
    {
      name: 'the override removes the limit with !reset',
      files: { 'compose.yaml': worker('    cpus: 1\n'), 'compose.override.yaml': 'services:\n  worker:\n    cpus: !reset null\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
  ],
});
