import { defineRule } from '../src/engine/rule.js';
import { lineOf, overridden } from '../src/model/instructions.js';
import { stageLabel } from '../src/model/stage.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'single-entrypoint',
    aliases: ['DL4004', 'MultipleInstructionsDisallowed', 'DS007', 'AVD-DS-0007', 'Multiple ENTRYPOINT Instructions Listed'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A build stage has at most one ENTRYPOINT.',
    docs: {
      what: 'Reports an ENTRYPOINT that a later ENTRYPOINT of the same build stage overrides. Stages are counted separately, as hadolint DL4004 and BuildKit MultipleInstructionsDisallowed count them: one ENTRYPOINT in each of two stages is fine. The finding points at the overridden ENTRYPOINT (as BuildKit does), the one that never takes effect. ONBUILD ENTRYPOINT triggers are not counted.',
      why: 'An image has one entrypoint: only the last ENTRYPOINT of a stage is kept and the others are silently dropped, so the container does not start the way the earlier instruction says.',
      example: 'FROM alpine:3.20\nENTRYPOINT ["/docker-entrypoint.sh"]\nENTRYPOINT ["/usr/local/bin/app"]',
      fix: 'Keep one ENTRYPOINT per stage; let an entrypoint script start the program:\n\nFROM alpine:3.20\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["/usr/local/bin/app"]',
    },
    messages: {
      overridden: 'This ENTRYPOINT is overridden by the ENTRYPOINT on line {{line}} of stage {{stage}}: only the last ENTRYPOINT of a stage takes effect.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const { instruction, next } of overridden(stage, 'ENTRYPOINT')) {
          report({ messageId: 'overridden', data: { line: lineOf(df, next), stage: stageLabel(stage) }, at: df.ref(instruction.getInstructionRange()) });
        }
      }
    }
  },
});
