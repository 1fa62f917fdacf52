import { defineRule } from '../src/engine/rule.js';
import { escapeChar, expandWord, fromImageWord, globalScope, PLATFORM_ARGS, platformWord, refAtOffset } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/** The declared name closest to a misspelt one, when it is close enough to be a likely typo. */
function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.floor(name.length / 3) ? best : undefined;
}

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    aliases: ['UndefinedArgInFrom'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'Variables in FROM (image and --platform) must be ARGs declared before the first FROM, or automatic platform ARGs.',
    docs: {
      what: 'Finds variables used in a FROM line (its image and its `--platform`) that no ARG before the first FROM declares. The automatic platform ARGs (`BUILDPLATFORM`, `BUILDOS`, `BUILDARCH`, `BUILDVARIANT`, `BUILDOSVERSION`, `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT`, `TARGETOSVERSION`, `TARGETSTAGE`) are always declared. An ARG inside a stage does not count: FROM only sees the global scope. As in BuildKit, `${VAR:-default}` still counts as a use of VAR. A likely misspelling of a declared name is pointed out.',
      why: 'An undeclared variable expands to an empty string and cannot be set with `--build-arg`: `FROM node:22${VARIANT}` silently builds on `node:22`, and a misspelt `$BUILDPLATFROM` quietly drops the platform.',
      example: 'FROM node:22${VARIANT} AS jsbuilder\nRUN npm ci',
      fix: 'Declare the ARG, with a default, before the first FROM:\n\nARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder',
    },
    messages: {
      undeclared: 'FROM uses ${{name}}, which no ARG before the first FROM declares: it expands to an empty string.',
      undeclaredLike: 'FROM uses ${{name}}, which no ARG before the first FROM declares (did you mean {{suggestion}}).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df);
      const known = new Set<string>([...PLATFORM_ARGS, ...scope.declared]);
      for (const stage of df.stages) {
        for (const word of [platformWord(df, stage.from), fromImageWord(df, stage.from)]) {
          if (!word) continue;
          for (const use of expandWord(word.raw, scope, escapeChar(df)).unmatched) {
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(use.name) || known.has(use.name)) continue;
            const braced = word.raw[use.offset + 1] === '{';
            const closed = braced && word.raw[use.offset + 2 + use.name.length] === '}';
            const length = use.name.length + (closed ? 3 : braced ? 2 : 1);
            const at = refAtOffset(df, word.offset + use.offset, length);
            const suggestion = closest(use.name, known);
            if (suggestion) report({ messageId: 'undeclaredLike', data: { name: use.name, suggestion }, at });
            else report({ messageId: 'undeclared', data: { name: use.name }, at });
          }
        }
      }
    }
  },
});
