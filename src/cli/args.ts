import { UsageError } from '../engine/config.js';
import type { Level } from '../engine/finding.js';
import type { FileKind } from '../discover/discover.js';
import { FORMATS, type Format } from '../report/index.js';

/** One report of a run: `--format` with the `--output` that follows it (stdout when there is none). */
export interface ReportSpec {
  format: Format;
  output?: string;
}

export interface CheckArgs {
  /** `baseline` runs the same check and records its findings instead of reporting them. */
  command: 'check' | 'baseline';
  /** `--baseline <file>`; `--no-baseline` sets false. */
  baseline?: string | false;
  paths: string[];
  reports: ReportSpec[];
  /** `none`: findings never fail the run (a CI step that only uploads the report). */
  failLevel: Level | 'none';
  /** `--max-warnings`: also fail when there are more warnings than this. */
  maxWarnings?: number;
  /** `--changed`: the paths are changed files, judged in their stacks (found from the working directory) and
   * the only files reported on. */
  changed: boolean;
  /** `-`: one file read from stdin, named by `stdinFilename` (parser choice, stack and report path). */
  stdin: boolean;
  stdinFilename?: string;
  /** `--cache`: reuse the findings of stacks and Dockerfiles whose files did not change (`--cache-location`). */
  cache: boolean;
  cacheLocation?: string;
  /** `--concurrency`: worker threads for a large run; `auto` picks by run size and cores, `off` checks in-process. */
  concurrency: number | 'auto' | 'off';
  quiet: boolean;
  color?: boolean;
  config?: string;
  kind?: FileKind;
  /** `-f`: compose files checked as one merged configuration. */
  composeFiles: string[];
  envFiles: string[];
  profiles: string[];
  projectName?: string;
  useEnv: boolean;
  /** Whether paths were given: with `-f` and no paths, nothing else is searched. */
  explicitPaths: boolean;
  /** `--stack`: one stack declared in the config. */
  stack?: string;
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

export type Args =
  | CheckArgs
  | RulesArgs
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'explain'; rule: string }
  | { command: 'init'; dir: string; force: boolean }
  | { command: 'print-config'; file?: string; stack?: string; service?: string; config?: string };

const CHOICES: Record<string, readonly string[]> = {
  '--format': FORMATS,
  '--fail-level': ['error', 'warning', 'note', 'none'],
  '--kind': ['dockerfile', 'compose'],
};

