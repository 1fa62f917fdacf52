// Findings as a worker thread sends them (pool.ts): a table of their strings and a column of integers. postMessage
// copies an object property by property, each property's name included, and every string once per use: a batch's
// thousands of findings were ~360 bytes each to write and to read back. Packed, each string is copied once per batch
// and the numbers in one block; the main thread rebuilds the findings, which then share their strings.
import type { BatchResult, UnitOutcome } from './check.js';
import type { Finding, Level } from './finding.js';

export interface PackedFindings {
  strings: string[];
  /** Per finding: the FIELDS, then `data`'s entries as (key, kind, value) triples. */
  ints: Int32Array;
  /** `data` values that are neither strings nor 32-bit integers, in order. */
  others: unknown[];
  count: number;
}

/** ruleId, level, messageId, message, file, snippet, stack (-1: none), the range's four numbers, data's size. */
const FIELDS = 12;
const STRING = 0;
const INTEGER = 1;
const OTHER = 2;

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  const others: unknown[] = [];
  const ints: number[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const keys = Object.keys(f.data);
    const { start, end } = f.range;
    ints.push(id(f.ruleId), id(f.level), id(f.messageId), id(f.message), id(f.file), id(f.snippet), f.stack === undefined ? -1 : id(f.stack));
    ints.push(start.line, start.column, end.line, end.column, keys.length);
    for (let k = 0; k < keys.length; k++) {
      const value = f.data[keys[k]!];
      if (typeof value === 'string') ints.push(id(keys[k]!), STRING, id(value));
      else if (typeof value === 'number' && (value | 0) === value && !Object.is(value, -0)) ints.push(id(keys[k]!), INTEGER, value);
      else ints.push(id(keys[k]!), OTHER, others.push(value) - 1);
    }
  }
  return { strings, ints: Int32Array.from(ints), others, count: findings.length };
}

export function unpackFindings({ strings, ints, others, count }: PackedFindings): Finding[] {
  const findings: Finding[] = new Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    const stack = ints[p + 6]!;
    const data: Finding['data'] = {};
    const entries = ints[p + 11]!;
    const finding: Finding = {
      ruleId: strings[ints[p]!]!,
      level: strings[ints[p + 1]!] as Level,
      messageId: strings[ints[p + 2]!]!,
      message: strings[ints[p + 3]!]!,
      data,
      file: strings[ints[p + 4]!]!,
      range: { start: { line: ints[p + 7]!, column: ints[p + 8]! }, end: { line: ints[p + 9]!, column: ints[p + 10]! } },
      snippet: strings[ints[p + 5]!]!,
    };
    if (stack >= 0) finding.stack = strings[stack]!;
    p += FIELDS;
    for (let k = 0; k < entries; k++, p += 3) {
      const kind = ints[p + 1]!;
      const value = ints[p + 2]!;
      data[strings[ints[p]!]!] = (kind === STRING ? strings[value]! : kind === INTEGER ? value : others[value]) as string | number;
    }
    findings[i] = finding;
  }
  return findings;
}

/** A batch's result with its units' findings packed together, in the units' order. */
export interface PackedBatchResult extends Omit<BatchResult, 'units'> {
  units: Omit<UnitOutcome, 'findings'>[];
  /** How many of `findings` are each unit's. */
  counts: number[];
  findings: PackedFindings;
}

export function packResult({ units, ...rest }: BatchResult): PackedBatchResult {
  const all: Finding[] = [];
  const counts: number[] = [];
  const bare = units.map(({ findings, ...unit }) => {
    counts.push(findings.length);
    for (let i = 0; i < findings.length; i++) all.push(findings[i]!);
    return unit;
  });
  return { ...rest, units: bare, counts, findings: packFindings(all) };
}

export function unpackResult({ units, counts, findings, ...rest }: PackedBatchResult): BatchResult {
  const all = unpackFindings(findings);
  let at = 0;
  return { ...rest, units: units.map((unit, i) => ({ ...unit, findings: all.slice(at, (at += counts[i]!)) })) };
}
