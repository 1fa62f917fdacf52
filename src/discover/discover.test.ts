import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, kindOfName, type FileKind } from './discover.js';

describe('kindOfName', () => {
  it.each<[string, FileKind | undefined]>([
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['web.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Containerfile.arm64', 'dockerfile'],
    ['Dockerfile.dockerignore', undefined],
    ['api.Dockerfile.dockerignore', undefined],
    ['.dockerignore', undefined],
    ['Dockerfile.', undefined],
    ['.dockerfile', undefined],
    ['MyDockerfile', undefined],
    ['compose.yaml', 'compose'],
    ['compose.yml', 'compose'],
    ['compose.prod.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.override.yaml', 'compose'],
    ['compose.json', undefined],
    ['my-compose.yaml', undefined],
    ['docker-compose.yaml.bak', undefined],
    ['compose.yaml.dockerignore', undefined],
  ])('%s -> %s', (name, kind) => expect(kindOfName(name)).toBe(kind));
});

let repo: string;
const rel = (files: { path: string; kind: FileKind; explicit: boolean }[]) =>
  files.map((f) => `${path.relative(repo, f.path)} ${f.kind}${f.explicit ? ' explicit' : ''}`);

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-discover-'));
  const files: Record<string, string> = {
    '.git/HEAD': 'ref: refs/heads/main',
    '.gitignore': 'ignored/\n*.generated.yaml\n*.skip.Dockerfile\nnest/back/\n',
    Dockerfile: 'FROM alpine',
    'local.Dockerfile': 'FROM alpine',
    'app/Dockerfile.dev': 'FROM alpine',
    'app/Dockerfile.dev.dockerignore': 'node_modules',
    'app/api.Dockerfile': 'FROM alpine',
    'app/web.dockerfile': 'FROM alpine',
    'app/Containerfile': 'FROM alpine',
    'app/compose.yaml': 'services: {}',
    'app/compose.override.yml': 'services: {}',
    'app/docker-compose.prod.yaml': 'services: {}',
    'app/compose.generated.yaml': 'services: {}',
    'app/notes.md': '# notes',
    'ignored/Dockerfile': 'FROM alpine',
    'node_modules/pkg/Dockerfile': 'FROM alpine',
    '.git/Dockerfile': 'FROM alpine',
    '.hidden/Dockerfile': 'FROM alpine', // dot directories are searched
    'two\nlines/Dockerfile': 'FROM alpine', // not found under a name with a line break, as fast-glob found none
    'weird/Dockerfile/inner.txt': 'a directory named Dockerfile',
    // nested .gitignore: relative to its own dir, overrides the root one
    'sub/.gitignore': 'local.Dockerfile\n!keep.skip.Dockerfile\n',
    'sub/local.Dockerfile': 'FROM alpine',
    'sub/deep/local.Dockerfile': 'FROM alpine',
    'sub/keep.skip.Dockerfile': 'FROM alpine',
    'sub/drop.skip.Dockerfile': 'FROM alpine',
    'sub/compose.yml': 'services: {}',
    // a deeper file re-includes a directory the root file ignores
    'nest/.gitignore': '!back/\n',
    'nest/back/Dockerfile': 'FROM alpine',
    'odd/build.txt': '# syntax=docker/dockerfile:1\n\nARG BASE=alpine\nFROM $BASE',
    'odd/stack.txt': '# my stack\nservices:\n  web: {}',
    'odd/thing': 'FROM alpine',
  };
  for (const [p, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, p)), { recursive: true });
    fs.writeFileSync(path.join(repo, p), body);
  }
  fs.symlinkSync('..', path.join(repo, 'app/loop')); // must not hang
  fs.symlinkSync('../Dockerfile', path.join(repo, 'app/link.Dockerfile')); // symlinks are not followed
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

describe('discover', () => {
  it('searches a directory, honouring .gitignore files at every level', async () => {
    const { files, errors } = await discover(['.'], { cwd: repo });
    expect(errors).toEqual([]);
    expect(rel(files)).toEqual([
      '.hidden/Dockerfile dockerfile',
      'Dockerfile dockerfile',
      'app/Containerfile dockerfile',
      'app/Dockerfile.dev dockerfile',
      'app/api.Dockerfile dockerfile',
      'app/compose.override.yml compose',
      'app/compose.yaml compose',
      'app/docker-compose.prod.yaml compose',
      'app/web.dockerfile dockerfile',
      'local.Dockerfile dockerfile',
      'nest/back/Dockerfile dockerfile',
      'sub/compose.yml compose',
      'sub/keep.skip.Dockerfile dockerfile',
    ]);
  });

  it('applies .gitignore files of parent directories up to the git root', async () => {
    const { files } = await discover(['sub'], { cwd: repo });
    expect(rel(files)).toEqual(['sub/compose.yml compose', 'sub/keep.skip.Dockerfile dockerfile']);
  });

  it.each<[string, FileKind | undefined, string]>([
    ['ignored/Dockerfile', undefined, 'ignored/Dockerfile dockerfile explicit'], // gitignored but named
    ['app/compose.generated.yaml', 'dockerfile', 'app/compose.generated.yaml compose explicit'], // name beats forceKind
    ['odd/build.txt', undefined, 'odd/build.txt dockerfile explicit'], // sniffed
    ['odd/stack.txt', undefined, 'odd/stack.txt compose explicit'],
    ['odd/thing', 'compose', 'odd/thing compose explicit'], // forceKind beats sniffing
    ['odd/thing', undefined, 'odd/thing dockerfile explicit'],
  ])('takes the explicit file %s (forceKind %s)', async (arg, forceKind, expected) => {
    const { files } = await discover([arg], { cwd: repo, forceKind });
    expect(rel(files)).toEqual([expected]);
  });

  it('deduplicates and keeps the explicit flag', async () => {
    const { files } = await discover(['app', 'app/compose.yaml', path.join(repo, 'app')], { cwd: repo });
    expect(files.filter((f) => f.path.endsWith('compose.yaml'))).toEqual([
      { path: path.join(repo, 'app/compose.yaml'), kind: 'compose', explicit: true },
    ]);
    expect(files.length).toBe(7);
  });

  it('reports missing paths without stopping', async () => {
    const { files, errors } = await discover(['nope', 'Dockerfile'], { cwd: repo });
    expect(errors).toEqual([{ path: 'nope', message: 'no such file or directory' }]);
    expect(rel(files)).toEqual(['Dockerfile dockerfile explicit']);
  });

  it('ignores parent .gitignore files outside a git repository', async () => {
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-nogit-'));
    try {
      fs.writeFileSync(path.join(outer, '.gitignore'), 'Dockerfile\n');
      fs.mkdirSync(path.join(outer, 'inner'));
      fs.writeFileSync(path.join(outer, 'inner/Dockerfile'), 'FROM alpine');
      const { files } = await discover([outer + '/inner'], { cwd: '/' });
      expect(files.map((f) => f.path)).toEqual([path.join(outer, 'inner/Dockerfile')]);
      // ... but the searched directory's own .gitignore counts
      expect((await discover([outer], { cwd: '/' })).files).toEqual([]);
    } finally {
      fs.rmSync(outer, { recursive: true, force: true });
    }
  });
});
