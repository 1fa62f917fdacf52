import { defineRule } from '../src/engine/rule.js';
import { exposedPorts, parsePortRange } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

const MESSAGE = { empty: 'noPort', 'not-a-number': 'notANumber', 'out-of-range': 'outOfRange', reversed: 'reversedRange' } as const;

export default defineRule({
  meta: {
    id: 'expose-valid-port',
    aliases: ['DL3011', 'DS008', 'AVD-DS-0008', 'UNIX Ports Out Of Range'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'EXPOSE names valid ports (0-65535) and protocols.',
    docs: {
      what: 'Checks every port EXPOSE declares, in every stage: each port and each end of a range (`8000-8100`) must be a number from 0 to 65535 (hadolint DL3011, Trivy DS008), a range must not end before it starts, and a protocol must be `tcp`, `udp` or `sctp` in any case. BuildKit refuses to build with any of these mistakes. Ports written with variables are checked with the ARG/ENV defaults known at that EXPOSE; a variable without a known value is not judged.',
      why: 'A port outside 0-65535 or an unknown protocol does not exist: the build fails, or with older builders the declaration documents a port nobody can use.',
      example: 'FROM node:20-alpine\nEXPOSE 80800\nEXPOSE 9000-8000/tcp\nEXPOSE 53/dns',
      fix: 'Declare the ports the process really listens on:\n\nFROM node:20-alpine\nEXPOSE 8080\nEXPOSE 8000-9000/tcp\nEXPOSE 53/udp',
    },
    messages: {
      outOfRange: 'Port {{value}} in EXPOSE {{spec}} is out of range: ports go from 0 to 65535.',
      reversedRange: 'Port range {{value}} in EXPOSE {{spec}} ends before it starts.',
      notANumber: 'EXPOSE {{spec}}: "{{value}}" is not a port number.',
      noPort: 'EXPOSE {{spec}} names no port.',
      badProtocol: 'EXPOSE {{spec}}: unknown protocol "{{proto}}"; use tcp, udp or sctp.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const { spec, label, at } of exposedPorts(df)) {
        if (spec.proto !== '' && !PROTOCOLS.has(spec.proto.toLowerCase())) {
          report({ messageId: 'badProtocol', data: { spec: label, proto: spec.proto }, at });
        }
        for (const part of spec.hostPort ? [spec.hostPort, spec.port] : [spec.port]) {
          const range = parsePortRange(part);
          if ('error' in range) report({ messageId: MESSAGE[range.error], data: { spec: label, value: range.value }, at });
        }
      }
    }
  },
});
