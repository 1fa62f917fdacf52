import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Alias, Node, YAMLMap, YAMLSeq } from 'yaml';
import { defineRule, type Report } from '../src/engine/rule.js';
import type { ComposeFile } from '../src/parse/compose.js';
import { interpolate } from '../src/parse/interpolate.js';
import { isAlias, isMap, isScalar, isSeq } from '../src/parse/yaml-guards.js';
import type { YamlView } from '../src/parse/yaml-nodes.js';
import { packageRoot } from '../src/util/package-root.js';
import { loadCommonJs } from '../src/util/code-cache.js';
import { compileVerdict, VALID, type Verdict } from '../src/util/schema-verdict.js';
import { findCredentials, maskSecret } from '../src/util/secrets.js';

// ---------------------------------------------------------------------------------------------------------------
// The precompiled validator
// ---------------------------------------------------------------------------------------------------------------

/** An ajv error, compiled with `verbose`. The schemaPath is relative to the definition's own function. */
interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  parentSchema?: { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> };
}

interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

let validator: Validator | undefined;
let quickVerdict: ((data: unknown) => Verdict) | undefined;

/**
 * scripts/build.mjs compiles schemas/compose-spec.json into CommonJS standalone code, so loading it is one sync
 * load (with V8's code cache) at the first compose document: nothing is compiled at run time, and a Dockerfile-only
 * run never loads it.
 */
function loadValidator(): Validator {
  return (validator ??= loadCommonJs(path.join(packageRoot(), 'dist', 'compose-schema-validator.cjs')) as Validator);
}

/**
 * The quick verdict on the same schema (src/util/schema-verdict.ts), which scripts/build.mjs writes as data: a document
 * it calls valid is one the validator accepts, so the validator is loaded and run only for the few it does not.
 */
function loadQuickVerdict(): (data: unknown) => Verdict {
  return (quickVerdict ??= compileVerdict(JSON.parse(readFileSync(path.join(packageRoot(), 'dist', 'compose-schema.json'), 'utf8'))));
}

// ---------------------------------------------------------------------------------------------------------------
// The data Compose validates: interpolated, typed fields cast, `!reset` entries removed
// ---------------------------------------------------------------------------------------------------------------

type Segment = string | number;
type Cast = (text: string) => unknown;

const toInt: Cast = (t) => (/^[+-]?\d+$/.test(t) ? Number(t) : undefined);
const toFloat: Cast = (t) => (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) ? Number(t) : undefined);
const toBool: Cast = (t) => {
  const v = t.toLowerCase();
  return ['true', 'y', 'yes', 'on'].includes(v) ? true : ['false', 'n', 'no', 'off'].includes(v) ? false : undefined;
};

/**
 * compose-go casts string values at these paths while interpolating, before it validates (loader/interpolate.go,
 * interpolateTypeCastMapping): `*` is any key, `[]` any list index. So `cpus: ${CPUS}` and a quoted
 * `required: "true"` validate as the number and boolean they become.
 */
