// Every rule's metadata is complete, and everything generated from it (index, schema, docs, README) is up to date.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { configSchema } from '../src/engine/config-schema.js';

const root = path.resolve(import.meta.dirname, '..');

describe('rule metadata', () => {
  it('the index lists every rule file', () => {
    const files = readdirSync(path.join(root, 'rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(rules.map((r) => `${r.meta.id}.ts`).sort()).toEqual(files.sort());
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s is complete and has a table test', (id, rule) => {
    const m = rule.meta;
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['off', 'note', 'warning', 'error']).toContain(m.level);
    expect(m.description).toMatch(/^[A-Z].*\.$/);
    for (const key of ['what', 'why', 'example', 'fix'] as const) expect(m.docs[key].length, key).toBeGreaterThan(20);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    for (const [messageId, text] of Object.entries(m.messages)) expect(text, messageId).toMatch(/\.$/);
    if (m.tags.includes('security')) expect(m.securitySeverity).toBeGreaterThan(0);
    expect(existsSync(path.join(root, 'rules', `${id}.test.ts`))).toBe(true);
    expect(existsSync(path.join(root, 'fixtures/rules', id, 'good/expected.yaml'))).toBe(true);
    expect(existsSync(path.join(root, 'fixtures/rules', id, 'bad/expected.yaml'))).toBe(true);
  });

  it('aliases are unique across rules, except BuildKit checks that span several rules', () => {
    const SHARED = new Set(['MultipleInstructionsDisallowed']);
    const all = rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]).filter((a) => !SHARED.has(a));
    expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
  });

  it('the published config schema matches the rules', () => {
    const published = JSON.parse(readFileSync(path.join(root, 'schemas/dockpolicy.schema.json'), 'utf8'));
    expect(published).toEqual(configSchema(rules.map((r) => r.meta)));
  });

  it('docs/rules and the README table are up to date', () => {
    if (!existsSync(path.join(root, 'dist/rules/index.js'))) throw new Error('dist/ is missing: run `npm run build`');
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/docs.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});
