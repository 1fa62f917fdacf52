import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildContext } from './build-context.js';

let ctx: string;
const made: string[] = [];

/** Writes files (content = their name) under a fresh temp dir. */
function tree(files: Record<string, string | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-ctx-'));
  made.push(root);
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body ?? rel);
  }
  return root;
}

beforeAll(() => {
  ctx = tree({
    Dockerfile: null,
    'Dockerfile.dev': null,
    'Dockerfile.dev.dockerignore': 'src/lib\nnode_modules\n',
    '.dockerignore': 'node_modules\n.git\n*.key\n**/*.pem\n',
    'package.json': null,
    'package-lock.json': null,
    'src/index.ts': null,
    'src/lib/util.ts': null,
    'config/app.env': null,
    'config/.env': null,
    'config/tls.pem': null,
    'node_modules/x/index.js': null,
    '.git/HEAD': null,
    'secret.key': null,
  });
  fs.symlinkSync('src', path.join(ctx, 'link')); // Docker sends the link itself
});
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('BuildContext.ignore', () => {
  it.each<[string | undefined, string | undefined]>([
    ['Dockerfile.dev', 'Dockerfile.dev.dockerignore'], // <Dockerfile>.dockerignore wins
    ['Dockerfile', '.dockerignore'],
    [undefined, '.dockerignore'],
  ])('with Dockerfile %s uses %s', (dockerfile, expected) => {
    const bc = new BuildContext(ctx, dockerfile && path.join(ctx, dockerfile));
    expect(bc.ignore?.file).toBe(expected && path.join(ctx, expected));
  });

  it('is undefined when the ignore file cannot be looked up (a name too long), without throwing', () => {
    const dir = tree({ Dockerfile: null });
    expect(new BuildContext(dir, path.join(dir, 'x'.repeat(300))).ignore).toBeUndefined();
  });

  it('is undefined without any ignore file', () => {
    const dir = tree({ Dockerfile: null });
    expect(new BuildContext(dir, path.join(dir, 'Dockerfile')).ignore).toBeUndefined();
  });
});

describe('BuildContext.files', () => {
  it('lists what the context sends, sorted, symlinks included', () => {
    expect(new BuildContext(ctx).files()).toEqual([
      '.dockerignore',
      'Dockerfile',
      'Dockerfile.dev',
      'Dockerfile.dev.dockerignore',
      'config/.env',
      'config/app.env',
      'link',
      'package-lock.json',
      'package.json',
      'src/index.ts',
      'src/lib/util.ts',
    ]);
  });

  it('applies the Dockerfile-specific ignore file instead', () => {
    const files = new BuildContext(ctx, path.join(ctx, 'Dockerfile.dev')).files();
    expect(files).toContain('secret.key');
    expect(files).toContain('.git/HEAD');
    expect(files).not.toContain('src/lib/util.ts');
    expect(files).not.toContain('node_modules/x/index.js');
  });

  it('honours exceptions inside excluded directories', () => {
    const dir = tree({ '.dockerignore': 'vendor\n!vendor/keep.txt\n', 'vendor/keep.txt': null, 'vendor/drop.txt': null });
    expect(new BuildContext(dir).files()).toEqual(['.dockerignore', 'vendor/keep.txt']);
  });

  it('is cached', () => {
    const bc = new BuildContext(ctx);
    expect(bc.files()).toBe(bc.files());
  });

  it('lists dot files and nested directories, and leaves out the trees a literal pattern excludes', () => {
    const dir = tree({ '.dockerignore': 'a/b\n', 'a/b/deep.txt': null, 'a/c/d/e.txt': null, '.hidden/x': null, 'top.txt': null });
    const bc = new BuildContext(dir);
    expect(bc.files()).toEqual(['.dockerignore', '.hidden/x', 'a/c/d/e.txt', 'top.txt']);
    expect(new BuildContext(dir).filesTakenBy(['a'])).toEqual(['a/c/d/e.txt']);
  });

  it('returns nothing for a missing directory', () => {
    const bc = new BuildContext(path.join(ctx, 'nope'));
    expect(bc.files()).toEqual([]);
    expect(bc.filesTakenBy(['.'])).toEqual([]);
  });
});

describe('BuildContext.filesTakenBy', () => {
  const all = () => new BuildContext(ctx).files();
  it.each<[string[], string[] | 'all']>([
    [['.'], 'all'],
    [['./'], 'all'],
    [['/'], 'all'],
    [['src/'], ['src/index.ts', 'src/lib/util.ts']],
    [['src'], ['src/index.ts', 'src/lib/util.ts']],
    [['/src/index.ts'], ['src/index.ts']],
    [['./src/../src/lib'], ['src/lib/util.ts']],
    [['*.json'], ['package-lock.json', 'package.json']],
    [['package*.json'], ['package-lock.json', 'package.json']],
    [['package.json', 'config/app.env'], ['config/app.env', 'package.json']],
    [['config/*.env'], ['config/.env', 'config/app.env']], // Go's '*' matches dot files
    [['*/index.ts'], ['src/index.ts']],
    [['s?c'], ['src/index.ts', 'src/lib/util.ts']],
    [['[a-c]onfig'], ['config/.env', 'config/app.env']],
    [['link'], ['link']], // not followed
    [['secret.key'], []], // excluded by .dockerignore
    [['config/tls.pem'], []],
    [['node_modules'], []],
    [['missing.txt'], []],
    [['../outside'], []],
    [['https://example.com/a.tar.gz'], []],
    [['git@github.com:o/r.git'], []],
    [['$APP_DIR/x'], []],
    [['${SRC}'], []],
    [['[bad'], []],
  ])('%j', (sources, expected) => {
    expect(new BuildContext(ctx).filesTakenBy(sources)).toEqual(expected === 'all' ? all() : expected);
  });
});
