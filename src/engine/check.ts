// One check of a set of files: plan the stacks, reuse what the cache still holds, load and run the rest unit by
// unit, and merge. Without a cache every unit is loaded and run.
import type { DiscoveredFile } from '../discover/discover.js';
import { Project, dockerfilesOf, loadProject, planStacks, stackKey, type LoadOptions, type StackSpec } from '../model/project.js';
import type { ResultCache } from './cache.js';
import type { Finding, Level } from './finding.js';
import type { Rule, RuleMeta } from './rule.js';
import { runRules, type EngineOptions, type SettingsSource } from './run.js';
import { mergeFindings, runUnits, unitsOf, type Unit, type UnitResult } from './units.js';
import type { Stack } from '../model/stack.js';
import { readFileSync } from 'node:fs';

/** Stacks, or Dockerfiles, loaded and checked together. */
const BATCH = 200;
const EMPTY = new Project('');

/** Planned stacks in batches; those whose files mention `include` or `extends` (they may pull others in) first. */
function batches(stacks: StackSpec[]): StackSpec[][] {
  if (stacks.length <= BATCH) return stacks.length ? [stacks] : [];
  const pulls = (spec: StackSpec) => spec.files.some((file) => {
    try {
      return /^\s*(?:include|extends)\s*:/m.test(readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
  });
  const first = stacks.filter(pulls);
  const rest = stacks.filter((spec) => !first.includes(spec));
  const out = [first];
  for (let i = 0; i < rest.length; i += BATCH) out.push(rest.slice(i, i + BATCH));
  return out.filter((b) => b.length);
}

export type ReportedFile = { path: string; kind: 'dockerfile' | 'compose' };

export interface CheckResult {
  findings: Finding[];
  enabled: { meta: RuleMeta; level: Level }[];
  crashes: { ruleId: string; message: string }[];
  /** Every Dockerfile and compose file the units looked at, sorted. */
  files: ReportedFile[];
  /** Units taken from the cache, and units loaded and run. */
  reused: number;
  ran: number;
}

export interface CheckOptions {
  cache?: ResultCache;
  /** A partial run (--changed, stdin): only units that read one of these files count. */
  targets?: Set<string>;
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
  const results: UnitResult[] = [];
  const looked: ReportedFile[][] = [];
  const run = (project: Project) => {
    let units = unitsOf(project);
    if (targets) units = units.filter((u) => touches(u, targets));
    for (const r of runUnits(units, rules, settings, engine)) {
      if (cache && r.unit.key && r.crashes.length === 0) cache.set(r.unit.key, r.reads, { findings: r.findings, builds: r.unit.builds, pulledBy: r.unit.pulledBy, files: filesOf(r.unit.project) });
      results.push({ ...r, unit: { ...r.unit, project: EMPTY } }); // let the parse trees go
    }
    looked.push(filesOf(project));
  };
  // Stacks first, a batch at a time, so a monorepo's parse trees never all live at once; then the Dockerfiles no
  // stack builds. Stacks that may pull others in come in the first batch: every later batch sees what they pull.
  const built = new Set<string>();
  const pulled = new Map<string, Set<Stack>>();
  for (const batch of batches(stacks)) {
    const project = await loadProject([], cwd, { ...load, stacks: batch });
    for (const [file, by] of project.pulledIn) pulled.set(file, new Set([...(pulled.get(file) ?? []), ...by]));
    project.pulledIn = pulled;
    for (const s of project.services) if (s.dockerfile) built.add(s.dockerfile.path);
    run(project);
  }
  // A Dockerfile that a loaded stack now builds is no longer judged on its own.
  for (const file of built) reused.delete(`dockerfile:${file}`);
  const alone = dockerfiles.filter((f) => !built.has(f.path));
  for (let i = 0; i < alone.length; i += BATCH) run(await loadProject(alone.slice(i, i + BATCH), cwd, { ...load, stacks: [] }));
  const kept = [...reused.values()].filter((e) => !targets || e.deps.some(([file]) => targets.has(file)));
  if (cache) cache.reused = kept.length;
  return {
    findings: mergeFindings([...kept.map((e) => e.findings), ...results.map((r) => r.findings)]),
    // The enabled rules do not depend on the files: from any unit, or from an empty run when there is none.
    enabled: (results[0] ?? runRules(new Project(cwd), rules, settings, engine)).enabled,
    crashes: results.flatMap((r) => r.crashes),
    files: mergeFiles([...looked, ...kept.map((e) => e.files)]),
    reused: kept.length,
    ran: results.length,
  };
}

/** Does a unit take part in what a partial run reports on: did it read a target, or send one as .dockerignore? */
function touches(unit: Unit, targets: Set<string>): boolean {
  if ([...unit.reads.keys()].some((file) => targets.has(file))) return true;
  const contexts = [...unit.project.services.map((s) => s.context), ...unit.project.standalone.map((s) => s.context)];
  return contexts.some((c) => c?.ignore && targets.has(c.ignore.file));
}

/** Every file a project parsed, for per-file formats: Dockerfiles (also those reached through a build) and compose files. */
function filesOf(project: Project): ReportedFile[] {
  const files = new Map<string, ReportedFile['kind']>();
  for (const df of dockerfilesOf(project)) files.set(df.path, 'dockerfile');
  for (const c of project.composeFiles) files.set(c.path, 'compose'); // after: an inline Dockerfile's path is its compose file
  return [...files].map(([path, kind]) => ({ path, kind }));
}

function mergeFiles(lists: ReportedFile[][]): ReportedFile[] {
  const files = new Map(lists.flat().map((f) => [f.path, f]));
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
