import type { Copy } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { copyFromFlag, unquote } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

/** `/`, or a spelling of it such as `//` or `/.`. */
function isRoot(path: string): boolean {
  const p = unquote(path);
  return p.startsWith('/') && p.split('/').every((segment) => segment === '' || segment === '.');
}

export default defineRule({
  meta: {
    id: 'no-copy-entire-filesystem',
    aliases: ['DL3067'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size', 'best-practice'],
    description: 'COPY --from must not copy the whole filesystem of another stage or image onto /.',
    docs: {
      what: 'Finds `COPY --from=<stage or image> / /` (also in JSON form, and with spellings of the root such as `/.`): a copy of an entire filesystem onto the root of this stage.',
      why: 'Copying a whole root filesystem drags in everything the other stage or image holds: package managers, shells, build tools, caches and any secrets used while building, which defeats the point of a multi-stage build and overwrites this stage\'s own system files.',
      example: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /',
      fix: 'Copy only what the final image needs:\n\nCOPY --from=build /out/app /app\n\n(To start from another image wholesale, use it in FROM instead.)',
    },
    messages: {
      wholeFilesystem: 'COPY --from={{from}} copies the entire filesystem of {{from}} onto /: copy only the paths this stage needs.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.getKeyword() !== 'COPY') continue;
          const copy = instruction as Copy;
          const from = copyFromFlag(copy)?.getValue();
          if (from == null) continue;
          const json = copy.getJSONStrings();
          const parts = json.length > 0 ? json.map((s) => ({ value: s.getJSONValue(), range: s.getRange() })) : copy.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
          if (parts.length < 2 || !isRoot(parts[parts.length - 1]!.value)) continue;
          const source = parts.slice(0, -1).find((p) => isRoot(p.value));
          if (source) report({ messageId: 'wholeFilesystem', data: { from: unquote(from) }, at: df.ref(source.range) });
        }
      }
    }
  },
});
