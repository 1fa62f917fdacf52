import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-maintainer',
    aliases: ['DL4000', 'MaintainerDeprecated', 'DS022', 'AVD-DS-0022', 'CKV_DOCKER_6'],
    level: 'error',
    target: 'dockerfile',
    tags: ['deprecated', 'metadata'],
    description: 'The deprecated MAINTAINER instruction is not used; a LABEL names the authors.',
    docs: {
      what: 'Reports every MAINTAINER instruction, wherever it stands in the Dockerfile (also before the first FROM), as hadolint DL4000, BuildKit MaintainerDeprecated, Trivy DS022 and Checkov CKV_DOCKER_6 do.',
      why: 'MAINTAINER has been deprecated since Docker 1.13: it only sets the legacy `Author` field of the image configuration, which OCI tooling does not read. The `org.opencontainers.image.authors` label carries the same information where registries and scanners look for it.',
      example: 'FROM debian:bookworm-slim\nMAINTAINER Jane Doe <jane@example.com>',
      fix: 'Replace it with the OCI authors label:\n\nFROM debian:bookworm-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    },
    messages: {
      maintainer: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="{{maintainer}}" instead.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'MAINTAINER') continue;
        const maintainer = (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim().replace(/"/g, '\\"');
        report({ messageId: 'maintainer', data: { maintainer }, at: df.ref(instruction.getInstructionRange()) });
      }
    }
  },
});
