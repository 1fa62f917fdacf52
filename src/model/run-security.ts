// What the RUN rules about pipelines and security settings need beyond the shell model of run.ts: the scripts a RUN
// runs (its own, and those handed to `sh -c` / `bash -c`, in either form), commands seen through wrappers such as
// `sudo` and `env`, the environment variables a RUN exports, and the ENV/ARG values a stage sets.
import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import { commandName, type RunInstruction } from './run.js';
import { lineage } from './stage.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';
import { parseShell, type ShellCommand, type ShellPipeline, type ShellWord, type TextSpan } from '../parse/shell.js';

/** Shells whose `-c` argument is a script: its commands run like the RUN's own. */
export const SCRIPT_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** A script that a RUN runs: the RUN's own text (shell form), or the argument of a `sh -c` it calls. */
export interface Script {
  run: RunInstruction;
  /** `run`: the RUN's own script, run by the SHELL in effect; `inner`: the script of a `sh -c` command. */
  kind: 'run' | 'inner';
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** For an inner script: the interpreter's basename (`bash`) and whether its own flags set `-o pipefail`. */
  interpreter?: { name: string; pipefail: boolean };
  /** The `sh -c` argument that holds an inner script. */
  word?: ShellWord;
  /** A syntax error in an inner script (the RUN's own errors are in `run.unparsed`). */
  error?: { message: string; at: number };
}

const scriptCache = new WeakMap<RunInstruction, Script[]>();

/**
 * The scripts of a RUN: its own (shell form, when it could be parsed) and, recursively, the literal scripts it passes to
 * `sh -c`, `bash -c`... (in exec form `["bash", "-c", "..."]` that is the only script).
 */
export function scriptsOf(df: DockerfileModel, run: RunInstruction): Script[] {
  let scripts = scriptCache.get(run);
  if (scripts) return scripts;
  scripts = [];
  if (run.form === 'exec') {
    const command = execCommand(run);
    if (command) scripts.push({ run, kind: 'run', commands: [command], pipelines: [] });
  } else if (!run.unparsed) {
    scripts.push({ run, kind: 'run', commands: run.commands, pipelines: run.pipelines });
  }
  for (let i = 0; i < scripts.length && i < 32; i++) {
    for (const command of scripts[i]!.commands) {
      const inner = innerScript(run, command);
      if (inner) scripts.push(inner);
    }
  }
  scriptCache.set(run, scripts);
  return scripts;
}

/** The exec form's command with its JSON strings decoded from the source (the parser drops blanks inside them). */
function execCommand(run: RunInstruction): ShellCommand | undefined {
  const command = run.commands[0];
  if (!command) return undefined;
  const words = command.words.map((w) => ({ ...w, value: jsonString(w.raw) ?? w.value }));
  return { ...command, name: words[0]?.value, words, args: words.slice(1) };
}

function jsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The interpreter of a `sh -c 'script'` command: its flags and the script word; undefined for other commands. */
export function shellInvocation(command: ShellCommand): { name: string; pipefail: boolean; script: ShellWord } | undefined {
  const name = commandName(command);
  if (!name || !SCRIPT_SHELLS.has(name)) return undefined;
  let pipefail = false;
  let dashC = false;
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) return undefined;
    if (v === '--' || v === '-') continue;
    if (/^[-+][A-Za-z]+$/.test(v)) {
      if (v.includes('c') && v[0] === '-') dashC = true;
      if (v.includes('o')) {
        const option = args[i + 1]?.value;
        if (option === 'pipefail') pipefail = v[0] === '-';
        i++;
      }
      continue;
    }
    if (v.startsWith('-')) continue; // --login, --norc...
    return dashC ? { name, pipefail, script: args[i]! } : undefined;
  }
  return undefined;
}

