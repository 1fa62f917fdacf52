// Package-manager calls in RUN instructions (apt-get, apt, apk, and the update commands of yum, dnf and zypper), read
// the way the tools read their command lines: wrappers (`sudo`, `env`, `eatmydata`, `xargs` ...) seen through, options parsed
// with the ones that take a value (`-t stable`, `-o X=Y`, `--virtual .deps`), the subcommand, and the operands after it.
// A word with an expansion (`$PKGS`) is unknown: never an unpinned package, never a missing flag.
import type { Flag, Instruction } from 'dockerfile-ast';
import { runInstructions, type RunInstruction } from './run.js';
import { lineage } from './stage.js';
import type { DockerfileModel, Stage } from '../parse/dockerfile.js';
import type { ShellCommand, ShellWord } from '../parse/shell.js';

/** The options of a tool that take a value: single letters, and long names without `--`. */
export interface OptionSpec {
  short: string;
  long: readonly string[];
}

export const APT_OPTIONS: OptionSpec = {
  short: 'octaP',
  long: ['option', 'config-file', 'target-release', 'default-release', 'host-architecture', 'build-profiles'],
};

export const APK_OPTIONS: OptionSpec = {
  short: 'tXp',
  long: ['virtual', 'repository', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'timeout', 'progress-fd'],
};

export const RPM_OPTIONS: OptionSpec = {
  short: 'cdeRx',
  long: [
    'config', 'debuglevel', 'errorlevel', 'installroot', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'releasever', 'setopt',
    'exclude', 'forcearch', 'downloaddir', 'destdir', 'color', 'rpmverbosity', 'comment',
  ],
};

export const ZYPPER_OPTIONS: OptionSpec = {
  short: 'cRDC',
  long: ['config', 'root', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'userdata'],
};

/** The option specs by tool name. */
export const TOOL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'apt-get': APT_OPTIONS,
  apt: APT_OPTIONS,
  apk: APK_OPTIONS,
  yum: RPM_OPTIONS,
  dnf: RPM_OPTIONS,
  microdnf: RPM_OPTIONS,
  tdnf: RPM_OPTIONS,
  zypper: ZYPPER_OPTIONS,
};

export interface ParsedOption {
  /** The letter (`y`) or the long name without `--` (`yes`). */
  name: string;
  long: boolean;
  /** The value: attached (`-q=2`, `-oX=Y`, `--virtual=.deps`) or the next word; undefined when it has none or is unknown. */
  value?: string;
  word: ShellWord;
}

export interface ToolCall {
  run: RunInstruction;
  command: ShellCommand;
  /** The tool's name without its directory (`apt-get`). */
  tool: string;
  /** The word naming the tool, after any wrapper (`sudo`, `env X=1` ...). */
  word: ShellWord;
  /** The words after the tool's name. */
  args: ShellWord[];
  options: ParsedOption[];
  /** The first argument that is not an option, nor an option's value: `install`, `add`, `update`. */
  subcommand?: ShellWord;
  /** The arguments after the subcommand that are not options (packages); unknown words keep `value` undefined. */
  operands: ShellWord[];
  /** An unknown word may hold options: it stands before the subcommand, or its name says so (`$APT_OPTS`). */
  dynamic: boolean;
}

/** Commands that run the command given as their arguments, with the options of theirs that take a value. */
const WRAPPERS: Record<string, { short: string; long: readonly string[] }> = {
  sudo: { short: 'ughpCDrtUT', long: ['user', 'group', 'host', 'prompt', 'close-from', 'chdir', 'role', 'type', 'other-user', 'command-timeout'] },
  doas: { short: 'uC', long: [] },
  env: { short: 'uC', long: ['unset', 'chdir'] },
  command: { short: '', long: [] },
  exec: { short: 'a', long: [] },
  nice: { short: 'n', long: ['adjustment'] },
  nohup: { short: '', long: [] },
  eatmydata: { short: '', long: [] },
  xargs: { short: 'adEILnPs', long: ['arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'] },
};

/**
 * The command as it runs through wrappers (`sudo -E apt-get ...`, `env X=1 apk ...`, `eatmydata apt-get ...`): its
 * name word and the words after it; undefined when the name is unknown or the wrapper runs no plain command.
 */
export function unwrapCommand(command: ShellCommand): { word: ShellWord; args: ShellWord[] } | undefined {
  let words = command.words;
  for (let depth = 0; depth < 8; depth++) {
    const first = words[0];
    if (!first || first.value === undefined) return undefined;
    const name = first.value.slice(first.value.lastIndexOf('/') + 1);
    // Own keys only: a command named `constructor` or `toString` is no wrapper.
    const wrapper = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (!wrapper) return { word: first, args: words.slice(1) };
    let i = 1;
    for (; i < words.length; i++) {
      const v = words[i]!.value;
      if (v === undefined) return undefined;
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
      if (!v.startsWith('-') || v === '-') break;
      // `command -v x` and `env -S '...'` do not run what follows as a plain command.
      if ((name === 'command' && /^-[a-zA-Z]*[vV]/.test(v)) || (name === 'env' && (/^-[a-zA-Z]*S/.test(v) || v.startsWith('--split-string')))) return undefined;
      if (v.startsWith('--')) {
        if (!v.includes('=') && wrapper.long.includes(v.slice(2))) i++;
      } else if (/^-\d+$/.test(v) && name === 'nice') {
        continue;
      } else {
        const letters = v.slice(1);
        const at = [...letters].findIndex((c) => wrapper.short.includes(c));
        if (at >= 0 && at === letters.length - 1) i++;
      }
    }
    words = words.slice(i);
  }
  return undefined;
}

