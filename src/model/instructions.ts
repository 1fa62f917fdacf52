// Reading the arguments of CMD, ENTRYPOINT, EXPOSE and WORKDIR the way BuildKit does: shell-word processing with
// variables known from ARG/ENV defaults, exec (JSON) form detection, port specs, and WORKDIR path resolution.
import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import type { Project } from './project.js';
import { lineage } from './stage.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';

type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;

interface Property {
  getName(): string;
  getValue(): string | null;
}

/** Every Dockerfile of the run once (an inline Dockerfile can be held under two keys). */

/** The instructions of a stage with the given keyword, in order (ONBUILD triggers are not included). */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

/**
 * The instructions of `keyword` in a stage that a later one of the same stage overrides (only the last CMD, ENTRYPOINT
 * or HEALTHCHECK of a stage takes effect), each with the one that comes next.
 */
export function overridden(stage: Stage, keyword: string): { instruction: Instruction; next: Instruction }[] {
  const all = instructionsOf(stage, keyword);
  return all.slice(0, -1).map((instruction, k) => ({ instruction, next: all[k + 1]! }));
}

/** Line (1-based, in the file that holds it: an inline Dockerfile's compose file) of an instruction, for messages. */
export function lineOf(df: DockerfileModel, instruction: Instruction): number {
  return df.ref(instruction.getInstructionRange()).range.start.line;
}

/** The escape character of a Dockerfile (`# escape=` directive), `\` by default. */
export function escapeOf(df: DockerfileModel): string {
  const ast = df.ast as unknown as { getEscapeCharacter?: () => string };
  return ast.getEscapeCharacter?.() || '\\';
}

/**
 * ARG and ENV values visible just before `instruction` in `stage` (ENV inherited from parent stages, a stage's ARGs its
 * own, an ARG without a value taking the global default), with build arguments given from outside (compose
 * `build.args`) overriding ARG defaults. Values that reference unknown variables are left out.
 */
export function variablesBefore(df: DockerfileModel, stage: Stage, instruction?: Instruction, buildArgs?: ReadonlyMap<string, string | undefined>): Map<string, string> {
  const env = new Map<string, string>();
  let args = new Map<string, string>();
  for (const s of lineage(stage)) {
    args = new Map();
    for (const i of s.instructions) {
      if (s === stage && i === instruction) break;
      const keyword = i.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const p of (i as unknown as { getProperties(): Property[] }).getProperties()) {
        const name = p.getName();
        const target = keyword === 'ENV' ? env : args;
        const given = keyword === 'ARG' && buildArgs?.has(name);
        const raw = given ? buildArgs!.get(name) : (p.getValue() ?? (keyword === 'ARG' ? df.globalArgs.get(name) : undefined));
        // An ARG without any default (or a valueless ENV) hides an earlier value of that name: unknown from here on.
        const value = raw === undefined || raw === null ? undefined : given ? raw : substitute(raw, new Map([...args, ...env]));
        if (value === undefined) target.delete(name);
        else target.set(name, value);
      }
    }
  }
  return new Map([...args, ...env]);
}

