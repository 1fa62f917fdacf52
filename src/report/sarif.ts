import { fingerprintOf } from '../engine/baseline.js';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Range } from '../model/location.js';
import type { Reporter } from './types.js';
import { relativePath } from './util.js';

const REPO = 'https://github.com/dockpolicy/dockpolicy';
const FENCE_LANG: Record<RuleMeta['target'], string> = { dockerfile: 'dockerfile', compose: 'yaml', project: '' };

const pascalCase = (id: string) => id.replace(/(^|[-_])([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());

/** A fence longer than any backtick run in the example, so the example cannot close it early. */
function fenced(body: string, lang: string): string {
  const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return `${fence}${lang}\n${body.trimEnd()}\n${fence}`;
}

function descriptor(meta: RuleMeta, level: string) {
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
    helpUri: `${REPO}/blob/main/docs/rules/${meta.id}.md`,
    defaultConfiguration: { level },
    properties: {
      tags: security && !meta.tags.includes('security') ? [...meta.tags, 'security'] : meta.tags,
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

/**
 * Hash of what was flagged and where (rule, file, text), not of the line number, plus how many times
 * that same triple occurred before in the file: alerts keep their identity when unrelated lines move.
 */
function fingerprinter() {
  const seen = new Map<string, number>();
  return (f: Finding, uri: string) => {
    const hash = fingerprintOf(f, uri);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}

/** A relative URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `%`). */
const toUri = (cwd: string, file: string) => relativePath(cwd, file).split('/').map(encodeURIComponent).join('/');

export const sarif: Reporter = (result) => {
  const ruleIndex = new Map(result.rules.map((r, i) => [r.meta.id, i]));
  const fingerprint = fingerprinter();
  const rootUri = pathToFileURL(result.cwd).href.replace(/\/?$/, '/');

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockpolicy',
            semanticVersion: result.toolVersion,
            version: result.toolVersion,
            informationUri: REPO,
            rules: result.rules.map((r) => descriptor(r.meta, r.level)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => {
          const uri = toUri(result.cwd, f.file);
          return {
            ruleId: f.ruleId,
            // Omitted rather than wrong if the engine ever reports for a rule it did not list.
            ...(ruleIndex.has(f.ruleId) && { ruleIndex: ruleIndex.get(f.ruleId) }),
            level: f.level,
            message: { text: f.message },
            locations: [
              { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(f.range) } },
            ],
            partialFingerprints: { primaryLocationLineHash: fingerprint(f, uri) },
            ...(f.stack && { properties: { stack: f.stack } }),
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
