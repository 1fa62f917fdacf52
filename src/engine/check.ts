// One check of a set of files: plan the stacks, reuse what the cache still holds, check the rest in batches, and
// merge. A batch is loaded and checked on its own (a function of its files alone), so batches can run in worker
// threads in any order and the merged result is the same whatever the number of threads.
import type { DiscoveredFile } from '../discover/discover.js';
import { Project, dockerfilesOf, loadProject, planStacks, stackKey, type LoadOptions, type Puller, type StackSpec } from '../model/project.js';
import type { ReadKind } from '../util/reads.js';
import type { ResultCache } from './cache.js';
import type { WorkerPool } from './pool.js';
import type { Config } from './config.js';
import type { Finding, Level } from './finding.js';
import type { Rule, RuleMeta } from './rule.js';
import { runRules, type EngineOptions, type EngineResult, type SettingsSource } from './run.js';
import { mergeFindings, runUnits, unitsOf, type Unit } from './units.js';
import { rules as builtInRules } from '../../rules/index.js';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeOs } from '../util/lazy.js';
import { tuneV8 } from '../util/code-cache.js';
import { BATCH, takeEarlyWorkers } from './large-run.js';

export { BATCH };

export type ReportedFile = { path: string; kind: 'dockerfile' | 'compose' };

/** What a batch is checked with; everything but the rules and settings is plain data that a thread can be sent. */
export interface BatchContext {
  cwd: string;
  load: LoadOptions;
  rules: Rule[];
  settings: SettingsSource;
  /** Engine options; with `timing`, each batch returns its rules' run times. */
  engine: Omit<EngineOptions, 'timings'> & { timing?: boolean };
  /** A partial run (--changed, stdin): only units that read one of these files count. */
  targets?: Set<string>;
  /** The cache is on: each unit's reads and files are returned with its findings. */
  cache?: boolean;
}

export interface Batch {
  stacks: StackSpec[];
  dockerfiles: DiscoveredFile[];
  /** What the first batch's stacks pull in (`include`, `extends.file`): later batches' stacks may be those files. */
  pulled: [string, Puller[]][];
}

/** A unit's result, as plain data. */
export interface UnitOutcome extends Omit<EngineResult, 'enabled'> {
  key?: string;
  builds: string[];
  pulledBy: string[];
  /** With the cache on: everything the unit read, and the files it looked at. */
  reads?: Map<string, ReadKind>;
  files?: ReportedFile[];
}

export interface BatchResult {
  units: UnitOutcome[];
  /** Every Dockerfile and compose file the batch parsed. */
  files: ReportedFile[];
  /** Dockerfiles the batch's services build. */
  built: string[];
  pulledIn: [string, Puller[]][];
  timings?: [string, number][];
}

/** Loads a batch and runs the rules unit by unit. */
export async function checkBatch(batch: Batch, ctx: BatchContext): Promise<BatchResult> {
  const shareIdentical = batch.stacks.length === 0 && !ctx.targets && sharable(ctx.rules, ctx.settings);
  const project = await loadProject(batch.dockerfiles, ctx.cwd, { ...ctx.load, stacks: batch.stacks, shareIdentical });
  const pulledIn: BatchResult['pulledIn'] = [...project.pulledIn];
  for (const [file, pullers] of batch.pulled) {
    const own = project.pulledIn.get(file) ?? [];
    project.pulledIn.set(file, [...own, ...pullers.filter((p) => !own.some((o) => o.key === p.key))]);
  }
  let units = unitsOf(project);
  if (ctx.targets) units = units.filter((u) => touches(u, ctx.targets!));
  const timings = ctx.engine.timing ? new Map<string, number>() : undefined;
  // Spelled out, not spread: every batch's options then have one shape, which runRules' optimized code expects.
  const options: EngineOptions = { inlineSuppressions: ctx.engine.inlineSuppressions, requireReason: ctx.engine.requireReason, timings, copyStrings: ctx.engine.copyStrings };
  const outcomes = runUnits(units, ctx.rules, ctx.settings, options).map(({ findings, crashes, unit, reads }): UnitOutcome => {
    const outcome: UnitOutcome = { key: unit.key, findings, crashes, builds: unit.builds, pulledBy: unit.pulledBy };
    if (ctx.cache) Object.assign(outcome, { reads, files: filesOf(unit.project) });
    return outcome;
  });
  return {
    units: outcomes,
    files: filesOf(project),
    built: [...new Set(project.services.flatMap((s) => (s.dockerfile ? [s.dockerfile.path] : [])))],
    pulledIn,
    timings: timings && [...timings],
  };
}

