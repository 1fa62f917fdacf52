import { defineRule } from '../src/engine/rule.js';
import { isComposeTrue, serviceScalar } from '../src/model/compose-security.js';

export default defineRule({
  meta: {
    id: 'no-privileged',
    aliases: ['Privileged Containers Enabled'],
    level: 'error',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 8.0,
    description: 'A compose service must not run privileged.',
    docs: {
      what: 'Reports `privileged: true` on a service (Compose also reads `yes`, `on`, `y` and quoted forms as true), judged on the service merged across its override files, at the value in the file that set it. `privileged: false`, an unset variable and `build.privileged` (which only affects the build) are not reported.',
      why: 'A privileged container gets every capability, every host device and no seccomp, AppArmor or SELinux confinement: root in it is root on the host, and escaping takes one `mount` of the host disk.',
      example: 'services:\n  agent:\n    image: vendor/agent:2.4\n    privileged: true',
      fix: 'Remove `privileged` and grant only what the service needs, for instance one capability and one device:\n\nservices:\n  agent:\n    image: vendor/agent:2.4\n    cap_drop: [ALL]\n    cap_add: [NET_ADMIN]\n    devices: ["/dev/net/tun"]',
    },
    messages: {
      privileged: 'Service "{{service}}" runs privileged: every capability and host device, no seccomp or AppArmor confinement.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      const privileged = serviceScalar(service, 'privileged');
      if (privileged && isComposeTrue(privileged.value)) {
        report({ messageId: 'privileged', data: { service: service.name }, at: privileged.at, stack: service.stack.name });
      }
    }
  },
});