/** Parses a tool's arguments into options, subcommand and operands. */
export function parseArgs(args: ShellWord[], spec: OptionSpec): Pick<ToolCall, 'options' | 'subcommand' | 'operands' | 'dynamic'> {
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  let subcommand: ShellWord | undefined;
  let dynamic = false;
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    const positional = (w: ShellWord) => {
      if (!subcommand && w.value !== undefined) subcommand = w;
      else if (subcommand) operands.push(w);
    };
    if (v === undefined) {
      // Unknown: before the subcommand it can only be options (`apt-get $APT_OPTS install`); after it, it is taken for
      // operands (`$PACKAGES`) unless its name says options (`$APK_FLAGS`, `${INSTALL_OPTS}`).
      if (!subcommand || /opt|flag/i.test(word.raw)) dynamic = true;
      if (subcommand) operands.push(word);
      continue;
    }
    if (afterDashDash || !v.startsWith('-') || v === '-') {
      positional(word);
      continue;
    }
    if (v === '--') {
      afterDashDash = true;
      continue;
    }
    const nextValue = (): string | undefined => {
      const next = args[i + 1];
      if (!next) return undefined;
      i++;
      return next.value;
    };
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) options.push({ name, long: true, value: v.slice(eq + 1), word });
      else if (spec.long.includes(name)) options.push({ name, long: true, value: nextValue(), word });
      else options.push({ name, long: true, word });
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const c = v[k]!;
      if (v[k + 1] === '=') {
        options.push({ name: c, long: false, value: v.slice(k + 2), word });
        break;
      }
      if (spec.short.includes(c)) {
        const rest = v.slice(k + 1);
        options.push({ name: c, long: false, value: rest !== '' ? rest : nextValue(), word });
        break;
      }
      options.push({ name: c, long: false, word });
    }
  }
  return { options, subcommand, operands, dynamic };
}

const callCache = new WeakMap<DockerfileModel, ToolCall[]>();

/** Every call of a package tool (see TOOL_OPTIONS) in the Dockerfile's RUN and ONBUILD RUN instructions, in order. */
export function toolCalls(df: DockerfileModel): ToolCall[] {
  let calls = callCache.get(df);
  if (calls) return calls;
  calls = [];
  for (const run of runInstructions(df)) {
    if (run.unparsed) continue;
    for (const command of run.commands) {
      const seen = unwrapCommand(command);
      if (!seen) continue;
      const tool = seen.word.value!.slice(seen.word.value!.lastIndexOf('/') + 1);
      const spec = Object.hasOwn(TOOL_OPTIONS, tool) ? TOOL_OPTIONS[tool] : undefined;
      if (!spec) continue;
      calls.push({ run, command, tool, word: seen.word, args: seen.args, ...parseArgs(seen.args, spec) });
    }
  }
  callCache.set(df, calls);
  return calls;
}

/** Whether the call has one of the options, by letter or long name. */
export function hasOption(call: Pick<ToolCall, 'options'>, ...names: string[]): boolean {
  return call.options.some((o) => names.includes(o.name));
}

/** The values of an option that takes one (`-o`/`--option`), known values only. */
export function optionValues(call: Pick<ToolCall, 'options'>, ...names: string[]): string[] {
  return call.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value!);
}

/** The RUN's mounts (`--mount=type=cache,target=/x`): type and target of each. */
export function runMounts(run: RunInstruction): { type: string; target?: string }[] {
  const flags = ((run.instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? []).filter((f) => f.getName().toLowerCase() === 'mount');
  return flags.map((flag) => {
    const options = new Map(flag.getOptions().map((o) => [o.getName().toLowerCase(), o.getValue() ?? '']));
    return { type: (options.get('type') ?? 'bind').toLowerCase(), target: options.get('target') ?? options.get('dst') ?? options.get('destination') };
  });
}

/**
 * The text of the RUN instructions that run before `run` in its image: earlier in its stage or in the stages it builds
 * on (for an ONBUILD RUN, every RUN of them). Used to find apt settings written to a configuration file
 * (`APT::Install-Recommends "0";`). ONBUILD triggers are left out: when they run is not known here.
 */
export function earlierRunText(df: DockerfileModel, run: RunInstruction): string {
  const line = run.instruction.getRange().start.line;
  const stages: Stage[] = lineage(run.stage);
  const texts: string[] = [];
  for (const other of runInstructions(df)) {
    if (other.onbuild || other === run || !stages.includes(other.stage)) continue;
    if (!run.onbuild && other.stage === run.stage && other.instruction.getRange().start.line >= line) continue;
    texts.push(instructionText(df, other.instruction));
  }
  return texts.join('\n');
}

function instructionText(df: DockerfileModel, instruction: Instruction): string {
  const r = instruction.getRange();
  return df.text.slice(df.lines.offset(r.start.line + 1, r.start.character + 1), df.lines.offset(r.end.line + 1, r.end.character + 1));
}

/** Stages whose files end up in an image: the last stage and every stage another one is built on. */
export function shippedStages(df: DockerfileModel): Set<Stage> {
  const shipped = new Set<Stage>();
  const last = df.stages[df.stages.length - 1];
  if (last) shipped.add(last);
  for (const stage of df.stages) if (stage.parent) shipped.add(stage.parent);
  return shipped;
}
