import { describe, expect, it } from 'vitest';
import { Dockerignore, cleanPath, goMatchRegExp } from './dockerignore.js';

// [.dockerignore text, path, excluded?]
const cases: [string, string, boolean][] = [
  // '**' crosses directories, '*' does not
  ['**/*.pem', 'key.pem', true],
  ['**/*.pem', 'a/b/key.pem', true],
  ['**/*.pem', 'key.pem.bak', false],
  ['*.pem', 'key.pem', true],
  ['*.pem', 'certs/key.pem', false],
  // a pattern starting with '**' and otherwise literal is a plain suffix test in moby
  ['**.pem', 'a/b.pem', true],
  ['**/foo', 'foo', true],
  ['**/foo', 'a/b/foo/c.txt', true],
  ['**/foo', 'afoo', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'a/xb', false],
  ['foo/**', 'foo/a/b', true],
  ['foo/**', 'foobar', false],
  ['**', 'any/thing', true],
  // leading '/' is the context root; patterns are anchored there anyway
  ['/secret.key', 'secret.key', true],
  ['/secret.key', 'sub/secret.key', false],
  ['secret.key', 'sub/secret.key', false],
  // a directory pattern excludes everything below it
  ['dir/', 'dir/a/b.txt', true],
  ['dir/', 'dir', true],
  ['dir/', 'dirx/a', false],
  ['node_modules', 'node_modules/x/index.js', true],
  ['node_modules', 'pkg/node_modules/x/index.js', false],
  ['*/temp*', 'sub/temporary/x', true],
  // exceptions and last match wins
  ['*.env\n!important.env', 'important.env', false],
  ['*.env\n!important.env', 'prod.env', true],
  ['!important.env\n*.env', 'important.env', true],
  ['secrets\n!secrets/public.pem', 'secrets/public.pem', false],
  ['secrets\n!secrets/public.pem', 'secrets/private.pem', true],
  ['docs\n!docs/keep', 'docs/keep/a.md', false],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
  ['*.md\n!README*.md\nREADME-secret.md', 'README.md', false],
  // Go's '*' matches an empty prefix, dot files included
  ['*.env', '.env', true],
  ['.env', '.env', true],
  ['.env', 'prod.env', false],
  ['.env', 'config/.env', false],
  // '?' and classes per filepath.Match; '?' is one code point
  ['?.txt', 'a.txt', true],
  ['?.txt', 'ab.txt', false],
  ['?.txt', '😀.txt', true],
  ['?', 'a/b', true], // via parent 'a'
  ['[a-c].txt', 'b.txt', true],
  ['[a-c].txt', 'd.txt', false],
  ['[^a].txt', 'a.txt', false],
  ['[^a].txt', 'b.txt', true],
  ['[\\]].txt', '].txt', true],
  ['\\*.txt', '*.txt', true],
  ['\\*.txt', 'a.txt', false],
  ['*(b).txt', 'x(b).txt', true],
  ['a+b', 'a+b', true],
  ['a+b', 'aab', false],
  // malformed patterns never match (Docker would fail the build)
  ['[', '[', false],
  ['[]a]', 'a', false],
  ['[a-]', 'a', false],
  ['a\\', 'a\\', false],
  ['!', 'anything', false],
  // cleaning and whitespace
  ['./build/../dist/', 'dist/app.js', true],
  ['  spaced.txt  ', 'spaced.txt', true],
  ['! keep.txt\n*.txt', 'keep.txt', true],
  ['*.txt\n! /keep.txt', 'keep.txt', false],
  ['#comment.txt', '#comment.txt', false],
  ['  #hash.txt', '#hash.txt', true], // only a '#' in column 1 is a comment
  ['\uFEFFbom.txt', 'bom.txt', true],
  ['a.txt\r\nb.txt\r\n', 'b.txt', true],
  // the path is cleaned too; the root is never excluded
  ['*.pem', './key.pem', true],
  ['**', '.', false],
  ['', 'a', false],
];

describe('Dockerignore.isExcluded', () => {
  it.each(cases)('%j excludes %j: %s', (text, file, excluded) => {
    expect(Dockerignore.parse(text).isExcluded(file)).toBe(excluded);
  });
});

describe('Dockerignore.parse', () => {
  it.each<[string, { pattern: string; negate: boolean; line: number; malformed?: true }[]]>([
    ['# c\n\n/a/\n! /b/./c\n  d  ', [
      { pattern: 'a', negate: false, line: 3 },
      { pattern: 'b/c', negate: true, line: 4 },
      { pattern: 'd', negate: false, line: 5 },
    ]],
    ['/\n!\n[x', [
      { pattern: '/', negate: false, line: 1 },
      { pattern: '', negate: true, line: 2, malformed: true },
      { pattern: '[x', negate: false, line: 3, malformed: true },
    ]],
    ['a//b/../c\n../up', [
      { pattern: 'a/c', negate: false, line: 1 },
      { pattern: '../up', negate: false, line: 2 },
    ]],
  ])('%j', (text, expected) => {
    expect(Dockerignore.parse(text).patterns).toEqual(expected);
  });
});

describe('Dockerignore.decidingPattern', () => {
  const rules = Dockerignore.parse('# secrets\n*.env\n!important.env\nbuild/');
  it.each<[string, number | undefined, boolean | undefined]>([
    ['prod.env', 2, false],
    ['important.env', 3, true],
    ['build/out/x.js', 4, false],
    ['src/app.ts', undefined, undefined],
  ])('%s is decided by line %s', (file, line, negate) => {
    const d = rules.decidingPattern(file);
    expect(d?.line).toBe(line);
    expect(d?.negate).toBe(negate);
  });
});

describe('cleanPath', () => {
  it.each([
    ['', '.'],
    ['a/../..', '..'],
    ['/../a', '/a'],
    ['a//b/./c/', 'a/b/c'],
    ['/', '/'],
  ])('%j -> %j', (input, out) => expect(cleanPath(input)).toBe(out));
});

it('a pattern too long to compile matches nothing instead of throwing (found by test/fuzz.test.ts)', () => {
  const long = `app${'${A}'.repeat(20_000)}`;
  expect(goMatchRegExp(long)?.test('app')).toBe(false);
  const rules = Dockerignore.parse(`${long}\n*.pem\n`);
  expect(rules.patterns[0]!.malformed).toBeUndefined();
  expect(rules.isExcluded('app')).toBe(false);
  expect(rules.isExcluded('key.pem')).toBe(true);
});

it('never throws on arbitrary input', () => {
  const alphabet = ['*', '?', '[', ']', '\\', '!', '/', '^', '-', 'a', '.', ' ', '\n', '#', '😀'];
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let k = 0; k < 500; k++) {
    const text = Array.from({ length: rand(30) }, () => alphabet[rand(alphabet.length)]).join('');
    const rules = Dockerignore.parse(text);
    for (const p of ['a', 'a/b', '[', 'a\\', '😀/a.b', '']) {
      expect(() => rules.isExcluded(p)).not.toThrow();
    }
  }
});
