import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';

/** A setting that a stage has or inherits from the stage it is built on, with the instruction that set it. */
export interface Inherited {
  value: string;
  at: SourceRef;
  instruction: Instruction;
}

/** The stage and the stages it builds on, the first ancestor first. */
export function lineage(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && chain.length < 128; s = s.parent) chain.unshift(s);
  return chain;
}

/** How messages name a stage: `"builder"`, or `#2` for an unnamed one. */
export function stageLabel(stage: Stage): string {
  return stage.name ? `"${stage.name}"` : `#${stage.index + 1}`;
}

/** The last `keyword` instruction in the stage or, failing that, in the stages it builds on. */
export function inherited(df: DockerfileModel, stage: Stage, keyword: string, read: (i: Instruction) => string): Inherited | undefined {
  for (const s of lineage(stage).reverse()) {
    const found = [...s.instructions].reverse().find((i) => i.getKeyword() === keyword);
    if (found) return { value: read(found), at: df.ref(found.getInstructionRange()), instruction: found };
  }
  return undefined;
}

/** The USER in effect, with `$VAR`s resolved from the stage's ARG and ENV values where they are known. */
export function effectiveUser(df: DockerfileModel, stage: Stage): Inherited | undefined {
  const user = inherited(df, stage, 'USER', (i) => i.getArgumentsContent()?.trim() ?? '');
  if (!user || !user.value.includes('$')) return user;
  return { ...user, value: substitute(user.value, stageVariables(df, stage)) ?? user.value };
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

/**
 * ARG defaults and ENV values visible at the end of a stage, inherited from the stages it builds on (ENV is
 * inherited; a stage's ARGs are its own). Values that reference unknown variables are left out.
 */
export function stageVariables(df: DockerfileModel, stage: Stage): Map<string, string> {
  const chain = lineage(stage);
  const env = new Map<string, string>();
  for (const s of chain) {
    const args = new Map<string, string>();
    for (const instruction of s.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const p of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        const scope = new Map<string, string | undefined>([...args, ...env]);
        const raw = p.getValue() ?? (keyword === 'ARG' ? df.globalArgs.get(p.getName()) : undefined);
        const value = raw === undefined || raw === null ? undefined : substitute(raw, scope);
        if (value === undefined) continue;
        (keyword === 'ENV' ? env : args).set(p.getName(), value);
      }
    }
    if (s === stage) for (const [k, v] of args) if (!env.has(k)) env.set(k, v);
  }
  return env;
}

/** The working directory at the end of a stage: WORKDIRs of it and its parents, relative ones joined. */
export function effectiveWorkdir(stage: Stage): string {
  let dir = '/';
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction.getKeyword() !== 'WORKDIR') continue;
      const arg = instruction.getArgumentsContent()?.trim() ?? '';
      dir = arg.startsWith('/') ? arg : `${dir.replace(/\/$/, '')}/${arg}`;
    }
  }
  return dir;
}
