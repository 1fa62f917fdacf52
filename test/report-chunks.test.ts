// Reports written in pieces: byte for byte what one JSON.stringify (or the whole string) gives, and the engine's
// sort-based de-duplication keeps what a Map of keys kept.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/finding.js';
import { findingKey } from '../src/engine/run.js';
import { mergeFindings } from '../src/engine/units.js';
import { FORMATS, loadReportChunks, loadReporter } from '../src/report/index.js';
import type { RunResult } from '../src/report/types.js';
import { ITEMS, prettyJson } from '../src/report/util.js';

const cwd = path.resolve('/work/project');

function finding(i: number, extra: Partial<Finding> = {}): Finding {
  const line = 1 + (i % 7);
  return {
    ruleId: ['no-latest-tag', 'no-root-user'][i % 2]!,
    level: (['error', 'warning', 'note'] as const)[i % 3]!,
    messageId: 'm',
    message: `Problem ${i % 5} "quoted"\n<&>`,
    data: i % 4 ? { x: `v${i}`, n: i } : {},
    file: path.join(cwd, `d${i % 3}`, 'Dockerfile'),
    range: { start: { line, column: 1 + (i % 3) }, end: { line, column: 9 } },
    snippet: `RUN x ${i % 2}`,
    ...(i % 5 === 0 && { stack: 'api' }),
    ...extra,
  };
}

const run = (count: number): RunResult => {
  const findings = mergeFindings([Array.from({ length: count }, (_, i) => finding(i))]);
  const files = [...new Set(findings.map((f) => f.file))].map((p) => ({ path: p, kind: 'dockerfile' as const }));
  return { cwd, toolVersion: '0.1.0', findings, rules: [], filesChecked: files.length, files };
};

describe('prettyJson', () => {
  const items = Array.from({ length: 1203 }, (_, i) => ({ i, s: `a"\n${i}`, nested: { list: [i, { deep: [] }] } }));
  for (const [name, value] of [
    ['at the top', ITEMS],
    ['one level down', { version: 1, findings: ITEMS }],
    ['four levels down', { a: 1, runs: [{ tool: { x: [1, 2] }, results: ITEMS }] }],
  ] as const) {
    it(`is JSON.stringify(value, null, 2) with the items ${name}`, () => {
      const replace = (v: unknown, list: unknown[]): unknown => (v === ITEMS ? list : Array.isArray(v) ? v.map((x) => replace(x, list)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x, list)])) : v);
      for (const list of [[], items.slice(0, 1), items]) {
        expect([...prettyJson(value, list, (x) => x)].join('')).toBe(JSON.stringify(replace(value, list), null, 2));
      }
    });
  }
});

describe('report chunks', () => {
  for (const format of FORMATS) {
    it(`${format}: the pieces joined are the report`, async () => {
      for (const count of [0, 1, 1200]) {
        const r = run(count);
        for (const color of [false, true]) expect([...(await loadReportChunks(format))(r, { color })].join('')).toBe((await loadReporter(format))(r, { color }));
      }
    });
  }
});

describe('mergeFindings', () => {
  it('keeps the first finding of each key, sorted', () => {
    const a = finding(1);
    const same = { ...finding(1), snippet: 'another snippet' }; // same key, another object
    const b = finding(2);
    const merged = mergeFindings([[b, a], [same, b]]);
    expect(merged).toHaveLength(2);
    expect(merged.find((f) => findingKey(f) === findingKey(a))).toBe(a);
    expect(new Set(merged.map(findingKey)).size).toBe(2);
  });

  it('checks the order of lists not declared sorted, and merges declared ones that share a file', () => {
    const file = path.join(cwd, 'one', 'Dockerfile');
    const [a, b, c] = [1, 2, 3].map((i) => finding(i, { file }));
    expect(mergeFindings([[c, a, b]])).toEqual([a, b, c]);
    const unitOne = [a, c];
    const unitTwo = [b, c];
    expect(mergeFindings([unitOne, unitTwo], new Set([unitOne, unitTwo]))).toEqual([a, b, c]);
    // A unit's list is taken in the order runRules gives it (sorted): only the cache's lists are checked.
    const unit = [b, a];
    expect(mergeFindings([unit], new Set([unit]))).toEqual([b, a]);
    expect(mergeFindings([unit])).toEqual([a, b]);
  });

  it('keeps findings that compare equal but differ in key', () => {
    // localeCompare ignores some characters: equal in the sort, different findings.
    const x = finding(3, { message: 'a\u0000b' });
    const y = finding(3, { message: 'ab' });
    expect(mergeFindings([[x, y, x]])).toEqual([x, y]);
  });
});
