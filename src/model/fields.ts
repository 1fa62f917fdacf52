import type { Node } from 'yaml';
import type { ComposeFile } from '../parse/compose.js';
import type { Value } from '../parse/value.js';
import { interpolate } from '../parse/interpolate.js';
import { isMap, isSeq } from '../parse/yaml-guards.js';
import type { SourceRef } from './location.js';
import type { Stack } from './stack.js';

/**
 * A compose mapping as written, interpolated, with every key and value keeping its position: the generic view of a
 * service (or top-level resource) for rules that read fields the typed model does not normalise (`privileged`,
 * `deploy.resources.limits.memory`, `logging.options.max-size`...). Override files merge into it per the compose
 * spec, so a value read here points into the file that set it.
 */
export type Field = ScalarField | MapField | SeqField;

export interface ScalarField {
  kind: 'scalar';
  /** undefined value (null, `~`, empty) is kept: `key:` alone is written but says nothing. */
  value: Value | undefined;
  /** The YAML value as typed (a plain `true` or `8080` is a boolean or number, a quoted one a string); null for none. */
  yaml: string | number | boolean | null;
  at: SourceRef;
}

export interface MapField {
  kind: 'map';
  at: SourceRef;
  entries: Map<string, Entry>;
}

export interface SeqField {
  kind: 'seq';
  at: SourceRef;
  items: Field[];
}

export interface Entry {
  /** The key as written (where findings about a whole field point). */
  keyAt: SourceRef;
  field: Field;
  /** `!reset` removes the field when merged; `!override` replaces instead of merging. */
  tag?: '!reset' | '!override';
}

export function readField(compose: ComposeFile, node: Node | undefined, depth = 0): Field {
  const y = compose.yaml;
  const at = y.at(node);
  const resolved = y.resolve(node);
  if (depth < 32 && isMap(resolved)) {
    const entries = new Map<string, Entry>();
    const list = y.entries(resolved);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const tag = (e.value as { tag?: string } | undefined)?.tag;
      entries.set(e.key, {
        keyAt: y.at(e.keyNode),
        field: readField(compose, e.value, depth + 1),
        tag: tag === '!reset' || tag === '!override' ? tag : undefined,
      });
    }
    return { kind: 'map', at, entries };
  }
  if (depth < 32 && isSeq(resolved)) return { kind: 'seq', at, items: y.items(resolved).map((i) => readField(compose, i, depth + 1)) };
  const typed = (resolved as { value?: unknown } | undefined)?.value;
  // valueOf's reading, with the position just computed (every scalar of every service comes through here)
  const raw = y.scalar(resolved);
  const value: Value | undefined = raw === undefined ? undefined : { value: interpolate(raw, compose.env).value, raw, at };
  return { kind: 'scalar', value, yaml: typeof typed === 'number' || typeof typed === 'boolean' || typeof typed === 'string' ? typed : null, at };
}

// Sequences that replace rather than append when an override sets them (compose spec, "Merge and override").
const REPLACED = new Set(['command', 'entrypoint', 'test']);

/** Merges `over` onto `base` per the compose spec: mappings by key, sequences appended without repeats, scalars replaced. */
export function mergeFields(base: Field | undefined, over: Field, key = ''): Field {
  if (!base) return stripResets(over);
  if (base.kind === 'map' && over.kind === 'map') {
    if (key === 'logging' && otherDriver(base, over)) return stripResets(over); // compose-go: options of another driver do not carry over
    const entries = new Map(base.entries);
    for (const [k, e] of over.entries) {
      if (e.tag === '!reset') entries.delete(k);
      else if (e.tag === '!override') entries.set(k, { ...e, field: stripResets(e.field) });
      else entries.set(k, { ...e, field: mergeFields(entries.get(k)?.field, e.field, k) });
    }
    return { kind: 'map', at: over.at, entries };
  }
  if (base.kind === 'seq' && over.kind === 'seq' && !REPLACED.has(key)) {
    const seen = new Set(base.items.map(identity));
    return { kind: 'seq', at: over.at, items: [...base.items, ...over.items.filter((i) => !seen.has(identity(i)))] };
  }
  return stripResets(over);
}

function otherDriver(base: MapField, over: MapField): boolean {
  const driver = (f: MapField) => {
    const d = f.entries.get('driver')?.field;
    return d?.kind === 'scalar' ? d.value?.raw : undefined;
  };
  return driver(base) !== undefined && driver(over) !== undefined && driver(base) !== driver(over);
}

function stripResets(field: Field): Field {
  if (field.kind !== 'map') return field;
  const entries = new Map([...field.entries].filter(([, e]) => e.tag !== '!reset'));
  return entries.size === field.entries.size ? field : { ...field, entries };
}

/** Scalars are the same item when they read the same; a mapping item is never a repeat. */
function identity(field: Field): string | object {
  return field.kind === 'scalar' ? `\0${field.value?.raw ?? ''}` : field;
}

const pathKeys = new Map<string, string[]>();

/** The entry at a dotted path (`deploy.resources.limits.memory`); undefined where any step is missing or not a mapping. */
export function entryAt(root: Field | undefined, dotted: string): Entry | undefined {
  let entry: Entry | undefined;
  let field = root;
  let keys = pathKeys.get(dotted);
  if (!keys) {
    keys = dotted.split('.');
    // The rules' paths are a few hundred constants; a cap keeps odd callers from growing it without end.
    if (pathKeys.size < 10_000) pathKeys.set(dotted, keys);
  }
  for (let i = 0; i < keys.length; i++) {
    if (field?.kind !== 'map') return undefined;
    entry = field.entries.get(keys[i]!);
    field = entry?.field;
  }
  return entry;
}

/** The scalar value at a dotted path, when it is a scalar that was written with a value. */
export function scalarAt(root: Field | undefined, dotted: string): Value | undefined {
  const field = entryAt(root, dotted)?.field;
  return field?.kind === 'scalar' ? field.value : undefined;
}

/** The scalar items of a sequence at a dotted path (a lone scalar counts as one item). */
export function scalarsAt(root: Field | undefined, dotted: string): Value[] {
  const field = entryAt(root, dotted)?.field;
  if (field?.kind === 'scalar') return field.value ? [field.value] : [];
  if (field?.kind !== 'seq') return [];
  return field.items.flatMap((i) => (i.kind === 'scalar' && i.value ? [i.value] : []));
}

export type ResourceSection = 'networks' | 'volumes' | 'secrets' | 'configs';

export interface Resource {
  name: string;
  /** The key under the top-level section in the file that first declared it. */
  at: SourceRef;
  /** Its definition merged across the stack's files (`{}` or null when declared without options). */
  field: Field;
}

const resourceCache = new WeakMap<Stack, Map<ResourceSection, Map<string, Resource>>>();

/** Top-level `networks`, `volumes`, `secrets` or `configs` of a stack, merged across its files. */
export function resourcesOf(stack: Stack, section: ResourceSection): Map<string, Resource> {
  let bySection = resourceCache.get(stack);
  if (!bySection) resourceCache.set(stack, (bySection = new Map()));
  let resources = bySection.get(section);
  if (resources) return resources;
  resources = new Map();
  for (const file of stack.files) {
    const y = file.yaml;
    for (const e of y.entries(y.get(file.root, section)?.value)) {
      const field = readField(file, e.value);
      const earlier = resources.get(e.key);
      resources.set(e.key, { name: e.key, at: earlier?.at ?? y.at(e.keyNode), field: mergeFields(earlier?.field, field) });
    }
  }
  bySection.set(section, resources);
  return resources;
}
