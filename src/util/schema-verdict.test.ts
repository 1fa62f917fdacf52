import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { prng, type Random } from '../../test/mutate.js';
import { loadCommonJs } from './code-cache.js';
import { packageRoot } from './package-root.js';
import { compileVerdict, INVALID, UNSURE, VALID } from './schema-verdict.js';

const verdict = (schema: object, data: unknown) => compileVerdict(schema)(data);

describe('compileVerdict', () => {
  const table: [string, object, unknown, number][] = [
    ['type string', { type: 'string' }, 'x', VALID],
    ['type string, a number', { type: 'string' }, 1, INVALID],
    ['type list', { type: ['integer', 'string'] }, 3, VALID],
    ['integer, a fraction', { type: 'integer' }, 0.5, INVALID],
    ['number, Infinity (ajv: not a number)', { type: 'number' }, Infinity, UNSURE],
    ['object, an array', { type: 'object' }, [], INVALID],
    ['object, null', { type: 'object' }, null, INVALID],
    ['null', { type: ['object', 'null'] }, null, VALID],
    ['enum', { enum: ['a', 'b'] }, 'b', VALID],
    ['enum, other', { enum: ['a', 'b'] }, 'c', INVALID],
    ['minimum', { minimum: 0 }, -1, INVALID],
    ['maximum', { maximum: 10 }, 10, VALID],
    ['minimum ignores strings', { minimum: 0 }, '-1', VALID],
    ['pattern', { pattern: '^[a-z]+$' }, 'abc', VALID],
    ['pattern, no match', { pattern: '^[a-z]+$' }, 'ab1', INVALID],
    ['pattern ignores numbers', { pattern: '^[a-z]+$' }, 1, VALID],
    ['required', { required: ['a'] }, { b: 1 }, INVALID],
    ['required, present', { required: ['a'] }, { a: null }, VALID],
    ['properties', { properties: { a: { type: 'string' } } }, { a: 1 }, INVALID],
    ['additionalProperties false', { properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 }, INVALID],
    ['patternProperties count as declared', { patternProperties: { '^x-': {} }, additionalProperties: false }, { 'x-a': 1 }, VALID],
    ['patternProperties check values', { patternProperties: { '^x-': { type: 'string' } } }, { 'x-a': 1 }, INVALID],
    ['a declared name an object inherits is read as ajv reads it', { properties: { constructor: { type: 'string' } } }, {}, INVALID],
    ['additionalProperties schema', { additionalProperties: { type: 'number' } }, { a: 1, b: 'x' }, INVALID],
    ['items', { items: { type: 'string' } }, ['a', 2], INVALID],
    ['uniqueItems', { uniqueItems: true }, ['a', 'b', 'a'], INVALID],
    ['uniqueItems tells 1 from "1"', { uniqueItems: true }, [1, '1'], VALID],
    ['uniqueItems compares objects deeply', { uniqueItems: true }, [{ a: [1] }, { a: [1] }], INVALID],
    ['uniqueItems, objects that differ', { uniqueItems: true }, [{ a: 1 }, { a: 1, b: 2 }], VALID],
    ['uniqueItems leaves NaN to ajv', { uniqueItems: true }, [{ a: NaN }, { a: NaN }], UNSURE],
    ['oneOf, one', { oneOf: [{ type: 'string' }, { type: 'number' }] }, 'x', VALID],
    ['oneOf, two', { oneOf: [{ type: 'string' }, { pattern: 'x' }] }, 'x', INVALID],
    ['oneOf, none', { oneOf: [{ type: 'string' }, { type: 'number' }] }, true, INVALID],
    ['oneOf, one sure and one unsure', { oneOf: [{ type: 'string' }, { type: 'number' }, { enum: [1] }] }, NaN, UNSURE],
    ['anyOf', { anyOf: [{ type: 'string' }, { pattern: 'x' }] }, 'x', VALID],
    ['allOf', { allOf: [{ type: 'string' }, { pattern: 'y' }] }, 'x', INVALID],
    ['$ref', { definitions: { s: { type: 'string' } }, properties: { a: { $ref: '#/definitions/s' } } }, { a: 1 }, INVALID],
    ['$ref ignores its siblings (draft-07)', { definitions: { s: {} }, properties: { a: { $ref: '#/definitions/s', type: 'string' } } }, { a: 1 }, VALID],
    ['an inherited prototype (a __proto__ key) is left to ajv', { additionalProperties: false }, Object.create({ a: 1 }), UNSURE],
  ];
  it.each(table)('%s', (_name, schema, data, expected) => expect(verdict(schema, data)).toBe(expected));

  it('refuses what it does not know, rather than judging without it', () => {
    expect(() => compileVerdict({ format: 'email' })).toThrow(/unsupported keyword "format"/);
    expect(() => compileVerdict({ items: [{}, {}] })).toThrow(/tuple/);
    expect(() => compileVerdict({ type: 'date' })).toThrow(/unsupported type/);
    expect(() => compileVerdict({ $ref: 'other.json#/a' })).toThrow(/unsupported \$ref/);
    // In a definition: when a document reaches it, or at once when eager (as the build compiles).
    const schema = { definitions: { d: { format: 'email' } }, properties: { a: { $ref: '#/definitions/d' } } };
    expect(() => compileVerdict(schema)({ a: 'x' })).toThrow(/unsupported keyword "format"/);
    expect(() => compileVerdict(schema, true)).toThrow(/unsupported keyword "format"/);
  });
});

