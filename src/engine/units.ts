// A project is checked unit by unit: each stack with the Dockerfiles its services build, each Dockerfile no service
// builds, and the parse problems of files that belong to neither. Rules never look across stacks, so the union of
// the units' findings is the whole run's; each unit's findings depend only on what it read, which is what lets
// `--cache` reuse them, and per-stack rules no longer scan every service of a large monorepo for each stack.
import { Project, type LinkedService, type StandaloneDockerfile } from '../model/project.js';
import type { Stack } from '../model/stack.js';
import { collectReads, type ReadKind } from '../util/reads.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';
import { compareFindings, runRules, sortUnique, type EngineOptions, type EngineResult, type Reuse, type SettingsSource } from './run.js';
import type { DockerfileModel } from '../parse/dockerfile.js';

export interface Unit {
  /** Stable across runs: `stack:<name>:<files>` or `dockerfile:<path>`; undefined for the leftover problems. */
  key?: string;
  project: Project;
  /** Files read while loading the unit (reads during its rules are added by `runUnits`). */
  reads: Map<string, ReadKind>;
  /** For a stack: the Dockerfiles its services build (a Dockerfile built by a stack is no standalone unit). */
  builds: string[];
  /** Stacks whose files pull this one's in (`include`, `extends.file`): its result depends on theirs being loaded. */
  pulledBy: string[];
}

export interface UnitResult extends EngineResult {
  unit: Unit;
  reads: Map<string, ReadKind>;
}