function innerScript(run: RunInstruction, command: ShellCommand): Script | undefined {
  const invocation = shellInvocation(command);
  if (!invocation) return undefined;
  const { script: word } = invocation;
  const text = word.value!;
  const body = word.raw.slice(1, -1);
  const quoted = word.raw.length >= 2 && (word.raw[0] === '"' || word.raw[0] === "'") && word.raw[word.raw.length - 1] === word.raw[0];
  // Offsets map straight back to the file when the script is written as it is run; else every position is the word's.
  const exact = word.raw === text ? word.span.start : quoted && body === text ? word.span.start + 1 : undefined;
  const parsed = parseShell(`${text}\n`, exact ?? 0);
  const clamp = (s: TextSpan) => {
    if (exact === undefined) {
      s.start = word.span.start;
      s.end = word.span.end;
    } else {
      s.start = Math.min(s.start, word.span.end);
      s.end = Math.min(s.end, word.span.end);
    }
  };
  const seen = new Set<TextSpan>();
  const fix = (s: TextSpan) => {
    if (!seen.has(s)) {
      seen.add(s);
      clamp(s);
    }
  };
  for (const c of parsed.commands) {
    fix(c.span);
    for (const w of c.words) fix(w.span);
  }
  for (const p of parsed.pipelines) fix(p.span);
  const error = parsed.error ? { message: parsed.error.message, at: exact === undefined ? word.span.start : Math.min(parsed.error.at, word.span.end - 1) } : undefined;
  return { run, kind: 'inner', commands: parsed.commands, pipelines: parsed.pipelines, interpreter: { name: invocation.name, pipefail: invocation.pipefail }, word, error };
}

// --- commands through wrappers ----------------------------------------------------------------------------------

/** An environment variable set for a command or exported by a script, with the offset of its name in the file. */
export interface Assignment {
  name: string;
  /** Undefined when the value is not literal. */
  value?: string;
  at: number;
}

/** A command as it runs: wrappers (`sudo`, `env`, `nohup`...) looked through, `python -m pip` seen as `pip`. */
export interface CommandView {
  /** The basename of the command that runs. */
  name?: string;
  /** The word naming it (for positions). */
  nameWord?: ShellWord;
  /** Its arguments. */
  args: ShellWord[];
  /** Variables set for it: `FOO=1 cmd`, `env FOO=1 cmd`, `sudo FOO=1 cmd`. */
  assigns: Assignment[];
  /** The command as parsed. */
  command: ShellCommand;
  script: Script;
}

// Wrappers that run the rest of their arguments as a command, with the short flags that take a value.
const WRAPPERS: Record<string, string> = { sudo: 'ugpCDrtTUh', doas: 'uC', env: 'uSCP', nohup: '', exec: 'a', time: 'fo', nice: 'n', command: '', stdbuf: 'ioe', chroot: '', setsid: '' };

/** The command of a script seen through its wrappers. */
export function viewOf(df: DockerfileModel, command: ShellCommand, script: Script): CommandView {
  const assigns = command.assigns.map((a) => ({ name: a.name, value: a.value, at: assignOffset(df, command, a.name) }));
  let words = command.words;
  for (let depth = 0; depth < 4; depth++) {
    const name = basename(words[0]?.value);
    if (name === undefined) break;
    if (/^python[\d.]*$/.test(name) && words[1]?.value === '-m' && words[2]?.value !== undefined && /^pip[\d.]*$/.test(words[2].value)) {
      words = words.slice(2);
      break;
    }
    // Own keys only: a command named `constructor` or `toString` is no wrapper.
    const valued = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (valued === undefined) break;
    let i = 1;
    for (; i < words.length; i++) {
      const v = words[i]!.value;
      if (v === undefined) break;
      if (v === '--') {
        i++;
        break;
      }
      if ((name === 'env' || name === 'sudo') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
        const eq = v.indexOf('=');
        assigns.push({ name: v.slice(0, eq), value: v.slice(eq + 1), at: words[i]!.span.start });
        continue;
      }
      if (!v.startsWith('-') || v === '-') break;
      if (!v.startsWith('--') && v.length === 2 && valued.includes(v[1]!)) i++;
      else if (name === 'nice' && /^-\d+$/.test(v)) continue;
    }
    words = words.slice(i);
  }
  return { name: basename(words[0]?.value), nameWord: words[0], args: words.slice(1), assigns, command, script };
}

function basename(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('/') + 1);
}

