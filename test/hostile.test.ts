// Hostile and broken input, through the CLI as a user runs it: each case gives a clear finding (rule and place) or a
// clear one-line message, the other files of the run are still checked, and nothing prints a stack trace.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../src/engine/run.js';
import { defineRule, type Rule } from '../src/engine/rule.js';
import { Project } from '../src/model/project.js';
import { runCli, writeTree } from './cli-helper.js';
import { sarifSchemaMissing, sarifValidator } from './sarif-schema.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-hostile-'));
});
afterAll(() => {
  // Unreadable files and directories must be made readable again to be removed.
  try {
    chmodSync(path.join(tmp, 'locked'), 0o755);
  } catch {
    // not made
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** A file every tree holds: its finding shows the run went on past the hostile file. */
const CONTROL = { 'ok/Dockerfile': 'FROM alpine:3.20\nHEALTHCHECK CMD true\n' };
const CONTROL_FINDING = 'ok/Dockerfile:1:1 non-root-user';

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endColumn: number;
  message: string;
}

/** `check <paths> --format json` in `dir`: the exit code, stderr, and each finding as `file:line:column ruleId`. */
async function check(dir: string, paths: string[] = ['.']) {
  const started = performance.now();
  const r = await runCli(['check', ...paths, '--format', 'json'], dir);
  const ms = performance.now() - started;
  const findings: Finding[] = r.stdout ? JSON.parse(r.stdout).findings : [];
  return { ...r, ms, findings, where: findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`) };
}

/** What every case asserts besides its own finding: the run finished, went on, and printed no stack trace. */
function ranOn(r: Awaited<ReturnType<typeof check>>) {
  if (process.env.HOSTILE_DEBUG) console.log(r.stderr, r.where, parseErrors(r));
  expect(r.stderr, 'stderr').not.toMatch(/\n\s+at |Error:|internal error/);
  expect([0, 1]).toContain(r.code);
  expect(r.where).toContain(CONTROL_FINDING);
}

const parseErrors = (r: Awaited<ReturnType<typeof check>>) => r.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

describe('hostile and broken input', () => {
  it('a YAML alias bomb ("billion laughs") is a parse-error at its first alias, found without expanding it', async () => {
    const levels = 'abcdefghij';
    const bomb = [`x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
    for (let i = 1; i < levels.length; i++) bomb.push(`x-${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`);
    const dir = writeTree(tmp, { ...CONTROL, 'bomb/compose.yaml': `${bomb.join('\n')}\nservices:\n  web:\n    image: nginx:1.27\n    labels: *j\n` });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual(['bomb/compose.yaml:2:10 Cannot parse this file: aliases stand for more than 100,000 nodes (limits.maxAliasNodes): an alias bomb is not expanded.']);
    expect(r.ms).toBeLessThan(5000);
  });

  it('nesting a thousand levels deep, in flow and in block style, is a parse-error where it goes past 200 levels', async () => {
    const flow = `services:\n  web:\n    image: nginx:1.27\n    labels: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const block = `x-deep:\n${Array.from({ length: 1000 }, (_, d) => `${'  '.repeat(d + 1)}k${d}:`).join('\n')} v\nservices: {}\n`;
    // Dockerfiles nest too: a JSON CMD and a RUN of command substitutions a thousand deep are checked as usual.
    const dockerfile = `FROM alpine:3.20\nRUN echo ${'$(echo '.repeat(1000)}${')'.repeat(1000)}\nCMD ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const dir = writeTree(tmp, { ...CONTROL, 'flow/compose.yaml': flow, 'block/compose.yaml': block, 'deep/Dockerfile': dockerfile });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'block/compose.yaml:201:1 Cannot parse this file: nested more than 200 levels deep: not parsed.',
      'flow/compose.yaml:4:210 Cannot parse this file: nested more than 200 levels deep: not parsed.',
    ]);
    expect(r.where).toContain('deep/Dockerfile:1:1 non-root-user');
  });

  it('a 50 MB file is reported as too large at 1:1 without being read', async () => {
    const dir = writeTree(tmp, { ...CONTROL });
    const line = Buffer.from('RUN echo "padding padding padding padding padding padding padding padding"\n');
    for (const name of ['big/Dockerfile', 'big/compose.yaml']) {
      mkdirSync(path.join(dir, 'big'), { recursive: true });
      const fd = openSync(path.join(dir, name), 'w');
      const chunk = Buffer.concat(Array(1 << 14).fill(line)); // ~1.2 MB
      for (let left = 50 * 1024 * 1024; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
      closeSync(fd);
    }
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'big/Dockerfile:1:1 Cannot parse this file: file too large to check: 50 MB, over the limit of 10 MB (limits.maxFileSize).',
      'big/compose.yaml:1:1 Cannot parse this file: file too large to check: 50 MB, over the limit of 10 MB (limits.maxFileSize).',
    ]);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a binary file named Dockerfile or compose.yaml is reported as binary at 1:1', async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)); // holds NUL bytes
    const dir = writeTree(tmp, { ...CONTROL });
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'bin/Dockerfile'), binary);
    writeFileSync(path.join(dir, 'bin/compose.yaml'), binary);
    // Binary without NUL bytes (bytes 0x80-0xFF: not UTF-8 either): a compose file is refused, a Dockerfile read as
    // Docker reads it, its unknown instruction masked rather than printed.
    mkdirSync(path.join(dir, 'high'));
    writeFileSync(path.join(dir, 'high/Dockerfile'), Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)));
    writeFileSync(path.join(dir, 'high/compose.yaml'), Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + i)));
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'bin/Dockerfile:1:1 Cannot parse this file: binary file (it holds NUL bytes), not text.',
      'bin/compose.yaml:1:1 Cannot parse this file: binary file (it holds NUL bytes), not text.',
      'high/Dockerfile:1:1 Cannot parse this file: unknown instruction: \uFFFD\uFFFD\uFFFD\uFFFD… (64 chars).',
      'high/compose.yaml:1:1 Cannot parse this file: invalid UTF-8: a compose file must be UTF-8 text.',
    ]);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f]/); // no control character reaches the output
  });

  it('invalid UTF-8: a compose file is a parse-error at the first bad byte; a Dockerfile is checked, positions intact', async () => {
    const dir = writeTree(tmp, { ...CONTROL });
    mkdirSync(path.join(dir, 'utf8'));
    // \xC3\x28 is an invalid two-byte sequence, \xFF never occurs in UTF-8.
    writeFileSync(path.join(dir, 'utf8/compose.yaml'), Buffer.concat([Buffer.from('services:\n  web:\n    image: ng'), Buffer.from([0xc3, 0x28]), Buffer.from('inx:latest\n')]));
    writeFileSync(path.join(dir, 'utf8/Dockerfile'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xff, 0xfe]), Buffer.from('\nFROM node:latest\nUSER 1000\nHEALTHCHECK CMD true\n')]));
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual(['utf8/compose.yaml:3:14 Cannot parse this file: invalid UTF-8: a compose file must be UTF-8 text.']);
    expect(r.where).toContain('utf8/Dockerfile:2:11 no-latest-tag');
  });

  it('a byte order mark is dropped: no parse-error, columns as editors count them', async () => {
    const dir = writeTree(tmp, {
      ...CONTROL,
      'bom/Dockerfile': '\uFEFFFROM node:latest\nUSER 1000\nHEALTHCHECK CMD true\n',
      'bom/compose.yaml': '\uFEFFservices:\n  web:\n    image: nginx:latest\n',
    });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([]);
    const at = (file: string, rule: string) => r.findings.filter((f) => f.file === file && f.ruleId === rule).map((f) => `${f.line}:${f.column}-${f.endColumn}`);
    expect(at('bom/Dockerfile', 'no-latest-tag')).toEqual(['1:11-17']);
    expect(r.where).toContain('bom/compose.yaml:3:12 compose-image-tag');
  });

  it('CRLF line endings: the same findings at the same lines and columns as with LF', async () => {
    const files = {
      'Dockerfile': 'FROM node:latest\nRUN apt-get update && apt-get install -y curl\nUSER 1000\nHEALTHCHECK CMD true\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    image: acme/web:latest\n    privileged: true\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n',
    };
    const crlf = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]));
    const lf = await check(writeTree(tmp, files));
    const cr = await check(writeTree(tmp, crlf));
    expect(lf.findings.length).toBeGreaterThan(5);
    const shape = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.ruleId}`);
    expect(shape(cr.findings)).toEqual(shape(lf.findings));
    expect(parseErrors(cr)).toEqual([]);
  });

  it('tabs: indenting YAML with them is a parse-error at the tab; in a Dockerfile a tab is one column', async () => {
    const dir = writeTree(tmp, {
      ...CONTROL,
      'tabs/compose.yaml': 'services:\n  web:\n\timage: nginx:latest\n',
      'tabs/Dockerfile': 'FROM\tnode:latest\nUSER\t1000\nHEALTHCHECK\tCMD true\n',
    });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([expect.stringMatching(/^tabs\/compose\.yaml:3:1 Cannot parse this file: .*[Tt]ab/)]);
    expect(r.where).toContain('tabs/Dockerfile:1:11 no-latest-tag'); // F-R-O-M, tab, n-o-d-e, colon: column 11
  });

  it('empty files: an empty Dockerfile is a parse-error as BuildKit says it; empty compose, .env, .dockerignore pass', async () => {
    const dir = writeTree(tmp, { ...CONTROL, 'empty/Dockerfile': '', 'empty/compose.yaml': '', 'empty/.env': '', 'empty/.dockerignore': '', 'comments/Dockerfile': '# nothing yet\n' });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual(['comments/Dockerfile:1:1 Cannot parse this file: file with no instructions.', 'empty/Dockerfile:1:1 Cannot parse this file: file with no instructions.']);
  });

  it('a directory named Dockerfile is no Dockerfile to discovery; built from, it is a clear finding', async () => {
    const dir = writeTree(tmp, {
      ...CONTROL,
      'svc/Dockerfile/README.md': 'not a Dockerfile\n',
      'svc/compose.yaml': 'services:\n  web:\n    build: { context: ., dockerfile: Dockerfile }\n',
    });
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual(['svc/Dockerfile:1:1 Cannot parse this file: cannot read file: it is a directory.']);
  });

  it('an unreadable file is a clear finding (skipped when running as root, where chmod does not stop reading)', async ({ skip }) => {
    const dir = writeTree(tmp, { ...CONTROL, 'locked/Dockerfile': 'FROM alpine:3.20\n', 'locked/compose.yaml': 'services:\n  a:\n    image: nginx:1.27\n' });
    const locked = path.join(dir, 'locked');
    chmodSync(path.join(locked, 'Dockerfile'), 0o000);
    chmodSync(path.join(locked, 'compose.yaml'), 0o000);
    let readable = true;
    try {
      readFileSync(path.join(locked, 'Dockerfile'));
    } catch {
      readable = false;
    }
    if (readable) skip('running as root (or with CAP_DAC_OVERRIDE): a file with mode 000 is still readable, so unreadability cannot be tested here');
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'locked/Dockerfile:1:1 Cannot parse this file: cannot read file: permission denied (EACCES).',
      'locked/compose.yaml:1:1 Cannot parse this file: cannot read file: permission denied (EACCES).',
    ]);
  });

  it('symlink loops in a searched directory are skipped; a looping .env or built Dockerfile is a clear finding', async () => {
    const dir = writeTree(tmp, { ...CONTROL, 'loop/compose.yaml': 'services:\n  web:\n    build: { context: ., dockerfile: Dockerfile }\n' });
    const loop = path.join(dir, 'loop');
    symlinkSync('.env.b', path.join(loop, '.env')); // .env -> .env.b -> .env
    symlinkSync('.env', path.join(loop, '.env.b'));
    symlinkSync('Dockerfile', path.join(loop, 'Dockerfile')); // a link to itself
    symlinkSync('.', path.join(loop, 'again')); // a directory that contains itself
    symlinkSync('..', path.join(loop, 'up'));
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'loop/.env:1:1 Cannot parse this file: cannot read file: a symbolic link loop (ELOOP).',
      'loop/Dockerfile:1:1 Cannot parse this file: cannot read file: a symbolic link loop (ELOOP).',
    ]);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('devices and FIFOs are never read: a .env linked to /dev/zero or a FIFO named Dockerfile does not hang the run', async ({ skip }) => {
    if (process.platform === 'win32') skip('no /dev/zero or FIFOs on Windows');
    const dir = writeTree(tmp, { ...CONTROL, 'dev/compose.yaml': 'services:\n  web:\n    build: { context: ., dockerfile: Dockerfile }\n' });
    symlinkSync('/dev/zero', path.join(dir, 'dev/.env'));
    execFileSync('mkfifo', [path.join(dir, 'dev/Dockerfile')]); // discovery passes it by, the build names it
    const r = await check(dir);
    ranOn(r);
    expect(parseErrors(r)).toEqual([
      'dev/.env:1:1 Cannot parse this file: cannot read file: not a regular file.',
      'dev/Dockerfile:1:1 Cannot parse this file: cannot read file: not a regular file.',
    ]);
  });

  // Env files and .dockerignore files are read only when they are regular files of sane size.
  it('a service env_file that is /dev/zero, or a .dockerignore linked to it, does not end the run', async () => {
    const dir = writeTree(tmp, { ...CONTROL, 'dev2/compose.yaml': 'services:\n  web:\n    build: .\n    env_file: /dev/zero\n', 'dev2/Dockerfile': 'FROM alpine:3.20\n' });
    symlinkSync('/dev/zero', path.join(dir, 'dev2/.dockerignore'));
    ranOn(await check(dir));
  });

  it('paths with spaces and non-ASCII characters are checked and reported as written; SARIF stays valid', async () => {
    const files = {
      ...CONTROL,
      'my app/Dockerfile': 'FROM node:latest\n',
      'naïve/ünï cödé/compose.yaml': 'services:\n  wéb:\n    image: nginx:latest\n',
      '日本語/🐳 whale/Dockerfile.prod': 'FROM python:latest\n',
      'per%cent #hash/Dockerfile': 'FROM ruby:latest\n',
    };
    const dir = writeTree(tmp, files);
    const r = await check(dir);
    ranOn(r);
    for (const [file, line, column] of [
      ['my app/Dockerfile', 1, 11],
      ['naïve/ünï cödé/compose.yaml', 3, 12],
      ['日本語/🐳 whale/Dockerfile.prod', 1, 13],
      ['per%cent #hash/Dockerfile', 1, 11],
    ] as const) {
      expect(r.findings.some((f) => f.file === file && f.line === line && f.column === column), `${file}:${line}:${column}`).toBe(true);
    }
    const sarif = await runCli(['check', '.', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout);
    const uris: string[] = log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('per%25cent%20%23hash/Dockerfile');
    if (!sarifSchemaMissing) expect(sarifValidator()(log)).toEqual([]);
    const text = await runCli(['check', '.'], dir);
    expect(text.stdout).toContain('日本語/🐳 whale/Dockerfile.prod');
  });

  it('a rule that throws on hostile input is reported in one short line, not with its whole message', () => {
    const secret = 'ghp_Q7x9Wm2LpZ4kT8vR3nB6yH1cJ5dF0sGaE2uK';
    const thrower = defineRule({
      meta: { id: 'thrower', aliases: [], level: 'error', target: 'project', tags: [], description: 'Throws.', docs: { what: '', why: '', example: '', fix: '' }, messages: {} },
      check() {
        throw new SyntaxError(`Invalid regular expression: /^${'\\u{41}'.repeat(5000)}${secret}$/: Regular expression too large\n    at new RegExp`);
      },
    }) as Rule;
    const { crashes } = runRules(new Project(tmp), [thrower], new Map([['thrower', { level: 'error' as const, options: {} }]]));
    expect(crashes).toHaveLength(1);
    expect(crashes[0]!.message).not.toContain('\n');
    expect(crashes[0]!.message.length).toBeLessThanOrEqual(201);
    expect(crashes[0]!.message).not.toContain(secret.slice(4, 12));
  });

  it('the YAML parser writes nothing of its own to stderr (its warnings quote the document)', async () => {
    const warnings: unknown[] = [];
    const listener = (w: unknown) => warnings.push(w);
    process.on('warning', listener);
    try {
      const dir = writeTree(tmp, { ...CONTROL, 'keys/compose.yaml': '? { PASSWORD: hunter2hunter2 }\n: x\nservices:\n  web:\n    image: nginx:1.27\n    labels: { ? [a, b] : c }\n' });
      ranOn(await check(dir));
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listener);
    }
    expect(warnings.map(String)).toEqual([]);
  });

  it('a RUN of 20,000 chained commands and a Dockerfile of 20,000 RUNs are checked, without a crash and in seconds', async () => {
    const dir = writeTree(tmp, {
      ...CONTROL,
      // `a && b && ...` nests one level per operator: walked recursively, it exhausted the stack in every shell rule.
      'chain/Dockerfile': `FROM alpine:3.20\nRUN true${' \\\n  && true | cat'.repeat(20_000)}\nRUN sudo true\n`,
      // The SHELL in effect was searched for from the stage's start at each RUN: minutes for this file.
      'many/Dockerfile': `FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\n${'RUN true\n'.repeat(20_000)}RUN sudo true\n`,
    });
    const r = await check(dir);
    ranOn(r);
    expect(r.where).toContain(`chain/Dockerfile:${20_000 + 3}:5 no-sudo`);
    expect(r.where).toContain(`many/Dockerfile:${20_000 + 3}:5 no-sudo`);
    expect(r.ms).toBeLessThan(30_000);
  });
});

