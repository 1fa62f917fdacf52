// End-to-end: every fixture under fixtures/ with an expected.yaml reports exactly its listed findings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helper.js';

interface Expected {
  args?: string[];
  /** The rules whose findings are compared; a fixtures/rules/<id>/ tree compares its own rule, parse-error and the rules it lists. */
  rules?: string[];
  findings?: { rule: string; file: string; line: number; column?: number }[];
  mustNot?: { rule: string; file: string; line?: number }[];
}

const root = path.resolve(import.meta.dirname, '..');
// expected.yaml, plus expected.<scenario>.yaml for other invocations of the same tree (a stack's -f files).
const fixtures = fg.sync('fixtures/**/expected{,.*}.yaml', { cwd: root }).sort();

describe('fixtures', () => {
  it('exist for every seed system', () => {
    expect(new Set(fixtures.filter((f) => f.startsWith('fixtures/seeds/')).map((f) => path.dirname(f))).size).toBe(5);
  });

  it.each(fixtures)('%s', async (file) => {
    const dir = path.join(root, path.dirname(file));
    const expected = (parse(readFileSync(path.join(root, file), 'utf8')) ?? {}) as Expected;
    const { stdout, code } = await runCli(['check', ...(expected.args ?? ['.']), '--format', 'json'], dir);
    expect(code, stdout).not.toBe(2);
    const ruleFixture = /^fixtures\/rules\/([^/]+)\//.exec(file)?.[1];
    const compared = expected.rules ?? (ruleFixture ? [ruleFixture, 'parse-error', ...(expected.findings ?? []).map((f) => f.rule)] : undefined);
    const findings = (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; column: number; message: string }[] }).findings.filter(
      (f) => !compared || compared.includes(f.ruleId),
    );
    const actual = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).sort();
    const want = (expected.findings ?? []).map((f) => {
      // A parser's column may be left out of a parse-error expectation; take it from the actual finding on that line.
      const column = f.column ?? findings.find((a) => a.file === f.file && a.line === f.line && a.ruleId === f.rule)?.column ?? '?';
      return `${f.file}:${f.line}:${column} ${f.rule}`;
    });
    expect(actual).toEqual(want.sort());
    for (const no of expected.mustNot ?? []) {
      const hit = findings.find((f) => f.ruleId === no.rule && f.file === no.file && (no.line === undefined || f.line === no.line));
      expect(hit, `mustNot ${no.rule} ${no.file}${no.line ? `:${no.line}` : ''}`).toBeUndefined();
    }
  });
});
