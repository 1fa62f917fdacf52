import type { Finding, Level } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';

export interface RunResult {
  cwd: string; // absolute; file URIs are relative to it
  toolVersion: string; // package version
  findings: Finding[]; // already sorted by file, line, column, ruleId
  rules: { meta: RuleMeta; level: Level }[]; // every ENABLED rule with its effective level, sorted by id
  filesChecked: number;
  /**
   * Every file the report covers (absolute, sorted), also those without findings, so per-file formats (junit,
   * editor) can list passing files. With `--changed` or stdin: only the files named. May omit files that only
   * findings point at (an env file, a .dockerignore); reporters add those from `findings`.
   */
  files: { path: string; kind: 'dockerfile' | 'compose' }[];
}

export interface ReportOptions {
  color: boolean;
}

export type Reporter = (result: RunResult, options: ReportOptions) => string;

/**
 * The same report as pieces to write one after the other (their concatenation is the reporter's string): the CLI
 * writes a large run's report as it is made, never holding it whole.
 */
export type ReportChunks = (result: RunResult, options: ReportOptions) => Iterable<string>;
