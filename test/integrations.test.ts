// Integrations: the pre-commit hook (scripts/check-pre-commit.sh drives the real pre-commit) and the npm package as a
// user installs it (npm pack, then install the tarball into an empty project). Nothing reaches the network: npm runs
// offline, from the cache `npm ci` filled; an install that needs a package the cache lacks (ENOTCACHED) skips.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; devDependencies?: Record<string, string> };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, timeout, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
      const code = e === null ? 0 : typeof e.code === 'number' ? e.code : -1;
      const note = e && code === -1 ? `\n[${cmd} did not finish: ${e.signal ? `killed by ${e.signal} (timeout ${timeout} ms?)` : e.message}]` : '';
      resolve({ code, stdout, stderr: stderr + note });
    });
  });
}

/**
 * The environment without npm's own variables: under `npm test`, npm_config_local_prefix (the repository) and the rest
 * would steer a nested npm (`npm init` would write the repository's package.json). The cache stays; npm is offline.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...env,
    ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

const show = (r: Run) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('installs from the repository with the real pre-commit and fails a bad Dockerfile, passes a good one and judges a changed Dockerfile in its stack', async ({ skip }) => {
    const started = Date.now();
    const r = await run('bash', [path.join(root, 'scripts/check-pre-commit.sh')], root, cleanEnv(), 300_000);
    const output = r.stdout + r.stderr;
    // Exit 0 with a SKIP line: pre-commit is not installed (and DOCKPOLICY_REQUIRE_PRE_COMMIT is unset), or the
    // offline install missed a package in npm's cache.
    const skipped = /^SKIP: .*$/m.exec(output);
    if (r.code === 0 && skipped) skip(skipped[0]);
    expect(r.code, `scripts/check-pre-commit.sh failed (it tests HEAD: commit first)\n${output}`).toBe(0);
    expect(output).toMatch(/^PASS: case 3: /m);
    expect(output).not.toMatch(/^FAIL: /m);
    console.log(`scripts/check-pre-commit.sh: ${((Date.now() - started) / 1000).toFixed(1)} s\n${r.stdout.trim()}`);
  }, 330_000);
});

// `npm pack` from the repository root (dist/ is already built by `npm ci`), installed into an empty project: one
// install, shared by every assertion.
describe('npm package (npm pack, installed into an empty directory)', () => {
  let tmp: string;
  let app: string; // the empty project the tarball is installed into
  let installed: string; // app/node_modules/dockpolicy
  let packed: { filename: string; files: { path: string }[] } | undefined;
  let skipReason: string | undefined;
  const env = cleanEnv();

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/bundle/dockpolicy.js'))) {
      skipReason = 'dist/bundle is missing: run npm ci first (it builds dist/)';
      return;
    }
    const started = Date.now();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-pack-'));
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root, env);
    if (pack.code !== 0) throw new Error(`npm pack failed\n${show(pack)}`);
    // --json: the tarball's name and file list (what `npm pack --dry-run --json` lists), not a line to parse.
    packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as NonNullable<typeof packed>[])[0]!;
    app = path.join(tmp, 'app');
    mkdirSync(app);
    const init = await run('npm', ['init', '-y'], app, env);
    if (init.code !== 0) throw new Error(`npm init -y failed\n${show(init)}`);
    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], app, env, 180_000);
    if (install.code !== 0) {
      if (/ENOTCACHED/.test(install.stdout + install.stderr)) {
        skipReason = `installing the packed tarball offline needs packages that are not in npm's cache (ENOTCACHED): run npm ci first`;
        return;
      }
      throw new Error(`npm install <tarball> failed\n${show(install)}`);
    }
    installed = path.join(app, 'node_modules', pkg.name);
    console.log(`npm pack + npm init + npm install <tarball>: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs dist/bundle, the schema, the presets and the README, and no tests or fixtures', ({ skip }) => {
    if (!packed) {
      skip(skipReason);
      return;
    }
    const files = new Set(packed.files.map((f) => f.path));
    const expected = [
      'package.json',
      'README.md',
      'bin/dockpolicy.js',
      'schemas/dockpolicy.schema.json',
      ...readdirSync(path.join(root, 'dist/bundle')).map((f) => `dist/bundle/${f}`),
      ...readdirSync(path.join(root, 'presets')).map((f) => `presets/${f}`),
    ];
    expect(expected.filter((f) => !files.has(f))).toEqual([]);
    expect([...files].filter((f) => /^(test|fixtures|src|rules|scripts|bench|node_modules)\//.test(f))).toEqual([]);
  });

  it('gives a working `dockpolicy` bin that prints the package version', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    const r = await run(path.join(app, 'node_modules/.bin/dockpolicy'), ['--version'], app, env);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('reports on a fixture exactly what the repository build reports, with the same exit code', async ({ skip }) => {
    if (skipReason) skip(skipReason);
    // A seed with findings at error level (exit 1), compose and Dockerfiles together.
    const fixture = path.join(tmp, 'db-query-tool');
    cpSync(path.join(root, 'fixtures/seeds/db-query-tool'), fixture, { recursive: true });
    const args = ['check', '.', '--format', 'json'];
    const fromPackage = await run(path.join(app, 'node_modules/.bin/dockpolicy'), args, fixture, env);
    const fromRepo = await run(process.execPath, [path.join(root, 'bin/dockpolicy.js'), ...args], fixture, env);
    expect(fromRepo.code, show(fromRepo)).toBe(1);
    expect(fromPackage.code, show(fromPackage)).toBe(fromRepo.code);
    const findings = (r: Run) => (JSON.parse(r.stdout) as { findings: unknown[] }).findings;
    expect(findings(fromRepo).length).toBeGreaterThan(0);
    expect(findings(fromPackage)).toEqual(findings(fromRepo));
  });

  it('installs no dev dependency, and no sources or tests', ({ skip }) => {
    if (skipReason) skip(skipReason);
    // Every package name under node_modules, nested ones included.
    const names = new Set<string>();
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
        if (entry.name.startsWith('@')) {
          for (const scoped of readdirSync(path.join(dir, entry.name), { withFileTypes: true })) {
            if (!scoped.isDirectory()) continue;
            names.add(`${entry.name}/${scoped.name}`);
            walk(path.join(dir, entry.name, scoped.name, 'node_modules'));
          }
        } else {
          names.add(entry.name);
          walk(path.join(dir, entry.name, 'node_modules'));
        }
      }
    };
    walk(path.join(app, 'node_modules'));
    expect(names.has(pkg.name)).toBe(true);
    const devDependencies = Object.keys(pkg.devDependencies ?? {});
    expect(devDependencies.filter((d) => names.has(d))).toEqual([]);
    // Their own dependencies too: the packages the lockfile marks dev-only (dev: true and nowhere needed otherwise).
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const lockName = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const entries = Object.entries(lock.packages).filter(([key]) => key.includes('node_modules/'));
    const prod = new Set(entries.filter(([, p]) => !p.dev).map(([key]) => lockName(key)));
    const devOnly = new Set(entries.filter(([, p]) => p.dev).map(([key]) => lockName(key)).filter((n) => !prod.has(n)));
    expect([...names].filter((n) => devOnly.has(n))).toEqual([]);
    for (const dir of ['src', 'test', 'fixtures', 'rules']) expect(existsSync(path.join(installed, dir)), `${dir}/ in the installed package`).toBe(false);
  });
});