export function unitsOf(project: Project): Unit[] {
  const units: Unit[] = [];
  const claimed = new Set<object>();
  // Indexed once: a monorepo has thousands of units, and each would otherwise scan every problem and service.
  const problemsByFile = groupBy([...project.problems, ...project.extendsProblems], (p) => p.at.file);
  const part = (reads: Map<string, ReadKind>) => {
    const p = new Project(project.cwd);
    p.pulledIn = project.pulledIn;
    for (const file of reads.keys()) {
      for (const problem of problemsByFile.get(file) ?? []) {
        claimed.add(problem);
        if ('kind' in problem) p.extendsProblems.push(problem);
        else p.problems.push(problem);
      }
    }
    return p;
  };
  const servicesByStack = groupBy(project.services, (s) => s.stack);
  for (const stack of project.stacks) units.push(stackUnit(project, stack, servicesByStack.get(stack) ?? [], part));
  for (const standalone of project.standalone) units.push(standaloneUnit(project, standalone, part));
  const left = new Project(project.cwd);
  left.problems.push(...project.problems.filter((p) => !claimed.has(p)));
  left.extendsProblems.push(...project.extendsProblems.filter((p) => !claimed.has(p)));
  if (left.problems.length || left.extendsProblems.length) units.push({ project: left, reads: new Map(), builds: [], pulledBy: [] });
  return units;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function stackUnit(project: Project, stack: Stack, services: LinkedService[], part: (reads: Map<string, ReadKind>) => Project): Unit {
  const reads = new Map(stack.reads);
  const p = part(reads);
  p.stacks.push(stack);
  p.composeFiles.push(...stack.files);
  p.services.push(...services);
  for (const s of services) if (s.dockerfile) p.dockerfiles.set(keyOf(project, s), s.dockerfile);
  const builds = [...new Set(p.services.flatMap((s) => (s.dockerfile && s.dockerfile.path !== s.compose.path ? [s.dockerfile.path] : [])))];
  const pullers = stack.files.flatMap((f) => project.pulledIn.get(f.path) ?? []).filter((s) => s.key !== stack.key);
  for (const puller of pullers) for (const file of puller.files) reads.set(file, 'content');
  return { key: stack.key, project: p, reads, builds, pulledBy: [...new Set(pullers.map((s) => s.key))].sort() };
}

function standaloneUnit(project: Project, standalone: StandaloneDockerfile, part: (reads: Map<string, ReadKind>) => Project): Unit {
  const file = standalone.path;
  const reads = new Map<string, ReadKind>([[file, 'content']]);
  const p = part(reads);
  p.standalone.push(standalone);
  p.dockerfiles.set(file, standalone.dockerfile);
  return { key: `dockerfile:${file}`, project: p, reads, builds: [], pulledBy: [] };
}

/** Runs the rules unit by unit; each result carries everything the unit read, loading and checking. */
export function runUnits(units: Unit[], rules: Rule[], settings: SettingsSource, options: EngineOptions): UnitResult[] {
  // Copies of a Dockerfile that share a parse (LoadOptions.shareIdentical): the rules that need no build context
  // run on the first copy only.
  const copies = new Map<DockerfileModel, number>();
  for (const unit of units) for (const s of unit.project.standalone) copies.set(s.dockerfile, (copies.get(s.dockerfile) ?? 0) + 1);
  const reuses = new Map<DockerfileModel, Reuse>();
  return units.map((unit) => {
    const df = unit.project.standalone.length === 1 && unit.project.stacks.length === 0 ? unit.project.standalone[0]!.dockerfile : undefined;
    let reuse: Reuse | undefined;
    if (df && copies.get(df)! > 1) {
      reuse = reuses.get(df);
      if (reuse) reuse.recording = false;
      else reuses.set(df, (reuse = { recording: true, byRule: new Map() }));
    }
    const { value, reads } = collectReads(() => runRules(unit.project, rules, settings, options, reuse));
    for (const [file, kind] of unit.reads) if (!(kind === 'exists' && reads.has(file))) reads.set(file, kind);
    const own = unit.project.standalone[0];
    const findings = own && own.path !== own.dockerfile.path ? moved(value.findings, own.dockerfile.path, own.path) : value.findings;
    return { findings, enabled: value.enabled, crashes: value.crashes, unit, reads };
  });
}

/**
 * The findings of a Dockerfile that shares the parse of another with the same text (`LoadOptions.shareIdentical`):
 * what the shared model points at in the other file is at the same place in this one. Sorted again when the unit
 * reports on other files too (its .dockerignore): they may sort differently against this file's path.
 */
function moved(findings: Finding[], from: string, to: string): Finding[] {
  const out = findings.map((f) => (f.file === from ? { ...f, file: to } : f));
  return findings.every((f) => f.file === from) ? out : sortUnique(out);
}

/**
 * Findings of several units as one run's: a Dockerfile built by two stacks is reported once, in the usual order.
 * `sorted`: lists known to be in sortUnique's order with no two equal (a unit's, as runRules returns them), whose
 * files need no check; others (from the cache) are checked.
 */
export function mergeFindings(lists: Finding[][], sorted: ReadonlySet<Finding[]> = new Set()): Finding[] {
  // File by file, in sortUnique's order (file first): the paths are sorted once, instead of being compared in each
  // of the million comparisons of a monorepo's run, long paths with a common prefix. A file's findings keep the
  // order they came in, so the same one of equal findings is kept. A unit's findings come sorted (file first): its
  // findings of one file are a run, looked up once (findings from a worker thread each hold their own copy of the
  // path, hashed again at every lookup), and a file whose findings are one strictly ascending run needs no sorting.
  const byFile = new Map<string, Finding[][]>();
  const ordered = new Set<Finding[]>();
  for (const list of lists) {
    for (let i = 0; i < list.length; ) {
      const file = list[i]!.file;
      let j = i + 1;
      while (j < list.length && list[j]!.file === file) j++;
      const run = i === 0 && j === list.length ? list : list.slice(i, j);
      if (sorted.has(list)) ordered.add(run);
      const runs = byFile.get(file);
      if (runs) runs.push(run);
      else byFile.set(file, [run]);
      i = j;
    }
  }
  const out: Finding[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const runs = byFile.get(file)!;
    const one = runs.length === 1 && (ordered.has(runs[0]!) || ascending(runs[0]!)) ? runs[0]! : sortUnique(runs.length === 1 ? [...runs[0]!] : runs.flat());
    for (let i = 0; i < one.length; i++) out.push(one[i]!);
  }
  return out;
}

/** Each finding before the next in sortUnique's order, none equal: sortUnique would leave them as they are. */
function ascending(findings: Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1]!, findings[i]!) >= 0) return false;
  return true;
}

/** The key a service's Dockerfile has in `project.dockerfiles`: its path, or `<compose path>#<service>` when inline. */
const keyOf = (project: Project, s: LinkedService) => (project.dockerfiles.get(s.dockerfile!.path) === s.dockerfile ? s.dockerfile!.path : `${s.compose.path}#${s.name}`);
