import { defineRule } from '../src/engine/rule.js';
import { stageLabel } from '../src/model/stage.js';
import { copyFromFlag, unquote } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'copy-from-self',
    aliases: ['DL3023', 'DS006', 'AVD-DS-0006', "COPY '--from' References Current FROM Alias"],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'COPY --from must not name the stage it is in.',
    docs: {
      what: 'Finds `COPY --from` whose value is the name of the stage the COPY belongs to (compared case-insensitively, as BuildKit does) or its number (`--from=0` inside the first stage).',
      why: 'A stage cannot copy from itself: BuildKit stops with a circular dependency error. It is usually a stage renamed or a COPY pasted into the wrong stage.',
      example: 'FROM node:20 AS build\nRUN npm ci && npm run build\nCOPY --from=build /app/dist /srv',
      fix: 'Copy from the stage that produced the files, in a later stage:\n\nFROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html',
    },
    messages: {
      self: 'COPY --from={{from}} names stage {{stage}}, which this COPY is in: a stage cannot copy from itself.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.getKeyword() !== 'COPY') continue;
          const flag = copyFromFlag(instruction);
          const raw = flag?.getValue();
          if (!flag || raw == null) continue;
          const from = unquote(raw);
          const self = /^\d+$/.test(from) ? Number(from) === stage.index : stage.name !== undefined && from.toLowerCase() === stage.name;
          if (self) report({ messageId: 'self', data: { from, stage: stageLabel(stage) }, at: df.ref(flag.getValueRange()) });
        }
      }
    }
  },
});
