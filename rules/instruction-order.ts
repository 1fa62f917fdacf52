import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Instructions Dockerfiles know (others are parse errors, reported by parse-error). */
const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default defineRule({
  meta: {
    id: 'instruction-order',
    aliases: ['DL3061'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A Dockerfile must begin with FROM, ARG, parser directives or comments.',
    docs: {
      what: 'Finds instructions other than ARG that come before the first FROM (every one of them in a Dockerfile without any FROM). Parser directives (`# syntax=`, `# escape=`) and comments may come first; ARG may, to parameterize FROM.',
      why: 'Only ARG belongs to the global scope: BuildKit rejects a Dockerfile whose first instruction is anything else, so a LABEL or ENV moved above FROM breaks the build.',
      example: 'LABEL org.opencontainers.image.source="https://github.com/acme/app"\nFROM node:20-alpine\nCMD ["node", "server.js"]',
      fix: 'Move the instruction into the stage it belongs to, after its FROM:\n\nFROM node:20-alpine\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nCMD ["node", "server.js"]',
    },
    messages: {
      beforeFrom: '{{keyword}} comes before the first FROM: a Dockerfile must begin with FROM, ARG or comments.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        const keyword = instruction.getKeyword();
        if (keyword === 'FROM') break;
        if (keyword === 'ARG' || !KEYWORDS.has(keyword)) continue;
        report({ messageId: 'beforeFrom', data: { keyword }, at: df.ref(instruction.getInstructionRange()) });
      }
    }
  },
});
