// Language package managers (pip, npm, yarn, gem, go) as RUN commands invoke them: which command installs what, read
// the way each tool reads its own command line. Shared by the pinning and cache rules.
import type { Instruction } from 'dockerfile-ast';
import type { Project } from './project.js';
import { lineage } from './stage.js';
import { commandName, runInstructions, type RunInstruction } from './run.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { ShellCommand, ShellWord } from '../parse/shell.js';


/** RUN and ONBUILD RUN instructions whose commands are known (a syntax error or a non-POSIX shell leaves them out). */
export function parsedRuns(df: DockerfileModel): RunInstruction[] {
  return runInstructions(df).filter((run) => !run.unparsed);
}

// --- command lines --------------------------------------------------------------------------------------------------

export interface OptionSyntax {
  /** Options that take the next word as their value (`--index-url URL`, `-i URL`). `--x=value` never does. */
  withValue: ReadonlySet<string>;
  /** Go style: `-name` is one option, not a group of one-letter options. */
  singleDashLong?: boolean;
  /** An option that is neither in `withValue` nor in `boolean` takes the next word as its value (hadolint's reading of gem). */
  unknownTakesValue?: boolean;
  boolean?: ReadonlySet<string>;
}

/**
 * The operands of a command line: the words that are not options nor option values. After `--` every word is an
 * operand. A word built from an expansion is an operand with an unknown value, unless it is written as an option.
 */
export function operands(words: readonly ShellWord[], syntax: OptionSyntax): ShellWord[] {
  const out: ShellWord[] = [];
  let onlyOperands = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const v = word.value ?? (word.raw.startsWith('-') ? word.raw : undefined);
    if (onlyOperands || v === undefined || !v.startsWith('-') || v === '-') {
      out.push(word);
      continue;
    }
    if (v === '--') {
      onlyOperands = true;
      continue;
    }
    if (v.includes('=') && (v.startsWith('--') || syntax.singleDashLong)) continue;
    if (v.startsWith('--') || syntax.singleDashLong) {
      const name = syntax.singleDashLong ? `-${v.replace(/^--?/, '')}` : v;
      if (takesValue(name, syntax)) i++;
      continue;
    }
    // A group of one-letter options: the first one that takes a value takes the rest of the word, or the next word.
    for (let k = 1; k < v.length; k++) {
      if (!takesValue(`-${v[k]}`, syntax)) continue;
      if (k === v.length - 1) i++;
      break;
    }
  }
  return out;
}

function takesValue(name: string, syntax: OptionSyntax): boolean {
  if (syntax.withValue.has(name)) return true;
  return !!syntax.unknownTakesValue && !syntax.boolean?.has(name);
}

// --- BuildKit cache mounts ------------------------------------------------------------------------------------------

interface FlagLike {
  getName(): string;
  getValue(): string | null;
}

