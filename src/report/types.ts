import type { Finding, Level } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';

export interface RunResult {
  cwd: string; // absolute; file URIs are relative to it
  toolVersion: string; // package version
  findings: Finding[]; // already sorted by file, line, column, ruleId
  rules: { meta: RuleMeta; level: Level }[]; // every ENABLED rule with its effective level, sorted by id
  filesChecked: number;
}

export interface ReportOptions {
  color: boolean;
}

export type Reporter = (result: RunResult, options: ReportOptions) => string;
