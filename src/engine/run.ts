import type { Finding, Level } from './finding.js';
import { LEVEL_RANK } from './finding.js';
import type { Report, Rule, RuleMeta } from './rule.js';
import type { RuleSetting } from './config.js';
import { settingKey, type FindingContext } from './settings.js';
import type { Project } from '../model/project.js';
import type { Range, SourceRef } from '../model/location.js';
import { applySuppressions, readComposeSuppressions, readSuppressions, ruleNameIndex } from './suppressions.js';
import { compareIds, idOrder } from '../util/text-order.js';
import { contextLooks } from '../model/build-context.js';
import { readsNoted } from '../util/reads.js';

export const PARSE_ERROR = 'parse-error';
/** Rules the engine reports itself, from what it sees of inline suppressions. */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const NO_INLINE_SUPPRESSIONS = 'no-inline-suppressions';

export interface EngineOptions {
  /** Collects each rule's run time in milliseconds (DOCKPOLICY_TIMING, like ESLint's TIMING). */
  timings?: Map<string, number>;
  /** `false`: inline suppression comments are not honoured (policy is policy). Default true. */
  inlineSuppressions?: boolean;
  /** A `dockpolicy-ignore` without `-- reason` suppresses nothing (unused-suppression reports it). */
  requireReason?: boolean;
  /**
   * `false`: findings keep the strings and ranges the rules gave, and their messages are made anew (a worker thread's,
   * which are packed as they are sent away, each string once: packed.ts; a run of fewer than ~1,000 units: check.ts).
   * By default each is replaced by the run's one copy of it (see `Shared`).
   */
  copyStrings?: boolean;
}

/** Rule settings, possibly different per file, stack and service (`overrides:`); a plain map is the same everywhere. */
export interface SettingsSource {
  get(id: string): RuleSetting | undefined;
  varies(id: string): boolean;
  at(id: string, context: FindingContext): RuleSetting | undefined;
  variants(id: string): RuleSetting[];
}

function uniform(map: Map<string, RuleSetting>): SettingsSource {
  return { get: (id) => map.get(id), varies: () => false, at: (id) => map.get(id), variants: (id) => (map.has(id) ? [map.get(id)!] : []) };
}

export interface EngineResult {
  findings: Finding[];
  enabled: { meta: RuleMeta; level: Level }[];
  /** Rules that threw: reported on stderr by the CLI, never silently dropped. */
  crashes: { ruleId: string; message: string }[];
}

/**
 * What the rules reported on one copy of a Dockerfile, to give the next copies (units.ts): copies share one parse
 * (LoadOptions.shareIdentical), so a rule that looked at no build context and read no file while it ran reports the
 * same on each, at the same references. Only the reports of rules that ran once, without an error, are kept.
 */
export interface Reuse {
  /** Keep what the rules report (the first copy); else give what was kept. */
  recording: boolean;
  byRule: Map<Rule, Finding[]>;
}

/**
 * Runs every enabled rule over the project and turns their reports into sorted, de-duplicated findings. A rule that
 * `overrides:` set differently in some places runs once per distinct setting, and each finding is kept only from the
 * run whose setting holds where the finding is.
 */
