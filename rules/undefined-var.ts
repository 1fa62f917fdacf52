import type { Heredoc, Instruction } from 'dockerfile-ast';
import { defineRule, type Report } from '../src/engine/rule.js';
import { argDeclarations, escapeCharOf, keyValues, offsetOf, refAt, variableReferences } from '../src/model/labels.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;

interface Flag {
  getName(): string;
  getValueRange(): AstRange | null;
}

/** Build args BuildKit predefines: in the global scope only, a stage sees them after `ARG <name>`. */
const PREDEFINED = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);
/** Args BuildKit never reports (they configure SBOM scanning, not the image). */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** Where a name is declared in the file, for the hint in the message. */
interface Declaration {
  line: number;
  global: boolean;
}

export default defineRule({
  meta: {
    id: 'undefined-var',
    aliases: ['UndefinedVar'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['variables', 'correctness'],
    description: 'Variables used in instruction arguments are declared by an ARG or ENV in scope.',
    docs: {
      what: 'Reports a `$NAME` or `${NAME...}` that BuildKit expands (in ENV, ARG defaults, LABEL, COPY and ADD sources, destination and flags other than `--from`, unquoted COPY/ADD here-documents, WORKDIR, USER, VOLUME, STOPSIGNAL and RUN `--mount` options) when no ARG or ENV in scope defines NAME, as BuildKit\'s UndefinedVar check does. In scope: ENV values and ARG values set earlier in the stage or in the stage it is built on (`FROM <stage>`), and ARGs declared earlier in the stage. An ARG before the first FROM is not in scope inside a stage until the stage declares it again (`ARG NAME`), nor are the predefined build args (`TARGETARCH`, `BUILDPLATFORM`, `HTTP_PROXY`...). A default does not help: `${NAME:-x}` is reported too. RUN, CMD and ENTRYPOINT command text is left to the shell and not checked, nor are FROM lines. BuildKit also sees the ENV of the base image, which a linter cannot: on a stage built on an image, a name is reported only when it cannot come from that image\'s ENV, that is when the Dockerfile declares it elsewhere (in another stage, before FROM, or later), when it is a predefined build arg, when it has lower-case letters (images set upper-case ENV), or when it looks like a typo of a name in scope (`$PAHT` for `$PATH`). On a stage built `FROM scratch` every undefined name is reported. A name that another pair of the same ENV instruction sets is left to env-self-reference.',
      why: 'An undefined variable expands to an empty string without any error: `COPY dist/$TARGETARCH/app /app` copies the whole `dist/` directory when the stage forgot `ARG TARGETARCH`, and a misspelt `$PAHT` drops the PATH.',
      example: 'ARG VERSION=1.4.2\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=$VERSION\nCOPY bin/$TARGETARCH/app /usr/local/bin/app',
      fix: 'Declare the variables in the stage that uses them:\n\nARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nARG TARGETARCH\nLABEL org.opencontainers.image.version=$VERSION\nCOPY bin/$TARGETARCH/app /usr/local/bin/app',
    },
    messages: {
      undefinedVar: 'Usage of undefined variable ${{name}}{{hint}}.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) checkDockerfile(df, report);
  },
});

function checkDockerfile(df: DockerfileModel, report: (r: Report) => void): void {
  const escape = escapeCharOf(df);
  const declared = new Map<string, Declaration[]>();
  let inStage = false;
  for (const instruction of df.ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') inStage = true;
    const line = instruction.getRange().start.line + 1;
    const names = keyword === 'ARG' ? argDeclarations(df, instruction).map((a) => a.name) : keyword === 'ENV' ? keyValues(df, instruction).map((kv) => kv.name) : [];
    for (const name of names) declared.set(name, [...(declared.get(name) ?? []), { line, global: !inStage && keyword === 'ARG' }]);
  }

  // Names each stage's state carries to the stages built on it: its ENVs and the ARGs that got a value.
  const carried = new Map<Stage, Set<string>>();
  const external = new Map<Stage, boolean>();
  for (const stage of df.stages) {
    const env = new Set<string>(stage.parent ? carried.get(stage.parent) : []);
    env.add('PATH'); // BuildKit sets a default PATH when the image has none
    const args = new Set<string>();
    const onImage = stage.parent ? external.get(stage.parent)! : stage.image?.toLowerCase() !== 'scratch';
    external.set(stage, onImage);

    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const line = instruction.getRange().start.line + 1;
      const reported = new Set<string>();
      const check = (text: string, start: number, quotes = true, skip?: { has(name: string): boolean }) => {
        for (const ref of variableReferences(text, escape, quotes)) {
          const name = ref.name;
          if (env.has(name) || args.has(name) || NON_ENV_ARGS.has(name) || skip?.has(name) || reported.has(name)) continue;
          const typo = suggestion(name, [...env, ...args]);
          // An ENV that extends its own variable (`ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/x`) may extend the image's value:
          // that declaration is no sign that the name is missing.
          const elsewhere = declared.get(name)?.find((d) => keyword !== 'ENV' || d.line !== line);
          if (onImage && !elsewhere && !PREDEFINED.has(name) && !/[a-z]/.test(name) && !typo) continue; // may come from the image's ENV
          reported.add(name);
          const hint = typo
            ? ` (did you mean $${typo}?)`
            : PREDEFINED.has(name)
              ? `: a predefined build arg is visible in a stage only after \`ARG ${name}\``
              : elsewhere?.global
                ? `: the ARG before FROM (line ${elsewhere.line}) is visible only in FROM lines; add \`ARG ${name}\` to this stage`
                : elsewhere?.line === line && keyword === 'ARG'
                  ? `: an ARG default cannot use the ARG it declares`
                  : elsewhere
                    ? `: it is declared on line ${elsewhere.line}, which is not in scope here`
                    : '';
          const at = start + ref.index;
          report({ messageId: 'undefinedVar', data: { name, hint }, at: refAt(df, at, at + ref.length) });
        }
      };
      if (keyword === 'ARG') {
        // Each declaration sees the ones before it, in the same instruction too.
        for (const a of argDeclarations(df, instruction)) {
          if (a.raw !== undefined && a.valueStart !== undefined) check(a.raw, a.valueStart);
          args.add(a.name);
          if (a.raw !== undefined || df.globalArgs.get(a.name) !== undefined) env.add(a.name);
        }
        continue;
      }
      if (keyword === 'ENV') {
        const pairs = keyValues(df, instruction);
        // Names set by the other pairs of the same ENV: counted once, not rebuilt per pair (an ENV may hold thousands).
        const counts = new Map<string, number>();
        for (const p of pairs) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
        const others = (name: string) => ({ has: (n: string) => (counts.get(n) ?? 0) > (n === name ? 1 : 0) });
        for (const p of pairs) if (p.raw !== null && p.valueStart !== undefined) check(p.raw, p.valueStart, true, others(p.name));
        for (const p of pairs) env.add(p.name);
        continue;
      }
      if (keyword === 'LABEL') {
        for (const p of keyValues(df, instruction)) if (p.raw !== null && p.valueStart !== undefined) check(p.raw, p.valueStart);
        continue;
      }
      for (const [text, start, quotes] of expandedText(df, instruction)) check(text, start, quotes);
    }
    carried.set(stage, env);
  }
}

/** The parts of an instruction BuildKit expands variables in (besides ENV, ARG and LABEL), with their offsets. */
function expandedText(df: DockerfileModel, instruction: Instruction): [string, number, boolean][] {
  const keyword = instruction.getKeyword();
  const slice = (range: AstRange | null | undefined, quotes = true): [string, number, boolean][] => {
    if (!range) return [];
    const start = offsetOf(df, range.start);
    return [[df.text.slice(start, offsetOf(df, range.end)), start, quotes]];
  };
  const flags = () => (instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? [];
  switch (keyword) {
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      return slice(instruction.getArgumentsRange());
    case 'RUN':
      return flags().filter((f) => f.getName().toLowerCase() === 'mount').flatMap((f) => slice(f.getValueRange()));
    case 'COPY':
    case 'ADD': {
      const out = flags().filter((f) => f.getName().toLowerCase() !== 'from').flatMap((f) => slice(f.getValueRange()));
      let heredocs: Heredoc[] = [];
      try {
        heredocs = (instruction as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
      } catch {
        heredocs = []; // dockerfile-ast can fail on malformed here-documents
      }
      const inHeredoc = (r: AstRange) => heredocs.some((h) => [h.getContentRange(), h.getDelimiterRange()].some((c) => c && contains(c, r)));
      for (const arg of instruction.getArguments()) if (!inHeredoc(arg.getRange())) out.push(...slice(arg.getRange()));
      for (const h of heredocs) {
        const opener = slice(h.getStartRange())[0]?.[0] ?? '';
        // An unquoted delimiter: the body is expanded (without quote processing); a quoted one keeps it literal.
        if (!/["']/.test(opener)) out.push(...slice(h.getContentRange(), false));
      }
      return out;
    }
    default:
      return [];
  }
}

function contains(outer: AstRange, inner: AstRange): boolean {
  const before = (a: AstRange['start'], b: AstRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** A name in scope that `name` is probably a misspelling of: same letters in another case, or one or two edits away. */
function suggestion(name: string, candidates: string[]): string | undefined {
  if (name.length < 3) return undefined;
  const limit = Math.max(1, Math.floor(name.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const distance = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: c, distance };
  }
  return best?.name;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), or limit + 1 when above the limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
