import { defineRule } from '../src/engine/rule.js';
import { lineOf, overridden } from '../src/model/instructions.js';
import { stageLabel } from '../src/model/stage.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'single-cmd',
    aliases: ['DL4003', 'MultipleInstructionsDisallowed', 'DS016', 'AVD-DS-0016', 'Multiple CMD Instructions Listed'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A build stage has at most one CMD.',
    docs: {
      what: 'Reports a CMD that a later CMD of the same build stage overrides. Stages are counted separately, as hadolint DL4003 and BuildKit MultipleInstructionsDisallowed count them: one CMD in each of two stages is fine. The finding points at the overridden CMD (as BuildKit does), the one that never takes effect. The CMD inside a HEALTHCHECK and ONBUILD CMD triggers are not counted.',
      why: 'An image has one default command: only the last CMD of a stage is kept and the others are silently dropped, which usually means the Dockerfile does not do what its author thinks.',
      example: 'FROM python:3.12-slim\nCMD ["python", "migrate.py"]\nCMD ["gunicorn", "app:app"]',
      fix: 'Keep one CMD per stage; run several steps from one script or one command:\n\nFROM python:3.12-slim\nCOPY start.sh /usr/local/bin/start.sh\nCMD ["start.sh"]',
    },
    messages: {
      overridden: 'This CMD is overridden by the CMD on line {{line}} of stage {{stage}}: only the last CMD of a stage takes effect.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const { instruction, next } of overridden(stage, 'CMD')) {
          report({ messageId: 'overridden', data: { line: lineOf(df, next), stage: stageLabel(stage) }, at: df.ref(instruction.getInstructionRange()) });
        }
      }
    }
  },
});
