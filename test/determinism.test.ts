// The same input gives byte-identical output in every format: run twice over one tree, with directory listings
// reversed, over a copy written in the reverse order (files, and the directories that hold them, created last-first),
// over a copy with new timestamps, and through --cache cold and warm. Only the tree's absolute path may differ, where a format carries it (editor's
// `path`, SARIF's root URI): it is replaced by <root> before comparing.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../src/report/index.js';
import { runCli } from './cli-helper.js';

const seeds = path.resolve(import.meta.dirname, '../fixtures/seeds');

/** Every file under `dir`, relative, with `/`. */
function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, child) : [child];
  });
}

/**
 * The five seed systems, plus a stack built to give the formats ties and repeats to order: two findings of different
 * rules at one position, the same text flagged twice in one file (SARIF occurrence counts), a stack merged from a base
 * and an override, an `include`, an `extends` from another file, paths with spaces and non-ASCII names, and a config
 * with a preset, overrides and a policy.
 */
function treeFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of listFiles(seeds)) files.set(`seeds/${rel}`, readFileSync(path.join(seeds, rel)));
  const extra: Record<string, string> = {
    '.dockpolicy.yaml': [
      'extends: production',
      'overrides:',
      '  - files: ["**/Dockerfile.dev"]',
      '    rules: { non-root-user: warning, healthcheck-required: off }',
      '  - services: [worker]',
      '    rules: { memory-limit: off }',
      'policies:',
      '  - id: team-label',
      '    target: stage',
      '    message: "{{name}} needs an owner label"',
      '    schema: { properties: { labels: { required: [owner] } } }',
      '',
    ].join('\n'),
    'stack/compose.yaml': [
      'include:',
      '  - ./inc/compose.yaml',
      'services:',
      '  web:',
      '    build: { context: "./web app", dockerfile: Dockerfile }',
      '    image: acme/web:latest',
      '    ports: ["80:80", "80:80"]',
      '    environment:',
      '      PASSWORD: hunter2hunter2',
      '  worker:',
      '    extends: { file: common.yaml, service: base }',
      '    image: acme/worker:latest',
      '  ünïcode:',
      '    image: redis',
      '',
    ].join('\n'),
    'stack/compose.override.yaml': 'services:\n  web:\n    privileged: true\n    cap_add: [SYS_ADMIN, NET_ADMIN]\n',
    'stack/common.yaml': 'services:\n  base:\n    image: busybox\n    user: root\n    network_mode: host\n',
    'stack/inc/compose.yaml': 'services:\n  cache:\n    image: memcached:latest\n    ports: ["11211:11211"]\n',
    'stack/web app/Dockerfile': 'FROM node:latest\nRUN apt-get update && apt-get install curl\nRUN apt-get update && apt-get install curl\nADD http://x/a.tar.gz /a\nCOPY . .\n',
    'stack/web app/Dockerfile.dev': 'from node\nRUN cd /app && npm install\nMAINTAINER someone\n',
    'stack/web app/.dockerignore': 'node_modules\n!keep\n',
    'stack/.env': 'TAG=1.0\n',
    'naïve dir/Dockerfile': 'FROM alpine\nRUN sudo apk add curl\nEXPOSE 22\n',
    'naïve dir/compose.yml': 'services:\n  x:\n    image: "alpine:3.20"\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n',
  };
  for (const [rel, text] of Object.entries(extra)) files.set(rel, Buffer.from(text));
  return files;
}

/** Writes the files in the given order, each directory made just before its first file. */
function writeInOrder(root: string, files: [string, Buffer][]): void {
  for (const [rel, data] of files) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  }
}

/**
 * Runs `fn` with every directory listing reversed: the file search's and the build contexts' (`readdirSync`, patched
 * on the module and synced to the ES module bindings the sources import). Returns how many listings were reversed,
 * which a test asserts is not zero (else the patch missed and proved nothing).
 */
