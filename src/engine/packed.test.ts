import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.js';
import { packFindings, packResult, unpackFindings, unpackResult } from './packed.js';
import type { BatchResult } from './check.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'no-latest-tag',
  level: 'error',
  messageId: 'latest',
  message: 'Pin "node".',
  data: { image: 'node' },
  file: '/repo/Dockerfile',
  range: { start: { line: 1, column: 6 }, end: { line: 1, column: 18 } },
  snippet: 'FROM node',
  ...over,
});

describe('packFindings / unpackFindings', () => {
  const cases: [string, Finding[]][] = [
    ['none', []],
    ['one', [finding()]],
    ['with a stack', [finding({ stack: 'compose.yaml + compose.override.yaml' })]],
    ['without data', [finding({ data: {} })]],
    ['data of every kind', [finding({ data: { s: '', n: 7, neg: -3, big: 2 ** 40, frac: 0.5, minusZero: -0, nan: NaN, no: null as never, yes: true as never, list: ['a'] as never } })]],
    ['numeric keys keep their order', [finding({ data: { b: 'x', 2: 'y', a: 1, 1: 'z' } })]],
    ['strings shared between findings', [finding(), finding({ range: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } } }), finding({ file: '/repo/other/Dockerfile', level: 'warning' })]],
    ['text that is not ASCII', [finding({ message: 'Un café ☕ — “quoted” \u0000', snippet: '…', data: { 'ключ': 'значение' } })]],
  ];

  it.each(cases)('%s: unpacked as they were, in order, keys in order', (_name, findings) => {
    const back = unpackFindings(structuredClone(packFindings(findings)));
    expect(back).toStrictEqual(findings);
    for (let i = 0; i < findings.length; i++) {
      expect(Object.keys(back[i]!)).toEqual(Object.keys(findings[i]!));
      expect(Object.keys(back[i]!.data)).toEqual(Object.keys(findings[i]!.data));
      expect(Object.is(back[i]!.data.minusZero, findings[i]!.data.minusZero)).toBe(true);
    }
  });

  it('copies each string once', () => {
    const packed = packFindings([finding(), finding(), finding({ message: 'other' })]);
    expect(packed.strings.filter((s) => s === '/repo/Dockerfile')).toHaveLength(1);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
  });
});

describe('packResult / unpackResult', () => {
  it('gives each unit its own findings back, and the rest of the result as it was', () => {
    const result: BatchResult = {
      units: [
        { key: 'stack:a', findings: [finding(), finding({ ruleId: 'other' })], crashes: [], builds: ['/repo/Dockerfile'], pulledBy: [] },
        { key: 'stack:b', findings: [], crashes: [{ ruleId: 'x', message: 'boom' }], builds: [], pulledBy: ['stack:a'] },
        { key: undefined, findings: [finding({ file: '/repo/compose.yaml' })], crashes: [], builds: [], pulledBy: [] },
      ],
      files: [],
      built: ['/repo/Dockerfile'],
      pulledIn: [],
    };
    expect(unpackResult(structuredClone(packResult(result)))).toStrictEqual(result);
  });
});
