// RUN instructions as the shell that runs them sees them: the SHELL in effect, the script text Docker hands it
// (continuations joined, comment lines dropped, heredoc bodies run as scripts) and the commands parsed from it.
import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import { lineage } from './stage.js';
import type { DockerfileModel, Stage } from '../parse/dockerfile.js';
import { parseShell, type ShellCommand, type ShellPipeline, type TextSpan } from '../parse/shell.js';

export interface ShellInfo {
  /** The SHELL's argv, or Docker's default (`/bin/sh -c`; `cmd /S /C` on Windows images). */
  argv: string[];
  /** The SHELL instruction in effect; undefined for the default. */
  at?: SourceRef;
  kind: 'posix' | 'bash' | 'zsh' | 'powershell' | 'cmd' | 'other';
  /** The SHELL sets `-o pipefail`. */
  pipefail: boolean;
  /** The default `/bin/sh` of a BusyBox image (alpine, busybox): ash, which has `set -o pipefail` but no bash. */
  busybox: boolean;
}

export interface RunInstruction {
  /** The RUN instruction (for `ONBUILD RUN`, the trigger). */
  instruction: Instruction;
  /** The ONBUILD wrapping it, if any. */
  onbuild?: Instruction;
  stage: Stage;
  shell: ShellInfo;
  /** `exec`: the JSON form, run without a shell (its one command is the JSON strings). */
  form: 'shell' | 'exec';
  /** Uses a heredoc (`RUN <<EOF`). */
  heredoc: boolean;
  /** Every command, in source order: those of the RUN line and of heredoc bodies that run as scripts. */
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** Set when the commands are unknown: a shell syntax error, or a shell other than sh/bash (PowerShell, cmd). */
  unparsed?: { reason: 'syntax' | 'shell'; message: string; at: SourceRef };
}

const cache = new WeakMap<DockerfileModel, RunInstruction[]>();

/** Every RUN and ONBUILD RUN of the Dockerfile, stage by stage, parsed once per Dockerfile. */
export function runInstructions(df: DockerfileModel): RunInstruction[] {
  let runs = cache.get(df);
  if (!runs) cache.set(df, (runs = collectRuns(df)));
  return runs;
}

/** The source reference of a span of a RUN's parsed text (word, command, pipe). */
export function refOf(df: DockerfileModel, span: TextSpan): SourceRef {
  return { file: df.path, range: df.lines.range(span.start, span.end) };
}

/** The command's name without its directory: `/usr/bin/apt-get` → `apt-get`. */
export function commandName(command: ShellCommand): string | undefined {
  return command.name?.slice(command.name.lastIndexOf('/') + 1);
}

/**
 * Whether the command has one of the flags: `-y` also matches inside `-qy`; `--yes` matches `--yes` and `--yes=...`.
 * Arguments after `--` are not flags.
 */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  for (const arg of command.args) {
    const v = arg.value;
    if (v === undefined) continue;
    if (v === '--') return false;
    for (const flag of flags) {
      if (flag.startsWith('--') ? v === flag || v.startsWith(`${flag}=`) : /^-[^-]/.test(v) && v.slice(1).includes(flag.slice(1))) return true;
    }
  }
  return false;
}

/** The arguments that are not flags, skipping the value after each flag in `withValue` (`-t stable`, `--target x`). */
export function positionalArgs(command: ShellCommand, withValue: readonly string[] = []): ShellCommand['args'] {
  const out: ShellCommand['args'] = [];
  let afterDashDash = false;
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    const v = arg.raw;
    if (afterDashDash || !v.startsWith('-') || v === '-') {
      out.push(arg);
    } else if (v === '--') {
      afterDashDash = true;
    } else if (withValue.includes(v)) {
      i++;
    }
  }
  return out;
}

function collectRuns(df: DockerfileModel): RunInstruction[] {
  const runs: RunInstruction[] = [];
  for (const stage of df.stages) {
    // The SHELL in effect, followed along the stage rather than searched for at each RUN: a search from the start
    // at each of thousands of RUNs took minutes (found by test/hostile.test.ts).
    let shell = lineage(stage).slice(0, -1).flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'SHELL').at(-1);
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'SHELL') shell = instruction;
      else if (keyword === 'RUN') runs.push(readRun(df, stage, instruction, shell));
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') runs.push({ ...readRun(df, stage, trigger, shell), onbuild: instruction });
      }
    }
  }
  return runs;
}

