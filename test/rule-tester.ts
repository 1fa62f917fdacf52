// Runs valid/invalid tables against one rule, ESLint-style, over real file trees written to a temp directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../src/discover/discover.js';
import { loadProject } from '../src/model/project.js';
import { runRules, type EngineOptions } from '../src/engine/run.js';
import type { Rule } from '../src/engine/rule.js';

export interface Case {
  name: string;
  /** File tree, relative paths to contents. Shorthands: `dockerfile` (./Dockerfile) and `compose` (./compose.yaml). */
  files?: Record<string, string>;
  dockerfile?: string;
  compose?: string;
  options?: Record<string, unknown>;
  /** Paths given to `check`, relative to the tree (default: the whole tree). */
  check?: string[];
  /** Other rules run alongside (at their default options); only the tested rule's findings are compared. */
  with?: Rule[];
  /** Engine options (`inlineSuppressions`). */
  engine?: EngineOptions;
  /** As `check --env-file ... --profile ...` (paths relative to the tree). */
  load?: { envFiles?: string[]; profiles?: string[] };
}

export interface ExpectedError {
  messageId: string;
  /** Defaults to the only file of the tree, or Dockerfile/compose.yaml from the shorthands. */
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
}

function treeOf(c: Case): Record<string, string> {
  return { ...(c.dockerfile !== undefined ? { Dockerfile: c.dockerfile } : {}), ...(c.compose !== undefined ? { 'compose.yaml': c.compose } : {}), ...c.files };
}

/** Writes the case's tree under `dir` and loads it as `check` would. */
async function projectOf(c: Case, dir: string) {
  for (const [rel, text] of Object.entries(treeOf(c))) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const { files } = await discover(c.check ?? ['.'], { cwd: dir });
  return loadProject(files, dir, { envFiles: c.load?.envFiles?.map((f) => path.join(dir, f)), profiles: c.load?.profiles });
}

export function testRule(rule: Rule, tables: { valid: Case[]; invalid: InvalidCase[] }): void {
  const root = mkdtempSync(path.join(os.tmpdir(), `dockpolicy-${rule.meta.id}-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let counter = 0;

  const run = async (c: Case) => {
    const dir = path.join(root, String(counter++));
    const project = await projectOf(c, dir);
    const on = (r: Rule) => (r.meta.level === 'off' ? 'error' : r.meta.level);
    const settings = new Map([[rule.meta.id, { level: on(rule), options: { ...rule.meta.defaultOptions, ...c.options } }]]);
    for (const other of c.with ?? []) settings.set(other.meta.id, { level: on(other), options: { ...other.meta.defaultOptions } });
    const result = runRules(project, [rule, ...(c.with ?? [])], settings, c.engine);
    expect(result.crashes).toEqual([]);
    return result.findings.filter((f) => f.ruleId === rule.meta.id).map((f) => ({ ...f, file: path.relative(dir, f.file).split(path.sep).join('/') }));
  };

  // The harness rejects tables that cannot fail: duplicates, empty invalid cases, unknown message ids.
  const all = [...tables.valid, ...tables.invalid];
  const names = all.map((c) => c.name);
  if (new Set(names).size !== names.length) throw new Error(`${rule.meta.id}: duplicate case names`);
  const trees = all.map((c) => JSON.stringify(treeOf(c)) + JSON.stringify(c.options ?? {}) + JSON.stringify(c.check ?? []) + JSON.stringify(c.engine ?? {}) + (c.with ?? []).map((r) => r.meta.id).join());
  if (new Set(trees).size !== trees.length) throw new Error(`${rule.meta.id}: duplicate case contents`);
  for (const c of tables.invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.meta.id}: invalid case "${c.name}" expects no error`);
    for (const e of c.errors) if (!(e.messageId in rule.meta.messages)) throw new Error(`${rule.meta.id}: unknown messageId "${e.messageId}" in "${c.name}"`);
  }

  describe(rule.meta.id, () => {
    describe('valid', () => {
      it.each(tables.valid.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const findings = await run(c);
        expect(findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.messageId}: ${f.message}`)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(tables.invalid.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const findings = await run(c);
        const tree = Object.keys(treeOf(c));
        const defaultFile = tree.length === 1 ? tree[0] : undefined;
        const actual = findings.map((f, i) => {
          const e = c.errors[i];
          return {
            messageId: f.messageId,
            file: f.file,
            line: f.range.start.line,
            column: f.range.start.column,
            ...(e?.endLine !== undefined ? { endLine: f.range.end.line } : {}),
            ...(e?.endColumn !== undefined ? { endColumn: f.range.end.column } : {}),
            ...(e?.data !== undefined ? { data: Object.fromEntries(Object.keys(e.data).map((k) => [k, f.data[k]])) } : {}),
          };
        });
        const expected = c.errors.map((e) => ({ ...e, file: e.file ?? defaultFile }));
        expect(actual).toEqual(expected);
      });
    });
  });
}

/**
 * Runs every case through the rule and asserts that none of `values` (secrets the cases contain) shows in any
 * finding's message, data or snippet: what a rule reports must never print what it protects.
 */
export function testNeverShows(rule: Rule, cases: Case[], values: string[]): void {
  const root = mkdtempSync(path.join(os.tmpdir(), `dockpolicy-${rule.meta.id}-shows-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  describe(`${rule.meta.id} never prints a secret`, () => {
    it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
      const level = rule.meta.level === 'off' ? 'error' : rule.meta.level;
      const result = runRules(await projectOf(c, path.join(root, String(i))), [rule], new Map([[rule.meta.id, { level, options: { ...rule.meta.defaultOptions } }]]));
      expect(result.findings.length).toBeGreaterThan(0);
      for (const f of result.findings) {
        const shown = [f.message, f.snippet, JSON.stringify(f.data)].join('\n');
        for (const value of values) expect(shown).not.toContain(value);
      }
    });
  });
}
