// The file size and YAML alias limits are configurable: `limits: { maxFileSize: "10MB" | bytes, maxAliasNodes: n }`
// in the config, read by loadConfig, handed to loadProject as LoadOptions.limits.
//
// The config validator is generated at build time (dist/config-validator.cjs). So that these tests check the schema
// as src/engine/config-schema.ts writes it now, not as the last build saw it, the validator is compiled here from it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, parseSize, UsageError } from '../src/engine/config.js';
import { discover } from '../src/discover/discover.js';
import { loadProject } from '../src/model/project.js';
import { DEFAULT_LIMITS, type Limits } from '../src/model/source-text.js';
import { rules } from '../rules/index.js';
import { runCli, writeTree } from './cli-helper.js';

vi.mock('../src/util/code-cache.js', async (importOriginal) => {
  const { loadCommonJs } = await importOriginal<typeof import('../src/util/code-cache.js')>();
  const { Ajv } = await import('ajv');
  const { configSchema } = await import('../src/engine/config-schema.js');
  let validate: unknown;
  // Compiled at first use: the rules (imported above) load this module themselves (compose-schema).
  const compile = () => {
    // As scripts/build.mjs compiles it.
    const ajv = new Ajv({ strict: true, strictTuples: false, allErrors: true });
    return ajv.compile(configSchema(rules.map((r) => r.meta)));
  };
  return { loadCommonJs: (file: string, cacheFile?: string) => (path.basename(file) === 'config-validator.cjs' ? (validate ??= compile()) : loadCommonJs(file, cacheFile)) };
});

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-limits-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const metas = rules.map((r) => r.meta);

async function configOf(yaml: string) {
  const dir = writeTree(tmp, { '.dockpolicy.yaml': yaml });
  return loadConfig(path.join(dir, '.dockpolicy.yaml'), metas, dir);
}

async function configError(yaml: string): Promise<string> {
  try {
    await configOf(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('limits in the configuration', () => {
  it.each([
    [2048, 2048],
    ['300B', 300],
    ['1KB', 1024],
    ['512 KiB', 512 * 1024],
    ['10MB', 10 * 1024 * 1024],
    ['1.5MB', 1.5 * 1024 * 1024],
    ['1g', 1024 ** 3],
    [' 7 mb ', 7 * 1024 * 1024],
  ])('maxFileSize %j is %d bytes', (size, bytes) => {
    expect(parseSize(size)).toBe(bytes);
  });

  it('are read, each layer over the ones it extends; unset ones stay unset (loadProject takes the defaults)', async () => {
    expect((await configOf('rules: {}\n')).limits).toEqual({});
    expect((await configOf('limits:\n  maxFileSize: 1MB\n  maxAliasNodes: 50\n')).limits).toEqual({ maxFileSize: 1024 * 1024, maxAliasNodes: 50 });
    const dir = writeTree(tmp, { 'base.yaml': 'limits:\n  maxFileSize: 2KB\n  maxAliasNodes: 7\n', '.dockpolicy.yaml': 'extends: ./base.yaml\nlimits:\n  maxFileSize: 3KB\n' });
    expect((await loadConfig(path.join(dir, '.dockpolicy.yaml'), metas, dir)).limits).toEqual({ maxFileSize: 3072, maxAliasNodes: 7 });
  });

  it.each([
    ['limits:\n  maxFileSize: 10 TB\n', /^\.dockpolicy\.yaml:2: limits\.maxFileSize: /],
    ['limits:\n  maxFileSize: 0\n', /^\.dockpolicy\.yaml:2: limits\.maxFileSize: must be >= 1/],
    ['limits:\n  maxFileSize: 0KB\n', /^\.dockpolicy\.yaml:2: limits\.maxFileSize: "0KB" is not a size of at least one byte \(such as 10MB\)$/],
    ['limits:\n  maxAliasNodes: -1\n', /^\.dockpolicy\.yaml:2: limits\.maxAliasNodes: must be >= 0/],
    ['limits:\n  maxAliases: 100\n', /^\.dockpolicy\.yaml:2: unknown key "limits\.maxAliases"$/],
  ])('%j is an error naming the file, line and key', async (yaml, message) => {
    expect(await configError(yaml)).toMatch(message);
  });
});

describe('limits applied by loadProject', () => {
  const bomb = 'x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nservices:\n  web:\n    image: nginx:1.27\n    labels: [*b, *b]\n';
  const problems = async (dir: string, limits?: Partial<Limits>) => {
    const { files } = await discover(['.'], { cwd: dir });
    const project = await loadProject(files, dir, { limits });
    return project.problems.map((p) => `${path.relative(dir, p.at.file)}:${p.at.range.start.line}:${p.at.range.start.column} ${p.message}`);
  };

  it('the defaults: 10 MB, 100,000 alias nodes', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileSize: 10 * 1024 * 1024, maxAliasNodes: 100_000 });
  });

  it('maxFileSize: a larger file is reported at 1:1 and not read; a smaller one is checked', async () => {
    const dir = writeTree(tmp, { 'a/Dockerfile': `FROM alpine:3.20\n${'RUN true\n'.repeat(200)}`, 'b/Dockerfile': 'FROM alpine:3.20\n' });
    expect(await problems(dir)).toEqual([]);
    expect(await problems(dir, { maxFileSize: 1024 })).toEqual(['a/Dockerfile:1:1 file too large to check: 1.8 KB, over the limit of 1 KB (limits.maxFileSize)']);
  });

  it('maxAliasNodes: a document whose aliases stand for more nodes is reported at its first alias', async () => {
    const dir = writeTree(tmp, { 'compose.yaml': bomb });
    expect(await problems(dir)).toEqual([]); // 2 x 9 x 10 nodes: far below the default
    expect(await problems(dir, { maxAliasNodes: 100 })).toEqual(['compose.yaml:2:10 aliases stand for more than 100 nodes (limits.maxAliasNodes): an alias bomb is not expanded']);
    expect(await problems(dir, { maxAliasNodes: 1000 })).toEqual([]);
  });

  // src/cli/main.ts (not this test's to change) passes the config's limits to loadProject with one line.
  const wired = /limits: config\.limits/.test(readFileSync(path.resolve(import.meta.dirname, '../src/cli/main.ts'), 'utf8'));
  const title = `from .dockpolicy.yaml through the CLI${wired ? '' : ' (skipped until src/cli/main.ts passes `limits: config.limits,` to loadProject)'}`;
  it.skipIf(!wired)(title, async () => {
    const dir = writeTree(tmp, { '.dockpolicy.yaml': 'limits:\n  maxFileSize: 1KB\n  maxAliasNodes: 100\n', 'Dockerfile': `FROM alpine:3.20\n${'RUN true\n'.repeat(200)}`, 'compose.yaml': bomb });
    const r = await runCli(['check', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const found = (JSON.parse(r.stdout).findings as { file: string; line: number; ruleId: string; message: string }[]).filter((f) => f.ruleId === 'parse-error');
    expect(found.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'Dockerfile:1 Cannot parse this file: file too large to check: 1.8 KB, over the limit of 1 KB (limits.maxFileSize).',
      'compose.yaml:2 Cannot parse this file: aliases stand for more than 100 nodes (limits.maxAliasNodes): an alias bomb is not expanded.',
    ]);
  });
});
