import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

const RESERVED: Record<string, string> = {
  scratch: '"scratch" always means the empty image',
  context: '"context" names the build context',
};

export default defineRule({
  meta: {
    id: 'reserved-stage-name',
    aliases: ['DL3063', 'ReservedStageName'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A stage must not be named scratch or context.',
    docs: {
      what: 'Finds stages named `scratch` or `context` (in any case: BuildKit lowercases stage names).',
      why: '`scratch` is the reserved empty image and `context` the reserved name of the build context: `FROM scratch` and `COPY --from=context` never reach a stage of that name, so later stages silently build on, or copy from, something else.',
      example: 'FROM alpine:3.20 AS scratch\nRUN mkdir /data\nFROM scratch\nCOPY --from=scratch /data /data',
      fix: 'Rename the stage:\n\nFROM alpine:3.20 AS rootfs\nRUN mkdir /data\nFROM scratch\nCOPY --from=rootfs /data /data',
    },
    messages: {
      reserved: 'Stage name "{{name}}" is reserved ({{meaning}}): rename the stage.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        const meaning = stage.name === undefined ? undefined : RESERVED[stage.name];
        if (meaning) report({ messageId: 'reserved', data: { name: stage.from.getBuildStage() ?? stage.name!, meaning }, at: df.ref(stage.from.getBuildStageRange()) });
      }
    }
  },
});
