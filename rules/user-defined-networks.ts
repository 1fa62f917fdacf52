import { defineRule } from '../src/engine/rule.js';
import { isComplete, networkMode } from '../src/model/compose-production.js';
import { resourcesOf } from '../src/model/fields.js';

export default defineRule({
  meta: {
    id: 'user-defined-networks',
    aliases: ['Networks Not Set'],
    level: 'off',
    target: 'compose',
    tags: ['production', 'security'],
    securitySeverity: 4.0,
    description: 'Every service is attached to a network declared under top-level `networks`.',
    docs: {
      what: "Checks each service's merged `networks`: a runnable service that names none sits on the project's implicit `default` network and is reported at its key, and one attached only to `default` is reported at that entry, unless `default` is itself declared (configured) under top-level `networks`. `network_mode: bridge` (or `default`) puts the container on Docker's default bridge, shared with every container on the host, and is reported. Other network modes are exempt: `service:<name>` and `container:<name>` share another container's network (judged there), `host` and `none` have no compose networks. KICS's \"Networks Not Set\" reports every service without `networks`, `network_mode` ones included; this rule does not.",
      why: 'Declared networks make the topology explicit and reviewable: which services can reach the database, which sit behind the proxy. On one shared network every container can reach every other, so one compromised service can talk to all of them; on Docker\'s default bridge that extends to every container on the host, without DNS names.',
      example: 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16',
      fix: 'Declare networks and attach each service to the ones it needs:\n\nservices:\n  api:\n    build: ./api\n    networks: [frontend, backend]\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  frontend:\n  backend:\n    internal: true',
    },
    messages: {
      missing: 'Service "{{service}}" names no network: it shares the implicit `default` network with every other such service.',
      onlyDefault: 'Service "{{service}}" is attached only to the implicit `default` network: declare a network under top-level `networks` and use it.',
      defaultBridge: "Service \"{{service}}\" uses `network_mode: {{mode}}`: Docker's default bridge, shared by every container on the host.",
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      const stack = service.stack.name;
      const data = { service: service.name };
      const mode = networkMode(service);
      if (mode) {
        if (mode.mode === 'bridge' || mode.mode === 'default') report({ messageId: 'defaultBridge', data: { ...data, mode: mode.mode }, at: mode.at, stack });
        continue;
      }
      if (service.networks.length === 0) {
        if (isComplete(project, service)) report({ messageId: 'missing', data, at: service.at, stack });
        continue;
      }
      if (service.networks.every((n) => n.name === 'default') && !resourcesOf(service.stack, 'networks').has('default')) {
        report({ messageId: 'onlyDefault', data, at: service.networks[0]!.at, stack });
      }
    }
  },
});
