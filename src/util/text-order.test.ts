import { describe, expect, it } from 'vitest';
import { alphabetical, compareIds, idOrder, numerical } from './text-order.js';
import { rules } from '../../rules/index.js';

const sign = (n: number) => Math.sign(n);
/** Every string of up to `n` characters of the alphabet. */
function strings(alphabet: string, n: number): string[] {
  const all = [''];
  for (let len = 0; len < n; len++) for (const s of [...all]) for (const c of alphabet) if (s.length === len) all.push(s + c);
  return all;
}

describe('compareIds', () => {
  it('orders every pair of rule ids as localeCompare does', () => {
    const ids = rules.map((r) => r.meta.id);
    for (const a of ids) for (const b of ids) expect(sign(compareIds(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('and any lowercase letters, digits, dashes, underscores and dots, prefixes included', () => {
    const all = strings('ab09-_.', 3);
    for (const a of all) for (const b of all) expect(sign(compareIds(a, b)), `${a} ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('leaves other text to localeCompare, where ICU and code units disagree', () => {
    for (const [a, b] of [['a_B', 'a-b'], ['B', 'a'], ['a b', 'a-b'], ['é', 'f']]) expect(sign(compareIds(a!, b!))).toBe(sign(a!.localeCompare(b!)));
    expect(sign(compareIds('B', 'a'))).toBe(1);
  });
});

describe('idOrder', () => {
  it("orders ids as compareIds does, whatever order it first sees them in", () => {
    const ids = [...rules.map((r) => r.meta.id), 'a_B', 'a-b', 'B', 'a', 'a b', 'é', 'e\u0301', 'f', 'policy.No-Root', ''];
    // A fixed shuffle, so ranks are made out of order and shifted by later ids.
    const shuffled = ids.map((id, i) => [(i * 7919) % ids.length, id] as const).sort((x, y) => x[0] - y[0]).map(([, id]) => id);
    for (const a of shuffled) for (const b of ids) expect(sign(idOrder(a, b)), `${a} ${b}`).toBe(sign(compareIds(a, b)));
    expect(idOrder('é', 'e\u0301')).toBe(0);
  });
});

describe('alphabetical and numerical', () => {
  const english = new Intl.Collator('en').compare;
  const englishNumeric = new Intl.Collator('en', { numeric: true }).compare;

  it('order as the English collator does', () => {
    const all = [...strings('az09-_.', 3), 'Web', 'web', 'wéb', 'api-2', 'api-10', 'db_1', 'db.1', 'x y'];
    for (const a of all) for (const b of all) expect(sign(alphabetical(a, b)), `${a} ${b}`).toBe(sign(english(a, b)));
  });

  it('compare numbers as numbers, and everything else as the numeric English collator does', () => {
    const all = ['0', '1', '9', '10', '80', '443', '8080', '65535', '08', '00', '8000-8010', '${PORT}', '127.0.0.1', 'a', ''];
    for (const a of all) for (const b of all) expect(sign(numerical(a, b)), `${a} ${b}`).toBe(sign(englishNumeric(a, b)));
  });

  it('order ASCII letters, digit runs and every ASCII punctuation mark without ICU, as ICU does', () => {
    const mismatches: string[] = [];
    const check = (a: string, b: string) => {
      if (sign(numerical(a, b)) !== sign(englishNumeric(a, b))) mismatches.push(`numerical ${JSON.stringify(a)} ${JSON.stringify(b)}`);
      if (sign(alphabetical(a, b)) !== sign(english(a, b))) mismatches.push(`alphabetical ${JSON.stringify(a)} ${JSON.stringify(b)}`);
    };
    const all = strings('aA019:/-_.${}', 2);
    for (const a of all) for (const b of all) check(a, b);
    const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    for (const a of punctuation) for (const b of punctuation) for (const p of ['', 'a', 'A', '1']) check(p + a, p + b);
    // Longer keys, leading zeros included (`08` and `8` are equal to the numeric collator).
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'azAZ0123456789:/-_.${}[]';
    const key = () => Array.from({ length: Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) check(key(), key());
    for (const [a, b] of [['8000-8010', '8000-9000'], ['${PORT}', '8080'], ['', '80'], ['08', '8'], ['1'.repeat(16), '2'], ['${HTTPS_PORT}', '${HTTP_PORT}'], ['A1', 'a01'], ['a_B', 'A_b'], ['${DB_HOST:-db}', 'redis']]) check(a!, b!);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