/**
 * Whether Dockerfiles with the same text may share a parse (`LoadOptions.shareIdentical`): only with dockpolicy's own
 * rules, whose findings depend on a Dockerfile's path only through the references they report (policies from the
 * config see the path), and not when a rule's setting depends on the file (`overrides:`).
 */
function sharable(rules: Rule[], settings: SettingsSource): boolean {
  let answer = sharableCache.get(rules)?.get(settings);
  if (answer === undefined) {
    const own = new Set(builtInRules);
    answer = rules.every((r) => own.has(r) && !settings.varies(r.meta.id));
    if (!sharableCache.has(rules)) sharableCache.set(rules, new WeakMap());
    sharableCache.get(rules)!.set(settings, answer);
  }
  return answer;
}

const sharableCache = new WeakMap<Rule[], WeakMap<SettingsSource, boolean>>();

/** Runs batches and returns their results in the order given: in this thread, or spread over worker threads. */
export type BatchRunner = (batches: Batch[]) => Promise<BatchResult[]>;

export const inProcess = (ctx: BatchContext): BatchRunner => async (batches) => {
  const out: BatchResult[] = [];
  for (const batch of batches) out.push(await checkBatch(batch, ctx));
  return out;
};

export interface CheckResult {
  findings: Finding[];
  enabled: { meta: RuleMeta; level: Level }[];
  crashes: { ruleId: string; message: string }[];
  /** Every Dockerfile and compose file the units looked at, sorted. */
  files: ReportedFile[];
  /** Units taken from the cache, and units loaded and run. */
  reused: number;
  ran: number;
  /** Worker threads the units were checked in; 0: this thread. */
  threads: number;
}

export interface CheckOptions {
  cache?: ResultCache;
  /** A partial run (--changed, stdin): only units that read one of these files count. */
  targets?: Set<string>;
  /** Worker threads (`--concurrency`); `auto` and numbers start them only for runs of several batches. */
  concurrency?: number | 'auto' | 'off';
  /** The configuration the rules and settings were set up from (`ruleSetup`): threads set up theirs from it. */
  config?: Config;
  /** Worker threads started before the files were found (`startEarly`): the run keeps those it needs, maybe none. */
  pool?: WorkerPool;
}

/**
 * Worker threads for a run that names more than a batch of paths, started before its configuration is read and its
 * files found: meanwhile they load the CLI (~100 ms), which they would otherwise start only once the run is planned.
 * A run that names fewer (a directory, a file) starts its threads, if any, in checkFiles.
 */
export async function startEarly(concurrency: CheckOptions['concurrency'], named: number): Promise<WorkerPool | undefined> {
  const threads = named > BATCH ? threadCount(concurrency ?? 'off', Infinity, named) : 0;
  if (!threads) {
    for (const worker of takeEarlyWorkers()) void worker.terminate(); // started by the loader for a run that needs none
    return undefined;
  }
  tuneV8(); // as checkFiles does for a large run, before any thread starts (src/util/code-cache.ts)
  return (await import('./pool.js')).WorkerPool.start(threads);
}

