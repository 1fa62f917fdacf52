/**
 * GitLab Code Quality report (`--format gitlab`), for `artifacts: reports: codequality:` in .gitlab-ci.yml.
 * Follows the subset of the Code Climate issue format GitLab documents ("Code Quality", section "Implement a custom
 * tool", https://docs.gitlab.com/ci/testing/code_quality/; Code Climate spec "Locations" and "Positions",
 * https://github.com/codeclimate/platform/blob/master/spec/analyzers/SPEC.md). GitLab reads only the documented
 * fields and ignores the rest, so only those are written: a JSON array (no byte order mark, which GitLab rejects) of
 *
 * {
 *   "description": "Pin ...",            // the message (with " [stack: <name>]" for a finding about a stack)
 *   "check_name": "no-latest-tag",       // the rule id
 *   "fingerprint": "3f2a...",            // 32 hex digits, unique per item (see below)
 *   "severity": "major",                 // see the mapping below
 *   "location": {
 *     "path": "services/api/Dockerfile", // relative to the working directory, forward slashes
 *     "positions": {                     // GitLab reads begin.line; columns are 1-based UTF-16 code units
 *       "begin": { "line": 1, "column": 6 },
 *       "end": { "line": 1, "column": 18 } // exclusive, as the finding has it
 *     }
 *   }
 * }
 *
 * Severity (GitLab's scale: info, minor, major, critical, blocker):
 *   note → info; warning → minor; error → major, or critical for a rule whose securitySeverity is 9.0 or more
 *   (the score SARIF's security-severity carries, where GitHub also calls 9.0+ critical). Nothing is a blocker:
 *   that is left to people, not to a score.
 *
 * Fingerprint: GitLab shows items with the same fingerprint as one, and compares them between the source and target
 * branch to tell new from fixed. It is the SARIF partial fingerprint (rule, file and flagged text, never the line,
 * plus the occurrence count of that triple in the file) hashed to hex, so it survives unrelated edits and two
 * identical findings in one file still differ.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { ReportChunks } from './types.js';
import { fingerprinter, ITEMS, joined, messageWithStack, prettyJson, relativePaths } from './util.js';

export type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** securitySeverity from which an error is `critical` rather than `major`. */
export const CRITICAL_SECURITY_SEVERITY = 9;

export function gitlabSeverity(f: Finding, meta: RuleMeta | undefined): GitLabSeverity {
  if (f.level === 'note') return 'info';
  if (f.level === 'warning') return 'minor';
  return (meta?.securitySeverity ?? 0) >= CRITICAL_SECURITY_SEVERITY ? 'critical' : 'major';
}

export const gitlabChunks: ReportChunks = function* (result) {
  const metaOf = new Map(result.rules.map((r) => [r.meta.id, r.meta]));
  const fingerprint = fingerprinter();
  const relative = relativePaths(result.cwd);
  // Fingerprints count repeats in report order: the items are made in that order, one at a time.
  yield* prettyJson(ITEMS, result.findings, (f) => {
    const path = relative(f.file);
    return {
      description: messageWithStack(f),
      check_name: f.ruleId,
      fingerprint: createHash('sha256').update(fingerprint(f, path)).digest('hex').slice(0, 32),
      severity: gitlabSeverity(f, metaOf.get(f.ruleId)),
      location: {
        path,
        positions: {
          begin: { line: f.range.start.line, column: f.range.start.column },
          end: { line: f.range.end.line, column: f.range.end.column },
        },
      },
    };
  });
  yield '\n';
};

export const gitlab = joined(gitlabChunks);
