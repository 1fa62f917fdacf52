import * as dockerfileAst from 'dockerfile-ast';
import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { LineIndex, type Range, type SourceRef } from '../model/location.js';
import type { ParseProblem } from './compose.js';
import { maskSecret } from '../util/secrets.js';
// Installs faster equivalents of two dockerfile-ast steps before any Dockerfile is parsed.
import './dockerfile-ast-patches.js';

/** dockerfile-ast counts from 0; everything dockpolicy reports counts from 1. */
interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  from: From;
  fromAt: SourceRef;
  /** The base image with global ARG defaults substituted; undefined when it depends on an ARG without a default. */
  image?: string;
  /** The earlier stage this one is built on (`FROM builder`). */
  parent?: Stage;
  /** Instructions after the FROM, up to the next FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  path: string;
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  stages: Stage[];
  /** ARGs declared before the first FROM, with their defaults (undefined: no default). */
  globalArgs: Map<string, string | undefined>;
  problems: ParseProblem[];
  /** Converts a dockerfile-ast range to a 1-based source reference in this file. */
  ref(range: AstRange | null | undefined): SourceRef;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

// dockerfile-ast re-tokenizes an instruction's arguments on every call of these accessors (and upper-cases the
// keyword on every getKeyword), and ninety rules call them: an instruction never changes after parsing, so each
// instance computes them once. The value is kept on the instance under a symbol of its own per class and accessor:
// a WeakMap lookup per call cost more than some of the accessors, and a WeakMap of every instruction slowed the GC.
const MEMOIZED = ['getKeyword', 'getArguments', 'getArgumentsContent', 'getRawArgumentsContent', 'getArgumentsRange', 'getFlags', 'getJSONStrings', 'getHeredocs', 'getProperties', 'getExpandedArguments'];
// What an accessor gives when dockerfile-ast itself throws on odd input: getHeredocs does on a continued instruction
// whose next line is a comment such as `#\--` (found by fuzzing); a heredoc it cannot read is taken as none.
const FALLBACK: Record<string, () => unknown> = { getHeredocs: () => [] };
// An instruction none of whose arguments starts with `<<` has none (dockerfile-ast scans its whole text to find that
// out, or throws as above): answered without the scan.
const instructionProto = dockerfileAst.Instruction.prototype as unknown as { getHeredocs(this: Instruction): unknown[] };
/** dockerfile-ast's own getHeredocs, for the test that compares it with the shortcut. */
export const libraryGetHeredocs = instructionProto.getHeredocs;
instructionProto.getHeredocs = function (this: Instruction) {
  for (const arg of this.getArguments()) if (arg.getValue().startsWith('<<')) return libraryGetHeredocs.call(this);
  return [];
};
const memoized = Symbol('dockpolicy.memoized');
/** Stands for a cached `undefined`, so that an absent slot means "not computed yet". */
const NONE = Symbol('dockpolicy.none');
for (const exported of Object.values(dockerfileAst)) {
  const proto = (exported as { prototype?: Record<string | symbol, unknown> }).prototype;
  if (!proto) continue;
  for (const name of MEMOIZED) {
    const original = Object.getOwnPropertyDescriptor(proto, name)?.value as ((this: object) => unknown) & { [memoized]?: true };
    if (typeof original !== 'function' || original.length !== 0 || original[memoized]) continue;
    // One slot per class and accessor: a subclass's getArguments calls its parent's, and each keeps its own value.
    const slot = Symbol(`dockpolicy.${name}`);
    const fallback = FALLBACK[name];
    const wrapped = function (this: Record<symbol, unknown>): unknown {
      const cached = this[slot];
      if (cached !== undefined) return cached === NONE ? undefined : cached;
      let value: unknown;
      try {
        value = original.call(this);
      } catch (e) {
        if (!fallback) throw e;
        value = fallback();
      }
      this[slot] = value === undefined ? NONE : value;
      return value;
    };
    proto[name] = Object.assign(wrapped, { [memoized]: true as const });
  }
}

export function parseDockerfile(file: string, text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const ref = (range: AstRange | null | undefined): SourceRef => ({ file, range: toRange(range, lines) });
  const problems: ParseProblem[] = [];
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (!KEYWORDS.has(keyword)) {
      problems.push({ message: `unknown instruction: ${shownWord(instruction.getInstruction())}`, at: ref(instruction.getInstructionRange()) });
      continue;
    }
    if (keyword === 'FROM') {
      stages.push(readStage(instruction as From, stages, globalArgs, ref));
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(instruction);
    } else if (keyword === 'ARG') {
      for (const p of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        globalArgs.set(p.getName(), p.getValue() ?? undefined);
      }
    }
    // Other instructions before the first FROM are the instruction-order rule's (DL3061) to report.
  }
  if (stages.length === 0 && problems.length === 0 && ast.getInstructions().length > 0) {
    problems.push({ message: 'no FROM instruction: the Dockerfile defines no build stage', at: ref(ast.getInstructions()[0]!.getInstructionRange()) });
  }
  // BuildKit refuses an empty Dockerfile (or one of comments only): "file with no instructions".
  if (ast.getInstructions().length === 0) problems.push({ message: 'file with no instructions', at: ref(null) });
  return { path: file, text, lines, ast, stages, globalArgs, problems, ref };
}

/**
 * An unknown instruction as messages show it: a word that could be a mistyped keyword (`RUNN`) as written, anything
 * else masked, as a line holding a pasted token or password would otherwise be printed in full.
 */
function shownWord(word: string): string {
  return /^[A-Za-z][A-Za-z_-]{0,19}$/.test(word) ? word : maskSecret(word);
}

function readStage(from: From, earlier: Stage[], globalArgs: Map<string, string | undefined>, ref: DockerfileModel['ref']): Stage {
  const raw = from.getImage() ?? '';
  const image = substitute(raw, globalArgs);
  const parent = image === undefined ? undefined : earlier.find((s) => s.name === image.toLowerCase());
  return { index: earlier.length, name: from.getBuildStage()?.toLowerCase(), from, fromAt: ref(from.getInstructionRange()), image, parent, instructions: [] };
}

/** Substitutes `$NAME` / `${NAME}` / `${NAME:-default}` from ARG defaults; undefined when a value is unknown. */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const value = vars.get(braced ?? bare);
    if (op === '-') return value || word;
    if (op === '+') return value ? word : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

function toRange(range: AstRange | null | undefined, lines: LineIndex): Range {
  if (!range) return { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
  const start = { line: range.start.line + 1, column: range.start.character + 1 };
  const sameLine = range.end.line === range.start.line;
  // Keep findings on the first line: a multi-line instruction is reported up to the end of its first line.
  const endColumn = sameLine ? range.end.character + 1 : lines.lineEndColumn(start.line);
  return { start, end: { line: start.line, column: Math.max(endColumn, start.column + 1) } };
}