export async function checkFiles(files: DiscoveredFile[], cwd: string, load: LoadOptions, rules: Rule[], settings: SettingsSource, engine: EngineOptions, options: CheckOptions = {}): Promise<CheckResult> {
  const { cache, targets } = options;
  const plan = planStacks(files, cwd, load.stacks);
  const reused = new Map<string, ReturnType<ResultCache['valid']> & object>();
  let stacks: StackSpec[] = plan;
  let dockerfiles = files.filter((f) => f.kind === 'dockerfile');
  if (cache) {
    const fresh = new Map(plan.map((spec) => [stackKey(spec), cache.valid(stackKey(spec))]));
    // A stack whose files another pulls in (`include`, `extends.file`) is judged with that other one loaded, so
    // either being loaded loads the other.
    const pulls = new Map<string, string[]>();
    for (const [key] of fresh) for (const by of cache.peek(key)?.pulledBy ?? []) pulls.set(by, [...(pulls.get(by) ?? []), key]);
    const queue = [...fresh].filter(([, entry]) => !entry).map(([key]) => key);
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const other of [...(cache.peek(key)?.pulledBy ?? []), ...(pulls.get(key) ?? [])]) {
        if (fresh.get(other)) {
          fresh.set(other, undefined);
          queue.push(other);
        }
      }
    }
    for (const [key, entry] of fresh) if (entry) reused.set(key, entry);
    stacks = plan.filter((spec) => !reused.has(stackKey(spec)));
    const built = new Set([...reused.values()].flatMap((e) => e.builds));
    dockerfiles = dockerfiles.filter((f) => !built.has(f.path));
    for (const f of dockerfiles) {
      const entry = cache.valid(`dockerfile:${f.path}`);
      if (entry) reused.set(`dockerfile:${f.path}`, entry);
    }
    dockerfiles = dockerfiles.filter((f) => !reused.has(`dockerfile:${f.path}`));
  }

  const copyStrings = stacks.length + dockerfiles.length >= SHARE_STRINGS_FROM;
  const ctx: BatchContext = { cwd, load, rules, settings, engine: { inlineSuppressions: engine.inlineSuppressions, requireReason: engine.requireReason, timing: !!engine.timings, copyStrings }, targets, cache: !!cache };
  const { pullers, others } = stackBatches(stacks, load.overlay);
  let threads = threadCount(options.concurrency ?? 'off', (pullers.length ? 1 : 0) + others.length + batchSizes(dockerfiles.length).length, stacks.length + dockerfiles.length);
  // A run of more than a batch lasts long enough for V8's flags to matter (src/util/code-cache.ts); before any thread starts.
  if (stacks.length + dockerfiles.length > BATCH) tuneV8();
  let pool = options.pool;
  if (pool && !threads) void pool.close();
  else if (threads) {
    pool ??= (await import('./pool.js')).WorkerPool.start(threads);
    threads = Math.min(threads, pool.threads);
    // Without a configuration (a caller of checkFiles other than the CLI), the threads take the defaults, as the CLI does.
    pool.use(threads, ctx, options.config ?? (await (await import('./config.js')).loadConfig(undefined, builtInRules.map((r) => r.meta), cwd)));
  }
  if (!threads) pool = undefined;
  const run = pool ? pool.runner : inProcess(ctx);
  const results: BatchResult[] = [];
  try {
    // Stacks that may pull others in come first: every later batch is told what they pull.
    const first = pullers.length ? await run([{ stacks: pullers, dockerfiles: [], pulled: [] }]) : [];
    const pulled = first[0]?.pulledIn ?? [];
    results.push(...first, ...(await run(others.map((batch) => ({ stacks: batch, dockerfiles: [], pulled })))));
    // Then the Dockerfiles no stack builds.
    const built = new Set(results.flatMap((r) => r.built));
    for (const file of built) reused.delete(`dockerfile:${file}`);
    // Largest first: copies of a Dockerfile fall in one batch, where they share a parse (LoadOptions.shareIdentical),
    // and the last batches are the quickest. A standalone Dockerfile's result is its own, whatever batch checks it;
    // units are put back in order below.
    const alone = bySize(dockerfiles.filter((f) => !built.has(f.path))).reverse();
    results.push(...(await run(batchesOf(alone).map((chunk) => ({ stacks: [], dockerfiles: chunk, pulled: [] })))));
  } finally {
    void pool?.close();
  }

  const order = new Map(dockerfiles.map((f, i) => [`dockerfile:${f.path}`, i]));
  const units = results.flatMap((r) => r.units);
  const first = units.findIndex((u) => u.key !== undefined && order.has(u.key));
  if (first >= 0) {
    const tail = units.splice(first);
    const rank = (u: UnitOutcome) => (u.key === undefined ? Infinity : (order.get(u.key) ?? Infinity));
    units.push(...tail.sort((a, b) => rank(a) - rank(b)));
  }
  if (cache) for (const u of units) if (u.key && u.crashes.length === 0) cache.set(u.key, u.reads!, { findings: u.findings, builds: u.builds, pulledBy: u.pulledBy, files: u.files! });
  if (engine.timings) for (const r of results) for (const [id, ms] of r.timings ?? []) engine.timings.set(id, (engine.timings.get(id) ?? 0) + ms);
  const kept = [...reused.values()].filter((e) => !targets || e.deps.some(([file]) => targets.has(file)));
  if (cache) cache.reused = kept.length;
  return {
    findings: mergeFindings([...kept.map((e) => e.findings), ...units.map((u) => u.findings)], new Set(units.map((u) => u.findings))),
    // The enabled rules do not depend on the files: from an empty run.
    enabled: runRules(new Project(cwd), rules, settings, { inlineSuppressions: engine.inlineSuppressions, requireReason: engine.requireReason }).enabled,
    crashes: units.flatMap((u) => u.crashes),
    files: mergeFiles([...results.map((r) => r.files), ...kept.map((e) => e.files)]),
    reused: kept.length,
    ran: units.length,
    threads,
  };
}

