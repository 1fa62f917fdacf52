import { existsSync } from 'node:fs';
import { MULTITOOL, multitoolProblems } from './sarif-multitool.js';
import { sarifSchemaMissing, sarifValidator } from './sarif-schema.js';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/finding.js';
import type { RuleMeta } from '../src/engine/rule.js';
import { FORMATS, loadReporter } from '../src/report/index.js';
import { json } from '../src/report/json.js';
import { renderSarif, sarif, sarifLimits } from '../src/report/sarif.js';
import { text } from '../src/report/text.js';
import type { RunResult } from '../src/report/types.js';

const cwd = path.resolve('/work/project');
const ESC = '\x1b[';

function meta(id: string, extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    aliases: [],
    level: 'error',
    target: 'dockerfile',
    tags: ['reliability'],
    description: `Checks ${id}.`,
    docs: { what: `Flags ${id}.`, why: 'Builds drift.', example: 'FROM node:latest\n', fix: 'Pin the tag: `FROM node:20`.' },
    messages: { m: 'Message {{x}}.' },
    ...extra,
  };
}

function finding(file: string, ruleId: string, level: Finding['level'], at: [number, number, number, number], snippet: string): Finding {
  const [line, column, endLine, endColumn] = at;
  return {
    ruleId,
    level,
    messageId: 'm',
    message: `Problem with '${snippet}'.`,
    data: { x: snippet },
    file: path.join(cwd, file),
    range: { start: { line, column }, end: { line: endLine, column: endColumn } },
    snippet,
  };
}

