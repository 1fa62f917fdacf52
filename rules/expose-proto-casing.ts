import { defineRule } from '../src/engine/rule.js';
import { exposedPorts } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export default defineRule({
  meta: {
    id: 'expose-proto-casing',
    aliases: ['ExposeProtoCasing'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style'],
    description: 'The protocol of an EXPOSE port is written in lowercase.',
    docs: {
      what: 'Reports EXPOSE ports whose protocol (`tcp`, `udp`, `sctp`) is not all lowercase, such as `80/TCP` or `53/Udp`, in every stage, as BuildKit\'s ExposeProtoCasing does. Ports written with variables are checked with the ARG/ENV defaults known at that EXPOSE. Unknown protocols are reported by expose-valid-port instead.',
      why: 'Docker lowercases the protocol anyway; writing it in lowercase keeps Dockerfiles consistent with the image configuration (`80/tcp`) and with compose and `docker run -p`.',
      example: 'FROM alpine:3.20\nEXPOSE 80/TCP 53/Udp',
      fix: 'Write the protocol in lowercase:\n\nFROM alpine:3.20\nEXPOSE 80/tcp 53/udp',
    },
    messages: {
      casing: 'Protocol "{{proto}}" in EXPOSE {{spec}} should be lowercase: {{fixed}}.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const { spec, label, at } of exposedPorts(df)) {
        const lower = spec.proto.toLowerCase();
        if (!PROTOCOLS.has(lower) || lower === spec.proto) continue;
        const fixed = `${spec.spec.slice(0, spec.spec.length - spec.proto.length)}${lower}`;
        report({ messageId: 'casing', data: { proto: spec.proto, spec: label, fixed }, at });
      }
    }
  },
});
