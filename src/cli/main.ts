import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs, HELP, type CheckArgs } from './args.js';
import { UsageError, findConfigFile, type Config } from '../engine/config.js';
import { ruleSetup } from '../engine/setup.js';
import { atOrAbove } from '../engine/run.js';
import { discover, kindOfName, sniff, type DiscoveredFile, type DiscoverError } from '../discover/discover.js';
import type { StackSpec } from '../model/project.js';
import { checkFiles, startEarly } from '../engine/check.js';
import type { Level } from '../engine/finding.js';
import type { RunResult } from '../report/types.js';
import { packageRoot } from '../util/package-root.js';
import { withListings } from '../util/reads.js';
import { stdoutIsTTY, writeAll } from './stdio.js';
import { rules } from '../../rules/index.js';

export { WORKER_ARG, workerMain } from '../engine/worker.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The whole of stdin, for `check -` (default: process.stdin). */
  stdin?: () => Promise<string>;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (t) => writeAll(1, t),
  stderr: (t) => writeAll(2, t),
  get isTTY() {
    return stdoutIsTTY();
  },
  env: process.env,
});

/** Runs the CLI and returns the exit code. User errors are one line on stderr and exit 2, never a stack trace. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${version()}\n`);
        return 0;
      case 'rules':
        io.stdout(args.format === 'json' ? listRulesJson() : listRulesText());
        return 0;
      case 'check':
      case 'baseline':
        return await withListings(() => check(args, io)); // directory listings kept for the run (util/reads.ts)
      case 'explain':
        return (await import('./explain.js')).explain(args.rule, rules, io);
      case 'init':
        return await (await import('./init.js')).init(args.dir, args.force, io);
      case 'print-config':
        return await (await import('./print-config.js')).printConfig(args, rules, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`dockpolicy: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function check(args: CheckArgs, io: Io): Promise<number> {
  const configFile = findConfigFile(io.cwd, args.config);
  // Not for partial runs (stdin, --changed) nor with --cache, which usually leave few files to check.
  const pool = args.stdin || args.changed || args.cache ? undefined : await startEarly(args.concurrency, args.paths.length);
  const { config, rules: allRules, settings } = await ruleSetup(configFile, io.cwd);
  for (const file of [...args.composeFiles, ...args.envFiles]) {
    if (!existsSync(path.resolve(io.cwd, file))) throw new UsageError(`${args.composeFiles.includes(file) ? '--file' : '--env-file'}: file not found: ${file}`);
  }
  // `--stack` checks that stack alone; without paths, declared stacks are checked with everything else found.
  if (args.stack !== undefined && !args.explicitPaths) args.paths = [];
  const scope = args.stdin ? await stdinScope(args, io) : args.changed ? await changedScope(args, io) : undefined;
  const { files, errors } = scope ? scope : args.paths.length ? await discover(args.paths, { cwd: io.cwd, forceKind: args.kind }) : { files: [], errors: [] };
  if (errors.length) throw new UsageError(`${errors[0]!.path}: ${errors[0]!.message}`);
  const timings = io.env.DOCKPOLICY_TIMING ? new Map<string, number>() : undefined;
  const cache = args.cache && !args.stdin ? await openCache(args, config, io) : undefined;
  const load = {
    stacks: args.composeFiles.length ? [{ name: args.projectName, files: args.composeFiles }] : stacksFromConfig(config, args.stack),
    envFiles: args.envFiles.length ? args.envFiles : undefined,
    profiles: args.profiles.length ? args.profiles : undefined,
    processEnv: args.useEnv ? io.env : undefined,
    overlay: scope?.overlay,
    limits: config.limits,
  };
  const engine = { inlineSuppressions: config.inlineSuppressions.enabled, requireReason: config.inlineSuppressions.requireReason, timings };
  const result = await checkFiles(files, io.cwd, load, allRules, settings, engine, { cache, targets: scope?.targets, concurrency: args.concurrency, config, pool });
  if (cache) {
    try {
      cache.save();
    } catch (e) {
      io.stderr(`dockpolicy: --cache: cannot write ${path.relative(io.cwd, cache.file)} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
    }
  }
  if (timings) io.stderr(`units: ${result.reused} from the cache, ${result.ran} checked\n${result.threads ? `threads: ${result.threads}\n` : ''}`);
  if (timings) {
    const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, Number(io.env.DOCKPOLICY_TIMING) || 10);
    io.stderr(`rule time (ms):\n${slowest.map(([id, ms]) => `  ${ms.toFixed(1).padStart(8)}  ${id}`).join('\n')}\n`);
  }
  for (const crash of result.crashes) io.stderr(`dockpolicy: internal error in rule ${crash.ruleId}: ${crash.message}\n`);
  let found = scope ? result.findings.filter((f) => scope.targets.has(f.file)) : result.findings;
  const { BASELINE_NAME, applyBaseline, readBaseline, writeBaseline } = await import('../engine/baseline.js');
  const defaultBaseline = path.join(config.file ? path.dirname(config.file) : io.cwd, BASELINE_NAME);
  if (args.command === 'baseline') {
    const file = args.baseline ? path.resolve(io.cwd, args.baseline) : (config.baseline ?? defaultBaseline);
    try {
      writeBaseline(file, found);
    } catch (e) {
      throw new UsageError(`baseline: cannot write ${path.relative(io.cwd, file)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    io.stderr(`dockpolicy: recorded ${found.length} finding${found.length === 1 ? '' : 's'} in ${path.relative(io.cwd, file) || file}\n`);
    return result.crashes.length ? 2 : 0;
  }
  const baselineFile = args.baseline === false ? undefined : args.baseline ? path.resolve(io.cwd, args.baseline) : (config.baseline ?? (existsSync(defaultBaseline) ? defaultBaseline : undefined));
  if (baselineFile) {
    if (!existsSync(baselineFile)) throw new UsageError(`${args.baseline ? '--baseline' : 'baseline'}: file not found: ${path.relative(io.cwd, baselineFile)}`);
    const { kept, stale } = applyBaseline(baselineFile, readBaseline(baselineFile), found);
    found = kept;
    // A partial run (--changed, stdin) cannot tell stale entries from entries of files it did not look at.
    if (stale && !scope) io.stderr(`dockpolicy: ${stale} baseline entr${stale === 1 ? 'y no longer matches' : 'ies no longer match'} any finding: run \`dockpolicy baseline\` to prune ${path.relative(io.cwd, baselineFile)}\n`);
  }
  const findings = args.quiet ? found.filter((f) => f.level === 'error') : found;
  const reported: RunResult['files'] = scope ? scope.files.filter((f) => scope.targets.has(f.path)) : result.files;
  const run: RunResult = { cwd: io.cwd, toolVersion: version(), findings, rules: result.enabled, filesChecked: scope ? scope.targets.size : reported.length, files: reported };
  await writeReports(args, run, io);
  if (result.crashes.length) return 2;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`dockpolicy: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return args.failLevel !== 'none' && findings.some((f) => atOrAbove(f.level, args.failLevel as Level)) ? 1 : 0;
}

/** Each `--format` to its `--output` file or stdout; reporters are loaded only when asked for. */
async function writeReports(args: CheckArgs, run: RunResult, io: Io): Promise<void> {
  const { loadReportChunks } = await import('../report/index.js');
  for (const { format, output } of args.reports) {
    // Only the text report has colours: other formats never ask whether stdout is a terminal.
    const color = format === 'text' && !output && (args.color ?? (!('NO_COLOR' in io.env) && io.isTTY));
    let chunks: Iterable<string>;
    if (format === 'sarif') {
      // GitHub rejects logs over its limits: the reporter drops the least severe results and says why, here too.
      const sarif = (await import('../report/sarif.js')).sarifReport(run);
      if (sarif.note) io.stderr(`dockpolicy: ${sarif.note}\n`);
      chunks = sarif.chunks();
    } else chunks = (await loadReportChunks(format))(run, { color });
    // Written as it is made, a megabyte at a time: a monorepo's report is hundreds of megabytes as one string.
    if (output === undefined) {
      for (const piece of batched(chunks)) io.stdout(piece);
      continue;
    }
    const fail = (e: unknown) => new UsageError(`--output: cannot write ${output} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    let fd: number;
    try {
      fd = openSync(path.resolve(io.cwd, output), 'w');
    } catch (e) {
      throw fail(e);
    }
    try {
      for (const piece of batched(chunks)) {
        try {
          writeFileSync(fd, piece);
        } catch (e) {
          throw fail(e);
        }
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Pieces of text joined into strings of about a megabyte: fewer writes than pieces, never the whole. A large piece
 * (a JSON reporter's batch of findings) is written as it is: joining would only copy it.
 */
function* batched(chunks: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.length >= 1 << 16) {
      if (parts.length) yield parts.join('');
      parts = [];
      length = 0;
      yield chunk;
      continue;
    }
    parts.push(chunk);
    length += chunk.length;
    if (length >= 1 << 20) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

/** What a partial run looks at: the files it reports on (`targets`), the files it loads to see their stacks. */
interface Scope {
  targets: Set<string>;
  files: DiscoveredFile[];
  errors: DiscoverError[];
  overlay?: Map<string, string>;
}

/**
 * `--changed`: the named files, plus every compose file under the working directory, so a changed Dockerfile is
 * seen through the services that build it and a changed override file merged with its base. Other Dockerfiles
 * are not read unless a stack builds them.
 */
async function changedScope(args: CheckArgs, io: Io): Promise<Scope> {
  const named = await discover(args.paths, { cwd: io.cwd, forceKind: args.kind });
  if (named.errors.length) return { targets: new Set(), ...named };
  const targets = new Set<string>();
  const files = new Map<string, DiscoveredFile>();
  for (const arg of args.paths) {
    const abs = path.resolve(io.cwd, arg);
    targets.add(abs);
    // An explicit file of neither kind (.env, .dockerignore) is sniffed by discover; here it only filters the report.
    const hit = named.files.find((f) => f.path === abs);
    if (hit && !kindOfName(path.basename(abs)) && !args.kind) named.files.splice(named.files.indexOf(hit), 1);
  }
  for (const f of named.files) {
    targets.add(f.path); // files found in a named directory
    files.set(f.path, f);
  }
  await addStacksAround(files, io.cwd);
  return { targets, files: [...files.values()], errors: [] };
}

/** Every compose file under the working directory, so the files of a partial run are seen in their stacks. */
async function addStacksAround(files: Map<string, DiscoveredFile>, cwd: string): Promise<void> {
  for (const f of (await discover(['.'], { cwd })).files) if (f.kind === 'compose' && !files.has(f.path)) files.set(f.path, f);
}

/** `-`: one file from stdin, under `--stdin-filename` (its stack found as with --changed) or alone. */
async function stdinScope(args: CheckArgs, io: Io): Promise<Scope> {
  const text = await (io.stdin ?? readStdin)();
  const file = path.resolve(io.cwd, args.stdinFilename ?? '<stdin>');
  const kind = kindOfName(path.basename(file)) ?? args.kind ?? sniff(text);
  const files = new Map<string, DiscoveredFile>([[file, { path: file, kind, explicit: true }]]);
  if (args.stdinFilename !== undefined) await addStacksAround(files, io.cwd);
  return { targets: new Set([file]), files: [...files.values()], errors: [], overlay: new Map([[file, text]]) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The cache for this version of dockpolicy, this configuration and the options that change results. */
async function openCache(args: CheckArgs, config: Config, io: Io) {
  const { CACHE_NAME, ResultCache, cacheKey, toolIdentity } = await import('../engine/cache.js');
  const location = path.resolve(io.cwd, args.cacheLocation ?? CACHE_NAME);
  const file = existsSync(location) && statSync(location).isDirectory() ? path.join(location, CACHE_NAME) : location;
  const options = { composeFiles: args.composeFiles, envFiles: args.envFiles, profiles: args.profiles, projectName: args.projectName, stack: args.stack, kind: args.kind };
  const env = args.useEnv ? Object.entries(io.env).sort(([a], [b]) => (a < b ? -1 : 1)) : [];
  return new ResultCache(file, cacheKey([toolIdentity(version(), fileURLToPath(import.meta.url)), config, options, env, io.cwd]));
}

/** Stacks declared in the config (`--stack` picks one), paths relative to the config file. */
function stacksFromConfig(config: Config, only: string | undefined): StackSpec[] {
  const declared = Object.entries(config.stacks ?? {});
  if (only !== undefined && !declared.some(([name]) => name === only)) {
    throw new UsageError(`--stack: no stack "${only}" in ${config.file ? path.basename(config.file) : 'the configuration (none found)'}`);
  }
  return declared.filter(([name]) => only === undefined || name === only).map(([name, s]) => ({ name, files: s.files, envFiles: s.env_files, profiles: s.profiles }));
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

function listRulesJson(): string {
  const list = rules.map(({ meta }) => ({ id: meta.id, aliases: meta.aliases, level: meta.level, target: meta.target, tags: meta.tags, description: meta.description }));
  return JSON.stringify(list, null, 2) + '\n';
}

function listRulesText(): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  return rules.map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.level.padEnd(7)}  ${meta.description}${meta.aliases.length ? ` [${meta.aliases.join(', ')}]` : ''}`).join('\n') + '\n';
}
