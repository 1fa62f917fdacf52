// The tool never executes code from the repository it checks: configuration is data (JavaScript configs in the tree,
// `--config x.js` and `extends: ./x.js` are never loaded), and a full run starts no process: the sources import no
// facility for one (static), and a run with every command on PATH replaced by a script that leaves a marker leaves
// none (dynamic), whatever the Dockerfiles, compose files and env files ask to run.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeTree } from './cli-helper.js';

const root = path.resolve(import.meta.dirname, '..');
let tmp: string;
let marker: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-no-exec-'));
  marker = path.join(tmp, 'MARKER');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ran = () => (existsSync(marker) ? readFileSync(marker, 'utf8') : '');
const rootImage = { Dockerfile: 'FROM alpine:3.20\nRUN true\n' };
/** A config in JavaScript that would turn off non-root-user, and leave the marker, if it were ever run. */
const jsConfig = () => `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'config ran\\n');\nmodule.exports = { rules: { 'non-root-user': 'off' } };\n`;
const esmConfig = () => `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(marker)}, 'config ran\\n');\nexport default { rules: { 'non-root-user': 'off' } };\n`;

async function ruleIds(dir: string, args: string[] = []): Promise<{ code: number; ids: string[]; stderr: string }> {
  const r = await runCli(['check', '--format', 'json', ...args], dir);
  return { code: r.code, stderr: r.stderr, ids: r.stdout ? (JSON.parse(r.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId).sort() : [] };
}

describe('configuration is data', () => {
  it.each([
    ['.dockpolicy.js', jsConfig],
    ['.dockpolicy.cjs', jsConfig],
    ['.dockpolicy.mjs', esmConfig],
    ['.dockpolicy.ts', esmConfig],
    ['dockpolicy.config.js', jsConfig],
    ['dockpolicy.config.mjs', esmConfig],
  ])('%s in the tree is never loaded: the defaults apply', async (name, text) => {
    const dir = writeTree(tmp, { ...rootImage, [name]: text() });
    const r = await ruleIds(dir);
    expect(r.stderr).toBe('');
    expect(r.ids).toEqual(['healthcheck-required', 'non-root-user']);
    expect(ran()).toBe('');
  });

  it('a package.json with a dockpolicy key is read as JSON; its scripts never run', async () => {
    const pkg = { name: 'app', scripts: { preinstall: `touch ${marker}`, dockpolicy: `touch ${marker}`, prepare: `touch ${marker}` }, dockpolicy: { rules: { 'non-root-user': 'off' } } };
    const dir = writeTree(tmp, { ...rootImage, 'package.json': JSON.stringify(pkg) });
    const r = await ruleIds(dir);
    expect(r.ids).toEqual(['healthcheck-required']); // the data was applied
    expect(ran()).toBe('');
  });

  it.each([
    ['--config x.js', { 'x.js': jsConfig() }, ['--config', 'x.js'], 'x.js'],
    ['--config x.mjs', { 'x.mjs': esmConfig() }, ['--config', 'x.mjs'], 'x.mjs'],
    ['extends: ./team.cjs', { '.dockpolicy.yaml': 'extends: ./team.cjs\n', 'team.cjs': jsConfig() }, [], 'team.cjs'],
  ])('%s: a one-line error naming the file, and nothing run', async (_name, files, args, file) => {
    const dir = writeTree(tmp, { ...rootImage, ...files });
    const r = await runCli(['check', ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`dockpolicy: ${file}: a JavaScript config is not loaded: dockpolicy never runs code from the repository it checks (configuration is data: .dockpolicy.yaml, .yml or .json)\n`);
    expect(ran()).toBe('');
  });

  it('YAML tags that some loaders execute are plain data here', async () => {
    const code = `function () { require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'tag ran') }`;
    const dir = writeTree(tmp, {
      ...rootImage,
      '.dockpolicy.yaml': `rules:\n  non-root-user: !!js/function "${code}"\n`,
      'compose.yaml': `x-hook: !!python/object/apply:os.system ["touch ${marker}"]\nservices:\n  a:\n    image: !!js/function "${code}"\n`,
    });
    const r = await runCli(['check'], dir);
    expect(r.code).toBe(2); // the level is not a level
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(ran()).toBe('');
  });
});

/** Non-test TypeScript files of src/ and rules/, relative to the repository. */
function sources(): string[] {
  return ['src', 'rules'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`),
  );
}

describe('no process is started', () => {
  it('the sources import no facility that runs a process or evaluates code, and load only package files', () => {
    const problems: string[] = [];
    const THREADS = ['src/engine/large-run.ts', 'src/engine/pool.ts', 'src/engine/worker.ts'];
    /**
     * The loads whose target is not a string literal, all through loadCommonJs (src/util/code-cache.ts, the one user of
     * vm): files of this package (dist/) and the shell parser, never one of the checked repository.
     */
    const KNOWN_VM_LOADS: Record<string, RegExp> = {
      'src/engine/config.ts': /loadCommonJs\(path\.join\(packageRoot\(\), 'dist', '(?:config-(?:shape-)?|rule-options-)validator\.cjs'\)\)/,
      'rules/compose-schema.ts': /loadCommonJs\(path\.join\(packageRoot\(\), 'dist', 'compose-schema-validator\.cjs'\)\)/,
      'src/parse/shell.ts': /loadCommonJs\(require\.resolve\('mvdan-sh'\), shellCodeCache\(\)\)/,
    };
    for (const file of sources()) {
      const text = readFileSync(path.join(root, file), 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, ''); // comments say what they like
      if (/['"](?:node:)?(?:child_process|cluster)['"]/.test(text)) problems.push(`${file}: imports child_process or cluster`);
      // Threads run this package's own CLI script and nothing else (checked below).
      if (/['"](?:node:)?worker_threads['"]/.test(text) && !THREADS.includes(file)) problems.push(`${file}: imports worker_threads`);
      if (/\beval\s*\(|new\s+Function\s*\(/.test(text)) problems.push(`${file}: eval or new Function`);
      // vm runs only the files loadCommonJs is given (below).
      if (/['"](?:node:)?vm['"]/.test(text) && file !== 'src/util/code-cache.ts') problems.push(`${file}: imports vm`);
      for (const m of text.matchAll(/\bloadCommonJs\(/g)) {
        if (file === 'src/util/code-cache.ts' && /^export function /m.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue;
        const known = KNOWN_VM_LOADS[file];
        if (!known || !new RegExp(known.source, 'y').test(text.slice(m.index))) problems.push(`${file}: loadCommonJs of an unknown file: ${text.slice(m.index, m.index + 80)}`);
      }
      if (/\b(?:process\.binding|process\.dlopen)\b/.test(text)) problems.push(`${file}: process.binding/dlopen`);
      for (const m of text.matchAll(/\b(?:import|require|createRequire\([^)]*\))\s*\(\s*([^)'"`\s][^)]*|`[^`]*\$\{)/g)) problems.push(`${file}: a load of a computed path: ${m[0]}`);
    }
    const shell = readFileSync(path.join(root, 'src/parse/shell.ts'), 'utf8');
    expect(shell).toMatch(/require\.resolve\('mvdan-sh'\)/); // what vm runs
    // What a thread runs: one place starts threads, with the script it is given, and that is the package's own CLI, from
    // the pool and from the bundle's loader (written by scripts/build.mjs).
    const start = readFileSync(path.join(root, 'src/engine/large-run.ts'), 'utf8');
    expect(start.match(/new Worker\(/g)).toEqual(['new Worker(']);
    expect(start).toMatch(/export function startWorkerThread\(bin: string\)[^]*new Worker\(bin, /);
    const callers = sources().flatMap((file) => [...readFileSync(path.join(root, file), 'utf8').matchAll(/\b(startWorkerThread|startWorkerAtLoad)\((?!bin: |argv: )[^;]*/g)].map((m) => `${file}: ${m[0]}`));
    expect(callers).toEqual([
      "src/engine/large-run.ts: startWorkerThread(bin))",
      "src/engine/pool.ts: startWorkerThread(path.join(packageRoot(), 'bin', 'dockpolicy.js')))",
    ]);
    expect(readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8')).toMatch(/startWorkerAtLoad\(process\.argv, path\.join\(__dirname, '\.\.', '\.\.', 'bin', 'dockpolicy\.js'\)\)/);
    expect(problems).toEqual([]);
    expect(sources().length).toBeGreaterThan(100);
  });

  it('the built bundle has no child_process either', ({ skip }) => {
    const bundle = path.join(root, 'dist/bundle');
    if (!existsSync(bundle)) skip('dist/bundle is missing: run `npm run build`');
    const files = [...readdirSync(bundle).map((f) => `bundle/${f}`), ...readdirSync(path.join(root, 'dist'))].filter((f) => /\.c?js$/.test(f));
    expect(files).toEqual(expect.arrayContaining(['bundle/dockpolicy.cjs', 'bundle/dockpolicy.js', 'config-validator.cjs', 'compose-schema-validator.cjs']));
    expect(files.filter((f) => /child_process/.test(readFileSync(path.join(root, 'dist', f), 'utf8')))).toEqual([]);
  });

  /** A directory of scripts named like every command a run could be tempted to start, each appending to the marker. */
  function stubPath(): string {
    const dir = path.join(tmp, 'stub-bin');
    mkdirSync(dir, { recursive: true });
    const commands = ['sh', 'bash', 'dash', 'zsh', 'ash', 'busybox', 'env', 'git', 'docker', 'docker-compose', 'podman', 'buildah', 'hadolint', 'shellcheck', 'node', 'npm', 'npx', 'python', 'python3', 'perl', 'ruby', 'make', 'curl', 'wget', 'apt-get', 'apk', 'chpasswd', 'sudo', 'touch', 'ls', 'cat', 'true'];
    for (const c of commands) {
      writeFileSync(path.join(dir, c), `#!/bin/sh\necho "${c} $*" >> ${JSON.stringify(marker)}\n`);
      chmodSync(path.join(dir, c), 0o755);
    }
    return dir;
  }

  /** Everything that asks for a command: RUN (shell, exec and heredoc forms), ONBUILD, SHELL, HEALTHCHECK, compose
   * hooks, healthchecks, commands, watch actions, `$(...)` and backticks in env files and interpolation. */
  const busyTree = () => ({
    '.dockpolicy.yaml': 'extends: strict\n',
    '.git/hooks/post-checkout': `#!/bin/sh\ntouch ${marker}\n`,
    'Makefile': `all:\n\ttouch ${marker}\n`,
    'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: `touch ${marker}`, test: `touch ${marker}` } }),
    'app/Dockerfile': [
      '# syntax=docker/dockerfile:1',
      'FROM alpine:3.20 AS base',
      `SHELL ["/bin/bash", "-c"]`,
      `RUN touch ${marker} && $(touch ${marker}) && \`touch ${marker}\``,
      `RUN ["sh", "-c", "touch ${marker}"]`,
      'RUN <<EOF',
      `touch ${marker}`,
      'EOF',
      `ONBUILD RUN touch ${marker}`,
      `HEALTHCHECK CMD touch ${marker}`,
      `ENV X=$(touch ${marker})`,
      'COPY . /app',
      `CMD touch ${marker}`,
      '',
    ].join('\n'),
    'app/.dockerignore': '.git\n',
    'compose.yaml': [
      'services:',
      '  app:',
      '    build: { context: ./app, args: { A: "$(touch marker)" } }',
      `    command: ["sh", "-c", "touch ${marker}"]`,
      `    entrypoint: touch ${marker}`,
      '    healthcheck:',
      `      test: ["CMD-SHELL", "touch ${marker}"]`,
      '    post_start:',
      `      - command: touch ${marker}`,
      '    develop:',
      '      watch:',
      `        - { path: ./app, action: sync+exec, target: /app, exec: { command: touch ${marker} } }`,
      '    env_file: app.env',
      '    environment:',
      `      FROM_SHELL: \${UNSET:-$(touch ${marker})}`,
      '',
    ].join('\n'),
    'app.env': `A=$(touch ${marker})\nB=\`touch ${marker}\`\n`,
    '.env': `C=$(touch ${marker})\n`,
  });

  it('a full check in every mode with commands on PATH replaced by marker scripts: none is started', async () => {
    const dir = writeTree(tmp, busyTree());
    const saved = process.env.PATH;
    process.env.PATH = stubPath(); // what a spawned command would be looked up in
    try {
      const runs = [
        await runCli(['check', '.', '--format', 'sarif'], dir),
        await runCli(['check', '--changed', 'app/Dockerfile', 'compose.yaml'], dir),
        await runCli(['check', '-', '--stdin-filename', 'app/Dockerfile'], dir, {}, readFileSync(path.join(dir, 'app/Dockerfile'), 'utf8')),
        await runCli(['baseline', '.', '--baseline', path.join(tmp, 'no-exec-baseline.json')], dir),
        await runCli(['print-config', 'compose.yaml'], dir),
      ];
      expect(runs.map((r) => r.code)).toEqual([1, 1, 0, 0, 0]); // stdin: one warning (the file judged as its stack sees it)
      expect(runs[2]!.stdout).toMatch(/^app\/Dockerfile\n/);
      expect(JSON.parse(runs[0]!.stdout).runs[0].results.length).toBeGreaterThan(5);
    } finally {
      process.env.PATH = saved;
    }
    expect(ran()).toBe('');
  });

  it('the built CLI likewise, as a process of its own with only the stubs on PATH', async ({ skip }) => {
    const bin = path.join(root, 'bin/dockpolicy.js');
    if (!existsSync(path.join(root, 'dist/bundle/dockpolicy.js'))) skip('dist/bundle is missing: run `npm run build`');
    const dir = writeTree(tmp, busyTree());
    const r = await promisify(execFile)(process.execPath, [bin, 'check', '.'], { cwd: dir, env: { PATH: stubPath(), DOCKPOLICY_DEBUG: '1' } }).catch((e: { code: number; stdout: string }) => e);
    expect((r as { code?: number }).code).toBe(1);
    expect(ran()).toBe('');
  });
});