function readRun(df: DockerfileModel, stage: Stage, instruction: Instruction, shellInstruction: Instruction | undefined): RunInstruction {
  const shell = shellOf(df, stage, shellInstruction);
  const run: RunInstruction = { instruction, stage, shell, form: 'shell', heredoc: false, commands: [], pipelines: [] };
  const argsRange = instruction.getArgumentsRange();
  if (!argsRange) return run;
  const start = df.lines.offset(argsRange.start.line + 1, argsRange.start.character + 1);
  const end = df.lines.offset(argsRange.end.line + 1, argsRange.end.character + 1);
  const text = df.text.slice(start, end);

  const json = text.startsWith('[') ? (instruction as unknown as JSONInstruction).getJSONStrings?.() : undefined;
  if (json && json.length > 0) {
    run.form = 'exec';
    const words = json.map((a) => {
      const r = a.getRange();
      const s = df.lines.offset(r.start.line + 1, r.start.character + 1);
      const e = df.lines.offset(r.end.line + 1, r.end.character + 1);
      const raw = df.text.slice(s, e);
      return { value: jsonString(raw) ?? a.getJSONValue(), raw, span: { start: s, end: e } };
    });
    run.commands.push({ name: words[0]!.value, words, args: words.slice(1), assigns: [], span: { start: words[0]!.span.start, end: words[words.length - 1]!.span.end }, subshell: false });
    return run;
  }

  if (shell.kind === 'powershell' || shell.kind === 'cmd' || shell.kind === 'other') {
    run.unparsed = { reason: 'shell', message: `the shell ${shell.argv[0] ?? ''} is not sh or bash`, at: df.ref(instruction.getInstructionRange()) };
    return run;
  }

  run.heredoc = /(^|[^<])<<-?\s*["']?[A-Za-z_]/.test(firstLine(text));
  // A heredoc needs the newline after its terminator, which the instruction range leaves out.
  const parsed = parseShell(`${shellText(text, df.ast.getEscapeCharacter(), run.heredoc)}\n`, start);
  if (parsed.error) {
    run.unparsed = { reason: 'syntax', message: parsed.error.message, at: { file: df.path, range: df.lines.range(parsed.error.at, parsed.error.at + 1) } };
    return run;
  }
  run.commands.push(...parsed.commands);
  run.pipelines.push(...parsed.pipelines);

  // A heredoc fed to no command (`RUN <<EOF`) or to a shell (`RUN <<EOF bash`) is the script that runs.
  for (const heredoc of parsed.heredocs) {
    const to = heredoc.command ? commandName(heredoc.command) : undefined;
    if (heredoc.command && !SHELLS.has(to ?? '')) continue;
    if (/^#!/.test(heredoc.body) && !/^#!\S*\b(?:sh|bash|ash|dash|zsh)\b/.test(heredoc.body)) continue;
    const inside = (s: TextSpan) => s.start >= heredoc.span.start && s.end <= heredoc.span.end;
    // The shell a body is fed to is the interpreter, like SHELL: not one of the script's commands.
    run.commands = run.commands.filter((c) => !inside(c.span) && c !== heredoc.command);
    run.pipelines = run.pipelines.filter((p) => !inside(p.span));
    const body = parseShell(heredoc.body, heredoc.span.start);
    if (body.error) {
      run.unparsed = { reason: 'syntax', message: body.error.message, at: { file: df.path, range: df.lines.range(body.error.at, body.error.at + 1) } };
      continue;
    }
    run.commands.push(...body.commands);
    run.pipelines.push(...body.pipelines);
  }
  run.commands.sort((a, b) => a.span.start - b.span.start);
  return run;
}

/** A JSON string literal's value (dockerfile-ast's getJSONValue drops the blanks inside it). */
function jsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/**
 * The text the shell runs, kept the same length as the source so offsets map back: CRs become spaces, a backtick
 * escape character becomes a backslash, an escape followed by blanks moves to the end of its line, and the comment and
 * empty lines inside a continued instruction, which Docker drops, become blanks that continue the line. Heredoc bodies
 * are left as written.
 */
export function shellText(text: string, escape: string, heredoc: boolean): string {
  const src = text.includes('\r') ? text.replace(/\r/g, ' ') : text;
  const escapeChar = escape === '`' ? '`' : '\\';
  // The replacements, each by the offset of its first character (a later one at the same offset wins): far fewer
  // than the characters, so the text is not copied into an array of characters and joined again. They come in
  // increasing order (a line's edits, then at most the last character and newline of the line before).
  const edits = new Map<number, string>();
  let lineStart = 0;
  let continued = false;
  for (let nl = src.indexOf('\n'); ; nl = src.indexOf('\n', nl + 1)) {
    // The line is [lineStart, i), ended by a newline unless it is the last; only earlier lines have been edited.
    const i = nl < 0 ? src.length : nl;
    if (continued && i > lineStart && blankOrComment(src, lineStart)) {
      // A comment or blank line inside a continuation: blanks, ending in an escape.
      if (i - 1 > lineStart) edits.set(lineStart, ' '.repeat(i - 1 - lineStart));
      edits.set(i - 1, '\\');
    } else if (continued && i === lineStart && nl >= 0) {
      // An empty line: its newline becomes the escape of the line before, which ends `\\\n`.
      edits.set(lineStart - 2, ' ');
      edits.set(lineStart - 1, '\\');
    } else {
      let blanks = i;
      while (blanks > lineStart && (src[blanks - 1] === ' ' || src[blanks - 1] === '\t')) blanks--;
      const escapeAt = blanks - 1;
      continued = !heredoc && escapeAt >= lineStart && src[escapeAt] === escapeChar;
      if (continued) {
        // Docker allows blanks after the escape; the shell wants it last.
        edits.set(escapeAt, ' ');
        edits.set(i - 1, '\\');
      }
    }
    lineStart = i + 1;
    if (nl < 0) break;
  }
  let out = '';
  let from = 0;
  for (const [at, value] of edits) {
    out += src.slice(from, at) + value;
    from = at + value.length;
  }
  return from === 0 ? src : out + src.slice(from);
}

/** Whether the line starting at `start` holds only blanks, or blanks and a comment (read in place, not cut out). */
function blankOrComment(text: string, start: number): boolean {
  BLANK_OR_COMMENT.lastIndex = start;
  return BLANK_OR_COMMENT.test(text);
}
const BLANK_OR_COMMENT = /[^\S\n]*(?:#|\n|$)/y;

/** The SHELL in effect at an instruction: the last SHELL before it in its stage or the stages it builds on. */
/** The shell a RUN of `stage` runs with, given the last SHELL instruction before it (in the stage or those it builds on). */
function shellOf(df: DockerfileModel, stage: Stage, found: Instruction | undefined): ShellInfo {
  const base = lineage(stage)[0]!.image?.toLowerCase() ?? '';
  const windows = /(^|\/)(windows|servercore|nanoserver)|mcr\.microsoft\.com\/(windows|powershell)/.test(base);
  const argv = found ? ((found as unknown as JSONInstruction).getJSONStrings?.() ?? []).map((a) => a.getJSONValue()) : windows ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
  const exe = (argv[0] ?? '').toLowerCase().replace(/^.*[\\/]/, '').replace(/\.exe$/, '');
  const kind: ShellInfo['kind'] =
    exe === 'sh' || exe === 'ash' || exe === 'dash' ? 'posix' : exe === 'bash' ? 'bash' : exe === 'zsh' ? 'zsh' : exe === 'pwsh' || exe === 'powershell' ? 'powershell' : exe === 'cmd' ? 'cmd' : 'other';
  const pipefail = argv.some((a, i) => a === 'pipefail' && /^-\w*o$/.test(argv[i - 1] ?? '')) || argv.includes('-opipefail');
  const busybox = kind === 'posix' && /(^|\/)(alpine|busybox)(:|@|$)|:[^/]*alpine/.test(base);
  return { argv, at: found ? df.ref(found.getInstructionRange()) : undefined, kind, pipefail, busybox };
}
