// The RPM package managers as RUN instructions call them (yum, dnf/microdnf, zypper): which command is which tool,
// which of its words are package specs, whether a RUN cleans the tool's cache after installing, and version pins.
// Commands are seen through wrappers (`sudo`, `env X=1`, `xargs` ...) as the apt and apk rules see them. Shared by the
// yum-*, dnf-* and zypper-* rules.
import { unwrapCommand } from './packages-deb-apk.js';
import type { Project } from './project.js';
import { commandName, hasFlag, runInstructions, type RunInstruction } from './run.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { ShellCommand, ShellWord } from '../parse/shell.js';

export type RpmTool = 'yum' | 'dnf' | 'microdnf' | 'zypper';

/** The tool a command runs, by its name without directory (`/usr/bin/dnf` is dnf; `dnf5` is dnf too). */
export function rpmTool(command: ShellCommand): RpmTool | undefined {
  const name = commandName(command);
  if (name === 'yum' || name === 'microdnf' || name === 'zypper') return name;
  if (name === 'dnf' || name === 'dnf5') return 'dnf';
  return undefined;
}


/** The RUN and ONBUILD RUN instructions whose commands are known (not a syntax error, not PowerShell or cmd). */
export function parsedRuns(df: DockerfileModel): RunInstruction[] {
  return runInstructions(df).filter((run) => !run.unparsed);
}

/**
 * The command as it runs through wrappers (`sudo yum install ...` is yum with its arguments): a view whose name, words
 * and args start at the program that runs; the command itself when it has no wrapper, undefined when it is unknown.
 */
export function effectiveCommand(command: ShellCommand): ShellCommand | undefined {
  const seen = unwrapCommand(command);
  if (!seen) return undefined;
  if (seen.word === command.words[0]) return command;
  return { ...command, name: seen.word.value, words: [seen.word, ...seen.args], args: seen.args };
}

const effectiveCache = new WeakMap<RunInstruction, readonly ShellCommand[]>();

/**
 * The commands of a RUN in source order, each seen through its wrappers (unknown commands left out). Computed once
 * per RUN: eight rules ask for them.
 */
export function effectiveCommands(run: RunInstruction): readonly ShellCommand[] {
  let commands = effectiveCache.get(run);
  if (!commands) effectiveCache.set(run, (commands = run.commands.map(effectiveCommand).filter((c): c is ShellCommand => c !== undefined)));
  return commands;
}

/** A word whose value is not known before the build: it holds an expansion (`$PKGS`, `$(...)`, `${V}`). */
export function isUnknown(word: ShellWord): boolean {
  return word.value === undefined || word.value.includes('$');
}

/** The first argument whose literal value is one of `names` (hadolint's test: any argument, wherever it is). */
export function findArg(command: ShellCommand, names: readonly string[]): ShellWord | undefined {
  return command.args.find((a) => a.value !== undefined && names.includes(a.value));
}

export function hasArg(command: ShellCommand, ...names: string[]): boolean {
  return findArg(command, names) !== undefined;
}

/**
 * Whether an argument before `subcommand` is unknown (`yum $YUM_OPTS install ...`): it may hold the flag a rule
 * looks for, so the command is not judged.
 */
export function unknownOptionsBefore(command: ShellCommand, subcommand: ShellWord): boolean {
  for (const arg of command.args) {
    if (arg === subcommand) return false;
    if (isUnknown(arg)) return true;
  }
  return false;
}

/**
 * The subcommand word of a command that runs one of `subcommands` without any of the `yes` flags (`-y` also inside
 * `-qy`, `--assumeyes` also as `--assumeyes=1`); undefined when it does not run one, has a yes flag, or has unknown
 * words before the subcommand that may hold one.
 */
export function missingYesFlag(command: ShellCommand, subcommands: readonly string[], yes: readonly string[]): ShellWord | undefined {
  const sub = findArg(command, subcommands);
  if (!sub || hasFlag(command, ...yes) || unknownOptionsBefore(command, sub)) return undefined;
  return sub;
}

/** Options of yum, dnf and microdnf that take their value as the next word (`--enablerepo epel`). */
const YUM_VALUE_OPTIONS = new Set([
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude', '--excludepkgs',
  '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt', '--color',
  '--destdir', '--downloaddir', '--rpmverbosity', '--forcearch', '--repofrompath', '--disableplugin', '--enableplugin',
  '--comment', '--advisory', '--advisories', '--bz', '--bzs', '--cve', '--cves', '--sec-severity', '--secseverity',
  '--disableexcludes', '--disableexcludepkgs', '--skip-broken-count', '--use-host-config-dir',
]);

