import { describe, expect, it } from 'vitest';
import { BATCH, batchesOf } from './check.js';

const sizes = (n: number) => batchesOf(Array.from({ length: n }, (_, i) => i)).map((b) => b.length);

describe('batchesOf', () => {
  it.each([
    [0, []],
    [5, [5]],
    [8, [8]],
    [9, [1, 8]],
    [50, [2, 16, 16, 8, 8]],
    [112, [32, 32, 16, 16, 8, 8]],
    [306, [2, BATCH, BATCH, BATCH, 32, 32, 16, 16, 8, 8]],
  ])('cuts %i items into batches of %j', (n, expected) => {
    expect(sizes(n)).toEqual(expected);
  });

  it('keeps every item once, in order, and no batch over BATCH', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const batches = batchesOf(items);
    expect(batches.flat()).toEqual(items);
    expect(Math.max(...batches.map((b) => b.length))).toBe(BATCH);
    expect(batches.at(-1)).toHaveLength(8);
  });
});
