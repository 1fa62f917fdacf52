// The programs a RUN runs, for the rules about individual commands (sudo, cd, wget, useradd, ln...): every command of
// every script of the RUN (its own, heredoc bodies, `sh -c` strings), seen through the wrappers that run another
// command (`sudo`, `env`, `exec`, `command`, `busybox`...), and the values of words built from ARG/ENV variables.
import { variablesAt } from './copy.js';
import { runInstructions, type RunInstruction } from './run.js';
import { scriptsOf, type Script } from './run-security.js';
import { substitute, type DockerfileModel } from '../parse/dockerfile.js';
import { unquote, type ShellCommand, type ShellWord } from '../parse/shell.js';

/** A program that a command runs, and the wrappers it runs through. */
export interface Invocation {
  /** The program's basename (`/usr/bin/wget` → `wget`). */
  name: string;
  /** The word naming it. */
  word: ShellWord;
  /** Its arguments. */
  args: ShellWord[];
  /** The wrappers in front of it, outermost first (`sudo -u app env X=1 wget` → sudo, env). */
  via: { name: string; word: ShellWord }[];
  command: ShellCommand;
  script: Script;
  run: RunInstruction;
}

interface WrapperSpec {
  /** Short options that take a value (`-u user`). */
  short: string;
  /** Long options that take a value when written without `=` (`--user user`). */
  long: string[];
  /** Positional arguments before the command (`timeout 10 cmd`, `chroot /root cmd`, `gosu user cmd`). */
  positional?: number;
  /** `NAME=value` words before the command are environment settings. */
  assigns?: boolean;
  /** Short and long options after which the rest is no command (`command -v x` prints where x is; `sudo -l`). */
  stopShort?: string;
  stopLong?: string[];
}

/** Programs that run the rest of their arguments as a command. */
const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    short: 'CDghpRrtTUu',
    long: ['--close-from', '--chdir', '--group', '--host', '--prompt', '--chroot', '--role', '--type', '--command-timeout', '--other-user', '--user'],
    assigns: true,
    stopShort: 'elKvV',
    stopLong: ['--edit', '--list', '--remove-timestamp', '--validate', '--version', '--help'],
  },
  doas: { short: 'uC', long: [] },
  env: { short: 'uC', long: ['--unset', '--chdir'], assigns: true, stopShort: 'S', stopLong: ['--split-string', '--help', '--version'] },
  nohup: { short: '', long: [] },
  exec: { short: 'a', long: [] },
  time: { short: 'fo', long: ['--format', '--output'] },
  nice: { short: 'n', long: ['--adjustment'] },
  command: { short: '', long: [], stopShort: 'vV' },
  builtin: { short: '', long: [] },
  busybox: { short: '', long: [], stopShort: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', stopLong: ['--list', '--help', '--install', '--list-full'] },
  stdbuf: { short: 'ioe', long: ['--input', '--output', '--error'] },
  timeout: { short: 'sk', long: ['--signal', '--kill-after'], positional: 1 },
  setsid: { short: '', long: [] },
  chroot: { short: '', long: ['--userspec', '--groups'], positional: 1 },
  gosu: { short: '', long: [], positional: 1 },
  'su-exec': { short: '', long: [], positional: 1 },
};

export function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The program a command runs, looking through wrappers; undefined when its name is not literal. */
export function invocationOf(command: ShellCommand, script: Script): Invocation | undefined {
  let words = command.words;
  const via: Invocation['via'] = [];
  for (let depth = 0; depth < 8; depth++) {
    const first = words[0];
    if (first?.value === undefined) return undefined;
    const name = basename(first.value);
    const spec = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    const next = spec ? commandAfter(words, spec) : undefined;
    if (next === undefined || words[next]?.value === undefined) {
      return { name, word: first, args: words.slice(1), via, command, script, run: script.run };
    }
    via.push({ name, word: first });
    words = words.slice(next);
  }
  return undefined;
}

/** The index of the word that a wrapper runs, if it runs one. */
function commandAfter(words: ShellWord[], spec: WrapperSpec): number | undefined {
  let positional = spec.positional ?? 0;
  for (let i = 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === undefined) return undefined;
    if (v === '--') return i + 1 < words.length ? i + 1 : undefined;
    if (v === '-') continue;
    if (v.startsWith('--')) {
      const name = v.replace(/=.*$/, '');
      if (spec.stopLong?.includes(name)) return undefined;
      if (name === v && spec.long.includes(v)) i++;
      continue;
    }
    if (v.startsWith('-')) {
      // A group of short options: the first one that takes a value takes the rest of the group or the next word.
      for (let k = 1; k < v.length; k++) {
        if (spec.stopShort?.includes(v[k]!)) return undefined;
        if (spec.short.includes(v[k]!)) {
          if (k === v.length - 1) i++;
          break;
        }
      }
      continue;
    }
    if (spec.assigns && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
    if (positional > 0) {
      positional--;
      continue;
    }
    return i;
  }
  return undefined;
}

