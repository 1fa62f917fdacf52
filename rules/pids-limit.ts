import { defineRule } from '../src/engine/rule.js';
import { checkLimit, type LimitKeys } from '../src/model/compose-security.js';

// Where Compose reads the process limit; `0` or `-1` means no limit.
const unlimited = (text: string) => text.trim() === '' || !(Number.parseFloat(text) > 0);
const KEYS: LimitKeys = [
  { key: 'pids_limit', unlimited },
  { key: 'deploy.resources.limits.pids', unlimited },
];

export default defineRule({
  meta: {
    id: 'pids-limit',
    aliases: ['Pids Limit Not Set'],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 5.5,
    description: 'A compose service limits the number of processes it may run.',
    docs: {
      what: 'Reports a service (merged across its override files) that sets neither `pids_limit` nor `deploy.resources.limits.pids`, at its key, and a limit of `0` or `-1` (no limit to Docker), at that value. A limit written with an unset variable counts as set. Services that are not runnable on their own (an override file\'s partial service, without image or build) are judged in the stack that merges them.',
      why: 'Processes and threads come from one table shared by the whole host: without a limit, a fork bomb or a thread leak in one container exhausts it, and no process on the host, sshd included, can start another.',
      example: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2',
      fix: 'Allow comfortably more processes than the service uses:\n\nservices:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    pids_limit: 200',
    },
    messages: {
      missing: 'Service "{{service}}" has no process limit: set `pids_limit` (or `deploy.resources.limits.pids`).',
      unlimited: 'Service "{{service}}" sets `{{key}}: {{value}}`, which is no process limit.',
    },
  },
  check({ project, report }) {
    checkLimit(project, KEYS, report);
  },
});