const CASTS: [Segment[], Cast][] = [
  ...(
    [
      ['cpu_count', toInt], ['cpu_percent', toFloat], ['cpu_period', toInt], ['cpu_quota', toInt], ['cpu_rt_period', toInt],
      ['cpu_rt_runtime', toInt], ['cpus', toFloat], ['cpu_shares', toInt], ['init', toBool], ['oom_kill_disable', toBool],
      ['oom_score_adj', toInt], ['pids_limit', toInt], ['privileged', toBool], ['read_only', toBool], ['ulimits.*', toInt],
      ['ulimits.*.hard', toInt], ['ulimits.*.soft', toInt], ['volumes.[].read_only', toBool], ['volumes.[].volume.nocopy', toBool],
      ['depends_on.*.required', toBool], ['depends_on.*.restart', toBool], ['healthcheck.retries', toInt],
      ['healthcheck.disable', toBool], ['ports.[].target', toInt], ['stdin_open', toBool], ['tty', toBool],
      ['deploy.replicas', toInt], ['deploy.update_config.parallelism', toInt], ['deploy.update_config.max_failure_ratio', toFloat],
      ['deploy.rollback_config.parallelism', toInt], ['deploy.rollback_config.max_failure_ratio', toFloat],
      ['deploy.restart_policy.max_attempts', toInt], ['deploy.placement.max_replicas_per_node', toInt], ['scale', toInt],
    ] as [string, Cast][]
  ).map(([p, cast]): [Segment[], Cast] => [['services', '*', ...p.split('.')], cast]),
  ...['external', 'internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((k): [Segment[], Cast] => [['networks', '*', k], toBool]),
  ...['volumes', 'secrets', 'configs'].map((k): [Segment[], Cast] => [[k, '*', 'external'], toBool]),
];

/** CASTS by their last segment (`*` for ulimits.*): castFor runs for every string of every document. */
const CASTS_BY_LAST = new Map<Segment, [Segment[], Cast][]>();
for (const c of CASTS) CASTS_BY_LAST.set(c[0].at(-1)!, [...(CASTS_BY_LAST.get(c[0].at(-1)!) ?? []), c]);

function castFor(at: Segment[]): Cast | undefined {
  // No path matches two paths of CASTS, so looking among those with the same last segment finds what a search of all would.
  const last = at[at.length - 1]!;
  const matches = ([p]: [Segment[], Cast]) => p.length === at.length && p.every((s, i) => (s === '[]' ? typeof at[i] === 'number' : s === '*' ? typeof at[i] === 'string' : s === at[i]));
  if (typeof last === 'number') return CASTS_BY_LAST.get('[]')?.find(matches)?.[1];
  return (CASTS_BY_LAST.get(last)?.find(matches) ?? CASTS_BY_LAST.get('*')?.find(matches))?.[1];
}

/** Lists Compose de-duplicates by key before it validates (override/uncity.go): `uniqueItems` never fails there. */
const DEDUPLICATED = /^\/services\/[^/]+\/(?:environment|volumes|expose|secrets|configs|ports)$/;

const pointer = (segments: Segment[]) => segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

interface Prepared {
  data: unknown;
  /** JSON pointers of values whose `${...}` cannot be resolved: whatever they turn into is not judged. */
  unknown: Set<string>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function prepare(compose: ComposeFile): Prepared | undefined {
  const unknown = new Set<string>();
  // The path of the value being walked: one array, pushed and popped (read only while the value is walked).
  const at: Segment[] = [];
  const scalar = (value: unknown): unknown => {
    if (typeof value !== 'string' || at.length === 0) return value;
    const result = interpolate(value, compose.env);
    if (result.value === undefined) {
      unknown.add(pointer(at));
      return value;
    }
    const cast = castFor(at)?.(result.value);
    return cast ?? result.value;
  };

  // Straight from the nodes, without the document's toJS and a second walk over both.
  const contents = compose.yaml.doc.contents;
  const direct = isMap(contents) ? plainData(contents, compose.yaml, at, scalar) : UNUSUAL;
  if (direct !== UNUSUAL) return { data: direct, unknown };
  unknown.clear();
  at.length = 0;

  let raw: unknown;
  try {
    // No alias limit here: the parser already refused documents whose aliases stand for more than limits.maxAliasNodes
    // nodes, and yaml's own default limit refuses ordinary files with many `<<: *anchor` merges (they went unchecked).
    raw = compose.yaml.doc.toJS({ maxAliasCount: -1 });
  } catch {
    return undefined; // a bad merge: the parser side reports what it can
  }
  if (raw === null || raw === undefined) return undefined;
  const view = compose.yaml;
  const walk = (value: unknown, node: Node | undefined): unknown => {
    if (Array.isArray(value)) {
      const items = node && view.isSeq(node) ? (node as YAMLSeq).items : [];
      return value.map((v, i) => {
        at.push(i);
        const out = walk(v, view.resolve(items[i]));
        at.pop();
        return out;
      });
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const entry = node ? view.get(node, key) : undefined;
        if (entry?.value?.tag === '!reset') continue; // compose-go drops `!reset` entries before validating
        at.push(key);
        out[key] = walk(v, entry?.value);
        at.pop();
      }
      return out;
    }
    return scalar(value);
  };
  return { data: walk(raw, compose.root), unknown };
}

/** What plainData leaves to the general route (yaml's toJS, then a walk beside the nodes). */
const UNUSUAL = Symbol('unusual');

/**
 * The data toJS would give, each scalar passed through `scalar` (with `at` its path), for a document of mappings,
 * lists, scalars, aliases and `<<` merges; UNUSUAL at anything else, where the two routes could differ: a key that is
 * not a string (toJS turns `1`, `true` and null into text, and a mapping into its YAML) or is `__proto__` or a quoted
 * `<<`, a flow list's `a: b` item, a `!reset` or `!override` value (the only way a key may be repeated), an alias
 * without an anchor before it, a merge of something other than mappings (toJS throws).
 */
function plainData(node: unknown, view: YamlView, at: Segment[], scalar: (value: unknown) => unknown): unknown {
  const n = isAlias(node) ? aliased(node, view) : node;
  if (isScalar(n)) return scalar(n.value);
  if (isMap(n)) {
    // Most mappings have plain string keys, each once, and no merge: read straight into the object, and only
    // otherwise through plainEntries (what is read here before it gives up is read again there, to the same result).
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n.items.length; i++) {
      const { key, value } = n.items[i]!;
      const k = isScalar(key) ? key.value : undefined;
      if (typeof k !== 'string' || k === '<<' || k === '__proto__' || Object.hasOwn(out, k)) return mergedData(n, view, at, scalar);
      const tag = (value as Node | null)?.tag;
      if (tag === '!reset' || tag === '!override') return UNUSUAL;
      const v = entryData(k, value, view, at, scalar);
      if (v === UNUSUAL) return UNUSUAL;
      out[k] = v;
    }
    return out;
  }
  if (isSeq(n)) {
    const out: unknown[] = [];
    for (let i = 0; i < n.items.length; i++) {
      at.push(i);
      const v = plainData(n.items[i], view, at, scalar);
      at.pop();
      if (v === UNUSUAL) return UNUSUAL;
      out.push(v);
    }
    return out;
  }
  return UNUSUAL;
}