async function withReversedListings<T>(fn: () => Promise<T>): Promise<{ value: T; reversed: number }> {
  const fs = createRequire(import.meta.url)('node:fs') as { readdirSync: (...args: unknown[]) => unknown };
  const original = fs.readdirSync;
  let reversed = 0;
  fs.readdirSync = (...args: unknown[]) => {
    const entries = original(...args);
    if (!Array.isArray(entries) || entries.length < 2) return entries;
    reversed++;
    return [...entries].reverse();
  };
  syncBuiltinESMExports();
  try {
    return { value: await fn(), reversed };
  } finally {
    fs.readdirSync = original;
    syncBuiltinESMExports();
  }
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-determinism-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One run writing every format to its own file; returns the outputs with the tree's location replaced by <root>. */
async function runAll(root: string, outDir: string, extra: string[] = [], threads?: string): Promise<Record<string, string>> {
  mkdirSync(outDir, { recursive: true });
  const args = FORMATS.flatMap((format) => ['--format', format, '--output', path.join(outDir, `report.${format}`)]);
  // With `threads`, the timing lines on stderr must show that many threads at work.
  const r = await runCli(['check', '.', ...args, '--no-color', ...extra], root, threads ? { DOCKPOLICY_TIMING: '1' } : {});
  if (threads) expect(r.stderr).toMatch(new RegExp(`^threads: ${threads}$`, 'm'));
  else expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const url = pathToFileURL(root).href;
  const out: Record<string, string> = {};
  for (const format of FORMATS) {
    const text = readFileSync(path.join(outDir, `report.${format}`), 'utf8');
    out[format] = text.split(url).join('file:///<root>').split(JSON.stringify(root).slice(1, -1)).join('<root>').split(root).join('<root>');
  }
  return out;
}

describe('output is deterministic', () => {
  it('byte-identical in every format: twice, with listings reversed, over copies written otherwise, through --cache', async () => {
    const files = [...treeFiles()];
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    writeInOrder(a, files);
    writeInOrder(b, [...files].reverse());
    // The two copies really list in different orders somewhere, or the comparison proves less than it claims.
    const order = (root: string) => JSON.stringify(['', 'seeds', 'stack'].map((d) => readdirSync(path.join(root, d))));
    const listedDifferently = order(a) !== order(b);

    const first = await runAll(a, path.join(tmp, 'out-a1'));
    const second = await runAll(a, path.join(tmp, 'out-a2'));
    const reversed = await runAll(b, path.join(tmp, 'out-b'));
    const listings = await withReversedListings(() => runAll(a, path.join(tmp, 'out-a3')));
    expect(listings.reversed, 'directory listings reversed').toBeGreaterThan(5);
    // A copy with the same layout but later modification times: nothing may depend on them.
    const c = path.join(tmp, 'c');
    cpSync(a, c, { recursive: true, preserveTimestamps: false });
    const copied = await runAll(c, path.join(tmp, 'out-c'));
    // Through --cache: every unit run and stored, then every unit taken from the cache.
    const cacheFile = path.join(tmp, 'cache.json');
    const cold = await runAll(a, path.join(tmp, 'out-cold'), ['--cache-location', cacheFile]);
    const warm = await runAll(a, path.join(tmp, 'out-warm'), ['--cache-location', cacheFile]);
    expect(statSync(cacheFile).size).toBeGreaterThan(1000);
    const reuse = await runCli(['check', '.', '--format', 'json', '--cache-location', cacheFile], a, { DOCKPOLICY_TIMING: '1' });
    expect(reuse.stderr).toMatch(/^units: [1-9]\d* from the cache, 0 checked$/m); // the warm run really reused

    for (const format of FORMATS) {
      expect(first[format]!.length, `${format} is empty`).toBeGreaterThan(50);
      expect(second[format], `${format}: second run over the same tree`).toBe(first[format]);
      expect(listings.value[format], `${format}: directory listings in reverse order`).toBe(first[format]);
      expect(reversed[format], `${format}: the copy written in reverse order${listedDifferently ? '' : ' (listed in the same order here)'}`).toBe(first[format]);
      expect(copied[format], `${format}: a copy with new timestamps`).toBe(first[format]);
      expect(cold[format], `${format}: with --cache, nothing cached yet`).toBe(first[format]);
      expect(warm[format], `${format}: with --cache, every unit from the cache`).toBe(first[format]);
    }
    // Findings are there to be ordered: several files, formats with per-file sections, rules tied at one position.
    const json = JSON.parse(first.json!) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
    expect(new Set(json.findings.map((f) => f.file)).size).toBeGreaterThan(10);
    const positions = json.findings.map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(positions.length - new Set(positions).size, 'findings sharing a position').toBeGreaterThan(0);
    expect(json.findings.some((f) => f.file.includes('naïve dir/'))).toBe(true);
    expect(statSync(path.join(b, 'stack/web app/Dockerfile')).isFile()).toBe(true);
  });

  it('byte-identical in every format whatever the number of worker threads', async ({ skip }) => {
    // Threads run the built CLI (bin/dockpolicy.js): without a build there is nothing to start.
    if (!existsSync(path.resolve(import.meta.dirname, '../dist/bundle/dockpolicy.js'))) skip('dist/bundle is missing: run `npm run build`');
    // Copies of the tree side by side: more stacks than one batch holds, stacks that include and extend (checked
    // first, their pulls sent to every later batch), and more standalone Dockerfiles than one batch.
    const root = path.join(tmp, 'many');
    const files = [...treeFiles()].filter(([rel]) => rel !== '.dockpolicy.yaml');
    for (let i = 0; i < 10; i++) writeInOrder(root, files.map(([rel, data]) => [`copy-${String(i).padStart(2, '0')}/${rel}`, data]));
    writeInOrder(root, [...treeFiles()].filter(([rel]) => rel === '.dockpolicy.yaml'));
    const alone = 'FROM alpine\nRUN apk add curl\nUSER 1000\n';
    writeInOrder(root, Array.from({ length: 70 }, (_, i): [string, Buffer] => [`images/i${i}/Dockerfile`, Buffer.from(`${alone}LABEL n=${i}\n`)]));

    const inThread = await runAll(root, path.join(tmp, 'out-threads-off'), ['--concurrency', 'off']);
    for (const threads of ['2', '3']) {
      const threaded = await runAll(root, path.join(tmp, `out-threads-${threads}`), ['--concurrency', threads], threads);
      for (const format of FORMATS) expect(threaded[format], `${format} with ${threads} threads`).toBe(inThread[format]);
    }
    // What threads read is what the cache records: a cache filled by threads serves a run in one thread.
    const cacheFile = path.join(tmp, 'threads-cache.json');
    await runAll(root, path.join(tmp, 'out-threads-cold'), ['--concurrency', '2', '--cache-location', cacheFile], '2');
    const warm = await runCli(['check', '.', '--format', 'json', '--concurrency', 'off', '--cache-location', cacheFile], root, { DOCKPOLICY_TIMING: '1' });
    expect(warm.stderr).toMatch(/^units: [1-9]\d* from the cache, 0 checked$/m);
    expect(warm.stdout.split(root).join('<root>')).toBe(inThread.json);
    const json = JSON.parse(inThread.json!) as { summary: { files: number } };
    expect(json.summary.files).toBeGreaterThan(2 * 64);
    // More than a batch of paths named: the threads start before the configuration is read and the files found.
    const named = listFiles(root).filter((rel) => /(^|\/)(Dockerfile|compose[^/]*\.ya?ml)$/.test(rel));
    expect(named.length).toBeGreaterThan(2 * 64);
    const namedOff = await runCli(['check', ...named, '--format', 'json', '--concurrency', 'off'], root);
    const namedThreads = await runCli(['check', ...named, '--format', 'json', '--concurrency', '2'], root, { DOCKPOLICY_TIMING: '1' });
    expect(namedThreads.stderr).toMatch(/^threads: 2$/m);
    expect(namedThreads.stdout).toBe(namedOff.stdout);
    // A usage error after they started ends the run as usual.
    const bad = await runCli(['check', ...named, 'missing/compose.yaml', '--concurrency', '2'], root);
    expect([bad.code, bad.stderr]).toEqual([2, 'dockpolicy: missing/compose.yaml: no such file or directory\n']);
  });

  it('the same from explicit paths in any order as from discovery', async () => {
    const root = path.join(tmp, 'a');
    const named = ['stack', 'naïve dir', 'seeds/kidney-genetics'];
    const run = async (paths: string[]) => {
      const r = await runCli(['check', ...paths, '--format', 'json'], root);
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const forward = await run(named);
    expect(await run([...named].reverse())).toBe(forward);
    expect(JSON.parse(forward).findings.length).toBeGreaterThan(10);
  });
});
