import { defineRule } from '../src/engine/rule.js';
import { checkLimit, type LimitKeys } from '../src/model/compose-security.js';

const nonPositive = (text: string) => text.trim() === '' || !(Number.parseFloat(text) > 0);

// Where Compose reads a CPU limit, and the values that mean no limit: `cpus: 0`, `cpu_quota: -1`, an empty `cpuset`.
// `cpu_shares` is a relative weight, not a limit.
const KEYS: LimitKeys = [
  { key: 'deploy.resources.limits.cpus', unlimited: nonPositive },
  { key: 'cpus', unlimited: nonPositive },
  { key: 'cpu_quota', unlimited: nonPositive },
  { key: 'cpu_count', unlimited: nonPositive },
  { key: 'cpu_percent', unlimited: (text) => nonPositive(text) || Number.parseFloat(text) >= 100 },
  { key: 'cpuset', unlimited: (text) => text.trim() === '' },
];

export default defineRule({
  meta: {
    id: 'cpu-limit',
    aliases: ['Cpus Not Limited'],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 3.0,
    description: 'A compose service sets a CPU limit.',
    docs: {
      what: 'Reports a service (merged across its override files) that sets none of `deploy.resources.limits.cpus`, `cpus`, `cpu_quota`, `cpu_count`, `cpu_percent` or `cpuset` (pinning to some cores caps the service too), at its key, and a setting that is no limit (`cpus: 0`, `cpu_quota: -1`, `cpu_percent: 100`, an empty `cpuset`), at that value. `cpu_shares` is a relative weight and does not count. A limit written with an unset variable counts as set. Services that are not runnable on their own (an override file\'s partial service, without image or build) are judged in the stack that merges them.',
      why: 'Without a limit one busy or attacked container can use every core of the host and starve the other containers and the host\'s own services; a limit keeps a runaway loop or a crypto-miner to its share.',
      example: 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.2.0',
      fix: 'Cap the cores the service may use:\n\nservices:\n  worker:\n    image: ghcr.io/acme/worker:3.2.0\n    deploy:\n      resources:\n        limits:\n          cpus: "1.5"',
    },
    messages: {
      missing: 'Service "{{service}}" has no CPU limit: set `deploy.resources.limits.cpus` (or `cpus`).',
      unlimited: 'Service "{{service}}" sets `{{key}}: {{value}}`, which is no CPU limit.',
    },
  },
  check({ project, report }) {
    checkLimit(project, KEYS, report);
  },
});