/** plainData of a mapping with `<<` merges (or keys plainData does not read directly). */
function mergedData(map: YAMLMap, view: YamlView, at: Segment[], scalar: (value: unknown) => unknown): unknown {
  const entries = plainEntries(map, view);
  if (entries === UNUSUAL) return UNUSUAL;
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const v = entryData(key, value, view, at, scalar);
    if (v === UNUSUAL) return UNUSUAL;
    out[key] = v;
  }
  return out;
}

/** plainData of a mapping entry's value (null for none), with its key on the path. */
function entryData(key: string, value: unknown, view: YamlView, at: Segment[], scalar: (value: unknown) => unknown): unknown {
  at.push(key);
  const v = value === null || value === undefined ? null : plainData(value, view, at, scalar);
  at.pop();
  return v;
}

/**
 * A mapping's entries as toJS makes them, in its order: a `<<` merge brings in the keys not set before it, an explicit
 * key replaces a merged one in its place, and an earlier merge wins over a later one (yaml's merge.js). Only the
 * entries that win are walked afterwards: a merged value an explicit key hides is no part of the data.
 */
function plainEntries(map: YAMLMap, view: YamlView): Map<string, unknown> | typeof UNUSUAL {
  const entries = new Map<string, unknown>();
  for (const { key, value } of map.items) {
    if (!isScalar(key)) return UNUSUAL;
    if (typeof key.value === 'symbol' || (key.value === '<<' && (!key.type || key.type === 'PLAIN'))) {
      if (typeof key.value === 'symbol' && key.value.description !== '<<') return UNUSUAL;
      const source = isAlias(value) ? aliased(value, view) : value;
      for (const item of isSeq(source) ? source.items : [source]) {
        const merged = isAlias(item) ? aliased(item, view) : item;
        if (!isMap(merged)) return UNUSUAL;
        const inner = plainEntries(merged, view);
        if (inner === UNUSUAL) return UNUSUAL;
        for (const [k, v] of inner) if (!entries.has(k)) entries.set(k, v);
      }
      continue;
    }
    if (typeof key.value !== 'string' || key.value === '<<' || key.value === '__proto__') return UNUSUAL;
    const tag = (value as Node | null)?.tag;
    if (tag === '!reset' || tag === '!override') return UNUSUAL;
    entries.set(key.value, value);
  }
  return entries;
}

