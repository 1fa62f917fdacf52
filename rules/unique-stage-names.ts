import { defineRule } from '../src/engine/rule.js';
import type { Stage } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'unique-stage-names',
    aliases: ['DL3024', 'DuplicateStageName', 'DS012', 'AVD-DS-0012', 'CKV_DOCKER_11'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'Stage names (FROM ... AS name) must be unique within a Dockerfile.',
    docs: {
      what: 'Finds a FROM whose stage name (`AS name`) an earlier FROM of the same Dockerfile already uses. Names compare case-insensitively, because BuildKit lowercases them (`AS Build` and `AS build` are the same stage).',
      why: 'With two stages of the same name, `COPY --from=name`, `FROM name` and `--target name` silently pick one of them: builds copy files from the wrong stage, and the mistake shows only at run time.',
      example: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM golang:1.22 AS build\nRUN go build -o /out/api .\nFROM alpine:3.20\nCOPY --from=build /app/dist /srv',
      fix: 'Give every stage its own name:\n\nFROM node:20 AS web-build\n...\nFROM golang:1.22 AS api-build\n...\nCOPY --from=web-build /app/dist /srv',
    },
    messages: {
      duplicate: 'Stage name "{{name}}" is already used by the stage on line {{line}}: stage names must be unique.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const seen = new Map<string, Stage>();
      for (const stage of df.stages) {
        if (!stage.name) continue;
        const first = seen.get(stage.name);
        if (!first) {
          seen.set(stage.name, stage);
          continue;
        }
        report({ messageId: 'duplicate', data: { name: stage.from.getBuildStage() ?? stage.name, line: first.fromAt.range.start.line }, at: df.ref(stage.from.getBuildStageRange()) });
      }
    }
  },
});
