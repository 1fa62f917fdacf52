import type { LevelSetting } from './finding.js';
import type { SourceRef } from '../model/location.js';
import type { Project } from '../model/project.js';

/** JSON Schema for a rule's options object (validated by the engine before the rule runs). */
export type OptionsSchema = Record<string, unknown>;

export interface RuleDocs {
  /** What it does: one paragraph. */
  what: string;
  /** Why it matters. */
  why: string;
  /** A short example that triggers the rule (file text). */
  example: string;
  /** How to fix it, with the corrected text where it helps. */
  fix: string;
}

export interface RuleMeta {
  /** kebab-case id, stable: users configure rules by it. */
  id: string;
  /** Codes of other tools this rule covers: hadolint DLxxxx, BuildKit check names, Trivy, Checkov, KICS. */
  aliases: string[];
  /** Default level; `off` means the rule must be enabled in the config. */
  level: LevelSetting;
  /** What the rule reads. */
  target: 'dockerfile' | 'compose' | 'project';
  tags: string[];
  /** One sentence, shown in `dockpolicy rules` and as SARIF shortDescription. */
  description: string;
  docs: RuleDocs;
  /** Message templates keyed by message id, with `{{placeholders}}` filled from report data. */
  messages: Record<string, string>;
  /** JSON Schema of the options object; omitted when the rule takes none. */
  options?: OptionsSchema;
  defaultOptions?: Record<string, unknown>;
  /** CVSS-like 0.0-10.0 score for security rules (SARIF `security-severity`). */
  securitySeverity?: number;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  at: SourceRef;
  /** The stack (compose configuration) the finding was made in, for findings about a service. */
  stack?: string;
  /** Text identifying the finding for fingerprints, when the text at `at` must not be used (a secret). */
  snippet?: string;
}

export interface RuleContext<O = Record<string, unknown>> {
  project: Project;
  options: O;
  report(report: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  /**
   * Reports on the project. What a rule finds must not depend on a Dockerfile's `path` other than through the
   * references it reports: copies of a Dockerfile share one parse, whose references name the first copy
   * (LoadOptions.shareIdentical). The build context is each copy's own, and is read through BuildContext (which
   * counts each look) or util/reads.ts: a rule that did neither on one copy is not run again on the others
   * (run.ts, `Reuse`).
   */
  check(context: RuleContext<O>): void;
}

/** Identity helper that gives rule files type checking and a single export shape. */
export function defineRule<O = Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}
