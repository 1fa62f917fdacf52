// What suppression comments suppress: run through the engine with test rules that report every RUN / FROM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../model/project.js';
import { runRules, type EngineOptions } from './run.js';
import { reportEvery } from '../../test/fake-rules.js';

const runRule = reportEvery('RUN', 'run-rule', ['DL9001', 'JSONArgsRecommended']);
const fromRule = reportEvery('FROM', 'from-rule', ['DL9002']);
const root = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-suppress-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

async function found(dockerfile: string, options: EngineOptions = {}): Promise<string[]> {
  const dir = path.join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  const project = await loadProject([{ path: path.join(dir, 'Dockerfile'), kind: 'dockerfile' }] as never, dir);
  const settings = new Map([runRule, fromRule].map((r) => [r.meta.id, { level: 'warning' as const, options: {} }]));
  return runRules(project, [runRule, fromRule], settings, options).findings.map((f) => `${f.range.start.line} ${f.ruleId}`);
}

describe('suppression comments', () => {
  it('dockpolicy-ignore covers the next instruction, all its lines, by id or alias', async () => {
    expect(await found('FROM alpine:3.20\n# dockpolicy-ignore run-rule -- reviewed\nRUN a \\\n  b\nRUN c\n')).toEqual(['1 from-rule', '5 run-rule']);
    expect(await found('FROM alpine:3.20\n# dockpolicy-ignore DL9001,from-rule\nRUN a\n')).toEqual(['1 from-rule']);
  });

  it('reaches the instruction across other comment lines', async () => {
    expect(await found('FROM alpine:3.20\n# dockpolicy-ignore run-rule\n# why: the base has it\nRUN a\n')).toEqual(['1 from-rule']);
  });

  it('dockpolicy-ignore-file covers the whole file', async () => {
    expect(await found('# dockpolicy-ignore-file run-rule\nFROM alpine:3.20\nRUN a\nRUN b\n')).toEqual(['2 from-rule']);
  });

  it('honours hadolint pragmas by alias, ignoring codes it has no rule for', async () => {
    expect(await found('FROM alpine:3.20\n# hadolint ignore=DL9001,SC2086\nRUN a\nRUN b\n')).toEqual(['1 from-rule', '4 run-rule']);
    expect(await found('# hadolint global ignore=DL9001\nFROM alpine:3.20\nRUN a\n')).toEqual(['2 from-rule']);
  });

  it("honours BuildKit's check=skip directive by check name, and skip=all for rules with a BuildKit name", async () => {
    expect(await found('# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nRUN a\n')).toEqual(['2 from-rule']);
    expect(await found('# check=skip=all\nFROM alpine:3.20\nRUN a\n')).toEqual(['2 from-rule']);
  });

  it('does not suppress other rules or other instructions', async () => {
    expect(await found('FROM alpine:3.20\n# dockpolicy-ignore from-rule\nRUN a\n')).toEqual(['1 from-rule', '3 run-rule']);
  });

  it('honours nothing when inlineSuppressions is false', async () => {
    expect(await found('# hadolint global ignore=DL9001\nFROM alpine:3.20\n# dockpolicy-ignore run-rule\nRUN a\n', { inlineSuppressions: false })).toEqual(['2 from-rule', '4 run-rule']);
  });
});