/** The planned stacks in batches: those whose files mention `include` or `extends` (they may pull others in) apart. */
function stackBatches(stacks: StackSpec[], overlay: LoadOptions['overlay']): { pullers: StackSpec[]; others: StackSpec[][] } {
  // One batch holds them all: every stack sees what the others pull in.
  if (stacks.length <= BATCH) return { pullers: [], others: stacks.length ? [stacks] : [] };
  const pulls = (spec: StackSpec) => spec.files.some((file) => {
    try {
      return /^\s*(?:include|extends)\s*:/m.test(overlay?.get(file) ?? readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
  });
  const pullers = stacks.filter(pulls);
  const rest = stacks.filter((spec) => !pullers.includes(spec));
  return { pullers, others: batchesOf(rest) };
}

/**
 * A list cut into batches for the threads to take in turn: at most BATCH items, fewer towards the end (the last ones
 * 8, 8, 16, 16, 32, 32), so that whoever takes the last batch is not left working long after the others are done,
 * and the main thread, which reports, seldom waits. The cut depends on the list alone, not on the thread count.
 */
export function batchesOf<T>(items: T[]): T[][] {
  let start = 0;
  return batchSizes(items.length).map((size) => items.slice(start, (start += size)));
}

/** The sizes of the batches `batchesOf` cuts a list of `n` items into, in order. */
function batchSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let left = n, k = 0; left > 0; k++) {
    const size = Math.min(left, TAIL_BATCHES[k] ?? BATCH);
    sizes.push(size);
    left -= size;
  }
  return sizes.reverse();
}

const TAIL_BATCHES = [8, 8, 16, 16, 32, 32];

/**
 * Units from which this thread's findings hold one copy of each string (run.ts, `Shared`): in a smaller run, the
 * file texts that the rules' strings keep alive are a few megabytes, and sharing cost more than it saved (the
 * corpus's 318 compose files on one thread: -80 ms of CPU without it, the same peak memory; 1,000 files: the same).
 */
const SHARE_STRINGS_FROM = 16 * BATCH;

/**
 * Threads for a run of `batches` batches; 0: check in this thread. `auto` uses them only from the built CLI (a thread
 * runs bin/dockpolicy.js, which the sources under test are not), only for more than a batch of stacks and Dockerfiles
 * (`units`: a Dockerfile a stack builds has a batch of its own in `batches` until the stacks are checked, and a
 * thread's start-up would cost a small run more than it saves), and one per core. A thread keeps about one core busy:
 * V8 optimizes only the code that runs longest (src/util/code-cache.ts), so its compiler no longer takes a second core
 * beside each thread. The load average is not asked: it counts the runs just before this one (a benchmark's, a
 * hook's), and on a busy machine the threads share the cores with the rest like any process (README, Speed).
 */
function threadCount(setting: number | 'auto' | 'off', batches: number, units: number): number {
  if (setting === 'off' || batches < 2) return 0;
  if (setting === 'auto' && (!RUNNING_BUILT || units <= BATCH)) return 0;
  const wanted = setting === 'auto' ? nodeOs().availableParallelism() : setting;
  const n = Math.min(wanted, batches, MAX_THREADS);
  return n > 1 ? n : 0;
}

const MAX_THREADS = 8;
const RUNNING_BUILT = /[\\/]dist[\\/]/.test(fileURLToPath(import.meta.url));

/** Does a unit take part in what a partial run reports on: did it read a target, or send one as .dockerignore? */
function touches(unit: Unit, targets: Set<string>): boolean {
  if ([...unit.reads.keys()].some((file) => targets.has(file))) return true;
  const contexts = [...unit.project.services.map((s) => s.context), ...unit.project.standalone.map((s) => s.context)];
  return contexts.some((c) => c?.ignore && targets.has(c.ignore.file));
}

/** Files in order of size (stable): files with the same text have the same size, and fall next to each other. */
function bySize(files: DiscoveredFile[]): DiscoveredFile[] {
  const sizes = new Map(files.map((f) => [f, statSync(f.path, { throwIfNoEntry: false })?.size ?? -1]));
  return [...files].sort((a, b) => sizes.get(a)! - sizes.get(b)!);
}

/** Every file a project parsed, for per-file formats: Dockerfiles (also those reached through a build) and compose files. */
function filesOf(project: Project): ReportedFile[] {
  const files = new Map<string, ReportedFile['kind']>();
  // A Dockerfile that shares another's parse is reported as itself: that other file is only there if it is checked too.
  const sharing = new Set(project.standalone.filter((s) => s.path !== s.dockerfile.path).map((s) => s.dockerfile));
  for (const df of dockerfilesOf(project)) if (!sharing.has(df) || project.dockerfiles.get(df.path) === df) files.set(df.path, 'dockerfile');
  for (const s of project.standalone) files.set(s.path, 'dockerfile');
  for (const c of project.composeFiles) files.set(c.path, 'compose'); // after: an inline Dockerfile's path is its compose file
  return [...files].map(([path, kind]) => ({ path, kind }));
}

function mergeFiles(lists: ReportedFile[][]): ReportedFile[] {
  const files = new Map(lists.flat().map((f) => [f.path, f]));
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
