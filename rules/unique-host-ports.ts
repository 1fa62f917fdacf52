import path from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import type { SourceRef } from '../src/model/location.js';

interface Claim {
  hostIp: string;
  service: string;
  at: SourceRef;
}

export default defineRule({
  meta: {
    id: 'unique-host-ports',
    aliases: ['no-duplicate-exported-ports'],
    level: 'error',
    target: 'compose',
    tags: ['correctness', 'invariant'],
    description: 'No two published ports claim the same host port, host IP and protocol.',
    docs: {
      what: 'Expands every published port of a compose configuration (ranges, `${PORT:-8080}` defaults, IPv4 and IPv6 host IPs, tcp by default) and reports an entry that claims a host port another entry already claims with the same protocol, either on the same host IP or where one of them listens on all interfaces (no IP, `0.0.0.0`, `::`).',
      why: 'Docker binds host ports when a container starts: the second service fails with "port is already allocated", often only on the machine where both happen to run.',
      example: 'services:\n  api:\n    ports: ["8000:8000"]\n  docs:\n    ports: ["127.0.0.1:8000:80"]',
      fix: 'Give each service its own host port:\n\nservices:\n  api:\n    ports: ["8000:8000"]\n  docs:\n    ports: ["127.0.0.1:8001:80"]',
    },
    messages: {
      duplicate: 'Host port {{port}}/{{protocol}} is already published by service "{{other}}" ({{otherFile}}:{{otherLine}}).',
    },
  },
  check({ project, report }) {
    for (const stack of project.stacks) {
      const claims = new Map<string, Claim[]>();
      for (const service of project.services.filter((s) => s.stack === stack)) {
        for (const port of service.ports) {
          if (!port.published) continue;
          const [from, to] = port.published;
          let clash: { port: number; earlier: Claim } | undefined;
          for (let p = from; p <= to && p - from < 65536; p++) {
            const key = `${port.protocol}/${p}`;
            const list = claims.get(key) ?? [];
            const earlier = list.find((c) => c.hostIp === port.hostIp || c.hostIp === '' || port.hostIp === '');
            if (earlier && !clash) clash = { port: p, earlier };
            list.push({ hostIp: port.hostIp, service: service.name, at: port.at });
            claims.set(key, list);
          }
          if (clash) {
            report({
              messageId: 'duplicate',
              stack: stack.name,
              data: {
                port: clash.port,
                protocol: port.protocol,
                other: clash.earlier.service,
                otherFile: path.relative(project.cwd, clash.earlier.at.file).split(path.sep).join('/'),
                otherLine: clash.earlier.at.range.start.line,
              },
              at: port.at,
            });
          }
        }
      }
    }
  },
});
