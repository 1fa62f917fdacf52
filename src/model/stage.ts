import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import type { DockerfileModel, Stage } from '../parse/dockerfile.js';

/** A setting that a stage has or inherits from the stage it is built on, with the instruction that set it. */
export interface Inherited {
  value: string;
  at: SourceRef;
  instruction: Instruction;
}

/** The last `keyword` instruction in the stage or, failing that, in the stages it builds on. */
export function inherited(df: DockerfileModel, stage: Stage, keyword: string, read: (i: Instruction) => string): Inherited | undefined {
  for (let s: Stage | undefined = stage, hops = 0; s && hops < 128; s = s.parent, hops++) {
    const found = [...s.instructions].reverse().find((i) => i.getKeyword() === keyword);
    if (found) return { value: read(found), at: df.ref(found.getInstructionRange()), instruction: found };
  }
  return undefined;
}

export function effectiveUser(df: DockerfileModel, stage: Stage): Inherited | undefined {
  return inherited(df, stage, 'USER', (i) => i.getArgumentsContent()?.trim() ?? '');
}

/** The HEALTHCHECK in effect; its value is `NONE` or `CMD`. */
export function effectiveHealthcheck(df: DockerfileModel, stage: Stage): Inherited | undefined {
  return inherited(df, stage, 'HEALTHCHECK', (i) => ((i.getArguments().find((a) => !a.getValue().startsWith('--'))?.getValue() ?? 'CMD').toUpperCase() === 'NONE' ? 'NONE' : 'CMD'));
}

/** The stage a build selects: the named target, else the last stage. */
export function targetStage(df: DockerfileModel, target?: string): Stage | undefined {
  if (target === undefined) return df.stages[df.stages.length - 1];
  return df.stages.find((s) => s.name === target.toLowerCase());
}

/** `root`, `0`, `root:<group>` and `0:<group>` all run as UID 0. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === 'root' || name === '0';
}
