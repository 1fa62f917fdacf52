import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse/dockerfile.js';
import { effectiveHealthcheck, effectiveUser, effectiveWorkdir, isRootUser, stageVariables, targetStage } from './stage.js';

const parse = (text: string) => parseDockerfile('/x/Dockerfile', text);

describe('stages', () => {
  it('links a FROM to the earlier stage it builds on, through global ARGs and case-insensitively', () => {
    const df = parse('ARG BASE=builder\nFROM alpine:3.20 AS Builder\nFROM ${BASE} AS final\nFROM node:20\n');
    expect(df.stages.map((s) => [s.name, s.image, s.parent?.name])).toEqual([
      ['builder', 'alpine:3.20', undefined],
      ['final', 'builder', 'builder'],
      [undefined, 'node:20', undefined],
    ]);
  });

  it('leaves an image built from an ARG without a default unknown', () => {
    expect(parse('ARG IMAGE\nFROM ${IMAGE}\n').stages[0]!.image).toBeUndefined();
    expect(parse('ARG TAG=20\nFROM node:${TAG:-18}-alpine\n').stages[0]!.image).toBe('node:20-alpine');
  });

  it('selects the target stage, else the last', () => {
    const df = parse('FROM a AS dev\nFROM b AS prod\n');
    expect(targetStage(df)?.name).toBe('prod');
    expect(targetStage(df, 'DEV')?.name).toBe('dev');
    expect(targetStage(df, 'missing')).toBeUndefined();
  });

  it('inherits USER and HEALTHCHECK from parent stages, the last one winning', () => {
    const df = parse('FROM a AS base\nUSER app\nHEALTHCHECK CMD true\nFROM base AS mid\nFROM mid\nHEALTHCHECK NONE\n');
    const last = df.stages[2]!;
    expect(effectiveUser(df, last)).toMatchObject({ value: 'app', at: { range: { start: { line: 2, column: 1 } } } });
    expect(effectiveHealthcheck(df, last)).toMatchObject({ value: 'NONE', at: { range: { start: { line: 6 } } } });
    expect(effectiveHealthcheck(df, df.stages[1]!)?.value).toBe('CMD');
  });

  it('resolves USER from ARG and ENV values, inherited ENV included', () => {
    const df = parse('ARG UID=0\nFROM a AS base\nENV APP_USER=app\nFROM base\nARG UID\nUSER ${APP_USER}\nFROM a\nARG UID\nUSER $UID\n');
    expect(effectiveUser(df, df.stages[1]!)?.value).toBe('app');
    expect(effectiveUser(df, df.stages[2]!)?.value).toBe('0');
    expect(stageVariables(df, df.stages[1]!).get('APP_USER')).toBe('app');
  });

  it('joins relative WORKDIRs across parent stages', () => {
    const df = parse('FROM a AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n');
    expect(effectiveWorkdir(df.stages[1]!)).toBe('/srv/app');
    expect(effectiveWorkdir(df.stages[0]!)).toBe('/srv');
  });

  it.each([
    ['root', true],
    ['0', true],
    ['0:0', true],
    ['root:wheel', true],
    ['1000', false],
    ['node', false],
    ['rootless', false],
  ])('isRootUser(%s) is %s', (user, expected) => {
    expect(isRootUser(user)).toBe(expected);
  });
});
