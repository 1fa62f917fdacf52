import { defineRule } from '../src/engine/rule.js';
import { lineOf, overridden } from '../src/model/instructions.js';
import { stageLabel } from '../src/model/stage.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'single-healthcheck',
    aliases: ['DL3012', 'MultipleInstructionsDisallowed', 'DS023', 'AVD-DS-0023'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A build stage has at most one HEALTHCHECK.',
    docs: {
      what: 'Reports a HEALTHCHECK that a later HEALTHCHECK of the same build stage overrides; `HEALTHCHECK NONE` counts like any other. Stages are counted separately, as hadolint DL3012 and BuildKit MultipleInstructionsDisallowed count them: a HEALTHCHECK in each of two stages is fine. The finding points at the overridden HEALTHCHECK (as BuildKit does), the one that never takes effect. ONBUILD HEALTHCHECK triggers are not counted.',
      why: 'An image has one health check: only the last HEALTHCHECK of a stage is kept and the others are silently dropped, so the container is probed differently from what the earlier instruction says, or not at all after a later `HEALTHCHECK NONE`.',
      example: 'FROM nginx:1.27-alpine\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost/health || exit 1',
      fix: 'Keep one HEALTHCHECK per stage, with all its options:\n\nFROM nginx:1.27-alpine\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost/health || exit 1',
    },
    messages: {
      overridden: 'This HEALTHCHECK is overridden by the HEALTHCHECK on line {{line}} of stage {{stage}}: only the last HEALTHCHECK of a stage takes effect.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const { instruction, next } of overridden(stage, 'HEALTHCHECK')) {
          report({ messageId: 'overridden', data: { line: lineOf(df, next), stage: stageLabel(stage) }, at: df.ref(instruction.getInstructionRange()) });
        }
      }
    }
  },
});