export function runRules(project: Project, rules: Rule[], settingsIn: SettingsSource | Map<string, RuleSetting>, options: EngineOptions = {}, reuse?: Reuse): EngineResult {
  const settings = settingsIn instanceof Map ? uniform(settingsIn) : settingsIn;
  const found: Finding[] = [];
  const crashes: EngineResult['crashes'] = [];
  const timings = options.timings;
  const plan = planOf(rules, settings);
  const copy = options.copyStrings !== false;
  // One `report` for every rule of the unit (a monorepo has thousands of units, each running up to 131 rules): it
  // adds to the rule that is running, with the setting it runs with.
  let running: ActiveRule | undefined;
  let setting: ActiveSetting | undefined;
  let contextOf: ((report: Report) => FindingContext) | undefined;
  const report = (r: Report) => {
    if (running!.varies) {
      const here = settings.at(running!.id, (contextOf ??= findingContexts(project))(r));
      if (!here || settingKey(here) !== setting!.key) return;
    }
    found.push(toFinding(project, running!.rule.meta, setting!.level, r, plan.shared, copy));
  };
  // Indexed loops: a monorepo runs this for thousands of units, mostly in V8's interpreter and baseline code, where
  // each step of a for-of allocates an iterator result.
  const active = activeIn(plan, project);
  for (let r = 0; r < active.length; r++) {
    running = active[r]!;
    const { rule, id, varies } = running;
    for (let v = 0; v < running.variants.length; v++) {
      setting = running.variants[v]!;
      if (id === PARSE_ERROR) {
        for (const p of project.problems) report({ messageId: 'unparsable', data: { message: p.message }, at: p.at });
        continue;
      }
      const kept = reuse && !varies ? reuse.byRule.get(rule) : undefined;
      if (kept) {
        for (const f of kept) found.push(f);
        continue;
      }
      const started = timings ? performance.now() : 0;
      const looks = contextLooks;
      const reads = readsNoted;
      const from = found.length;
      try {
        rule.check({ project, options: setting.options, report });
        if (timings) timings.set(id, (timings.get(id) ?? 0) + performance.now() - started);
        if (reuse?.recording && !varies && contextLooks === looks && readsNoted === reads) reuse.byRule.set(rule, found.slice(from));
      } catch (e) {
        crashes.push({ ruleId: id, message: crashMessage(e) });
      }
    }
  }
  const unique = sortUnique(found);
  const kept = suppress(project, rules, settings, options, unique, plan.shared);
  // In sortUnique's order, no two equal, whatever suppress added: mergeFindings relies on it (`sorted`).
  return { findings: kept === unique ? unique : sortUnique(kept), enabled: plan.enabled, crashes };
}

type ActiveSetting = RuleSetting & { level: Level; key: string };
interface ActiveRule {
  rule: Rule;
  id: string;
  variants: ActiveSetting[];
  varies: boolean;
}

/**
 * The active rules that look at what a project holds: a rule checks the files of its target kind, and in a unit
 * without any (a lone Dockerfile) it has nothing to look at. Worked out once per plan and kinds of files held.
 */
function activeIn(plan: RulePlan, project: Project): ActiveRule[] {
  const kinds = (project.dockerfiles.size > 0 ? 1 : 0) | (project.composeFiles.length > 0 ? 2 : 0);
  return (plan.byKinds[kinds] ??= plan.active.filter(({ rule }) => rule.meta.target === 'project' || (rule.meta.target === 'dockerfile' ? kinds & 1 : kinds & 2)));
}

interface RulePlan {
  active: ActiveRule[];
  /** `active` by the kinds of files a unit holds (see `activeIn`). */
  byKinds: ActiveRule[][];
  enabled: EngineResult['enabled'];
  /** What the run's findings hold, one copy of each value (see `toFinding`). */
  shared: Shared;
}

/** Which rules run with which settings: the same for every unit of a run, so worked out once per rules and settings. */
const plans = new WeakMap<SettingsSource, WeakMap<Rule[], RulePlan>>();
function planOf(rules: Rule[], settings: SettingsSource): RulePlan {
  let bySettings = plans.get(settings);
  if (!bySettings) plans.set(settings, (bySettings = new WeakMap()));
  let plan = bySettings.get(rules);
  if (plan) return plan;
  plan = { active: [], byKinds: [], enabled: [], shared: { strings: new Map(), ranges: new Map(), messages: new Map() } };
  for (const rule of rules) {
    const id = rule.meta.id;
    const varies = settings.varies(id);
    const variants = (varies ? settings.variants(id) : [settings.get(id)]).filter((v): v is RuleSetting & { level: Level } => !!v && v.level !== 'off').map((v) => ({ ...v, key: varies ? settingKey(v) : '' }));
    if (variants.length === 0) continue;
    plan.active.push({ rule, id, variants, varies });
    plan.enabled.push({ meta: rule.meta, level: variants.reduce((max, v) => (LEVEL_RANK[v.level] > LEVEL_RANK[max] ? v.level : max), variants[0]!.level) });
  }
  plan.enabled.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  bySettings.set(rules, plan);
  return plan;
}

