// End-to-end tests of the built CLI (bin/dockpolicy.js), as a user runs it.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../rules/index.js';
import { MULTITOOL, multitoolProblems } from './sarif-multitool.js';
import { writeTree } from './cli-helper.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/dockpolicy.js');
const seeds = path.join(root, 'fixtures/seeds');

async function cli(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
  }
}

let tmp: string;
beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm ci does it)');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = (files: Record<string, string>) => writeTree(tmp, files);

const clean = { Dockerfile: 'FROM alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\n' };

describe('exit codes', () => {
  it('0 when clean', async () => {
    const r = await cli(['check', '.'], tree(clean));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found in 1 file');
  });

  it('1 on an error-level finding', async () => {
    const r = await cli(['check'], tree({ Dockerfile: 'FROM alpine:3.20\nUSER root\nHEALTHCHECK CMD true\n' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Dockerfile\n {2}2:1 +error +Stage #1 runs as root: USER root\. +non-root-user$/m);
  });

  it('warnings pass under the default fail level and fail under --fail-level warning', async () => {
    const dir = tree({ Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' });
    expect((await cli(['check'], dir)).code).toBe(0);
    expect((await cli(['check', '--fail-level', 'warning'], dir)).code).toBe(1);
    expect((await cli(['check', '--quiet'], dir)).stdout).not.toContain('healthcheck-required');
  });

  it.each([
    [['check', '--bogus'], /unknown flag --bogus/],
    [['check', '--format', 'xml'], /--format: "xml" is not one of text, sarif, json/],
    [['check', '--fail-level'], /--fail-level needs a value/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check', 'no/such/path'], /no\/such\/path/],
    [['check', '--config', 'missing.yaml'], /--config: file not found: missing\.yaml/],
  ])('2 with a one-line message: %j', async (args, message) => {
    const r = await cli(args, tree(clean));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('file selection', () => {
  it('checks a file named on the command line whatever its name, and --kind forces the parser', async () => {
    const dir = tree({ 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    user: root\n', 'build.txt': 'FROM alpine:3.20\nUSER root\n' });
    const byName = await cli(['check', 'stack.yml', '--format', 'json'], dir);
    expect(JSON.parse(byName.stdout).findings.map((f: any) => `${f.file}:${f.line} ${f.ruleId}`)).toContain('stack.yml:4 non-root-user');
    const forced = await cli(['check', 'build.txt', '--kind', 'dockerfile', '--format', 'json'], dir);
    expect(JSON.parse(forced.stdout).findings.map((f: any) => `${f.file}:${f.line} ${f.ruleId}`)).toContain('build.txt:2 non-root-user');
  });

  it('skips what .gitignore ignores when searching a directory', async () => {
    const dir = tree({ '.gitignore': 'vendor/\n', 'vendor/Dockerfile': 'FROM alpine:3.20\n', ...clean });
    expect((await cli(['check', '--format', 'json'], dir)).stdout).not.toContain('vendor/Dockerfile');
  });
});

describe('config', () => {
  it('turns a rule off and changes levels', async () => {
    const dir = tree({ Dockerfile: 'FROM alpine:3.20\n', '.dockpolicy.yaml': 'rules:\n  non-root-user: off\n  healthcheck-required: [error]\n' });
    const r = await cli(['check', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).findings.map((f: any) => `${f.ruleId} ${f.level}`)).toEqual(['healthcheck-required error']);
    expect(r.code).toBe(1);
  });

  it('is found in a parent directory', async () => {
    const dir = tree({ 'app/Dockerfile': 'FROM alpine:3.20\n', '.dockpolicy.yml': 'rules:\n  non-root-user: off\n  healthcheck-required: off\n' });
    expect((await cli(['check'], path.join(dir, 'app'))).code).toBe(0);
  });

  it.each([
    ['rules:\n  non-root-usr: error\n', /unknown rule "non-root-usr"/],
    ['rules:\n  non-root-user: fatal\n', /rules\.non-root-user/],
    ['rules:\n  non-root-user: [error, {bogus: 1}]\n', /rules\.non-root-user/],
    ['rule:\n  non-root-user: off\n', /unknown key "rule"/],
    ['rules: [\n', /\.dockpolicy\.yaml/],
  ])('a bad config exits 2 naming the key: %j', async (config, message) => {
    const r = await cli(['check'], tree({ ...clean, '.dockpolicy.yaml': config }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('stacks', () => {
  const files = {
    'docker-compose.yml': 'services:\n  api:\n    image: api:1\n    ports: ["${API_PORT}:8000"]\n  docs:\n    image: docs:1\n    ports: ["${DOCS_PORT}:80"]\n    healthcheck:\n      test: ["CMD", "true"]\n',
    'docker-compose.prod.yml': 'services:\n  api:\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
    '.prod.env': 'API_PORT=8000\nDOCS_PORT=8080\n',
    '.dev.env': 'API_PORT=8000\nDOCS_PORT=8000\n',
    'tools/compose.yaml': 'services:\n  adminer:\n    image: adminer:4\n',
    '.dockpolicy.yaml':
      'stacks:\n  prod:\n    files: [docker-compose.yml, docker-compose.prod.yml]\n    env_files: [.prod.env]\n  dev:\n    files: [docker-compose.yml]\n    env_files: [.dev.env]\n',
  };
  const summary = (stdout: string) => JSON.parse(stdout).findings.map((f: any) => `${f.file}:${f.line} ${f.ruleId}${f.stack ? ` [${f.stack}]` : ''}`);

  it('checks each declared stack merged, and the files no stack covers on their own', async () => {
    const r = await cli(['check', '--format', 'json'], tree(files));
    expect(summary(r.stdout)).toEqual([
      'docker-compose.yml:2 healthcheck-required [dev]',
      'docker-compose.yml:7 unique-host-ports [dev]',
      'tools/compose.yaml:2 healthcheck-required',
    ]);
  });

  it('--stack checks one stack: the prod healthcheck satisfies the rule, and its env file sets distinct ports', async () => {
    const r = await cli(['check', '--stack', 'prod', '--format', 'json'], tree(files));
    expect(summary(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('names the stack in text and SARIF', async () => {
    const dir = tree(files);
    expect((await cli(['check'], dir)).stdout).toContain('[stack: dev]');
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif'], dir)).stdout);
    expect(sarif.runs[0].results.map((r: any) => r.properties?.stack)).toContain('dev');
  });

  it('-f with --env-file merges like docker compose', async () => {
    const r = await cli(['check', '-f', 'docker-compose.yml', '-f', 'docker-compose.prod.yml', '--env-file', '.dev.env', '-p', 'mix', '--format', 'json'], tree(files));
    expect(summary(r.stdout)).toEqual(['docker-compose.yml:7 unique-host-ports [mix]']);
  });

  it.each([
    [['check', '--stack', 'staging'], /--stack: no stack "staging"/],
    [['check', '-f', 'missing.yml'], /--file: file not found: missing\.yml/],
  ])('%j exits 2', async (args, message) => {
    const r = await cli(args, tree(files));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a stack without files is a config error naming the key', async () => {
    const r = await cli(['check'], tree({ ...files, '.dockpolicy.yaml': 'stacks:\n  prod:\n    env_files: [.prod.env]\n' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stacks\.prod/);
  });
});

describe('formats and output', () => {
  it('json has the documented shape', async () => {
    const r = await cli(['check', '--format', 'json'], path.join(seeds, 'todo-chatbot'));
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    // The counts follow from the fixture's hand-written expectations and each rule's default level.
    const expected = (parse(readFileSync(path.join(seeds, 'todo-chatbot/expected.yaml'), 'utf8')) as { findings: { rule: string }[] }).findings;
    const levelOf = (id: string) => rules.find((r) => r.meta.id === id)!.meta.level;
    const count = (level: string) => expected.filter((f) => levelOf(f.rule) === level).length;
    expect(out.summary).toEqual({ files: 5, errors: count('error'), warnings: count('warning'), notes: count('note') });
    expect(out.findings).toContainEqual(expect.objectContaining({ ruleId: 'healthcheck-required', file: 'docker-compose.yml', line: 4, column: 3 }));
  });

  it('sarif passes the SARIF Multitool with GitHub rules', async ({ skip }) => {
    if (!existsSync(MULTITOOL)) skip('SARIF Multitool not installed (dev dependency @microsoft/sarif-multitool-linux)');
    const r = await cli(['check', '--format', 'sarif', 'fixtures/seeds']);
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(20);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\/seeds\//);
    const problems = multitoolProblems(r.stdout);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const out = path.join(tmp, 'report.sarif');
    const r = await cli(['check', '--format', 'sarif', '--output', out, 'fixtures/seeds/emotion-visualizer']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('text has no colour when not a terminal, and NO_COLOR is honoured', async () => {
    const r = await cli(['check', 'fixtures/seeds/todo-chatbot'], root, { FORCE_COLOR: '1' });
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('never prints a secret in any format', async () => {
    const token = 'ghp_' + 'Zq8'.repeat(12);
    const dir = tree({ Dockerfile: `FROM alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\nRUN curl -H "Authorization: token ${token}" https://api.github.com\n` });
    for (const format of ['text', 'json', 'sarif']) {
      const r = await cli(['check', '--format', format], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('no-secrets-in-layers');
      expect(r.stdout).not.toContain(token.slice(0, 8));
    }
  });
});

describe('rules', () => {
  it('lists every rule as JSON with its metadata', async () => {
    const r = await cli(['rules', '--format', 'json']);
    const list = JSON.parse(r.stdout);
    expect(list.map((x: any) => x.id)).toEqual(
      expect.arrayContaining(['non-root-user', 'healthcheck-required', 'depends-on-healthy', 'unique-host-ports', 'node-modules-volume', 'no-secrets-in-layers', 'parse-error']),
    );
    for (const rule of list) expect(Object.keys(rule).sort()).toEqual(['aliases', 'description', 'id', 'level', 'tags', 'target']);
    expect(list.find((x: any) => x.id === 'non-root-user').aliases).toContain('DL3002');
  });
});

describe('a reader that stops early', () => {
  it('closing the pipe (| head) ends the run quietly: no EPIPE error, no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    // The fixtures' report (~500 KB) does not fit the pipe's buffer (64 KB): writes go on after the reader is gone.
    const child = spawn(process.execPath, [bin, 'check', 'fixtures', '--format', 'json', '--fail-level', 'none'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('standard output', () => {
  // Node makes the standard descriptors of the processes it starts blocking; other parents (Python's subprocess, which
  // pre-commit uses) may pass a non-blocking pipe on.
  const python = spawnSync('python3', ['-c', '0']).status === 0;
  it.skipIf(!python)('a non-blocking pipe from the parent still gets the whole report, in order (needs python3)', async () => {
    const args = ['check', 'fixtures', '--format', 'json', '--fail-level', 'none'];
    const direct = await cli(args);
    // The ~500 KB report meets a full pipe (EAGAIN) while the reader sleeps, and is written in parts.
    const parent = `import fcntl, os, subprocess, sys, time
fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK)
sys.exit(subprocess.run(sys.argv[1:]).returncode)`;
    const slowReader = `import subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
time.sleep(1.5)
sys.stdout.buffer.write(p.stdout.read())
sys.exit(p.wait())`;
    const { stdout, stderr } = await promisify(execFile)('python3', ['-c', slowReader, 'python3', '-c', parent, process.execPath, bin, ...args], { cwd: root, maxBuffer: 1 << 26 });
    expect(stderr).toBe('');
    expect(stdout.length).toBeGreaterThan(1 << 17);
    expect(stdout).toBe(direct.stdout);
  });
});

describe('code caches (src/util/code-cache.ts)', () => {
  // Records, in each thread, every script compiled with a code cache, the cache's size and whether V8 took it (as it
  // happens: a worker thread is stopped, not exited), and at exit whether node:v8 was loaded.
  const probe = `const vm = require('node:vm');
const { appendFileSync } = require('node:fs');
const thread = require('node:worker_threads').threadId;
vm.Script = class extends vm.Script {
  constructor(source, options) {
    super(source, options);
    if (options && options.cachedData) appendFileSync(process.env.PROBE_OUT, JSON.stringify({ thread, file: require('node:path').basename(options.filename), bytes: options.cachedData.length, rejected: this.cachedDataRejected }) + '\\n');
  }
};
process.on('exit', () => appendFileSync(process.env.PROBE_OUT, JSON.stringify({ thread, v8: process.moduleLoadList.includes('NativeModule v8') }) + '\\n'));`;
  const cacheOf = (file: string, tuned: boolean) => path.join(root, file === 'dockpolicy.cjs' ? 'dist/bundle' : 'dist', `${file}${tuned ? '.tuned' : ''}.cache`);
  const size = (file: string) => statSync(file).size;
  const run = async (args: string[], cwd: string) => {
    const probeFile = path.join(tmp, 'probe.cjs');
    writeFileSync(probeFile, probe);
    const out = path.join(tmp, `probe-${Math.random().toString(36).slice(2)}.jsonl`);
    const code = await promisify(execFile)(process.execPath, ['-r', probeFile, bin, ...args], { cwd, env: { PATH: process.env.PATH, PROBE_OUT: out } }).then(
      () => 0,
      (e) => e.code as number,
    );
    expect(code === 0 || code === 1).toBe(true);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const loads = records.filter((r) => 'file' in r);
    return {
      v8: records.find((r) => 'v8' in r && r.thread === 0)?.v8,
      rejected: loads.filter((r) => r.rejected),
      /** A thread's cached loads in order, each marked when it read the tuned cache (told by size, where sizes differ). */
      loads: (thread: number) => loads.filter((r) => r.thread === thread).map((r) => `${r.file}${r.bytes === size(cacheOf(r.file, true)) && r.bytes !== size(cacheOf(r.file, false)) ? ' tuned' : ''}`),
    };
  };

  it('the two caches of a file differ in size, so that the tests below can tell which was read', () => {
    for (const file of ['dockpolicy.cjs', 'compose-schema-validator.cjs']) expect(size(cacheOf(file, true))).not.toBe(size(cacheOf(file, false)));
  });

  // A key the schema does not know: the compose-schema rule's quick verdict hands such a file to the precompiled
  // validator, which every file below then loads.
  const invalid = (i: number | string) => `services:\n  app${i}:\n    image: alpine:3.20\n    restrat: always\n`;

  it('a small run reads the caches written without tuned V8 flags, all accepted, and never loads node:v8', async () => {
    const r = await run(['check', 'compose.yaml', '--format', 'json', '--config', path.join(root, 'presets/strict.yaml')], tree({ 'compose.yaml': invalid('') }));
    expect(r.v8).toBe(false);
    expect(r.loads(0)).toEqual(expect.arrayContaining(['dockpolicy.cjs', 'compose-schema-validator.cjs', 'config-shape-validator.cjs']));
    expect(r.loads(0).filter((l) => l.endsWith('tuned'))).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('a run of more than a batch tunes V8 before checking: what this thread loads then, and a worker thread, read the tuned caches', async () => {
    // Enough batches that the worker thread, which takes batches only once it is ready, gets some.
    const dir = tree(Object.fromEntries(Array.from({ length: 640 }, (_, i) => [`s${i}/compose.yaml`, invalid(i)])));
    const r = await run(['check', '.', '--format', 'json', '--concurrency', '2'], dir);
    expect(r.v8).toBe(true);
    expect(r.loads(0)).toEqual(['dockpolicy.cjs', 'compose-schema-validator.cjs tuned']);
    expect(r.loads(1)).toEqual(['dockpolicy.cjs tuned', 'compose-schema-validator.cjs tuned']);
    expect(r.rejected).toEqual([]);
  });

  it('a command line of more than a batch of files tunes V8 before the bundle loads', async () => {
    const names = Array.from({ length: 70 }, (_, i) => `s${i}/compose.yaml`);
    const dir = tree(Object.fromEntries(names.map((n, i) => [n, invalid(i)])));
    const r = await run(['check', ...names, '--format', 'json', '--concurrency', 'off'], dir);
    expect(r.v8).toBe(true);
    expect(r.loads(0)).toEqual(['dockpolicy.cjs tuned', 'compose-schema-validator.cjs tuned']);
    expect(r.loads(1)).toEqual([]); // --concurrency off: no worker thread, not even one started before the bundle
    expect(r.rejected).toEqual([]);
  });

  it('the worker thread started before the bundle loads (a command line of many files) is the one that checks', async () => {
    const names = Array.from({ length: 640 }, (_, i) => `s${i}/compose.yaml`);
    const dir = tree(Object.fromEntries(names.map((n, i) => [n, invalid(i)])));
    const r = await run(['check', ...names, '--format', 'json', '--concurrency', '2'], dir);
    expect(r.loads(0)).toEqual(['dockpolicy.cjs tuned', 'compose-schema-validator.cjs tuned']);
    expect(r.loads(1)).toEqual(['dockpolicy.cjs tuned', 'compose-schema-validator.cjs tuned']);
    expect(r.loads(2)).toEqual([]);
    expect(r.rejected).toEqual([]);
    const direct = await cli(['check', ...names, '--format', 'json', '--concurrency', 'off'], dir);
    expect((await cli(['check', ...names, '--format', 'json'], dir)).stdout).toBe(direct.stdout);
  });
});
