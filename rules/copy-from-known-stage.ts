import { defineRule } from '../src/engine/rule.js';
import { copyFromFlag, unquote } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'copy-from-known-stage',
    aliases: ['DL3022', "COPY '--from' Without FROM Alias Defined Previously"],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'COPY --from must name an earlier stage, an earlier stage index, or a tagged image.',
    docs: {
      what: 'Checks the value of every `COPY --from`. It passes when it names a stage defined before the COPY (stage names compare case-insensitively, as BuildKit does), the number of an earlier stage (`--from=0` is the first FROM), or an image with a tag or digest (`--from=nginx:1.27`). It is reported when it names a stage defined later, a stage number that does not come before, something that is neither a stage nor a tagged image (usually a misspelt stage), or a variable (BuildKit does not expand `--from`). Copying from the current stage is `copy-from-self`.',
      why: 'BuildKit treats an unknown name as an image to pull: a misspelt stage turns into a pull of a Docker Hub image of that name, which fails, or worse succeeds with a stranger\'s content. A stage defined later, or a variable, makes the build fail.',
      example: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=buidl /out/app /usr/local/bin/app',
      fix: 'Name a stage defined above the COPY, or pin the image you copy from:\n\nCOPY --from=build /out/app /usr/local/bin/app\nCOPY --from=nginx:1.27-alpine /etc/nginx/nginx.conf /etc/nginx/nginx.conf',
    },
    messages: {
      unknown: 'COPY --from={{from}} names no stage defined before it, and as an image it has no tag: use an earlier stage name, or pin the image.',
      later: 'COPY --from={{from}} names a stage defined later (line {{line}}): a stage can only copy from stages above it.',
      index: 'COPY --from={{from}} refers to stage {{from}}, but only {{count}} stage(s) come before this one (counted from 0).',
      variable: 'COPY --from={{from}} uses a variable, which BuildKit does not expand in --from: define a stage FROM that image and copy from the stage.',
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
          if (from === '') continue;
          const at = df.ref(flag.getValueRange());
          if (from.includes('$')) {
            report({ messageId: 'variable', data: { from }, at });
            continue;
          }
          if (/^\d+$/.test(from)) {
            const index = Number(from);
            if (index > stage.index) report({ messageId: 'index', data: { from, count: stage.index }, at });
            continue;
          }
          const named = df.stages.find((s) => s.name === from.toLowerCase());
          if (named) {
            if (named.index > stage.index) report({ messageId: 'later', data: { from, line: named.fromAt.range.start.line }, at });
            continue;
          }
          if (from.includes(':') || from.includes('@')) continue;
          report({ messageId: 'unknown', data: { from }, at });
        }
      }
    }
  },
});