/**
 * Where a report is, for `overrides:`: its file, its stack, and its service, named by the report or found from the
 * compose mapping the position lies in (also in an override file).
 */
function findingContexts(project: Project): (report: Report) => FindingContext {
  let services: Map<string, { name: string; from: number; to: number }[]> | undefined;
  const serviceAt = (file: string, line: number) => {
    if (!services) {
      services = new Map();
      for (const c of project.composeFiles) {
        const list = services.get(c.path) ?? [];
        for (const e of c.yaml.entries(c.yaml.get(c.root, 'services')?.value)) {
          const end = (e.value as { range?: number[] } | undefined)?.range?.[2];
          list.push({ name: e.key, from: c.yaml.at(e.keyNode).range.start.line, to: end === undefined ? c.yaml.at(e.keyNode).range.start.line : c.yaml.lines.position(Math.max(0, end - 1)).line });
        }
        services.set(c.path, list);
      }
    }
    return services.get(file)?.find((s) => line >= s.from && line <= s.to)?.name;
  };
  return (report) => {
    const named = report.data?.service;
    return { file: report.at.file, stack: report.stack, service: typeof named === 'string' ? named : serviceAt(report.at.file, report.at.range.start.line) };
  };
}

const nameIndexes = new WeakMap<Rule[], ReturnType<typeof ruleNameIndex>>();
function nameIndexOf(rules: Rule[]): ReturnType<typeof ruleNameIndex> {
  let index = nameIndexes.get(rules);
  if (!index) nameIndexes.set(rules, (index = ruleNameIndex(rules.map((r) => r.meta))));
  return index;
}

/** Applies the suppression comments of Dockerfiles and compose files, and reports on the comments themselves when those rules are on. */
function suppress(project: Project, rules: Rule[], settings: SettingsSource, options: EngineOptions, findings: Finding[], shared: Shared): Finding[] {
  const dockerfiles = new Set(project.dockerfiles.values());
  if (dockerfiles.size === 0 && project.composeFiles.length === 0) return findings;
  const copy = options.copyStrings !== false;
  const resolve = nameIndexOf(rules);
  const suppressions = [...[...dockerfiles].flatMap((df) => readSuppressions(df, resolve)), ...project.composeFiles.flatMap((c) => readComposeSuppressions(c, resolve))];
  if (suppressions.length === 0) return findings;
  const honoured = options.inlineSuppressions !== false;
  const kept = honoured ? applySuppressions(findings, suppressions, options.requireReason) : findings;
  // Engine-reported rules are judged once for the run: at the highest level any place gives them.
  const levelOf = (id: string) => settings.variants(id).map((v) => v.level).filter((l): l is Level => l !== 'off').sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a])[0];
  const on = (id: string) => levelOf(id) !== undefined;
  const engineRule = (id: string) => rules.find((r) => r.meta.id === id)?.meta;
  const unused = engineRule(UNUSED_SUPPRESSION);
  if (unused && on(UNUSED_SUPPRESSION) && honoured) {
    const level = levelOf(UNUSED_SUPPRESSION)!;
    for (const s of suppressions) {
      if (options.requireReason && !s.reason) {
        kept.push(toFinding(project, unused, level, { messageId: 'missingReason', at: s.at }, shared, copy));
        continue;
      }
      for (const name of s.names) {
        if (name.rules.length === 0) {
          // Other tools' codes that dockpolicy has no rule for (ShellCheck's SCxxxx) cannot be judged.
          if (s.source === 'dockpolicy') kept.push(toFinding(project, unused, level, { messageId: 'unknownRule', data: { name: name.name }, at: name.at }, shared, copy));
        } else if (!name.used && name.rules.some((id) => on(id))) {
          kept.push(toFinding(project, unused, level, { messageId: 'unused', data: { name: name.name }, at: name.at }, shared, copy));
        }
      }
    }
  }
  const noInline = engineRule(NO_INLINE_SUPPRESSIONS);
  if (noInline && on(NO_INLINE_SUPPRESSIONS)) {
    const level = levelOf(NO_INLINE_SUPPRESSIONS)!;
    for (const s of suppressions) kept.push(toFinding(project, noInline, level, { messageId: 'inline', data: { names: s.names.map((n) => n.name).join(', ') }, at: s.at }, shared, copy));
  }
  return kept;
}

