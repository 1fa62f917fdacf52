// The CLI's run modes for integrations: --changed (pre-commit), stdin (editors), several reports per run,
// --max-warnings and --fail-level none. In-process, from the sources.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeTree } from './cli-helper.js';

let tmp: string;
beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-modes-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout).findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);

// A Dockerfile without USER, built by a service that sets `user:`, and an unrelated bad Dockerfile.
const stack = {
  'compose.yaml': 'services:\n  api:\n    build: .\n    user: "1000"\n',
  Dockerfile: 'FROM node:20-alpine\nHEALTHCHECK CMD true\nCMD ["node", "server.js"]\n',
  'other/Dockerfile': 'FROM alpine:latest\n',
};

describe('--changed', () => {
  it('judges a changed Dockerfile as the service that builds it sees it', async () => {
    const dir = writeTree(tmp, stack);
    const alone = await runCli(['check', 'Dockerfile', '--format', 'json'], dir);
    expect(json(alone.stdout)).toContain('Dockerfile:1:1 non-root-user');
    const changed = await runCli(['check', '--changed', 'Dockerfile', '--format', 'json'], dir);
    expect(json(changed.stdout)).toEqual([]);
    expect(changed.code).toBe(0);
  });
});

describe('--changed reports only the files named', () => {
  const base = {
    'compose.yaml': 'services:\n  web:\n    image: nginx:latest\n    user: "101"\n    healthcheck:\n      test: ["CMD", "true"]\n',
    'compose.override.yaml': 'services:\n  web:\n    privileged: true\n',
    'other/Dockerfile': 'FROM alpine:latest\n',
  };

  it('a changed override file is judged merged with its base, and the base is not reported', async () => {
    const dir = writeTree(tmp, base);
    const all = await runCli(['check', '--format', 'json'], dir);
    expect(json(all.stdout)).toEqual(expect.arrayContaining(['compose.override.yaml:3:17 no-privileged', 'compose.yaml:3:12 compose-image-tag', 'other/Dockerfile:1:13 no-latest-tag']));
    const changed = await runCli(['check', '--changed', 'compose.override.yaml', '--format', 'json'], dir);
    expect(json(changed.stdout)).toEqual(['compose.override.yaml:3:17 no-privileged']);
    expect(json(changed.stdout)).toEqual(json(all.stdout).filter((f: string) => f.startsWith('compose.override.yaml:')));
    expect(changed.code).toBe(1);
    // The override alone is a fragment: its service has no image, yet nothing complains about that.
    expect(JSON.parse(changed.stdout).summary.files).toBe(1);
  });

  it('a changed Dockerfile nobody builds is judged on its own; a directory names every file under it', async () => {
    const dir = writeTree(tmp, base);
    const expected = json((await runCli(['check', '--format', 'json'], dir)).stdout).filter((f: string) => f.startsWith('other/'));
    expect(expected).toContain('other/Dockerfile:1:13 no-latest-tag');
    expect(json((await runCli(['check', '--changed', 'other/Dockerfile', '--format', 'json'], dir)).stdout)).toEqual(expected);
    expect(json((await runCli(['check', '--changed', 'other', '--format', 'json'], dir)).stdout)).toEqual(expected);
  });

  it('a changed file of another kind (.env) only filters the report', async () => {
    const dir = writeTree(tmp, { ...base, '.env': 'TAG=1\n' });
    const r = await runCli(['check', '--changed', '.env', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual([]);
  });
});

describe('stdin', () => {
  it('checks the buffer in place of the file on disk, in its stack', async () => {
    const dir = writeTree(tmp, stack);
    // The buffer adds USER root, which overrides nothing: the service's `user: "1000"` still wins over the image.
    const buffer = 'FROM node:latest\nHEALTHCHECK CMD true\n';
    const r = await runCli(['check', '-', '--stdin-filename', 'Dockerfile', '--format', 'json'], dir, {}, buffer);
    expect(json(r.stdout)).toEqual(['Dockerfile:1:11 no-latest-tag']);
    const onDisk = await runCli(['check', '-', '--stdin-filename', 'other/Dockerfile', '--format', 'json'], dir, {}, 'FROM alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\n');
    expect(json(onDisk.stdout)).toEqual([]);
  });

  it('a buffer of a file not yet on disk, or with no name at all, is judged alone; --kind or its text picks the parser', async () => {
    const dir = writeTree(tmp, stack);
    const named = await runCli(['check', '-', '--stdin-filename', 'new/compose.yaml', '--format', 'json'], dir, {}, 'services:\n  x:\n    image: redis\n    privileged: true\n');
    expect(json(named.stdout)).toContain('new/compose.yaml:4:17 no-privileged');
    const unnamed = await runCli(['check', '-', '--format', 'json'], dir, {}, '# a comment\nFROM alpine:latest\n');
    expect(json(unnamed.stdout)).toContain('<stdin>:2:13 no-latest-tag');
  });
});

describe('reports', () => {
  const bad = { Dockerfile: 'FROM alpine:latest\n' }; // runs as root (error), latest tag and no healthcheck (warnings)

  it('writes each --format to the --output after it and the one without to stdout', async () => {
    const dir = writeTree(tmp, bad);
    const r = await runCli(['check', '--format', 'sarif', '--output', 'out.sarif', '--format', 'json', '--format', 'compact', '--output', 'out.txt'], dir);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
    const fromJson = json(r.stdout);
    expect(sarif.runs[0].results.map((x: any) => x.ruleId).sort()).toEqual(fromJson.map((f: string) => f.split(' ')[1]).sort());
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8').split('\n').filter(Boolean)).toHaveLength(fromJson.length);
  });

  it.each([
    [['--format', 'json', '--format', 'text'], /only one report can go to stdout/],
    [['--output', 'a', '--format', 'json', '--format', 'sarif', '--output', 'b'], /--output: "a" comes before any --format/],
    [['--format', 'json', '--output', 'a', '--output', 'b', '--format', 'text'], /--output: two files for one --format json/],
    [['--format', 'json', '--output', 'a', '--format', 'sarif', '--output', 'a'], /--output: a is written by two reports/],
    [['--max-warnings', 'many'], /--max-warnings: "many" is not a whole number/],
    [['--concurrency', '0'], /--concurrency: "0" is not auto, off or a number of threads/],
    [['--concurrency', 'max'], /--concurrency: "max" is not auto, off or a number of threads/],
    [['--stdin-filename', 'Dockerfile'], /--stdin-filename: only with -/],
    [['--changed'], /--changed: name the changed files/],
    [['-', 'Dockerfile'], /-: stdin is checked alone/],
    [['--fail-level', 'fatal'], /--fail-level: "fatal" is not one of error, warning, note, none/],
  ])('exits 2 naming the flag: %j', async (flags, message) => {
    const r = await runCli(['check', ...flags], writeTree(tmp, bad), {}, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('baseline takes no --changed', async () => {
    const r = await runCli(['baseline', '--changed', 'Dockerfile'], writeTree(tmp, bad));
    expect([r.code, r.stderr]).toEqual([2, 'dockpolicy: baseline: records every finding, so it takes no --changed\n']);
  });
});

describe('exit code', () => {
  const warnOnly = { Dockerfile: 'FROM alpine:3.20\nUSER 1000\n' }; // healthcheck-required: one warning

  it('--max-warnings fails a run with more warnings than allowed', async () => {
    const dir = writeTree(tmp, warnOnly);
    expect((await runCli(['check', '--max-warnings', '1'], dir)).code).toBe(0);
    const over = await runCli(['check', '--max-warnings', '0'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('dockpolicy: 1 warnings, more than --max-warnings 0\n');
  });

  it('--fail-level none never fails on findings', async () => {
    const dir = writeTree(tmp, { Dockerfile: 'FROM alpine:latest\n' });
    expect((await runCli(['check'], dir)).code).toBe(1);
    expect((await runCli(['check', '--fail-level', 'none'], dir)).code).toBe(0);
  });
});
