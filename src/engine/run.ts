import type { Finding, Level } from './finding.js';
import { LEVEL_RANK } from './finding.js';
import type { Report, Rule, RuleMeta } from './rule.js';
import type { RuleSetting } from './config.js';
import type { Project } from '../model/project.js';
import type { SourceRef } from '../model/location.js';
import { applySuppressions, readSuppressions, ruleNameIndex } from './suppressions.js';

export const PARSE_ERROR = 'parse-error';
/** Rules the engine reports itself, from what it sees of inline suppressions. */
export const UNUSED_SUPPRESSION = 'unused-suppression';
export const NO_INLINE_SUPPRESSIONS = 'no-inline-suppressions';

export interface EngineOptions {
  /** Collects each rule's run time in milliseconds (DOCKPOLICY_TIMING, like ESLint's TIMING). */
  timings?: Map<string, number>;
  /** `false`: inline suppression comments are not honoured (policy is policy). Default true. */
  inlineSuppressions?: boolean;
}

export interface EngineResult {
  findings: Finding[];
  enabled: { meta: RuleMeta; level: Level }[];
  /** Rules that threw: reported on stderr by the CLI, never silently dropped. */
  crashes: { ruleId: string; message: string }[];
}

/** Runs every enabled rule over the project and turns their reports into sorted, de-duplicated findings. */
export function runRules(project: Project, rules: Rule[], settings: Map<string, RuleSetting>, options: EngineOptions = {}): EngineResult {
  const findings = new Map<string, Finding>();
  const enabled: EngineResult['enabled'] = [];
  const crashes: EngineResult['crashes'] = [];
  const timings = options.timings;
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id);
    if (!setting || setting.level === 'off') continue;
    const level = setting.level;
    enabled.push({ meta: rule.meta, level });
    const add = (report: Report) => {
      const finding = toFinding(project, rule.meta, level, report);
      const key = `${finding.file}\0${finding.range.start.line}:${finding.range.start.column}\0${finding.ruleId}\0${finding.message}\0${finding.stack ?? ''}`;
      if (!findings.has(key)) findings.set(key, finding);
    };
    if (rule.meta.id === PARSE_ERROR) {
      for (const p of project.problems) add({ messageId: 'unparsable', data: { message: p.message }, at: p.at });
      continue;
    }
    const started = timings ? performance.now() : 0;
    try {
      rule.check({ project, options: setting.options, report: add });
      if (timings) timings.set(rule.meta.id, performance.now() - started);
    } catch (e) {
      crashes.push({ ruleId: rule.meta.id, message: (e as Error).message });
    }
  }
  const kept = suppress(project, rules, settings, options, [...findings.values()]);
  return { findings: kept.sort(compareFindings), enabled: enabled.sort((a, b) => a.meta.id.localeCompare(b.meta.id)), crashes };
}

/** Applies the Dockerfiles' suppression comments, and reports on the comments themselves when those rules are on. */
function suppress(project: Project, rules: Rule[], settings: Map<string, RuleSetting>, options: EngineOptions, findings: Finding[]): Finding[] {
  const dockerfiles = new Set(project.dockerfiles.values());
  if (dockerfiles.size === 0) return findings;
  const resolve = ruleNameIndex(rules.map((r) => r.meta));
  const suppressions = [...dockerfiles].flatMap((df) => readSuppressions(df, resolve));
  if (suppressions.length === 0) return findings;
  const honoured = options.inlineSuppressions !== false;
  const kept = honoured ? applySuppressions(findings, suppressions) : findings;
  const on = (id: string) => (settings.get(id)?.level ?? 'off') !== 'off';
  const engineRule = (id: string) => rules.find((r) => r.meta.id === id)?.meta;
  const unused = engineRule(UNUSED_SUPPRESSION);
  if (unused && on(UNUSED_SUPPRESSION) && honoured) {
    const level = settings.get(UNUSED_SUPPRESSION)!.level as Level;
    for (const s of suppressions) {
      for (const name of s.names) {
        if (name.rules.length === 0) {
          // Other tools' codes that dockpolicy has no rule for (ShellCheck's SCxxxx) cannot be judged.
          if (s.source === 'dockpolicy') kept.push(toFinding(project, unused, level, { messageId: 'unknownRule', data: { name: name.name }, at: name.at }));
        } else if (!name.used && name.rules.some((id) => on(id))) {
          kept.push(toFinding(project, unused, level, { messageId: 'unused', data: { name: name.name }, at: name.at }));
        }
      }
    }
  }
  const noInline = engineRule(NO_INLINE_SUPPRESSIONS);
  if (noInline && on(NO_INLINE_SUPPRESSIONS)) {
    const level = settings.get(NO_INLINE_SUPPRESSIONS)!.level as Level;
    for (const s of suppressions) kept.push(toFinding(project, noInline, level, { messageId: 'inline', data: { names: s.names.map((n) => n.name).join(', ') }, at: s.at }));
  }
  return kept;
}

function toFinding(project: Project, meta: RuleMeta, level: Level, report: Report): Finding {
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId "${report.messageId}"`);
  const data = report.data ?? {};
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => String(data[key] ?? `{{${key}}}`));
  const finding: Finding = { ruleId: meta.id, level, messageId: report.messageId, message, data, file: report.at.file, range: report.at.range, snippet: report.snippet ?? snippetAt(project, report.at) };
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

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message) ||
    (a.stack ?? '').localeCompare(b.stack ?? '')
  );
}

export function atOrAbove(level: Level, threshold: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}