/** The targets of the RUN's `--mount=type=cache` and `--mount=type=tmpfs` mounts: what they hold is not in the layer. */
export function cacheMountTargets(instruction: Instruction): string[] {
  const flags = (instruction as unknown as { getFlags?(): FlagLike[] }).getFlags?.() ?? [];
  const targets: string[] = [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const options = new Map<string, string>();
    for (const part of (flag.getValue() ?? '').split(',')) {
      const eq = part.indexOf('=');
      options.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim().replace(/^["']|["']$/g, ''));
    }
    const type = options.get('type') ?? 'bind';
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if ((type === 'cache' || type === 'tmpfs') && target) targets.push(target);
  }
  return targets;
}

// --- pip ------------------------------------------------------------------------------------------------------------

/** `pip`, `pip3`, `pip3.12` (not pipx, pipenv). */
const PIP = /^pip\d*(?:\.\d+)*$/;
/** `python`, `python3`, `python3.12`. */
const PYTHON = /^python\d*(?:\.\d+)*$/;

export interface PipInstall {
  command: ShellCommand;
  /** The words after `install`. */
  rest: ShellWord[];
}

/** `pip install ...`, `pip3 install ...` or `python -m pip install ...`; undefined for any other command. */
export function pipInstall(command: ShellCommand): PipInstall | undefined {
  const name = commandName(command);
  if (name === undefined) return undefined;
  const args = command.args;
  if (PIP.test(name)) {
    const at = args.findIndex((a) => a.value === 'install');
    return at < 0 ? undefined : { command, rest: args.slice(at + 1) };
  }
  if (PYTHON.test(name)) {
    for (let i = 0; i + 2 < args.length; i++) {
      if (args[i]!.value === '-m' && args[i + 1]!.value === 'pip' && args[i + 2]!.value === 'install') return { command, rest: args.slice(i + 3) };
    }
  }
  return undefined;
}

/** pip install options that take a value (the value is not a requirement). */
export const PIP_OPTIONS: OptionSyntax = {
  withValue: new Set([
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform', '--python-version',
    '--implementation', '--abi', '--root', '--prefix', '--src', '--upgrade-strategy', '-C', '--config-settings',
    '--global-option', '--build-option', '--no-binary', '--only-binary', '--progress-bar', '--root-user-action',
    '--report', '--group', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-b', '--build', '--log',
    '--log-file', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert',
    '--cache-dir', '--python', '--use-feature', '--use-deprecated', '--keyring-provider', '--resume-retries',
    '--install-option',
  ]),
};

// --- npm ------------------------------------------------------------------------------------------------------------

/** npm's name for `install` and its aliases. */
export const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

export const NPM_OPTIONS: OptionSyntax = {
  withValue: new Set([
    '--loglevel', '--registry', '--prefix', '--cache', '--omit', '--include', '--workspace', '-w', '--userconfig',
    '--globalconfig', '--tag', '--install-strategy', '--before', '--location', '--otp', '--save-prefix', '--scope',
    '--audit-level', '--script-shell', '--fetch-retries', '--fetch-timeout', '--proxy', '--https-proxy', '--cafile',
  ]),
};

// --- yarn -----------------------------------------------------------------------------------------------------------

export const YARN_OPTIONS: OptionSyntax = {
  withValue: new Set([
    '--cwd', '--cache-folder', '--modules-folder', '--network-timeout', '--network-concurrency', '--mutex', '--registry',
    '--global-folder', '--link-folder', '--use-yarnrc', '--preferred-cache-folder', '--proxy', '--https-proxy',
    '--child-concurrency', '--otp', '--scripts-prepend-node-path',
  ]),
};

// --- gem ------------------------------------------------------------------------------------------------------------

/** gem install options; an option gem does not list here takes the next word, as hadolint reads it. */
export const GEM_OPTIONS: OptionSyntax = {
  withValue: new Set([
    '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '--build-root',
    '-g', '--file', '--config-file', '-p', '--http-proxy', '--document', '--target-rbconfig',
  ]),
  unknownTakesValue: true,
  boolean: new Set([
    '-N', '--no-document', '--no-ri', '--no-rdoc', '--ri', '--rdoc', '--user-install', '--no-user-install', '-E',
    '--env-shebang', '--no-env-shebang', '-f', '--force', '--no-force', '-w', '--wrappers', '--no-wrappers',
    '--ignore-dependencies', '--development', '--development-all', '--conservative', '--minimal-deps', '--prerelease',
    '--no-prerelease', '--pre', '-l', '--local', '-r', '--remote', '-b', '--both', '--clear-sources', '-q', '--quiet',
    '-V', '--verbose', '--no-verbose', '--backtrace', '--default', '--explain', '--lock', '--no-lock', '--suggestions',
    '--no-suggestions', '--post-install-message', '--no-post-install-message', '-u', '--update-sources',
    '--no-update-sources', '--vendor', '--format-executable', '--no-format-executable', '--norc', '--silent',
    '--no-http-proxy', '--install-doc', '--no-install-doc',
  ]),
};

// --- go -------------------------------------------------------------------------------------------------------------

export const GO_OPTIONS: OptionSyntax = {
  singleDashLong: true,
  withValue: new Set([
    '-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile', '-overlay', '-pgo',
    '-pkgdir', '-toolexec', '-o', '-exec', '-buildmode', '-compiler', '-installsuffix', '-covermode', '-coverpkg',
    '-debug-actiongraph', '-debug-runtime-trace', '-debug-trace',
  ]),
};

// --- environment ----------------------------------------------------------------------------------------------------

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
}

/**
 * The values ENV (in the stage and the stages it builds on) and ARG (in the stage) give `name` before `at`, in order;
 * with `wholeStage`, the stage's later instructions count too (an ONBUILD trigger runs after the whole image is built).
 * `undefined` stands for an ARG without a default.
 */
export function variableAssignments(df: DockerfileModel, run: RunInstruction, name: string, wholeStage = false): (string | undefined)[] {
  const values: (string | undefined)[] = [];
  const line = (run.onbuild ?? run.instruction).getRange().start.line;
  for (const stage of lineage(run.stage)) {
    for (const instruction of stage.instructions) {
      if (stage === run.stage && !wholeStage && instruction.getRange().start.line >= line) break;
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && !(keyword === 'ARG' && stage === run.stage)) continue;
      for (const p of (instruction as unknown as { getProperties(): PropertyLike[] }).getProperties()) {
        if (p.getName() !== name) continue;
        const value = p.getValue();
        values.push(value ?? (keyword === 'ARG' ? df.globalArgs.get(name) : ''));
      }
    }
  }
  return values;
}
