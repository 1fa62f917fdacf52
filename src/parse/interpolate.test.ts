import { describe, expect, it } from 'vitest';
import { interpolate, parseEnvFile } from './interpolate.js';

const env = new Map([
  ['SET', 'value'],
  ['EMPTY', ''],
  ['PORT', '9000'],
]);

describe('interpolate', () => {
  it.each([
    ['plain', 'plain'],
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a-${SET}-b', 'a-value-b'],
    ['${UNSET:-8080}', '8080'],
    ['${UNSET-8080}', '8080'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${SET:-d}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET:-${PORT}}', '9000'],
    ['${UNSET:-${ALSO_UNSET:-x}}', 'x'],
    ['$$SET', '$SET'],
    ['${PORT:-5432}:5432', '9000:5432'],
    ['cost $5', 'cost $5'],
  ])('%s -> %s', (input, expected) => {
    expect(interpolate(input, env).value).toBe(expected);
  });

  it.each([['${UNSET}'], ['$UNSET'], ['${UNSET:?required}'], ['${UNSET:-${ALSO}}']])('%s is unknown', (input) => {
    const r = interpolate(input, env);
    expect(r.value).toBeUndefined();
    expect(r.missing.length).toBeGreaterThan(0);
  });

  it.each([['${UNCLOSED'], ['${1BAD}'], ['${SET%x}']])('%s is malformed', (input) => {
    const r = interpolate(input, env);
    expect(r.value).toBeUndefined();
    expect(r.error).toBeTruthy();
  });
});

describe('parseEnvFile', () => {
  it('reads assignments, quotes, export and comments', () => {
    const parsed = parseEnvFile('# c\nA=1\nexport B="two words"\nC=\'x#y\'\nD=3 # trailing\n\nbad line\n');
    expect([...parsed]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'x#y'],
      ['D', '3'],
    ]);
  });
});