/** zypper's global options (before the command) that take a value as the next word. */
const ZYPPER_GLOBAL_VALUE_OPTIONS = new Set([
  '-c', '--config', '-R', '--root', '--installroot', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir',
  '--solv-cache-dir', '--pkg-cache-dir', '-p', '--plus-repo', '--plus-content', '--userdata', '--releasever',
]);

/** Options of zypper's install command that take a value as the next word. */
const ZYPPER_COMMAND_VALUE_OPTIONS = new Set(['-r', '--repo', '-t', '--type', '--from', '--download', '--comment']);

/**
 * The words of an install command that name what to install: every argument that is not a flag, not the value of an
 * option that takes one, and not one of the `skip` words (the subcommand: `install`, `module`, `in`).
 */
export function packageWords(command: ShellCommand, tool: RpmTool, skip: readonly string[]): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  let seenCommand = false;
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    const v = arg.value;
    if (!afterDashDash && v !== undefined && v.startsWith('-') && v !== '-') {
      if (v === '--') {
        afterDashDash = true;
        continue;
      }
      const valueOptions = tool !== 'zypper' ? YUM_VALUE_OPTIONS : seenCommand ? ZYPPER_COMMAND_VALUE_OPTIONS : ZYPPER_GLOBAL_VALUE_OPTIONS;
      if (valueOptions.has(v)) i++;
      continue;
    }
    if (v === '' || v === '-') continue; // nothing, or standard input: not a package
    if (v !== undefined && skip.includes(v)) {
      seenCommand = true;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** hadolint's test of an RPM version: after the name, `-`-separated parts of version characters, one starting with a digit. */
function versionLike(parts: string[]): boolean {
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9.~^_:+]*$/.test(p)) && parts.some((p) => /^[0-9]/.test(p));
}

/**
 * Whether a yum/dnf package spec names a version: `name-version[-release]` (`tomcat-9.0.1`, `openssl-1:1.1.1k`,
 * `gcc-c++-11.4.1`), or an `.rpm` file or URL, which is one build of one version.
 */
export function rpmSpecPinned(spec: string): boolean {
  if (spec.endsWith('.rpm')) return true;
  const parts = spec.split('-');
  return parts.length > 1 && versionLike(parts.slice(1));
}

/** Whether a module spec (`nodejs:18`, `@nodejs:18/common`) names its stream. */
export function moduleSpecPinned(spec: string): boolean {
  return spec.includes(':');
}

/** Whether a zypper package spec names a version (`tomcat=9.0.39`, `tomcat>=9`, `tomcat<10`) or is an `.rpm` file. */
export function zypperSpecPinned(spec: string): boolean {
  return /[=<>]/.test(spec) || spec.endsWith('.rpm');
}

/** Whether the RUN has a BuildKit cache or tmpfs mount whose target contains one of `fragments` (or is unknown). */
export function hasCacheMount(run: RunInstruction, fragments: readonly string[]): boolean {
  const flags = (run.instruction as unknown as { getFlags?(): { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  for (const flag of flags) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const options = new Map<string, string>();
    for (const part of (flag.getValue() ?? '').split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      options.set(key, eq < 0 ? '' : part.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/, '$2'));
    }
    const type = options.get('type') ?? 'bind';
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if (target === undefined) continue;
    if (target.includes('$') || fragments.some((f) => target.includes(f))) return true;
  }
  return false;
}

/** Whether the command is `rm -r` (any spelling: `-rf`, `-fR`, `--recursive`) of one of `dirs`, its contents, or `/var/cache`. */
export function removesCacheDir(command: ShellCommand, dirs: readonly string[]): boolean {
  if (commandName(command) !== 'rm' || !hasFlag(command, '-r', '-R', '--recursive')) return false;
  return command.args.some((arg) => {
    if (isUnknown(arg) || arg.value!.startsWith('-')) return false;
    const path = arg.value!.replace(/\*+$/, '').replace(/\/+$/, '');
    return path === '/var/cache' || dirs.includes(path);
  });
}

/**
 * The install commands of a RUN (seen through wrappers) that no cleanup follows: those after its last cleanup command
 * (all of them when there is none), in source order.
 */
export function installsWithoutCleanup(run: RunInstruction, isInstall: (c: ShellCommand) => boolean, isCleanup: (c: ShellCommand) => boolean): ShellCommand[] {
  const commands = effectiveCommands(run);
  let lastCleanup = -1;
  commands.forEach((c, i) => {
    if (isCleanup(c)) lastCleanup = i;
  });
  return commands.filter((c, i) => i > lastCleanup && isInstall(c));
}
