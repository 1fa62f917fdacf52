import type { Finding, Level } from './finding.js';
import { LEVEL_RANK } from './finding.js';
import type { Report, Rule, RuleMeta } from './rule.js';
import type { RuleSetting } from './config.js';
import type { Project } from '../model/project.js';
import type { SourceRef } from '../model/location.js';

export const PARSE_ERROR = 'parse-error';

export interface EngineResult {
  findings: Finding[];
  enabled: { meta: RuleMeta; level: Level }[];
  /** Rules that threw: reported on stderr by the CLI, never silently dropped. */
  crashes: { ruleId: string; message: string }[];
}

/** Runs every enabled rule over the project and turns their reports into sorted, de-duplicated findings. */
export function runRules(project: Project, rules: Rule[], settings: Map<string, RuleSetting>): EngineResult {
  const findings = new Map<string, Finding>();
  const enabled: EngineResult['enabled'] = [];
  const crashes: EngineResult['crashes'] = [];
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
    try {
      rule.check({ project, options: setting.options, report: add });
    } catch (e) {
      crashes.push({ ruleId: rule.meta.id, message: (e as Error).message });
    }
  }
  return { findings: [...findings.values()].sort(compareFindings), enabled: enabled.sort((a, b) => a.meta.id.localeCompare(b.meta.id)), crashes };
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