export interface Expansion {
  /** The words after quote removal, expansion and splitting; undefined when a variable's value is unknown. */
  words?: string[];
  /** Literal text (quotes removed) before the first unknown variable: what can be known of the first word. */
  prefix: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Shell-word processing as BuildKit applies it to EXPOSE and WORKDIR arguments: single and double quotes, the escape
 * character, `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`. A variable without a
 * known value makes the result unknown, except where a `:-`/`-` default stands in for it (as `substitute` does).
 */
export function expandWords(text: string, vars: ReadonlyMap<string, string>, escape = '\\', split = true): Expansion {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let unknownAt: number | undefined;
  let prefix = '';
  let quote: '"' | "'" | undefined;
  const flush = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const markUnknown = () => {
    if (unknownAt === undefined) {
      unknownAt = words.length;
      prefix = words.length === 0 ? word : words[0]!;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === escape && i + 1 < text.length) {
      const next = text[i + 1]!;
      i++;
      inWord = true;
      // Inside double quotes the escape character only escapes itself, `"` and `$`.
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) word += ch;
      word += next;
      continue;
    }
    if (ch === '"' || (ch === "'" && quote === undefined)) {
      if (quote === ch) quote = undefined;
      else if (quote === undefined) quote = ch;
      else word += ch;
      inWord = true;
      continue;
    }
    if (ch === '$') {
      const parsed = readVariable(text, i + 1, vars, escape);
      if (!parsed) {
        word += ch;
        inWord = true;
        continue;
      }
      i = parsed.end - 1;
      if (parsed.value === undefined) {
        markUnknown();
        inWord = true;
        continue;
      }
      if (quote || !split) {
        word += parsed.value;
        inWord = true;
        continue;
      }
      // Unquoted expansion is split into words.
      const parts = parsed.value.split(/[ \t\r\n]+/);
      parts.forEach((part, k) => {
        if (k > 0) flush();
        if (part !== '') {
          word += part;
          inWord = true;
        }
      });
      continue;
    }
    if (split && quote === undefined && /\s/.test(ch)) {
      flush();
      continue;
    }
    word += ch;
    inWord = true;
  }
  flush();
  if (unknownAt !== undefined) return { prefix };
  return { words, prefix: words[0] ?? '' };
}

/** One word, unsplit (WORKDIR, ENV values); undefined when a variable is unknown. */
export function expandWord(text: string, vars: ReadonlyMap<string, string>, escape = '\\'): string | undefined {
  const { words } = expandWords(text, vars, escape, false);
  return words === undefined ? undefined : words.join('');
}

function readVariable(text: string, start: number, vars: ReadonlyMap<string, string>, escape: string): { end: number; value?: string } | undefined {
  if (text[start] === '{') {
    let close = -1;
    for (let k = start + 1, depth = 1; k < text.length; k++) {
      if (text[k] === '{') depth++;
      else if (text[k] === '}' && --depth === 0) {
        close = k;
        break;
      }
    }
    if (close < 0) return { end: text.length }; // `${` never closed: BuildKit fails; the value is unknown here
    const body = text.slice(start + 1, close);
    const name = NAME.exec(body)?.[0];
    if (!name) return { end: close + 1 };
    const rest = body.slice(name.length);
    const value = vars.get(name);
    const op = /^(:?[-+])([\s\S]*)$/.exec(rest);
    if (rest === '') return { end: close + 1, value };
    if (!op) return { end: close + 1 }; // ${NAME#pattern} and other modifiers: unknown
    const word = expandWord(op[2]!, vars, escape);
    const colon = op[1]!.startsWith(':');
    if (op[1]!.endsWith('-')) {
      const useDefault = value === undefined || (colon && value === '');
      return { end: close + 1, value: useDefault ? word : value };
    }
    if (value === undefined) return { end: close + 1 };
    return { end: close + 1, value: value !== '' || !colon ? word : '' };
  }
  const name = NAME.exec(text.slice(start))?.[0];
  if (!name) return undefined;
  return { end: start + name.length, value: vars.get(name) };
}

/** How CMD / ENTRYPOINT arguments are written. */
export type CommandForm = 'exec' | 'shell' | 'broken-json' | 'empty';

/**
 * BuildKit takes the arguments as exec form when they parse as a JSON array of strings, and otherwise as shell form.
 * `broken-json` is shell form that was meant as exec form: a bracketed list of quoted items that is not valid JSON
 * (single quotes, a trailing comma...), which runs as `/bin/sh -c "['node', 'app.js']"`.
 */
