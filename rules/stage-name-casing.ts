import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style'],
    description: 'Stage names must be lowercase.',
    docs: {
      what: 'Finds stage names (`FROM ... AS Name`) with uppercase letters.',
      why: 'BuildKit lowercases stage names, so `AS BuilderBase` is really `builderbase`: the written name and the one `--target` and `COPY --from` match differ, and lowercase names keep identifiers apart from instruction keywords.',
      example: 'FROM alpine:3.20 AS BuilderBase\nRUN apk add --no-cache build-base',
      fix: 'Write the name in lowercase:\n\nFROM alpine:3.20 AS builder-base',
    },
    messages: {
      casing: 'Stage name "{{name}}" should be lowercase: write "{{lower}}".',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        const name = stage.from.getBuildStage();
        if (name && name !== name.toLowerCase()) report({ messageId: 'casing', data: { name, lower: name.toLowerCase() }, at: df.ref(stage.from.getBuildStageRange()) });
      }
    }
  },
});
