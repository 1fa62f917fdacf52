/**
 * SARIF 2.1.0 (`--format sarif`), shaped for GitHub code scanning.
 *
 * GitHub's limits ("SARIF results exceed one or more limits",
 * https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit, and
 * "SARIF results file is too large", .../troubleshooting-sarif-uploads/file-too-large): runs per file 20, results
 * per run 25,000 (only the top 5,000 by severity are shown), rules per run 25,000, tool extensions per run 100,
 * locations per result 1,000 (100 shown), thread flow locations per result 10,000, tags per rule 20 (10 shown), and
 * 10 MB for the gzip-compressed file. Over a hard limit GitHub rejects the whole upload, so this reporter stays
 * within them (`sarifLimits`): one run, one location per result, no extensions or thread flows, at most 10 tags per
 * rule (`security` always kept: it is what makes GitHub file an alert as a security one), at most 25,000 rules and
 * results, and at most 10 MB gzip-compressed. When results must go, the most severe are kept (errors, then warnings,
 * then notes, in report order within a level), the rest are dropped and the log says so in
 * runs[0].invocations[0].toolExecutionNotifications (executionSuccessful stays true: the analysis itself worked).
 *
 * The CLI calls `renderSarif` instead of the generic reporter, to print its `note` on stderr too.
 */
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/rule.js';
import type { Range } from '../model/location.js';
import type { ReportChunks, Reporter, RunResult } from './types.js';
import { fingerprinter, ITEMS, prettyJson, REPO, relativePaths, ruleDocsUrl } from './util.js';

/** GitHub code scanning's upload limits that this reporter enforces (see above). Tests pass lower ones. */
export interface SarifLimits {
  resultsPerRun: number;
  rulesPerRun: number;
  /** GitHub rejects more than 20 and shows the first 10: more would only be noise. */
  tagsPerRule: number;
  /** Size of the gzip-compressed log. */
  gzipBytes: number;
}

export const sarifLimits: Readonly<SarifLimits> = Object.freeze({
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  tagsPerRule: 10,
  gzipBytes: 10 * 1024 * 1024,
});

const FENCE_LANG: Record<RuleMeta['target'], string> = { dockerfile: 'dockerfile', compose: 'yaml', project: '' };