/** Where `NAME=` of a prefix assignment is: the parsed model gives assignments no position of their own. */
function assignOffset(df: DockerfileModel, command: ShellCommand, name: string): number {
  const at = df.text.indexOf(`${name}=`, command.span.start);
  return at >= 0 && at <= Math.max(command.span.end, command.span.start + 4096) ? at : command.span.start;
}

const viewCache = new WeakMap<RunInstruction, readonly CommandView[]>();

/** Every command of every script of the RUN, seen through wrappers (computed once per RUN: several rules ask). */
export function commandViews(df: DockerfileModel, run: RunInstruction): readonly CommandView[] {
  let views = viewCache.get(run);
  if (!views) viewCache.set(run, (views = scriptsOf(df, run).flatMap((script) => script.commands.map((c) => viewOf(df, c, script)))));
  return views;
}

// --- variables -------------------------------------------------------------------------------------------------

/**
 * `export NAME=value` in the RUN's text (the shell model does not list `export` as a command). Found in the source,
 * so exports inside `sh -c` strings count too.
 */
export function exportedAssignments(df: DockerfileModel, run: RunInstruction): Assignment[] {
  if (run.unparsed) return [];
  const range = run.instruction.getArgumentsRange();
  if (!range) return [];
  const start = df.lines.offset(range.start.line + 1, range.start.character + 1);
  const end = df.lines.offset(range.end.line + 1, range.end.character + 1);
  const text = df.text.slice(start, end);
  const out: Assignment[] = [];
  const statement = /(^|[\s;&|(){}`"'])(?:export|declare\s+-\w*x\w*|typeset\s+-\w*x\w*)((?:[ \t]+|\\\r?\n)+)/g;
  for (let m = statement.exec(text); m; m = statement.exec(text)) {
    let i = m.index + m[0].length;
    const item = /^(?:-\w+|([A-Za-z_][A-Za-z0-9_]*)=("[^"$`\\]*"|'[^']*'|[^\s;&|()'"`$\\]*)(?=[\s;&|()'"]|$)|[A-Za-z_][A-Za-z0-9_]*)((?:[ \t]+|\\\r?\n)*)/;
    for (let k = 0; k < 64; k++) {
      const rest = text.slice(i);
      const it = item.exec(rest);
      if (!it || it[0].length === 0) break;
      if (it[1] !== undefined) {
        const raw = it[2] ?? '';
        const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
        out.push({ name: it[1], value, at: start + i });
      } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest)) {
        // A value that is not literal (`X=$Y`): unknown.
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)![0];
        out.push({ name, value: undefined, at: start + i });
        break;
      }
      i += it[0].length;
      if (!it[3]) break;
    }
  }
  return out;
}

/** A variable that an ENV or ARG instruction of a stage sets, with its value where it is known. */
export interface VariableSetting {
  name: string;
  /** The value with known variables substituted; undefined when it cannot be known. */
  value?: string;
  keyword: 'ENV' | 'ARG';
  at: SourceRef;
  instruction: Instruction;
  stage: Stage;
}

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Parameters<DockerfileModel['ref']>[0];
}

/**
 * The variables that ENV and ARG instructions set inside the stages (ONBUILD ENV/ARG too). An ARG without a value takes
 * the global default; one without any default sets nothing and is left out. Global ARGs (before the first FROM) are
 * not listed: they reach only FROM lines.
 */
export function variableSettings(df: DockerfileModel): VariableSetting[] {
  const out: VariableSetting[] = [];
  for (const stage of df.stages) {
    const known = new Map<string, string>();
    for (const s of lineage(stage).slice(0, -1)) for (const i of s.instructions) if (i.getKeyword() === 'ENV') collect(i, s, known);
    for (const instruction of stage.instructions) {
      let target = instruction;
      if (instruction.getKeyword() === 'ONBUILD') {
        const trigger = (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction();
        if (!trigger) continue;
        target = trigger;
      }
      const keyword = target.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      // An ONBUILD trigger runs in the child build: it sets nothing here.
      collect(target, stage, target === instruction ? known : new Map(known), out);
    }
  }
  return out;

  function collect(instruction: Instruction, stage: Stage, known: Map<string, string>, into?: VariableSetting[]): void {
    const keyword = instruction.getKeyword() as 'ENV' | 'ARG';
    const properties = (instruction as unknown as { getProperties?(): Property[] }).getProperties?.() ?? [];
    for (const p of properties) {
      const name = p.getName();
      const raw = p.getValue() ?? (keyword === 'ARG' ? df.globalArgs.get(name) : undefined);
      if (raw === undefined || raw === null) {
        known.delete(name);
        continue;
      }
      const value = raw.includes('$') ? substitute(raw, known) : raw;
      if (value === undefined) known.delete(name);
      else known.set(name, value);
      into?.push({ name, value, keyword, at: df.ref(p.getNameRange()), instruction, stage });
    }
  }
}

/** A SourceRef for `length` characters at an offset of the file. */
export function refAt(df: DockerfileModel, offset: number, length = 1): SourceRef {
  return { file: df.path, range: df.lines.range(offset, offset + Math.max(1, length)) };
}


// --- flags -----------------------------------------------------------------------------------------------------

/**
 * The argument that sets a flag: a long flag (`--insecure`, `--trusted-host=x`), or a short one anywhere in a group
 * (`-fsSLk`), reading the group the way getopt does: a letter of `valued` takes the rest of the group, or the next
 * argument, as its value. Arguments after `--` are not flags; a word that is not literal is skipped.
 */
export function findFlag(args: readonly ShellWord[], spec: { short?: string; long?: readonly string[]; valued?: string; valuedLong?: readonly string[] }): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) continue;
    if (v === '--') return undefined;
    if (v.startsWith('--')) {
      const name = v.includes('=') ? v.slice(0, v.indexOf('=')) : v;
      if (spec.long?.includes(name)) return args[i];
      if (!v.includes('=') && spec.valuedLong?.includes(v)) i++;
      continue;
    }
    if (!/^-[^-]/.test(v)) continue;
    for (let k = 1; k < v.length; k++) {
      const letter = v[k]!;
      if (spec.short?.includes(letter)) return args[i];
      if (spec.valued?.includes(letter)) {
        if (k === v.length - 1) i++;
        break;
      }
    }
  }
  return undefined;
}

/** The values given to an option: `-o X`, `-oX`, `--option X`, `--option=X`, with the word that holds each value. */
export function optionValues(args: readonly ShellWord[], short: string | undefined, long: readonly string[]): { word: ShellWord; value: string }[] {
  const out: { word: ShellWord; value: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) continue;
    if (v === '--') break;
    const next = args[i + 1];
    if (long.includes(v) || (short !== undefined && v === `-${short}`)) {
      if (next?.value !== undefined) out.push({ word: next, value: next.value });
      i++;
    } else if (long.some((l) => v.startsWith(`${l}=`))) {
      out.push({ word: args[i]!, value: v.slice(v.indexOf('=') + 1) });
    } else if (short !== undefined && v.startsWith(`-${short}`) && !v.startsWith('--') && v.length > 2) {
      out.push({ word: args[i]!, value: v.slice(2) });
    }
  }
  return out;
}

/** The arguments that are not flags, skipping the value after each flag of `valued` (`-f file`, `--file file`). */
export function positionalWords(args: readonly ShellWord[], valued: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let rest = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value ?? w.raw;
    if (rest || !v.startsWith('-') || v === '-') out.push(w);
    else if (v === '--') rest = true;
    else if (valued.includes(v)) i++;
  }
  return out;
}

/** `false`, `no`, `off`, `0` (any case): how git, dnf/yum and apt spell a false setting. */
export const isFalse = (value: string): boolean => /^["']?(false|no|off|0)["']?;?$/i.test(value.trim());
/** `true`, `yes`, `on`, `1` (any case). */
export const isTrue = (value: string): boolean => /^["']?(true|yes|on|1)["']?;?$/i.test(value.trim());

/** The text a sed script writes: the replacement of an `s` command (its pattern is what is there now), else the script. */
export function sedWrites(script: string): string {
  const s = /^s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/s.exec(script);
  return s ? s[3]! : script;
}