function fixture(findings?: Finding[]): RunResult {
  return {
    cwd,
    toolVersion: '0.1.0',
    filesChecked: 3,
    files: [
      { path: path.join(cwd, 'Dockerfile'), kind: 'dockerfile' },
      { path: path.join(cwd, 'services/clean/Dockerfile'), kind: 'dockerfile' },
      { path: path.join(cwd, 'services/my api/compose.yaml'), kind: 'compose' },
    ],
    rules: [
      { meta: meta('no-latest-tag'), level: 'error' },
      { meta: meta('no-root-user', { target: 'compose', tags: ['container'], securitySeverity: 8 }), level: 'warning' },
    ],
    findings: findings ?? [
      finding('Dockerfile', 'no-latest-tag', 'error', [1, 6, 1, 17], 'node:latest'),
      finding('Dockerfile', 'no-root-user', 'warning', [9, 1, 9, 1], 'USER   root'), // zero-width
      finding('services/my api/compose.yaml', 'no-latest-tag', 'error', [3, 12, 3, 24], 'redis:latest'),
      finding('services/my api/compose.yaml', 'no-root-user', 'note', [7, 5, 8, 3], 'user: root'), // multi-line
    ],
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is read back as plain JSON */
const sarifOf = (r: RunResult): any => JSON.parse(sarif(r, { color: false }));
const fingerprints = (r: RunResult): string[] =>
  sarifOf(r).runs[0].results.map((x: any) => x.partialFingerprints.primaryLocationLineHash);

describe('loadReporter', () => {
  it('loads every format', async () => {
    for (const format of FORMATS) expect(typeof (await loadReporter(format))).toBe('function');
  });
});

describe('text reporter', () => {
  const plain = text(fixture(), { color: false });

  it('groups by file with aligned columns and a summary', () => {
    expect(plain).not.toContain('\x1b');
    const lines = plain.split('\n');
    expect(lines[0]).toBe('Dockerfile');
    expect(lines[1]).toBe("  1:6  error    Problem with 'node:latest'.  no-latest-tag");
    expect(lines[2]).toBe("  9:1  warning  Problem with 'USER   root'.  no-root-user");
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('services/my api/compose.yaml');
    expect(lines[5]!.indexOf('no-latest-tag')).toBe(lines[6]!.indexOf('no-root-user'));
    expect(plain.endsWith('\n\n✖ 4 problems (2 errors, 1 warning, 1 note) in 3 files checked\n')).toBe(true);
  });

  it('colours only when asked, with the same text underneath', () => {
    const coloured = text(fixture(), { color: true });
    expect(coloured).toContain(ESC);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('says so when there is nothing to report', () => {
    expect(text(fixture([]), { color: false })).toBe('No problems found in 3 files.\n');
  });
});

describe('json reporter', () => {
  it('has the documented shape', () => {
    const out = JSON.parse(json(fixture(), { color: false }));
    expect(Object.keys(out)).toEqual(['version', 'tool', 'summary', 'findings']);
    expect(out.version).toBe(1);
    expect(out.tool).toEqual({ name: 'dockpolicy', version: '0.1.0' });
    expect(out.summary).toEqual({ files: 3, errors: 2, warnings: 1, notes: 1 });
    expect(out.findings[2]).toEqual({
      ruleId: 'no-latest-tag',
      level: 'error',
      messageId: 'm',
      message: "Problem with 'redis:latest'.",
      file: 'services/my api/compose.yaml',
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 24,
      data: { x: 'redis:latest' },
    });
  });
});

describe('sarif reporter', () => {
  const log = sarifOf(fixture());
  const run = log.runs[0];

  it('describes the tool and every enabled rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'dockpolicy', version: '0.1.0', semanticVersion: '0.1.0' });
    const [latest, root] = run.tool.driver.rules;
    expect(latest).toMatchObject({ id: 'no-latest-tag', name: 'NoLatestTag', defaultConfiguration: { level: 'error' } });
    expect(latest.properties).toEqual({ tags: ['reliability'], precision: 'high' });
    expect(latest.help.markdown).toContain('```dockerfile\nFROM node:latest\n```');
    expect(root.helpUri).toBe('https://github.com/dockpolicy/dockpolicy/blob/main/docs/rules/no-root-user.md');
    expect(root.properties).toEqual({ tags: ['container', 'security'], precision: 'high', 'security-severity': '8.0' });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/');
  });

  it('points each result at its rule and a non-empty region', () => {
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const locs = run.results.map((r: any) => r.locations[0].physicalLocation);
    expect(locs[0]).toEqual({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 },
    });
    expect(locs[1].region).toEqual({ startLine: 9, startColumn: 1, endLine: 9, endColumn: 2 });
    expect(locs[2].artifactLocation.uri).toBe('services/my%20api/compose.yaml'); // a valid URI reference (SARIF1002)
    expect(locs[3].region).toEqual({ startLine: 7, startColumn: 5, endLine: 8, endColumn: 3 });
  });

  it('keeps fingerprints when unrelated lines move and changes them when the text changes', () => {
    const before = fixture();
    const base = fingerprints(before);
    for (const fp of base) expect(fp).toMatch(/^[0-9a-f]{16}:1$/);

    const moved = fixture();
    moved.findings[1] = { ...moved.findings[1]!, range: { start: { line: 30, column: 1 }, end: { line: 30, column: 5 } } };
    expect(fingerprints(moved)).toEqual(base);

    // Whitespace inside the snippet does not count; its text does.
    const respaced = fixture();
    respaced.findings[1] = { ...respaced.findings[1]!, snippet: 'USER root' };
    expect(fingerprints(respaced)).toEqual(base);
    const edited = fixture();
    edited.findings[0] = { ...edited.findings[0]!, snippet: 'node:current' };
    expect(fingerprints(edited)[0]).not.toBe(base[0]);
    expect(fingerprints(edited).slice(1)).toEqual(base.slice(1));
  });

  it('counts repeated findings of the same text in a file', () => {
    const [a, b] = fingerprints(
      fixture([
        finding('Dockerfile', 'no-latest-tag', 'error', [1, 6, 1, 17], 'node:latest'),
        finding('Dockerfile', 'no-latest-tag', 'error', [5, 6, 5, 17], 'node:latest'),
      ]),
    );
    expect(a!.replace(/:1$/, ':2')).toBe(b);
  });

  it('passes the SARIF Multitool with GitHub rules', ({ skip }) => {
    if (!existsSync(MULTITOOL)) skip(`SARIF Multitool not installed at ${MULTITOOL} (dev dependency @microsoft/sarif-multitool-linux)`);
    const problems = multitoolProblems(sarif(fixture(), { color: false }));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('matches the SARIF 2.1.0 JSON schema', ({ skip }) => {
    if (sarifSchemaMissing) skip(sarifSchemaMissing);
    expect(sarifValidator()(log)).toEqual([]);
  });
});

describe('sarif limits', () => {
  /** `n` findings cycling through error, warning, note, each on its own line of one of three files. */
  const many = (n: number) =>
    fixture(
      Array.from({ length: n }, (_, i) =>
        finding(`dir${i % 3}/Dockerfile`, 'no-latest-tag', (['error', 'warning', 'note'] as const)[i % 3]!, [i + 1, 6, i + 1, 17], `node:${i}`),
      ),
    );
  const levels = (log: any): string[] => log.runs[0].results.map((r: any) => r.level);

  it('enforces GitHub\'s documented hard limits', () => {
    expect(sarifLimits).toEqual({ resultsPerRun: 25_000, rulesPerRun: 25_000, tagsPerRule: 10, gzipBytes: 10 * 1024 * 1024 });
  });

  it('leaves no trace when nothing is dropped', () => {
    const r = fixture();
    const out = renderSarif(r);
    expect(out.dropped).toBe(0);
    expect(out.note).toBeUndefined();
    expect(JSON.parse(out.text).runs[0].invocations).toBeUndefined();
    expect(out.text).toBe(sarif(r, { color: false }));
    expect(renderSarif(r).note).toBeUndefined();
  });

  it('keeps the most severe results first, in report order within a level, and says so in the log', () => {
    const r = many(9); // levels e w n e w n e w n
    const out = renderSarif(r, { ...sarifLimits, resultsPerRun: 5 });
    const log = JSON.parse(out.text);
    expect(out.dropped).toBe(4);
    // All 3 errors and the first 2 warnings survive; the output keeps report (file, line) order.
    expect(log.runs[0].results.map((x: any) => x.message.text)).toEqual(
      [0, 1, 3, 4, 6].map((i) => `Problem with 'node:${i}'.`),
    );
    expect(levels(log)).toEqual(['error', 'warning', 'error', 'warning', 'error']);
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: out.note } }]);
    expect(out.note).toBe(
      'SARIF output left out 4 of 9 results, the least severe first (kept errors, then warnings, then notes): ' +
        'GitHub code scanning rejects a run with more than 5 results.',
    );
  });

  it('keeps the fingerprints a result has without truncation', () => {
    const r = fixture([
      finding('Dockerfile', 'no-latest-tag', 'note', [1, 6, 1, 17], 'node:latest'),
      finding('Dockerfile', 'no-latest-tag', 'error', [5, 6, 5, 17], 'node:latest'),
    ]);
    const full = fingerprints(r);
    const cut = JSON.parse(renderSarif(r, { ...sarifLimits, resultsPerRun: 1 }).text).runs[0].results;
    expect(cut.map((x: any) => x.partialFingerprints.primaryLocationLineHash)).toEqual([full[1]]); // still `:2`
    expect(full[1]).toMatch(/:2$/);
  });

  it('drops results at the real limit of 25,000 (in under 5 s)', () => {
    const r = many(25_001);
    const started = performance.now();
    const text = sarif(r, { color: false });
    const elapsed = performance.now() - started;
    const log = JSON.parse(text);
    expect(log.runs[0].results).toHaveLength(25_000);
    expect(levels(log).filter((l) => l === 'note')).toHaveLength(8_333 - 1); // the last note went
    expect(renderSarif(r).note).toMatch(/^SARIF output left out 1 of 25001 results.*more than 25000 results\.$/);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('drops results until the gzip-compressed log fits', () => {
    const r = many(300);
    const limits = { ...sarifLimits, gzipBytes: 6_000 };
    const out = renderSarif(r, limits);
    expect(gzipSync(out.text).length).toBeLessThanOrEqual(6_000);
    expect(out.dropped).toBeGreaterThan(0);
    expect(out.dropped).toBeLessThan(300);
    // Most severe first: notes go before warnings, warnings before errors (100 of each).
    const kept = levels(JSON.parse(out.text));
    const count = (level: string) => kept.filter((l) => l === level).length;
    const k = kept.length;
    expect([count('error'), count('warning'), count('note')]).toEqual([Math.min(k, 100), Math.min(Math.max(k - 100, 0), 100), Math.max(k - 200, 0)]);
    expect(out.note).toMatch(/rejects a SARIF file over 6000 bytes gzip-compressed\.$/);
    // Within the limit uncompressed, nothing is compressed or dropped.
    expect(renderSarif(r, { ...limits, gzipBytes: Buffer.byteLength(sarif(r, { color: false })) }).dropped).toBe(0);
  });

  it('caps the tags of a rule and keeps `security`', () => {
    const tags = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const r = fixture();
    r.rules = [{ meta: meta('no-latest-tag', { tags, securitySeverity: 9.5 }), level: 'error' }];
    const rule = sarifOf(r).runs[0].tool.driver.rules[0];
    expect(rule.properties.tags).toEqual([...tags.slice(0, 9), 'security']);
    r.rules = [{ meta: meta('no-latest-tag', { tags }), level: 'error' }];
    expect(sarifOf(r).runs[0].tool.driver.rules[0].properties.tags).toEqual(tags.slice(0, 10));
  });

  it('passes the SARIF Multitool with GitHub rules when truncated', ({ skip }) => {
    if (!existsSync(MULTITOOL)) skip(`SARIF Multitool not installed at ${MULTITOOL} (dev dependency @microsoft/sarif-multitool-linux)`);
    const out = renderSarif(fixture(), { ...sarifLimits, resultsPerRun: 2 });
    expect(out.dropped).toBe(2);
    const problems = multitoolProblems(out.text);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
