import path from 'node:path';
import { fingerprintOf } from '../engine/baseline.js';
import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { RunResult } from './types.js';

/** Path of `file` relative to `cwd` with forward slashes, so output is the same on every OS. */
export function relativePath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export function countLevels(findings: readonly Finding[]): { errors: number; warnings: number; notes: number } {
  const counts = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) counts[`${f.level}s`]++;
  return counts;
}

export const REPO = 'https://github.com/dockpolicy/dockpolicy';

/** The rule's documentation page (docs/rules/<id>.md). */
export const ruleDocsUrl = (id: string) => `${REPO}/blob/main/docs/rules/${id}.md`;

/** The docs page of a shipped rule; a policy from the user's config (tag `policy`) has none in this repository. */
export const docsUrlOf = (meta: RuleMeta): string | undefined => (meta.tags.includes('policy') ? undefined : ruleDocsUrl(meta.id));

/** The message with the stack it was made in, for formats without a field of their own for it (as `text` shows it). */
export const messageWithStack = (f: Finding): string => (f.stack ? `${f.message} [stack: ${f.stack}]` : f.message);

/**
 * Hash of what was flagged and where (rule, file, text), not of the line number, plus how many times
 * that same triple occurred before in the file: alerts keep their identity when unrelated lines move.
 * Call it on findings in report order, and on all of them, so a repeat always gets the same count.
 */
export function fingerprinter(): (f: Finding, relativeUri: string) => string {
  const seen = new Map<string, number>();
  return (f, uri) => {
    const hash = fingerprintOf(f, uri);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}

export interface ReportFile {
  path: string; // absolute
  relativePath: string;
  /** Unset for a file only a finding points at (an env file, a .dockerignore). */
  kind?: RunResult['files'][number]['kind'];
  findings: Finding[]; // in report order
}

/**
 * Every file a per-file format lists: those the run covered, clean ones included, plus any other file a
 * finding points at. Sorted by absolute path (code-unit order, the same on every machine).
 */
export function reportFiles(result: RunResult): ReportFile[] {
  const files = new Map<string, ReportFile>();
  const entry = (file: string, kind?: ReportFile['kind']): ReportFile => {
    let e = files.get(file);
    if (!e) files.set(file, (e = { path: file, relativePath: relativePath(result.cwd, file), ...(kind && { kind }), findings: [] }));
    return e;
  };
  for (const f of result.files) entry(f.path, f.kind);
  for (const f of result.findings) entry(f.file).findings.push(f);
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