/**
 * One copy of each string and range the findings of a run hold: a large run has hundreds of thousands of findings
 * that repeat the same messages, snippets and ranges. A string is copied once: a snippet or a `data` value sliced from
 * a file's text would keep the whole text alive (V8's sliced strings), and findings outlive the files.
 */
interface Shared {
  strings: Map<string, string>;
  ranges: Map<number | string, Range>;
  /** Messages by template, then by each placeholder's value in turn (see `sharedMessage`). */
  messages: Map<string[], Map<unknown, unknown>>;
}

function sharedString(shared: Shared, s: string): string {
  // V8 copies a substring (or a concatenation) of fewer than 13 characters: it keeps no text alive, and is small.
  if (s.length < 13) return s;
  let copy = shared.strings.get(s);
  if (copy === undefined) {
    copy = (s + ' ').slice(0, -1); // a new flat string, not a slice of the text `s` may be part of
    shared.strings.set(copy, copy);
  }
  return copy;
}

function formatMessage(parts: string[], data: Finding['data']): string {
  let message = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) message += String(data[parts[i]!] ?? `{{${parts[i]}}}`) + parts[i + 1]!;
  return message;
}

/**
 * The message of a template with these values, found by the template and each placeholder's value in turn: tens of
 * thousands of findings repeat a few thousand messages, and a message made anew had to be flattened and hashed to
 * be shared. Values other than strings and numbers (whose text could change) make the message as before.
 */
function sharedMessage(shared: Shared, parts: string[], data: Finding['data']): string {
  let level = shared.messages.get(parts);
  if (!level) shared.messages.set(parts, (level = new Map()));
  for (let i = 1; i < parts.length; i += 2) {
    const value = data[parts[i]!];
    if (typeof value !== 'string' && typeof value !== 'number' && value !== undefined && value !== null) return sharedString(shared, formatMessage(parts, data));
    let next = level.get(value);
    if (next === undefined) {
      next = i + 2 < parts.length ? new Map() : sharedString(shared, formatMessage(parts, data));
      // The run's copy as the key: a value sliced from a file's text would keep the text alive as long as the run.
      level.set(typeof value === 'string' ? sharedString(shared, value) : value, next);
    }
    if (i + 2 >= parts.length) return next as string;
    level = next as Map<unknown, unknown>;
  }
  return sharedString(shared, formatMessage(parts, data)); // not reached: parts.length > 1
}

const fits13 = (n: number) => (n & 8191) === n;

function sharedRange(shared: Shared, { start, end }: Range): Range {
  // Whole positions below 8192 (nearly all) make a number key, with no string to make and hash.
  const small = fits13(start.line) && fits13(start.column) && fits13(end.line) && fits13(end.column);
  const key = small ? ((start.line * 8192 + start.column) * 8192 + end.line) * 8192 + end.column : `${start.line},${start.column},${end.line},${end.column}`;
  let range = shared.ranges.get(key);
  if (!range) shared.ranges.set(key, (range = { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } }));
  return range;
}

/** The data of every report that has none: one object, frozen so that none can change the others'. */
const NO_DATA: Finding['data'] = Object.freeze({});

