import { defineRule } from '../src/engine/rule.js';
import { capabilityName, completeServices, serviceList } from '../src/model/compose-security.js';

export default defineRule({
  meta: {
    id: 'cap-drop-all',
    // One KICS query (id ce76b7d0-9e77-464d-b86f-c5c48e03e22d) under its current and its earlier title.
    aliases: ['Container Capabilities Unrestricted', 'Check Cap Add Cap Drop'],
    level: 'off',
    target: 'compose',
    tags: ['security', 'hardening'],
    securitySeverity: 3.0,
    description: 'A compose service drops all capabilities (`cap_drop: [ALL]`) and adds back only what it needs.',
    docs: {
      what: 'Reports a service that does not have `ALL` in `cap_drop` (any case, `CAP_ALL` too), judged on the service merged across its override files: no `cap_drop` at all is reported at the service key, a `cap_drop` that lists only some capabilities at that key. A service that drops ALL and adds a few back with `cap_add` passes. Services an override file only patches (no image or build) are judged in the stack that merges them; a `cap_drop` holding an unset variable is not judged.',
      why: "Docker gives every container 14 capabilities by default (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD...). Most services need none of them; each one left is something an attacker in the container can use, for instance NET_RAW for ARP spoofing on the container network or DAC_OVERRIDE to write any file the container can see.",
      example: 'services:\n  api:\n    image: registry.example.com/api:1.8\n    ports: ["8080:8080"]',
      fix: 'Drop everything and add back only what the process needs:\n\nservices:\n  api:\n    image: registry.example.com/api:1.8\n    ports: ["8080:8080"]\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]',
    },
    messages: {
      missing: 'Service "{{service}}" keeps Docker\'s default capabilities: add `cap_drop: [ALL]` and add back only what it needs.',
      notAll: 'Service "{{service}}" drops only some capabilities: drop ALL and add back only what it needs.',
    },
  },
  check({ project, report }) {
    for (const service of completeServices(project)) {
      const drop = serviceList(service, 'cap_drop');
      if (drop?.unknown) continue;
      if (drop?.items.some((i) => capabilityName(i.text) === 'ALL')) continue;
      const data = { service: service.name };
      if (drop) report({ messageId: 'notAll', data, at: drop.keyAt, stack: service.stack.name });
      else report({ messageId: 'missing', data, at: service.at, stack: service.stack.name });
    }
  },
});
