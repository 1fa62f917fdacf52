import { defineRule } from '../src/engine/rule.js';
import { completeServices } from '../src/model/compose-security.js';
import { scalarAt } from '../src/model/fields.js';

// Compose's boolean cast (compose-go reads `n`, `no`, `false`, `off` in any case as false).
const FALSE = /^(?:n|no|false|off)$/i;

export default defineRule({
  meta: {
    id: 'read-only-root-fs',
    aliases: [],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 3.0,
    description: 'A compose service runs with a read-only root filesystem.',
    docs: {
      what: 'Reports a service (merged across its override files) without `read_only: true`: at its key when `read_only` is not set, at the value when it is `false`. A value written with an unset variable is not judged. Services that are not runnable on their own (an override file\'s partial service, without image or build) are judged in the stack that merges them.',
      why: "With a writable root filesystem an attacker who gets code execution can drop tools, change the application's files and persist until the container is recreated. A read-only root makes the image immutable at run time: what the service must write goes to volumes and tmpfs mounts, which are few and visible in the compose file.",
      example: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2',
      fix: 'Make the root filesystem read-only and give the service tmpfs or volumes where it writes:\n\nservices:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    read_only: true\n    tmpfs:\n      - /tmp\n    volumes:\n      - api-data:/var/lib/api\nvolumes:\n  api-data:',
    },
    messages: {
      missing: 'Service "{{service}}" has a writable root filesystem: set `read_only: true`.',
      disabled: 'Service "{{service}}" sets `read_only: {{value}}`: its root filesystem is writable.',
    },
  },
  check({ project, report }) {
    for (const service of completeServices(project)) {
      const value = scalarAt(service.fields, 'read_only');
      if (!value) report({ messageId: 'missing', data: { service: service.name }, at: service.at, stack: service.stack.name });
      else if (value.value !== undefined && FALSE.test(value.value.trim())) report({ messageId: 'disabled', data: { service: service.name, value: value.value }, at: value.at, stack: service.stack.name });
    }
  },
});