/** Parses argv; every mistake is a UsageError naming the flag. */
export function parseArgs(argv: string[]): Args {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first === 'rules') {
    const flags = readFlags(rest, ['--format']);
    if (flags.positional.length) throw new UsageError(`rules: unexpected argument "${flags.positional[0]}"`);
    const format = flags.values['--format'] ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format: "${format}" is not one of text, json for "rules"`);
    return { command: 'rules', format };
  }
  if (first === 'explain') {
    const flags = readFlags(rest, []);
    if (flags.positional.length !== 1) throw new UsageError('explain: name one rule (id or alias), e.g. dockpolicy explain non-root-user');
    return { command: 'explain', rule: flags.positional[0]! };
  }
  if (first === 'init') {
    const flags = readFlags(rest, [], ['--force']);
    if (flags.positional.length > 1) throw new UsageError(`init: unexpected argument "${flags.positional[1]}"`);
    return { command: 'init', dir: flags.positional[0] ?? '.', force: flags.switches.has('--force') };
  }
  if (first === 'print-config') {
    const flags = readFlags(rest, ['--stack', '--service', '--config']);
    if (flags.positional.length > 1) throw new UsageError(`print-config: unexpected argument "${flags.positional[1]}"`);
    return { command: 'print-config', file: flags.positional[0], stack: flags.values['--stack'], service: flags.values['--service'], config: flags.values['--config'] };
  }
  if (first !== 'check' && first !== 'baseline') throw new UsageError(`unknown command "${first}" (expected check, baseline, rules, explain, init or print-config; see --help)`);
  const flags = readFlags(
    rest,
    ['--format', '--output', '--fail-level', '--max-warnings', '--config', '--kind', '--file', '--env-file', '--profile', '--project-name', '--stack', '--baseline', '--stdin-filename', '--cache-location', '--concurrency'],
    ['--quiet', '--no-color', '--color', '--use-env', '--no-baseline', '--changed', '--cache'],
  );
  const composeFiles = flags.lists['--file'] ?? [];
  if (flags.switches.has('--no-baseline') && flags.values['--baseline']) throw new UsageError('--baseline and --no-baseline contradict each other');
  const stdin = flags.positional.includes('-');
  if (stdin && flags.positional.length > 1) throw new UsageError('-: stdin is checked alone; name no other paths');
  if (flags.values['--stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename: only with - (the file read from stdin)');
  const changed = flags.switches.has('--changed');
  if (changed && (stdin || !flags.positional.length)) throw new UsageError('--changed: name the changed files as paths (a pre-commit hook passes them)');
  // A baseline records the whole repository's findings; a partial run would drop the rest.
  if (first === 'baseline' && (changed || stdin)) throw new UsageError(`baseline: records every finding, so it takes no ${changed ? '--changed' : '-'}`);
  const maxWarnings = flags.values['--max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings: "${maxWarnings}" is not a whole number`);
  const concurrency = flags.values['--concurrency'] ?? 'auto';
  if (!/^(auto|off|[1-9]\d{0,2})$/.test(concurrency)) throw new UsageError(`--concurrency: "${concurrency}" is not auto, off or a number of threads (1-999)`);
  return {
    command: first,
    concurrency: /^\d+$/.test(concurrency) ? Number(concurrency) : (concurrency as 'auto' | 'off'),
    baseline: flags.switches.has('--no-baseline') ? false : flags.values['--baseline'],
    paths: flags.positional.length ? flags.positional : composeFiles.length ? [] : ['.'],
    explicitPaths: flags.positional.length > 0,
    changed,
    stdin,
    stdinFilename: flags.values['--stdin-filename'],
    cache: flags.switches.has('--cache') || flags.values['--cache-location'] !== undefined,
    cacheLocation: flags.values['--cache-location'],
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    reports: reportsOf(flags.order),
    composeFiles,
    envFiles: flags.lists['--env-file'] ?? [],
    profiles: flags.lists['--profile'] ?? [],
    projectName: flags.values['--project-name'],
    useEnv: flags.switches.has('--use-env'),
    stack: flags.values['--stack'],
    failLevel: (flags.values['--fail-level'] ?? 'error') as CheckArgs['failLevel'],
    quiet: flags.switches.has('--quiet'),
    color: flags.switches.has('--no-color') ? false : flags.switches.has('--color') ? true : undefined,
    config: flags.values['--config'],
    kind: flags.values['--kind'] as FileKind | undefined,
  };
}

/**
 * `--format` and `--output` in the order written: each `--output` belongs to the `--format` before it, so one run
 * can write SARIF for code scanning and text for the log. A lone pair matches in either order, as it always did.
 */
function reportsOf(order: [string, string][]): ReportSpec[] {
  const pairs = order.filter(([name]) => name === '--format' || name === '--output');
  const formats = pairs.filter(([name]) => name === '--format').map(([, v]) => v as Format);
  const outputs = pairs.filter(([name]) => name === '--output').map(([, v]) => v);
  if (formats.length <= 1 && outputs.length <= 1) return [{ format: formats[0] ?? 'text', output: outputs[0] }];
  const reports: ReportSpec[] = [];
  for (const [name, value] of pairs) {
    if (name === '--format') reports.push({ format: value as Format });
    else if (!reports.length) throw new UsageError(`--output: "${value}" comes before any --format; write each --output after the --format it is for`);
    else if (reports.at(-1)!.output !== undefined) throw new UsageError(`--output: two files for one --format ${reports.at(-1)!.format}`);
    else reports.at(-1)!.output = value;
  }
  if (reports.filter((r) => r.output === undefined).length > 1) throw new UsageError('--format: only one report can go to stdout; give the others an --output');
  const files = reports.map((r) => r.output).filter((o) => o !== undefined);
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`--output: ${twice} is written by two reports`);
  return reports;
}