/** A message template split at its `{{placeholders}}`: text, name, text, ..., text. */
const templates = new WeakMap<RuleMeta, Map<string, string[]>>();
function templateOf(meta: RuleMeta, messageId: string): string[] | undefined {
  let byId = templates.get(meta);
  if (!byId) templates.set(meta, (byId = new Map()));
  let parts = byId.get(messageId);
  if (!parts) {
    const template = meta.messages[messageId];
    if (template === undefined) return undefined;
    byId.set(messageId, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  }
  return parts;
}

function toFinding(project: Project, meta: RuleMeta, level: Level, report: Report, shared: Shared, copy: boolean): Finding {
  const parts = Object.hasOwn(meta.messages, report.messageId) ? templateOf(meta, report.messageId) : undefined;
  if (parts === undefined) throw new Error(`rule ${meta.id} reported unknown messageId "${report.messageId}"`);
  const data = report.data ?? NO_DATA;
  const snippet = report.snippet ?? snippetAt(project, report.at);
  // Rules may share one data object between reports: its values are only swapped for equal strings.
  if (copy) for (const key in data) if (typeof data[key] === 'string') data[key] = sharedString(shared, data[key]);
  const finding: Finding = {
    ruleId: meta.id,
    level,
    messageId: report.messageId,
    // A worker thread's findings are packed as they are sent, which shares their strings: the memo only costs there.
    message: parts.length === 1 ? parts[0]! : copy ? sharedMessage(shared, parts, data) : formatMessage(parts, data),
    data,
    file: report.at.file,
    range: copy ? sharedRange(shared, report.at.range) : report.at.range,
    snippet: copy ? sharedString(shared, snippet) : snippet,
  };
  // Only stacks that are more than one file on its own carry a label: a single file's stack is its path already.
  if (report.stack && project.stacks.find((s) => s.name === report.stack)?.labelled) finding.stack = report.stack;
  return finding;
}

/** The first line of the reported text, for fingerprints. Secret values are masked by rules before they get here. */
function snippetAt(project: Project, at: SourceRef): string {
  const lines = project.sourceLines(at.file);
  if (!lines) return '';
  const { start, end } = at.range;
  const stop = end.line === start.line ? end.column : lines.lineEndColumn(start.line);
  return lines.text.slice(lines.offset(start.line, start.column), lines.offset(start.line, stop)).trim();
}

/**
 * What a rule's exception says, as one short line: messages can quote the input at length (a regular expression built
 * from a pattern of thousands of characters), and the input may hold a secret.
 */
export function crashMessage(e: unknown): string {
  const line = String((e as Error)?.message ?? e).split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Two reports of the same thing at the same place are one finding. */
export const findingKey = (f: Finding) => `${f.file}\0${f.range.start.line}:${f.range.start.column}\0${f.ruleId}\0${f.message}\0${f.stack ?? ''}`;

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    idOrder(a.ruleId, b.ruleId) ||
    textOrder(a.message, b.message) ||
    textOrder(a.stack ?? '', b.stack ?? '')
  );
}

/**
 * Code-unit order: the same on every machine, where localeCompare followed the machine's locale (LANG), and it needs
 * no ICU collator (~8 ms to create, in each thread).
 */
const textOrder = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/**
 * Sorts findings (in place) and leaves out each that repeats an earlier one (`findingKey`): the first is kept, as
 * a Map of keys in report order would. Findings with the same key compare equal, so only equal runs need keys.
 */
export function sortUnique(findings: Finding[]): Finding[] {
  findings.sort(compareFindings);
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; ) {
    let j = i + 1;
    while (j < findings.length && compareFindings(findings[i]!, findings[j]!) === 0) j++;
    if (j === i + 1) out.push(findings[i]!);
    else {
      const seen = new Set<string>();
      for (let k = i; k < j; k++) {
        const key = findingKey(findings[k]!);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(findings[k]!);
        }
      }
    }
    i = j;
  }
  return out;
}

export function atOrAbove(level: Level, threshold: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}
