import { describe, expect, it } from 'vitest';
import { compareIds } from './text-order.js';
import { rules } from '../../rules/index.js';

const sign = (n: number) => Math.sign(n);

describe('compareIds', () => {
  it('orders every pair of rule ids as localeCompare does', () => {
    const ids = rules.map((r) => r.meta.id);
    for (const a of ids) for (const b of ids) expect(sign(compareIds(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('and any lowercase letters, digits and dashes, prefixes included', () => {
    const alphabet = 'ab09-';
    const all = [''];
    for (let n = 0; n < 3; n++) for (const s of [...all]) for (const c of alphabet) if (s.length === n) all.push(s + c);
    for (const a of all) for (const b of all) expect(sign(compareIds(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('leaves other text to localeCompare, where ICU and code units disagree', () => {
    for (const [a, b] of [['a_b', 'a-b'], ['B', 'a'], ['a.b', 'a-b'], ['é', 'f']]) expect(sign(compareIds(a!, b!))).toBe(sign(a!.localeCompare(b!)));
    expect(sign(compareIds('B', 'a'))).toBe(1);
  });
});