/** The node an alias stands for, when it is anchored before the alias (yaml's toJS throws otherwise). */
function aliased(alias: Alias, view: YamlView): Node | typeof UNUSUAL {
  const target = view.resolve(alias);
  return target && (target.range?.[0] ?? Infinity) < (alias.range?.[0] ?? -Infinity) ? target : UNUSUAL;
}

// ---------------------------------------------------------------------------------------------------------------
// From ajv's errors to one problem per offending node
// ---------------------------------------------------------------------------------------------------------------

interface Problem {
  messageId: string;
  /** JSON pointer of the node the problem is about. */
  instancePath: string;
  /** For unknown keys: the key (the finding points at it). */
  key?: string;
  data: Record<string, string | number>;
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

/**
 * The build inlines every definition a oneOf branch refers to, and no oneOf sits beside keywords that reach into
 * children, so the errors of a failed oneOf are exactly those whose schemaPath lies under it and whose instancePath
 * lies in its data. Each error belongs to the innermost such combinator; errors that belong to none are reported as
 * they are.
 */
class ErrorTree {
  private readonly owner = new Map<SchemaError, SchemaError | undefined>();

  constructor(
    readonly errors: SchemaError[],
    private readonly ignored: (e: SchemaError) => boolean,
    private readonly dataAt: (instancePath: string) => unknown,
  ) {
    const combinators = errors.filter((e) => COMBINATORS.has(e.keyword)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
    for (const e of errors) {
      this.owner.set(e, combinators.find((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && within(e.instancePath, c.instancePath)));
    }
  }

  problems(): Problem[] {
    const problems = this.errors.filter((e) => !this.owner.get(e)).flatMap((e) => this.explain(e));
    // A value of the wrong type also fails its enum, pattern or range: the type says it all.
    const mistyped = new Set(problems.filter((p) => p.messageId === 'wrongType').map((p) => p.instancePath));
    return problems.filter((p) => !(mistyped.has(p.instancePath) && ['notAllowed', 'pattern', 'outOfRange'].includes(p.messageId)));
  }

  private branches(c: SchemaError): SchemaError[][] {
    const byIndex = new Map<string, SchemaError[]>();
    for (const e of this.errors) {
      if (this.owner.get(e) !== c) continue;
      const index = e.schemaPath.slice(c.schemaPath.length + 1).split('/')[0]!;
      byIndex.set(index, [...(byIndex.get(index) ?? []), e]);
    }
    return [...byIndex.values()];
  }

  /** The types a branch wanted when it failed only because the node has another type; undefined otherwise. */
  private typeMismatch(branch: SchemaError[], at: string): string[] | undefined {
    for (const e of branch) {
      if (e.instancePath !== at || this.ignored(e)) continue;
      if (e.keyword === 'type') return typeList(e.params.type);
      if (COMBINATORS.has(e.keyword)) {
        const inner = this.branches(e).map((b) => this.typeMismatch(b, at));
        if (inner.length > 0 && inner.every((t) => t)) return inner.flat() as string[];
      }
    }
    return undefined;
  }

  private explain(e: SchemaError): Problem[] {
    if (this.ignored(e)) return [];
    if (!COMBINATORS.has(e.keyword)) return [this.simple(e)];
    if (e.params.passingSchemas) return [{ messageId: 'ambiguous', instancePath: e.instancePath, data: {} }];
    const branches = this.branches(e).map((errors) => ({ errors, problems: errors.flatMap((x) => this.explain(x)) }));
    // A branch whose only errors are about values that cannot be known (or that Compose forgives) passes.
    if (branches.length === 0 || branches.some((b) => b.problems.length === 0)) return [];
    const mismatches = branches.map((b) => this.typeMismatch(b.errors, e.instancePath));
    const candidates = branches.filter((_, i) => !mismatches[i]);
    if (candidates.length === 0) {
      return [{ messageId: 'wrongType', instancePath: e.instancePath, data: { expected: describeTypes(mismatches.flat() as string[]), actual: describeValue(this.dataAt(e.instancePath)) } }];
    }
    // The form the node was meant to have is the one whose type fits; among several, the one with the deepest problem.
    const depth = (ps: Problem[]) => Math.max(...ps.map((p) => p.instancePath.split('/').length));
    const best = candidates.reduce((a, b) => (depth(b.problems) > depth(a.problems) || (depth(b.problems) === depth(a.problems) && b.problems.length < a.problems.length) ? b : a));
    return best.problems;
  }

  private simple(e: SchemaError): Problem {
    const at = e.instancePath;
    const value = this.dataAt(at);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = shownKey(String(e.params.additionalProperty));
        const keys = Object.keys(e.parentSchema?.properties ?? {});
        const patterns = Object.keys(e.parentSchema?.patternProperties ?? {}).filter((p) => p !== '^x-');
        // A mapping of names (services, volumes, ...): the key is a name that breaks the pattern names must follow.
        if (keys.length === 0 && patterns.length > 0) {
          return { messageId: 'invalidName', instancePath: at, key, data: { key, pattern: patterns.map((p) => `/${p}/`).join(' or ') } };
        }
        const suggestion = closest(key, keys);
        return suggestion
          ? { messageId: 'unknownKeySuggest', instancePath: at, key, data: { key, suggestion } }
          : { messageId: 'unknownKey', instancePath: at, key, data: { key } };
      }
      case 'type':
        return { messageId: 'wrongType', instancePath: at, data: { expected: describeTypes(typeList(e.params.type)), actual: describeValue(value) } };
      case 'enum':
        return { messageId: 'notAllowed', instancePath: at, data: { allowed: ((e.params.allowedValues as unknown[]) ?? []).map(quote).join(', '), actual: quote(value) } };
      case 'required':
        return { messageId: 'missingKey', instancePath: at, data: { key: String(e.params.missingProperty) } };
      case 'pattern':
        return { messageId: 'pattern', instancePath: at, data: { actual: quote(value), pattern: `/${String(e.params.pattern)}/` } };
      case 'minimum':
      case 'maximum':
        return { messageId: 'outOfRange', instancePath: at, data: { comparison: String(e.params.comparison), limit: Number(e.params.limit), actual: quote(value) } };
      case 'uniqueItems': {
        const [i, j] = [Number(e.params.i), Number(e.params.j)].sort((a, b) => a - b);
        return { messageId: 'duplicate', instancePath: `${at}/${j}`, data: { other: i! } };
      }
      default:
        return { messageId: 'other', instancePath: at, data: { keyword: e.keyword } };
    }
  }
}

function typeList(type: unknown): string[] {
  return (Array.isArray(type) ? type : String(type).split(',')).map(String);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
  null: 'an empty value',
};

function describeTypes(types: string[]): string {
  let list = [...new Set(types)];
  if (list.includes('number')) list = list.filter((t) => t !== 'integer');
  const words = list.map((t) => TYPE_WORDS[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'another type') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The kind of a value, never the value itself: it may be a secret. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/** A short quoted value, for fields whose values are keywords (enums, patterns), not secrets. */
function quote(value: unknown): string {
  if (typeof value !== 'string') return value === null || value === undefined ? 'an empty value' : typeof value === 'object' ? describeValue(value) : String(value);
  const chars = Array.from(value);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value);
}

/**
 * The allowed key closest to a misspelled one, when it is a likely typo: at most one edit for short keys, two for
 * longer ones (a swap of two neighbours is one edit), and the same first letter unless a single edit.
 */
function closest(key: string, keys: string[]): string | undefined {
  const typed = key.toLowerCase();
  let best: { key: string; d: number } | undefined;
  for (const k of keys) {
    const d = distance(typed, k);
    if (!best || d < best.d) best = { key: k, d };
  }
  if (!best || best.d === 0) return best?.key;
  const limit = typed.length <= 4 ? 1 : 2;
  return best.d <= limit && (best.d === 1 || typed[0] === best.key[0]) ? best.key : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
// From a JSON pointer back to the YAML text
// ---------------------------------------------------------------------------------------------------------------

function segmentsOf(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A key as messages quote it: a token pasted where a key goes, or a mapping used as a key (`{ PASSWORD: ... }`), is
 * masked like any secret; a key that reads as a name is shown as written, for "did you mean".
 */
function shownKey(key: string): string {
  return /^[\w .:@/+-]{1,64}$/.test(key) && findCredentials(key).length === 0 ? key : maskSecret(key);
}

/** `services.web.ports[0]`, `services.web.sysctls["net.core.somaxconn"]`; the root is "top level". */
function displayPath(segments: Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(s) && s === shownKey(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(shownKey(s))}]`;
  }
  return out || 'top level';
}

/** The pointer's segments with list indexes as numbers, read off the data the pointer was made for. */
function dataSegments(data: unknown, instancePath: string): Segment[] {
  let value = data;
  return segmentsOf(instancePath).map((s) => {
    const index = Array.isArray(value);
    value = (value as Record<string, unknown> | undefined)?.[s];
    return index ? Number(s) : s;
  });
}

interface Located {
  node: Node | undefined;
  keyNode?: Node;
}

/** Walks the YAML document along a JSON pointer, following aliases and `<<` merges as the data did. */
function locate(compose: ComposeFile, instancePath: string): Located {
  const view = compose.yaml;
  let node: Node | undefined = compose.root;
  let keyNode: Node | undefined;
  for (const s of segmentsOf(instancePath)) {
    if (node && view.isSeq(node)) {
      node = view.resolve((view.resolve(node) as YAMLSeq).items[Number(s)]);
      keyNode = undefined;
    } else {
      const entry = node ? view.get(node, s) : undefined;
      node = entry?.value;
      keyNode = entry?.keyNode;
    }
    if (!node && !keyNode) break;
  }
  return { node, keyNode };
}

const isCollection = (node: Node | undefined) => !!node && 'items' in (node as object);

/**
 * Where a problem about a value points: the value itself when it is a scalar written after its key; its key when
 * the value is a collection (a block mapping starts at its first key, which says nothing), empty, or written
 * elsewhere (an alias to an anchor); a list item without key at the item.
 */
function anchorOf(located: Located): Node | undefined {
  const { node, keyNode } = located;
  if (!keyNode) return node;
  const scalar = node && !isCollection(node) && (node as { value?: unknown }).value !== null && (node as { value?: unknown }).value !== undefined;
  const after = (node?.range?.[0] ?? -1) > (keyNode.range?.[0] ?? Infinity);
  return scalar && after ? node : keyNode;
}

// ---------------------------------------------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------------------------------------------

export default defineRule({
  meta: {
    id: 'compose-schema',
    aliases: ['invalid-schema'],
    level: 'error',
    target: 'compose',
    tags: ['correctness'],
    description: 'Each compose document follows the Compose Specification JSON schema.',
    docs: {
      what: 'Validates every compose document against the official compose-spec JSON schema (a copy ships in `schemas/compose-spec.json`) the way Compose does when it loads the file: after `${...}` interpolation, with the fields Compose casts to numbers and booleans cast (`cpus: ${CPUS}`, `required: "true"`), without `!reset` entries, and with repeated `ports`, `volumes` and `environment` entries merged as Compose merges them. Anchors, aliases, `<<` merge keys and `x-` extension fields are followed as YAML defines them. Every violation is reported, once per offending node and at that node (an unknown key at the key): a value that fits none of the forms a field allows gets one "expected a string or a list, got a mapping" message, not one per form. A value whose variables have no value in the run is not judged, and in an override file a required key of a mapping may come from the base file.',
      why: 'Compose refuses to start a project whose file breaks the schema, and stops at the first violation, named by its path without a line. A misspelled key (`helthcheck:`, `enviroment:`) is such a violation: reporting it at its line, with the key it was probably meant to be, turns a failed deploy into a review comment.',
      example: 'services:\n  web:\n    imagee: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        protocole: tcp\n    restart: always\n    depends_on:\n      db:\n        condition: healthy',
      fix: 'Use the keys and values the Compose Specification defines:\n\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        protocol: tcp\n    restart: always\n    depends_on:\n      db:\n        condition: service_healthy',
    },
    messages: {
      unknownKey: '{{path}}: unknown key "{{key}}".',
      unknownKeySuggest: '{{path}}: unknown key "{{key}}" (did you mean "{{suggestion}}"?).',
      invalidName: '{{path}}: "{{key}}" is not a valid name, it must match {{pattern}}.',
      wrongType: '{{path}}: expected {{expected}}, got {{actual}}.',
      notAllowed: '{{path}}: expected one of {{allowed}}, got {{actual}}.',
      missingKey: '{{path}}: missing required key "{{key}}".',
      pattern: '{{path}}: {{actual}} does not match {{pattern}}.',
      outOfRange: '{{path}}: must be {{comparison}} {{limit}}, got {{actual}}.',
      duplicate: '{{path}}: repeats item {{other}} of the list; items must be unique.',
      ambiguous: '{{path}}: matches more than one of the allowed forms.',
      other: '{{path}}: breaks the schema\'s "{{keyword}}" rule.',
    },
  },
  check({ project, report }) {
    if (project.composeFiles.length === 0) return;
    const quick = loadQuickVerdict();
    // Compose validates an override file (or a later `---` document) merged onto what comes before it. Mappings merge
    // key by key, so a required key it leaves out may come from there (`depends_on.db.condition`); list items are
    // appended or replace whole entries, so a required key missing in one is still missing after the merge.
    const overrides = new Set(project.stacks.flatMap((stack) => stack.files.slice(1)));
    for (const compose of project.composeFiles) {
      const prepared = prepare(compose);
      if (!prepared || quick(prepared.data) === VALID) continue;
      const validate = loadValidator();
      if (validate(prepared.data)) continue;
      const errors = validate.errors ?? [];
      const override = overrides.has(compose);
      const ignored = (e: SchemaError) =>
        prepared.unknown.has(e.instancePath) || (e.keyword === 'uniqueItems' && DEDUPLICATED.test(e.instancePath)) || (override && e.keyword === 'required' && !dataSegments(prepared.data, e.instancePath).some((s) => typeof s === 'number'));
      const dataAt = (instancePath: string) => segmentsOf(instancePath).reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], prepared.data);
      const problems = new ErrorTree(errors, ignored, dataAt).problems();
      // One finding per node and problem: the same anchored text reached through several aliases is reported once.
      const seen = new Set<string>();
      for (const problem of problems) {
        const located = locate(compose, problem.key === undefined ? problem.instancePath : `${problem.instancePath}/${problem.key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        const target = problem.key !== undefined ? (located.keyNode ?? located.node) : anchorOf(located);
        const at = target ? compose.yaml.at(target) : compose.yaml.at(compose.root);
        const where = `${at.range.start.line}:${at.range.start.column}`;
        const identity = `${where}\0${problem.messageId}\0${JSON.stringify(problem.data)}`;
        if (seen.has(identity)) continue;
        seen.add(identity);
        const path = displayPath(dataSegments(prepared.data, problem.instancePath));
        const r: Report = { messageId: problem.messageId, data: { path, ...problem.data }, at, snippet: `${path} ${problem.messageId} ${problem.key ?? ''}` };
        report(r);
      }
    }
  },
});
