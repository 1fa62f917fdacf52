import { defineRule } from '../src/engine/rule.js';
import { completeServices, isGoTrue, parseSecurityOpt, serviceList, type ListItem } from '../src/model/compose-security.js';

const GO_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** The no-new-privileges state `security_opt` leaves (the daemon applies items in order; the last one wins). */
function noNewPrivileges(items: ListItem[]): { state: 'on' | 'off'; item: ListItem } | undefined {
  let result: { state: 'on' | 'off'; item: ListItem } | undefined;
  for (const item of items) {
    const { key, value } = parseSecurityOpt(item.text);
    if (key !== 'no-new-privileges') continue;
    if (value === undefined || isGoTrue(value)) result = { state: 'on', item };
    else if (GO_FALSE.includes(value)) result = { state: 'off', item };
  }
  return result;
}

export default defineRule({
  meta: {
    id: 'no-new-privileges',
    aliases: ['No New Privileges Not Set', 'Security Opt Not Set'],
    level: 'off',
    target: 'compose',
    tags: ['security', 'hardening'],
    securitySeverity: 8.0,
    description: 'A compose service sets `security_opt: [no-new-privileges:true]`.',
    docs: {
      what: 'Reads `security_opt` of each service merged across its override files, as the daemon does: `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` (any Go boolean true) turn it on, `:false` turns it off, and the last such item wins. Reports a service without `security_opt` (at the service key), one whose `security_opt` does not turn it on (at the `security_opt` key) and an item that turns it off (at the item). Services an override file only patches are judged in the stack that merges them; a `security_opt` holding an unset variable is not judged. A daemon started with `no-new-privileges` in daemon.json cannot be seen from the compose file.',
      why: 'Without it a process in the container can gain privileges through a setuid or setcap binary (`su`, `sudo`, `ping`, or one an attacker wrote): an exploited service that runs as an unprivileged user can become root in the container, one step from the host.',
      example: 'services:\n  api:\n    image: registry.example.com/api:1.8\n    user: "10001"',
      fix: 'Set the flag on every service:\n\nservices:\n  api:\n    image: registry.example.com/api:1.8\n    user: "10001"\n    security_opt:\n      - no-new-privileges:true',
    },
    messages: {
      missing: 'Service "{{service}}" has no `security_opt`: add `no-new-privileges:true` so its processes cannot gain privileges through setuid binaries.',
      notSet: 'Service "{{service}}" does not set `no-new-privileges:true` in `security_opt`: its processes can gain privileges through setuid binaries.',
      disabled: 'Service "{{service}}" turns no-new-privileges off: its processes can gain privileges through setuid binaries.',
    },
  },
  check({ project, report }) {
    const complete = new Set(completeServices(project));
    for (const service of project.services) {
      const opts = serviceList(service, 'security_opt');
      if (opts?.unknown) continue;
      const data = { service: service.name };
      const stack = service.stack.name;
      const nnp = opts && noNewPrivileges(opts.items);
      if (nnp?.state === 'off') {
        report({ messageId: 'disabled', data, at: nnp.item.at, stack });
        continue;
      }
      if (nnp?.state === 'on' || !complete.has(service)) continue;
      if (opts) report({ messageId: 'notSet', data, at: opts.keyAt, stack });
      else report({ messageId: 'missing', data, at: service.at, stack });
    }
  },
});
