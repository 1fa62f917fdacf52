// Custom policies: checks a team writes in its config as a JSON Schema that a normalised target must satisfy. Each
// policy becomes a rule like the shipped ones (levels, overrides, suppressions, SARIF descriptors all apply), whose
// findings point at the node the schema rejected, or at the target when something it requires is missing.
// The shapes policies see are documented in docs/policies.md.
import path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { Policy } from './config.js';
import { UsageError } from './config.js';
import { defineRule, type Rule } from './rule.js';
import type { SourceRef } from '../model/location.js';
import type { Field } from '../model/fields.js';
import type { LinkedService, Project } from '../model/project.js';
import { dockerfilesOf } from '../model/project.js';
import type { DockerfileModel, Stage } from '../parse/dockerfile.js';
import type { ComposeFile } from '../parse/compose.js';
import { effectiveHealthcheck, effectiveUser, effectiveWorkdir, lineage } from '../model/stage.js';

/** A JSON value with the source position of each of its nodes, by JSON pointer. */
export interface Shaped {
  name: string;
  value: Record<string, unknown>;
  at: SourceRef;
  positions: Map<string, SourceRef>;
  stack?: string;
  service?: string;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A compose file's scalar as JSON, as YAML types it. */
function scalar(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : null;
}

function fieldJson(field: Field, pointer: string, positions: Map<string, SourceRef>): unknown {
  if (field.kind === 'scalar') {
    positions.set(pointer, field.at);
    // Typed as YAML types it, except where interpolation made the text: that is a string, as Compose reads it.
    return field.value && field.value.raw.includes('$') ? (field.value.value ?? field.value.raw) : field.yaml;
  }
  if (field.kind === 'seq') return field.items.map((item, i) => fieldJson(item, `${pointer}/${i}`, positions));
  const out: Record<string, unknown> = {};
  for (const [key, entry] of field.entries) {
    const child = `${pointer}/${escape(key)}`;
    out[key] = fieldJson(entry.field, child, positions);
    // Mappings and lists point at their key; scalars at their value (set above).
    if (entry.field.kind !== 'scalar') positions.set(child, entry.keyAt);
  }
  return out;
}

/** A compose service as policies see it: its mapping merged across the stack's files and interpolated (a compose-spec service). */
export function serviceShape(service: LinkedService): Shaped {
  const positions = new Map<string, SourceRef>();
  const fields = fieldJson(service.fields, '', positions);
  const value = fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  return { name: service.name, value, at: service.at, positions, stack: service.stack.name, service: service.name };
}

/** A Dockerfile stage as policies see it: what it sets and what it inherits through `FROM <stage>`. */
export function stageShape(df: DockerfileModel, stage: Stage, final: boolean): Shaped {
  const positions = new Map<string, SourceRef>();
  const at = (i: Instruction) => df.ref(i.getRange());
  const keyValues = (keyword: string) => {
    const out: Record<string, string | null> = {};
    for (const s of lineage(stage)) {
      if (keyword === 'ARG' && s !== stage) continue; // ARGs do not cross stages
      for (const i of s.instructions.filter((x) => x.getKeyword() === keyword)) {
        for (const p of (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
          out[p.getName()] = p.getValue();
          positions.set(`/${keyword === 'LABEL' ? 'labels' : keyword === 'ENV' ? 'env' : 'args'}/${escape(p.getName())}`, at(i));
        }
      }
    }
    return out;
  };
  const last = (keyword: string) => {
    for (const s of lineage(stage).reverse()) {
      const found = [...s.instructions].reverse().find((i) => i.getKeyword() === keyword);
      if (found) return found;
    }
    return undefined;
  };
  const user = effectiveUser(df, stage);
  const health = effectiveHealthcheck(df, stage);
  const value: Record<string, unknown> = {
    name: stage.name ?? String(stage.index),
    index: stage.index,
    final,
    from: stage.image ?? stage.from.getImage(),
    platform: stage.from.getPlatformFlag()?.getValue() ?? null,
    user: user?.value ?? null,
    workdir: effectiveWorkdir(stage),
    healthcheck: health ? (health.value === 'NONE' ? 'NONE' : (health.instruction.getArgumentsContent() ?? '')) : null,
    labels: keyValues('LABEL'),
    env: keyValues('ENV'),
    args: keyValues('ARG'),
    expose: stage.instructions.filter((i) => i.getKeyword() === 'EXPOSE').flatMap((i) => i.getArguments().map((a) => a.getValue())),
    cmd: last('CMD')?.getArgumentsContent() ?? null,
    entrypoint: last('ENTRYPOINT')?.getArgumentsContent() ?? null,
    instructions: stage.instructions.map((i) => i.getKeyword()),
  };
  positions.set('/from', stage.fromAt);
  positions.set('/platform', stage.fromAt);
  if (user) positions.set('/user', user.at);
  if (health) positions.set('/healthcheck', health.at);
  for (const keyword of ['CMD', 'ENTRYPOINT']) {
    const i = last(keyword);
    if (i) positions.set(`/${keyword.toLowerCase()}`, at(i));
  }
  stage.instructions.forEach((i, n) => positions.set(`/instructions/${n}`, at(i)));
  return { name: stage.name ?? `#${stage.index + 1}`, value, at: stage.fromAt, positions };
}

function dockerfileShape(project: Project, df: DockerfileModel): Shaped {
  const positions = new Map<string, SourceRef>();
  const stages = df.stages.map((s, i) => {
    const shaped = stageShape(df, s, i === df.stages.length - 1);
    for (const [pointer, ref] of shaped.positions) positions.set(`/stages/${i}${pointer}`, ref);
    positions.set(`/stages/${i}`, s.fromAt);
    return shaped.value;
  });
  const file = path.relative(project.cwd, df.path).split(path.sep).join('/');
  const start = { file: df.path, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  return { name: file, value: { path: file, args: Object.fromEntries(df.globalArgs), stages }, at: df.stages[0]?.fromAt ?? start, positions };
}

function composeShape(project: Project, compose: ComposeFile): Shaped {
  const positions = new Map<string, SourceRef>();
  const walk = (node: unknown, pointer: string): unknown => {
    const y = compose.yaml;
    positions.set(pointer, y.at(node));
    if (y.isMap(node)) return Object.fromEntries(y.entries(node).map((e) => [e.key, e.value === undefined ? null : walk(e.value, `${pointer}/${escape(e.key)}`)]));
    if (y.isSeq(node)) return y.items(node).map((item, i) => walk(item, `${pointer}/${i}`));
    return scalar((y.resolve(node) as { value?: unknown } | undefined)?.value);
  };
  const value = walk(compose.root, '');
  const file = path.relative(project.cwd, compose.path).split(path.sep).join('/');
  return { name: file, value: value && typeof value === 'object' ? (value as Record<string, unknown>) : {}, at: compose.yaml.at(compose.root), positions };
}

function targetsOf(project: Project, target: Policy['target']): Shaped[] {
  switch (target) {
    case 'service':
      return project.services.map(serviceShape);
    case 'stage':
      return [
        // The stage each service runs (with its stack and service), and the last stage of Dockerfiles no service builds.
        ...project.services.filter((s) => s.dockerfile && s.stage).map((s) => ({ ...stageShape(s.dockerfile!, s.stage!, true), stack: s.stack.name, service: s.name })),
        ...project.standalone.filter((s) => s.stage).map((s) => stageShape(s.dockerfile, s.stage!, true)),
      ];
    case 'dockerfile':
      return dockerfilesOf(project).map((df) => dockerfileShape(project, df));
    case 'compose':
      return project.composeFiles.filter((c) => c.root).map((c) => composeShape(project, c));
  }
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The policies of a config as rules. Schemas are compiled here (ajv is loaded only when there are policies). */
export async function policyRules(policies: Policy[]): Promise<Rule[]> {
  if (policies.length === 0) return [];
  const { default: Ajv } = (await import('ajv')) as unknown as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: AjvError[] | null } } };
  const ajv = new Ajv({ allErrors: true, strict: false });
  return policies.map((policy) => {
    let validate: ReturnType<InstanceType<typeof Ajv>['compile']>;
    try {
      validate = ajv.compile(policy.schema);
    } catch (e) {
      throw new UsageError(`${policy.file ? path.basename(policy.file) : 'config'}: policy "${policy.id}": invalid schema: ${(e as Error).message}`);
    }
    return defineRule({
      meta: {
        id: policy.id,
        aliases: [],
        level: policy.files || policy.stacks || policy.services ? 'off' : (policy.level ?? 'error'),
        target: policy.target === 'service' || policy.target === 'compose' ? 'compose' : 'dockerfile',
        tags: ['policy'],
        description: policy.description ?? policy.message,
        docs: { what: policy.description ?? policy.message, why: 'A policy of this repository.', example: '', fix: '' },
        messages: { violation: `${policy.message.replace(/\{\{\s*name\s*\}\}/g, '{{name}}')} ({{detail}})` },
      },
      check({ project, report }) {
        for (const target of targetsOf(project, policy.target)) {
          if (validate(target.value)) continue;
          const seen = new Set<string>();
          const errors = validate.errors ?? [];
          // if/anyOf/oneOf summaries restate what their branches said: keep them only when nothing more precise failed.
          const SUMMARY = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);
          const precise = errors.filter((e) => !SUMMARY.has(e.keyword));
          for (const error of precise.length ? precise : errors) {
            // oneOf/anyOf summaries repeat what their branches said; one finding per place and problem.
            const missing = error.keyword === 'required' ? `${error.instancePath}/${escape(String(error.params.missingProperty))}` : undefined;
            const detail = missing ? `${missing.slice(1).replace(/\//g, '.')} is missing` : `${error.instancePath.slice(1).replace(/\//g, '.') || 'value'} ${error.message ?? 'is not allowed'}`;
            if (seen.has(detail)) continue;
            seen.add(detail);
            report({ messageId: 'violation', data: { name: target.name, detail, ...(target.service && { service: target.service }) }, at: positionOf(target, error.instancePath), stack: target.stack });
          }
        }
      },
    }) as Rule;
  });
}

/** The position of the node at a JSON pointer, else of its nearest ancestor that has one, else the target. */
function positionOf(target: Shaped, pointer: string): SourceRef {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const at = target.positions.get(p);
    if (at) return at;
    if (!p) return target.at;
  }
}