/** Short forms, as docker compose spells them. */
const ALIASES: Record<string, string> = { '-f': '--file', '-p': '--project-name', '-q': '--quiet' };
/** Flags that may be repeated, collecting every value in order. */
const REPEATABLE = new Set(['--file', '--env-file', '--profile']);

function readFlags(argv: string[], valued: string[], switches: string[] = []) {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const seen = new Set<string>();
  const positional: string[] = [];
  const order: [string, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[written] ?? written;
    if (switches.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      seen.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`unknown flag ${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    const choices = CHOICES[name];
    if (choices && !choices.includes(value)) throw new UsageError(`${name}: "${value}" is not one of ${choices.join(', ')}`);
    values[name] = value;
    order.push([name, value]);
    if (REPEATABLE.has(name)) (lists[name] ??= []).push(value);
  }
  return { values, lists, switches: seen, positional, order };
}

export const HELP = `Usage: dockpolicy <command> [options]

Commands:
  check [paths...]      Check Dockerfiles and compose files (default: .)
  baseline [paths...]   Record the current findings in .dockpolicy-baseline.json (check then reports only new ones)
  rules                 List every rule
  explain <rule>        A rule's documentation, options and examples (by id or alias)
  init [dir]            Write a commented starter .dockpolicy.yaml for the repository (--force: overwrite)
  print-config [file]   The effective configuration (rule levels and options) for a file, --stack or --service

Usage: dockpolicy check [paths...] | --changed <files...> | - --stdin-filename <path>

Options for check:
  --format <format>                  text, sarif, json, github, gitlab, junit, checkstyle, compact or editor
                                     (default: text). Repeatable: each --format is one report
  --output <file>                    Write the report of the --format before it to a file instead of stdout
                                     (--format sarif --output a.sarif --format text: SARIF to a file, text to stdout)
  --fail-level <level>               Exit 1 when a finding is at or above error, warning or note (default: error);
                                     none: findings never fail the run
  --max-warnings <n>                 Also exit 1 when there are more than n warnings
  --changed                          The paths are changed files (a pre-commit hook): check the stacks around them,
                                     found from the current directory, and report findings in these files only
  -                                  Check one file read from stdin (an editor's unsaved buffer)
  --stdin-filename <path>            Its path: chooses the parser, finds its stack, names it in the report
  --cache                            Reuse the findings of stacks and Dockerfiles whose files did not change
  --cache-location <path>            Cache file, or a directory for it (default: .dockpolicy-cache; implies --cache)
  --concurrency <n|auto|off>         Threads for large runs (default: auto, one per two idle cores; off: none).
                                     The output is the same whatever the number
  --quiet                            Report errors only
  --no-color                         No colour (also NO_COLOR, and whenever output is not a terminal)
  --config <file>                    Use this config instead of the nearest .dockpolicy.yaml
  --kind <dockerfile|compose>        Parse files named on the command line as this kind
  -f, --file <file>                  Compose file of one merged configuration (repeat: base first, overrides after)
  --env-file <file>                  Interpolation variables (repeatable; default: .env in the project directory)
  --profile <name>                   Check only the services Compose starts with this profile (repeatable)
  -p, --project-name <name>          Name of the -f configuration in reports
  --stack <name>                     Check only this stack of the config's stacks:
  --use-env                          Also read the process environment for interpolation (off: reproducible results)
  --baseline <file>                  Baseline file (default: the config's baseline:, else .dockpolicy-baseline.json
                                     beside the config file or in the current directory, when it exists)
  --no-baseline                      Report every finding, also those the baseline records

Options for rules:
  --format <text|json>

Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, config or I/O error.
`;
