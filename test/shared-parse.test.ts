// Copies of a Dockerfile that no stack builds share one parse in a run (LoadOptions.shareIdentical): each copy must
// be judged exactly as if it were checked alone, in its own directory, with its own build context and file name.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindOfName, type DiscoveredFile } from '../src/discover/discover.js';
import { checkFiles } from '../src/engine/check.js';
import { mergeFindings } from '../src/engine/units.js';
import type { Config } from '../src/engine/config.js';
import { RuleSettings } from '../src/engine/settings.js';
import { rules } from '../rules/index.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

function dockerfilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? dockerfilesUnder(p) : kindOfName(e.name) === 'dockerfile' ? [p] : [];
  });
}

/** Every rule on, with no per-file settings: the setting in which copies share a parse. */
function everyRule() {
  const config = { rules: Object.fromEntries(rules.map(({ meta }) => [meta.id, meta.level === 'off' ? 'warning' : meta.level])), overrides: [] } as unknown as Pick<Config, 'rules' | 'overrides'>;
  return new RuleSettings(rules.map((r) => r.meta), config as Config);
}

describe('Dockerfiles with the same text', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-shared-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('are judged as each is alone, in its own context and under its own name', async () => {
    const texts = [...new Set(dockerfilesUnder(fixtures).map((f) => readFileSync(f, 'utf8')))];
    const files: DiscoveredFile[] = [];
    const write = (rel: string, text: string) => {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      if (kindOfName(path.basename(file)) === 'dockerfile') files.push({ path: file, kind: 'dockerfile', explicit: false });
    };
    texts.forEach((text, i) => {
      // The same text bare, with a .dockerignore and files it excludes, and under another name beside a key file.
      write(`${i}/plain/Dockerfile`, text);
      write(`${i}/ignoring/Dockerfile`, text);
      write(`${i}/ignoring/.dockerignore`, '*.md\nsrc\n*.tar.gz\n!keep.md\n');
      write(`${i}/ignoring/README.md`, 'x');
      write(`${i}/ignoring/src/main.go`, 'package main');
      write(`${i}/named/app.Dockerfile`, text);
      write(`${i}/named/app.Dockerfile.dockerignore`, '**/*.json\n');
      write(`${i}/named/id_rsa`, '-----BEGIN OPENSSH PRIVATE KEY-----\n');
      write(`${i}/named/package.json`, '{}');
    });
    const settings = everyRule();
    const together = await checkFiles(files, root, {}, rules, settings, {});
    const alone = await Promise.all(files.map((f) => checkFiles([f], root, {}, rules, settings, {})));
    expect(together.crashes).toEqual([]);
    expect(together.files).toEqual(alone.flatMap((r) => r.files).sort((a, b) => (a.path < b.path ? -1 : 1)));
    expect(JSON.stringify(together.findings)).toBe(JSON.stringify(mergeFindings(alone.map((r) => r.findings))));
    expect(together.findings.length).toBeGreaterThan(texts.length);
  }, 120_000);
});