export function commandForm(instruction: Instruction): CommandForm {
  const content = instruction.getArgumentsContent()?.trim() ?? '';
  if (content === '') return 'empty';
  if (!content.startsWith('[')) return 'shell';
  try {
    const parsed: unknown = JSON.parse(content);
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return 'exec';
  } catch {
    // not JSON
  }
  return /["',]/.test(content) && listItems(content) !== undefined ? 'broken-json' : 'shell';
}

/**
 * The items of a bracketed list written loosely: double- or single-quoted strings or bare words, separated by commas
 * or blanks (`['a', 'b']`, `["a" "b"]`, `["a", b,]`); undefined when the text is not such a list.
 */
export function listItems(content: string): string[] | undefined {
  const text = content.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const items: string[] = [];
  for (let i = 1; i < text.length - 1; ) {
    const ch = text[i]!;
    if (/\s/.test(ch) || ch === ',') {
      i++;
    } else if (ch === '"' || ch === "'") {
      let value = '';
      let k = i + 1;
      for (; k < text.length - 1 && text[k] !== ch; k++) {
        if (ch === '"' && text[k] === '\\' && k + 1 < text.length - 1) k++;
        value += text[k];
      }
      if (k >= text.length - 1) return undefined; // unterminated
      items.push(value);
      i = k + 1;
    } else if (ch === '[' || ch === ']') {
      return undefined;
    } else {
      let k = i;
      while (k < text.length - 1 && !/[\s,[\]'"]/.test(text[k]!)) k++;
      items.push(text.slice(i, k));
      i = k;
    }
  }
  return items;
}

export interface PortSpec {
  /** As written after expansion, e.g. `127.0.0.1:8080:80/tcp`. */
  spec: string;
  ip?: string;
  hostPort?: string;
  /** The container port or range, without the protocol. */
  port: string;
  /** The protocol as written ('' when none). */
  proto: string;
}

/** Splits `[ip:][hostPort:]port[/proto]` the way BuildKit does (the last two `:` parts are host and container port). */
export function parsePortSpec(spec: string): PortSpec {
  const parts = spec.split(':');
  const n = parts.length;
  const last = parts[n - 1]!;
  const slash = last.indexOf('/');
  const port = slash < 0 ? last : last.slice(0, slash);
  const proto = slash < 0 ? '' : last.slice(slash + 1);
  if (n === 1) return { spec, port, proto };
  if (n === 2) return { spec, hostPort: parts[0]!, port, proto };
  return { spec, ip: parts.slice(0, n - 2).join(':'), hostPort: parts[n - 2]!, port, proto };
}

export type PortRange = { start: number; end: number } | { error: 'empty' | 'not-a-number' | 'out-of-range' | 'reversed'; value: string };

/** Parses `80` or `8000-8100`, with BuildKit's validation (decimal numbers, 0-65535, start <= end). */
export function parsePortRange(text: string): PortRange {
  if (text === '') return { error: 'empty', value: text };
  const dash = text.indexOf('-');
  const startText = dash < 0 ? text : text.slice(0, dash);
  const endText = dash < 0 ? text : text.slice(dash + 1);
  for (const t of [startText, endText]) {
    if (!/^[+-]?\d+$/.test(t)) return { error: 'not-a-number', value: t === '' ? text : t };
  }
  for (const t of [startText, endText]) {
    const v = Number(t);
    if (v < 0 || v > 65535) return { error: 'out-of-range', value: t };
  }
  const start = Number(startText);
  const end = Number(endText);
  if (end < start) return { error: 'reversed', value: text };
  return { start, end };
}

export interface ExposedPort {
  instruction: Instruction;
  /** The argument as written in the Dockerfile. */
  written: string;
  /** How messages name the port: as written, with its value when a variable was expanded (`$PORT (8080)`). */
  label: string;
  at: SourceRef;
  spec: PortSpec;
}

/**
 * Every port spec of every EXPOSE in the stages of a Dockerfile, with variables expanded from the ARG/ENV values known
 * at that instruction. Arguments whose value is unknown are left out.
 */
export function exposedPorts(df: DockerfileModel): ExposedPort[] {
  const out: ExposedPort[] = [];
  const escape = escapeOf(df);
  for (const stage of df.stages) {
    for (const instruction of instructionsOf(stage, 'EXPOSE')) {
      const args = instruction.getArguments();
      const vars = args.some((a) => a.getValue().includes('$')) ? variablesBefore(df, stage, instruction) : new Map<string, string>();
      for (const arg of args) {
        const { words } = expandWords(rawText(df, arg.getRange()), vars, escape);
        const written = arg.getValue();
        for (const word of words ?? []) {
          const label = written === word || written.replace(/^(["'])(.*)\1$/, '$2') === word ? word || '""' : `${written} (${word})`;
          out.push({ instruction, written, label, at: df.ref(arg.getRange()), spec: parsePortSpec(word) });
        }
      }
    }
  }
  return out;
}

/** The source text of a dockerfile-ast range. */
export function rawText(df: DockerfileModel, range: AstRange): string {
  const start = df.lines.offset(range.start.line + 1, range.start.character + 1);
  const end = df.lines.offset(range.end.line + 1, range.end.character + 1);
  return df.text.slice(start, end);
}

export interface WorkdirStep {
  instruction: Instruction;
  stage: Stage;
  /** The argument as written, trimmed. */
  written: string;
  /** The path after quote removal and expansion; undefined when it uses a variable whose value is unknown. */
  path?: string;
  /** What is known of the path: its literal beginning up to the first unknown variable. */
  prefix: string;
  /** Absolute (`/x`, or a Windows drive path `C:\x`, `C:/x`); undefined when unknown. */
  absolute?: boolean;
  /** The working directory after this step, normalized; undefined when it cannot be known. */
  resolved?: string;
  /** An earlier WORKDIR of this stage or its parent stages. */
  previous?: WorkdirStep;
  /** Where the path argument starts. */
  at: SourceRef;
}

/** A Windows drive path (`C:\x`, `C:/x`): a letter and a colon, as hadolint judges it. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:/.test(path);
}

/** `/` or `/a/b`: absolute, no empty, `.` or `..` part, no trailing slash. */
const NORMAL_POSIX = /^(?:\/|(?:\/(?!\.\.?(?:\/|$))[^/]+)+)$/;

/** Collapses `//`, `.` and `..` and drops a trailing slash (POSIX paths only). */
export function normalizePosix(path: string): string {
  // Most paths are normal already (`/usr/src/app`): returned as they are, without splitting and joining.
  if (NORMAL_POSIX.test(path)) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/**
 * The WORKDIR instructions of a stage, in order, each with its path, whether it is absolute and the directory it
 * resolves to (joined onto the previous WORKDIR of the stage or its parent stages when relative). Steps of parent
 * stages are not returned, but they are the `previous` of the stage's first WORKDIR.
 */
export function workdirSteps(df: DockerfileModel, stage: Stage): WorkdirStep[] {
  const escape = escapeOf(df);
  let previous: WorkdirStep | undefined;
  let steps: WorkdirStep[] = [];
  // `scratch` starts in `/`; any other base image has a working directory of its own that cannot be seen here.
  const base = lineage(stage)[0]!;
  const start = base.image === 'scratch' ? '/' : undefined;
  for (const s of lineage(stage)) {
    steps = [];
    for (const instruction of instructionsOf(s, 'WORKDIR')) {
      const range = instruction.getArgumentsRange();
      const written = instruction.getArgumentsContent()?.trim() ?? '';
      if (!range || written === '') continue;
      const vars = written.includes('$') ? variablesBefore(df, s, instruction) : new Map<string, string>();
      const { words, prefix } = expandWords(written, vars, escape, false);
      const path = words?.join('');
      const known = path ?? prefix;
      // A drive letter is judged before escapes are processed: with the default escape `\`, `C:\app` is still a Windows path.
      const windows = isWindowsAbsolute(written.replace(/^["']/, '')) || isWindowsAbsolute(known);
      const absolute = windows || known.startsWith('/') ? true : known === '' ? undefined : false;
      let resolved: string | undefined;
      if (path !== undefined && !windows && !path.includes('\\')) {
        if (absolute) resolved = normalizePosix(path);
        else if (previous ? previous.resolved !== undefined : start !== undefined) resolved = normalizePosix(`${previous ? previous.resolved : start}/${path}`);
      }
      const step: WorkdirStep = { instruction, stage: s, written, path, prefix, absolute, resolved, previous, at: df.ref(range) };
      steps.push(step);
      previous = step;
    }
  }
  return steps;
}
