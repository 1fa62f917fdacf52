import { defineRule } from '../src/engine/rule.js';
import { checkLimit, type LimitKeys } from '../src/model/compose-security.js';

// Where Compose reads a container's memory limit; `0` or `-1` (any unit) means no limit.
const unlimited = (text: string) => text.trim() === '' || /^(?:-1|0+(?:\.0*)?\s*[a-z]*)$/i.test(text.trim());
const KEYS: LimitKeys = [
  { key: 'deploy.resources.limits.memory', unlimited },
  { key: 'mem_limit', unlimited },
];

export default defineRule({
  meta: {
    id: 'memory-limit',
    aliases: ['Memory Not Limited'],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 5.5,
    description: 'A compose service sets a memory limit.',
    docs: {
      what: 'Reports a service (merged across its override files) that sets neither `deploy.resources.limits.memory` nor `mem_limit`, at its key, and a limit of `0` or `-1` (no limit to Docker), at that value. A limit written with an unset variable counts as set. Services that are not runnable on their own (an override file\'s partial service, without image or build) are judged in the stack that merges them.',
      why: 'Without a limit a leaking or attacked container can take all the host\'s memory: the kernel\'s OOM killer then picks processes across the host, other containers and the Docker daemon included. A limit confines the damage to the container that misbehaves.',
      example: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2',
      fix: 'Set a limit the service stays well under in normal use:\n\nservices:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    deploy:\n      resources:\n        limits:\n          memory: 512M',
    },
    messages: {
      missing: 'Service "{{service}}" has no memory limit: set `deploy.resources.limits.memory` (or `mem_limit`).',
      unlimited: 'Service "{{service}}" sets `{{key}}: {{value}}`, which is no memory limit.',
    },
  },
  check({ project, report }) {
    checkLimit(project, KEYS, report);
  },
});