const pascalCase = (id: string) => id.replace(/(^|[-_])([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());

/** A fence longer than any backtick run in the example, so the example cannot close it early. */
function fenced(body: string, lang: string): string {
  const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return `${fence}${lang}\n${body.trimEnd()}\n${fence}`;
}

/** At most `max` tags, keeping `security` (GitHub files a result as a security alert only with it). */
function cappedTags(tags: string[], max: number): string[] {
  if (tags.length <= max) return tags;
  const security = tags.includes('security');
  return [...tags.filter((t) => t !== 'security').slice(0, security ? max - 1 : max), ...(security ? ['security'] : [])];
}

function descriptor(meta: RuleMeta, level: string, maxTags: number) {
  const { what, why, example, fix } = meta.docs;
  const security = meta.securitySeverity !== undefined;
  return {
    id: meta.id,
    // SARIF wants a readable name that differs from the id: a one-word id (`pipefail`) gets none.
    ...(meta.id.includes('-') ? { name: pascalCase(meta.id) } : {}),
    shortDescription: { text: meta.description },
    fullDescription: { text: what },
    help: {
      text: `${what}\n\nWhy: ${why}\n\nExample:\n${example.trimEnd()}\n\nFix: ${fix}`,
      markdown: `${what}\n\n## Why\n\n${why}\n\n## Example\n\n${fenced(example, FENCE_LANG[meta.target])}\n\n## Fix\n\n${fix}`,
    },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level },
    properties: {
      tags: cappedTags(security && !meta.tags.includes('security') ? [...meta.tags, 'security'] : meta.tags, maxTags),
      precision: 'high',
      // GitHub reads this string to rank security alerts (critical >= 9.0, high >= 7.0, ...).
      ...(security && { 'security-severity': meta.securitySeverity!.toFixed(1) }),
    },
  };
}

/** SARIF needs a non-empty region; a zero-width or inverted range becomes one character. */
function region({ start, end }: Range) {
  const startLine = Math.max(1, start.line);
  const startColumn = Math.max(1, start.column);
  const empty = end.line < startLine || (end.line === startLine && end.column <= startColumn);
  return {
    startLine,
    startColumn,
    endLine: empty ? startLine : end.line,
    endColumn: empty ? startColumn + 1 : Math.max(1, end.column),
  };
}

/** A relative URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `%`). */
const toUri = (relative: string) => relative.split('/').map(encodeURIComponent).join('/');

export interface SarifOutput {
  text: string;
  /** Results left out to stay within GitHub's limits (0 when none were). */
  dropped: number;
  /** Why, in one line, when results were dropped: the text of the log's notification, also printed on stderr. */
  note?: string;
}

/** The log as pieces to write (`chunks`), and what `SarifOutput` says of it. */
export interface SarifReport extends Omit<SarifOutput, 'text'> {
  chunks(): Iterable<string>;
}

const MB = 1024 * 1024;

/** The pieces, if they come to at most `limit` bytes of UTF-8. */
function withinBytes(chunks: Iterable<string>, limit: number): string[] | undefined {
  const held: string[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (bytes > limit) return undefined;
    held.push(chunk);
  }
  return held;
}

/** The log within `limits`, dropping the least severe results if it has to. */
export function sarifReport(result: RunResult, limits: SarifLimits = sarifLimits): SarifReport {
  // dockpolicy ships a few hundred rules at most: the cap only guards against a config generating thousands of policies.
  const listed = result.rules.slice(0, limits.rulesPerRun);
  const ruleIndex = new Map(listed.map((r, i) => [r.meta.id, i]));
  const rules = listed.map((r) => descriptor(r.meta, r.level, limits.tagsPerRule));
  const rootUri = pathToFileURL(result.cwd).href.replace(/\/?$/, '/');
  const findings = result.findings;

  const reasons: string[] = [];
  let keep = findings.length;
  if (keep > limits.resultsPerRun) {
    keep = limits.resultsPerRun;
    reasons.push(`GitHub code scanning rejects a run with more than ${limits.resultsPerRun} results`);
  }
  // Each finding's rank among the results kept first: errors, then warnings, then notes, report order within a
  // level. Keeping `keep` of them keeps those ranked below it.
  const rank = new Int32Array(findings.length).fill(findings.length);
  let next = 0;
  for (const level of ['error', 'warning', 'note'] as const) findings.forEach((f, i) => f.level === level && (rank[i] = next++));

  // Fingerprints over every finding in report order, before any is dropped: a repeat keeps its occurrence count.
  // Results are made only for the findings that may be kept.
  const fingerprint = fingerprinter();
  const uriOf = relativePaths(result.cwd);
  let lastRelative: string | undefined;
  let uri = '';
  const results: { rank: number; result: object }[] = [];
  findings.forEach((f, i) => {
    const relative = uriOf(f.file);
    if (relative !== lastRelative) uri = toUri((lastRelative = relative));
    const primaryLocationLineHash = fingerprint(f, uri);
    if (rank[i]! >= keep) return;
    results.push({
      rank: rank[i]!,
      result: {
        ruleId: f.ruleId,
        // Omitted rather than wrong if the engine ever reports for a rule it did not list.
        ...(ruleIndex.has(f.ruleId) && { ruleIndex: ruleIndex.get(f.ruleId) }),
        level: f.level,
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(f.range) } }],
        partialFingerprints: { primaryLocationLineHash },
        ...(f.stack && { properties: { stack: f.stack } }),
      },
    });
  });

  const noteOf = (keep: number) =>
    keep < findings.length
      ? `SARIF output left out ${findings.length - keep} of ${findings.length} results, the least severe first (kept errors, then warnings, then notes): ${reasons.join('; ')}.`
      : undefined;
  const render = function* (keep: number): Generator<string> {
    const note = noteOf(keep);
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'dockpolicy', semanticVersion: result.toolVersion, version: result.toolVersion, informationUri: REPO, rules } },
          ...(note && {
            invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: note } }] }],
          }),
          originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
          columnKind: 'utf16CodeUnits',
          results: ITEMS,
        },
      ],
    };
    yield* prettyJson(log, results.filter((r) => r.rank < keep), (r) => r.result);
    yield '\n';
  };

  // Compressing is the costly part, so only when the plain text alone is over the limit (gzip shrinks text this large).
  const sizeReason = `GitHub code scanning rejects a SARIF file over ${limits.gzipBytes % MB ? `${limits.gzipBytes} bytes` : `${limits.gzipBytes / MB} MB`} gzip-compressed`;
  // A log whose plain text is within the limit (the usual case) is rendered once: the pieces measured are the pieces
  // written. Over it, they are not held (a monorepo's log can be hundreds of MB), and rendered again to be written.
  let held = withinBytes(render(keep), limits.gzipBytes);
  while (!held && keep > 0) {
    const size = gzipSync(Array.from(render(keep)).join('')).length;
    if (size <= limits.gzipBytes) break;
    if (!reasons.includes(sizeReason)) reasons.push(sizeReason);
    // Shrink in proportion, with a margin for what does not shrink (rule descriptions), until it fits.
    keep = Math.min(keep - 1, Math.floor((keep * limits.gzipBytes * 0.9) / size));
    held = withinBytes(render(keep), limits.gzipBytes);
  }
  const note = noteOf(keep);
  return { dropped: findings.length - keep, ...(note && { note }), chunks: () => held ?? render(keep) };
}

/** The whole log as one string: `sarifReport` with its pieces joined. */
export function renderSarif(result: RunResult, limits: SarifLimits = sarifLimits): SarifOutput {
  const { chunks, dropped, note } = sarifReport(result, limits);
  return { text: Array.from(chunks()).join(''), dropped, ...(note && { note }) };
}

export const sarifChunks: ReportChunks = (result) => sarifReport(result).chunks();
export const sarif: Reporter = (result) => renderSarif(result).text;