/**
 * Against the compose-spec validator the build compiles, on the documents of the repository's fixtures and of
 * ../shared/corpus as Compose reads them, and on thousands of structural mutants of them: VALID only where ajv
 * accepts, INVALID only where it refuses, and UNSURE seldom on real files.
 */
describe('the compose-spec verdict agrees with ajv', () => {
  const dist = path.join(packageRoot(), 'dist');
  const quick = compileVerdict(JSON.parse(readFileSync(path.join(dist, 'compose-schema.json'), 'utf8')));
  const ajv = loadCommonJs(path.join(dist, 'compose-schema-validator.cjs')) as (data: unknown) => boolean;
  const corpus = path.resolve(packageRoot(), '../shared/corpus');
  const files = fg.sync(['fixtures/**/*compose*.{yml,yaml}', ...['**/*compose*.{yml,yaml}'].map((p) => `${corpus}/${p}`)], { cwd: packageRoot(), absolute: true, dot: true });
  const documents = files.flatMap((file) => {
    try {
      return parseAllDocuments(readFileSync(file, 'utf8'), { merge: true, maxAliasCount: 1000 })
        .filter((d) => d.errors.length === 0)
        .map((d) => ({ file, data: d.toJS({ maxAliasCount: 1000 }) as unknown }));
    } catch {
      return []; // alias bombs and the like: not what this is about
    }
  });

  const agree = (data: unknown, label: string) => {
    const v = quick(data);
    if (v !== UNSURE) expect(ajv(data), `${label}: quick verdict ${v === VALID ? 'VALID' : 'INVALID'}`).toBe(v === VALID);
    return v;
  };

  it(`on the documents as written (${files.length} files)`, () => {
    let unsure = 0;
    let valid = 0;
    for (const { file, data } of documents) {
      const v = agree(data, path.relative(packageRoot(), file));
      if (v === UNSURE) unsure++;
      if (v === VALID) valid++;
    }
    expect(valid).toBeGreaterThan(documents.length / 2);
    expect(unsure).toBeLessThanOrEqual(documents.length / 100);
  });

  it('on 20,000 structural mutants', () => {
    const r = prng(Number(process.env.FUZZ_SEED ?? 1));
    const counts = [0, 0, 0];
    for (let n = 0; n < 20_000; n++) {
      const { file, data } = r.pick(documents);
      const mutant = structuredClone(data);
      const applied = mutateData(mutant, r);
      counts[agree(mutant, `${path.relative(packageRoot(), file)} after ${applied.join(', ')} (seed ${n})`)]!++;
    }
    // Both verdicts must be reached often, or the mutants test nothing.
    expect(counts[VALID]).toBeGreaterThan(1000);
    expect(counts[INVALID]).toBeGreaterThan(1000);
  });
});

const VALUES: unknown[] = ['x', '', '80:80', 'always', 'service_healthy', 0, 1, -1, 0.5, 65536, true, false, null, [], {}, ['a'], { a: 1 }, [1, 1], Infinity, NaN];

/** Mutates a document in place at 1-3 random places: the operations applied. */
function mutateData(root: unknown, r: Random): string[] {
  const applied: string[] = [];
  for (let k = 1 + r.int(3); k > 0; k--) {
    // A random container on a random walk down from the root, and a key or index of it.
    let node = root;
    for (let depth = 0; depth < 8 && r.chance(0.8); depth++) {
      const children = node && typeof node === 'object' ? Object.values(node).filter((v) => v && typeof v === 'object') : [];
      if (children.length === 0) break;
      node = r.pick(children);
    }
    if (!node || typeof node !== 'object') continue;
    const keys = Object.keys(node);
    const container = node as Record<string, unknown>;
    const key = keys.length ? r.pick(keys) : '0';
    const op = r.int(6);
    if (op === 0) {
      applied.push(`set ${key}`);
      container[key] = structuredClone(r.pick(VALUES));
    } else if (op === 1 && !Array.isArray(node)) {
      applied.push(`delete ${key}`);
      delete container[key];
    } else if (op === 2 && !Array.isArray(node)) {
      applied.push(`rename ${key}`);
      container[key.slice(0, -1) || 'x'] = container[key];
      delete container[key];
    } else if (op === 3 && Array.isArray(node) && node.length) {
      applied.push('repeat an item');
      node.push(structuredClone(r.pick(node)));
    } else if (op === 4) {
      applied.push(`wrap ${key}`);
      container[key] = r.chance(0.5) ? [container[key]] : { [key]: container[key] };
    } else {
      applied.push(`copy a sibling into ${key}`);
      container[key] = structuredClone(container[r.pick(keys.length ? keys : ['0'])]);
    }
  }
  return applied;
}