const invocationCache = new WeakMap<RunInstruction, readonly Invocation[]>();

/** Every script of a RUN and the programs its commands run, in source order per script (once per RUN: six rules ask). */
export function invocationsOf(df: DockerfileModel, run: RunInstruction): readonly Invocation[] {
  const cached = invocationCache.get(run);
  if (cached) return cached;
  const out: Invocation[] = [];
  for (const script of scriptsOf(df, run)) {
    for (const command of script.commands) {
      const invocation = invocationOf(command, script);
      if (invocation) out.push(invocation);
    }
  }
  invocationCache.set(run, out);
  return out;
}

/** The scripts that run as the RUN's own top-level script: its text, or for the exec form the command and its `sh -c`. */
export function topLevelScripts(df: DockerfileModel, run: RunInstruction): Script[] {
  const scripts = scriptsOf(df, run);
  const own = scripts.find((s) => s.kind === 'run');
  if (run.form !== 'exec' || !own) return own ? [own] : [];
  const execArgs = new Set(own.commands[0]?.args.map((a) => a.span.start) ?? []);
  return [own, ...scripts.filter((s) => s.kind === 'inner' && s.word !== undefined && execArgs.has(s.word.span.start))];
}

/** Every Dockerfile of the project once, with its RUN instructions. */
export function dockerfileRuns(dockerfiles: Iterable<DockerfileModel>): { df: DockerfileModel; runs: RunInstruction[] }[] {
  return [...new Set(dockerfiles)].map((df) => ({ df, runs: runInstructions(df) }));
}

// --- word values ---------------------------------------------------------------------------------------------------

/**
 * The ARG and ENV values a RUN sees, for reading words built from them (`useradd -u $APP_UID`). Empty for an ONBUILD
 * trigger, which runs in a build that may set them differently.
 */
export function runVariables(df: DockerfileModel, run: RunInstruction): Map<string, string> {
  return run.onbuild ? new Map() : variablesAt(df, run.instruction);
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The words a shell word stands for once the RUN's ARG/ENV values are put in: a literal word is itself; a word
 * using variables is resolved when each one has a known value (an unquoted expansion splits at blanks) and the script
 * does not assign it itself. Undefined when it cannot be known (command substitution, unknown variable).
 */
export function wordValues(word: ShellWord, vars: ReadonlyMap<string, string>, scriptText = ''): string[] | undefined {
  if (word.value !== undefined) return [word.value];
  const raw = word.raw;
  if (raw.includes('$(') || raw.includes('`') || raw.includes('${') && /\$\{[^}]*[^A-Za-z0-9_}]/.test(raw)) return undefined;
  for (const m of raw.matchAll(VARIABLE)) {
    const name = m[1] ?? m[2]!;
    if (!vars.has(name) || new RegExp(`(^|[^A-Za-z0-9_$])${name}=|\\b(read|for)\\s+(-\\w+\\s+)*${name}\\b`).test(scriptText)) return undefined;
  }
  const quotedWhole = /^"[^"]*"$/.test(raw);
  const substituted = substitute(raw, vars);
  if (substituted === undefined) return undefined;
  if (quotedWhole) return [substituted.slice(1, -1)];
  const value = unquote(substituted.replace(/\$/g, '\\$'));
  if (value === undefined) return undefined;
  // An unquoted expansion splits at blanks; a word that mixes quoted text and expansions is kept whole.
  return /["']/.test(raw) ? [value] : value.split(/\s+/).filter((w) => w !== '');
}

/**
 * Whether an unknown word may hold options: an unquoted expansion of a variable named like a list of options
 * (`$WGET_OPTS`, `${CURL_FLAGS}`, `$EXTRA_ARGS`). Other unknown words (`"$URL"`, `$VERSION.tar.gz`) are operands.
 */
export function mayHoldOptions(word: ShellWord): boolean {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word.raw);
  return m !== null && /(^|_)(OPTS?|OPTIONS|FLAGS?|ARGS?|ARGUMENTS|PARAMS?|PARAMETERS)(_|$)/i.test(m[1]!);
}

/** The text of a RUN's arguments, for finding assignments a script makes itself. */
export function runText(df: DockerfileModel, run: RunInstruction): string {
  const range = run.instruction.getArgumentsRange();
  if (!range) return '';
  return df.text.slice(df.lines.offset(range.start.line + 1, range.start.character + 1), df.lines.offset(range.end.line + 1, range.end.character + 1));
}
