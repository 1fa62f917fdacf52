// The configuration: `.dockpolicy.yaml` (or .yml, .json, or a `dockpolicy` key in package.json), found from the
// working directory upward, and the files it extends (presets shipped in presets/, or other files). Every mistake is
// a UsageError naming the file, the line and the key.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LevelSetting } from './finding.js';
import type { RuleMeta } from './rule.js';
import { packageRoot } from '../util/package-root.js';
import { loadCommonJs } from '../util/code-cache.js';
import { LineIndex } from '../model/location.js';
import type { Limits } from '../model/source-text.js';
import { SIZE_PATTERN } from './config-schema.js';
import { isMap, isScalar, isSeq } from '../parse/yaml-guards.js';
import type { parseYamlFast as ParseYamlFast } from '../parse/yaml-fast.js';
import type { Document } from 'yaml';

export const CONFIG_NAMES = ['.dockpolicy.yaml', '.dockpolicy.yml', '.dockpolicy.json'];
export const PRESETS = ['recommended', 'strict', 'production', 'development'] as const;

/** A user error in configuration or invocation: exit 2 with this one-line message. */
export class UsageError extends Error {}

export interface RuleSetting {
  level: LevelSetting;
  options: Record<string, unknown>;
}

export type RuleEntry = LevelSetting | [LevelSetting, Record<string, unknown>?];

/** One `overrides:` entry: rules for the findings in matching files, stacks and services (all given matchers must match). */
export interface Override {
  files?: string[];
  stacks?: string[];
  services?: string[];
  rules: Record<string, RuleEntry>;
  /** The directory `files` globs are relative to: the config file's that wrote the override. */
  base: string;
}

export interface Policy {
  id: string;
  level?: LevelSetting;
  message: string;
  target: 'service' | 'stage' | 'dockerfile' | 'compose';
  schema: Record<string, unknown>;
  description?: string;
  files?: string[];
  stacks?: string[];
  services?: string[];
  /** The config file that declared it (for messages). */
  file?: string;
}

export interface InlineSuppressionSettings {
  /** false: suppression comments are not honoured (policy is policy). */
  enabled: boolean;
  /** A `dockpolicy-ignore` without `-- reason` does not suppress, and is reported by unused-suppression. */
  requireReason: boolean;
}

export interface Config {
  /** The file the configuration was read from (the first of the chain); undefined: defaults only. */
  file?: string;
  /** Every file read, the presets and extended files first. */
  files: string[];
  /** Rule entries by rule id (aliases resolved), in the order the layers set them. */
  rules: Record<string, RuleEntry>;
  overrides: Override[];
  inlineSuppressions: InlineSuppressionSettings;
  /** Named compose configurations: `{ prod: { files: [...], env_files: [...], profiles: [...] } }`, paths absolute. */
  stacks: Record<string, { files: string[]; env_files?: string[]; profiles?: string[] }>;
  policies: Policy[];
  /** Absolute path of the baseline file, when the config names one. */
  baseline?: string;
  /** `limits:` as set (maxFileSize in bytes); loadProject takes the defaults for the others. */
  limits: Partial<Limits>;
}

/** What one config file holds, as validated by the schema. */
interface RawConfig {
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  overrides?: Omit<Override, 'base'>[];
  inlineSuppressions?: boolean | { enabled?: boolean; requireReason?: boolean };
  stacks?: Config['stacks'];
  policies?: Omit<Policy, 'file'>[];
  baseline?: string;
  limits?: { maxFileSize?: number | string; maxAliasNodes?: number };
}

/** The config file for `cwd`: `--config` if given, else the nearest config file (or package.json with a `dockpolicy` key). */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`--config: file not found: ${explicit}`);
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(path.join(dir, name))) return path.join(dir, name);
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && hasDockpolicyKey(pkg)) return pkg;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function hasDockpolicyKey(pkg: string): boolean {
  try {
    const data = JSON.parse(readFileSync(pkg, 'utf8')) as Record<string, unknown>;
    return typeof data === 'object' && data !== null && 'dockpolicy' in data;
  } catch {
    return false;
  }
}

export function presetFile(name: string): string {
  return path.join(packageRoot(), 'presets', `${name}.yaml`);
}

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null };
type YamlModule = typeof import('yaml');

/** One file of the chain, parsed with positions so that errors name the line. */
interface Layer {
  file: string;
  data: RawConfig;
  /** 1-based line of the node at a JSON pointer (`/rules/non-root-user`), or of its nearest existing parent. */
  lineOf(pointer: string[]): number;
}

/**
 * Reads the config file and everything it extends, validates each file against the schema generated from the rules'
 * metadata at build time, resolves rule aliases to ids, and merges the layers: presets and extended files first.
 */
export async function loadConfig(file: string | undefined, metas: readonly RuleMeta[] = [], cwd = process.cwd()): Promise<Config> {
  const display = (f: string) => configLabel(f, cwd);
  const config: Config = { file, files: [], rules: {}, overrides: [], inlineSuppressions: { enabled: true, requireReason: false }, stacks: {}, policies: [], limits: {} };
  if (!file) return config;
  // Loaded only by runs that have a config file. Through a bundle, a CommonJS package's exports sit on `default`.
  const mod = (await import('yaml')) as YamlModule & { default?: YamlModule };
  const yaml = typeof mod.parseDocument === 'function' ? mod : mod.default!;
  const { parseYamlFast } = await import('../parse/yaml-fast.js');
  const parse = (text: string) => parseConfigYaml(yaml, parseYamlFast, text);
  const resolveName = ruleResolver(metas);
  // A config passes the small shape validator and each rule's own options validator, or it is judged, and its error
  // explained, by the full validator (~10 ms to load): it accepts exactly what the full one does (test/config.test.ts).
  const shape = loadCommonJs(path.join(packageRoot(), 'dist', 'config-shape-validator.cjs')) as Validator;
  let ruleOptions: Record<string, Validator> | undefined;
  const optionsValid = (data: RawConfig): boolean =>
    [data.rules, ...(data.overrides ?? []).map((o) => o.rules)].every((entries) =>
      Object.entries(entries ?? {}).every(([name, entry]) => {
        if (!Array.isArray(entry) || entry.length < 2) return true;
        const owners = resolveName(name);
        if (owners.length !== 1) return false; // an alias of several rules takes a level only
        const check = (ruleOptions ??= loadCommonJs(path.join(packageRoot(), 'dist', 'rule-options-validator.cjs')) as Record<string, Validator>)[owners[0]!];
        return check ? check(entry[1]) : Object.keys(entry[1] as object).length === 0;
      }),
    );
  let full: Validator | undefined;
  const validate = (data: unknown): data is RawConfig => (shape(data) && optionsValid(data as RawConfig)) || (full ??= loadCommonJs(path.join(packageRoot(), 'dist', 'config-validator.cjs')) as Validator)(data);
  const layers: Layer[] = [];
  const visit = (target: string, chain: string[]) => {
    if (chain.includes(target)) throw new UsageError(`${display(target)}: extends itself through ${chain.map(display).join(' -> ')}`);
    const layer = readLayer(yaml, parse, target, display);
    if (!validate(layer.data)) throw new UsageError(describeError(layer, full?.errors ?? []));
    for (const parent of [layer.data.extends ?? []].flat()) {
      const resolved = resolveExtends(parent, path.dirname(target));
      if (!resolved) throw new UsageError(`${display(target)}:${layer.lineOf(['extends'])}: extends "${parent}": no such preset or file (presets: ${PRESETS.join(', ')})`);
      visit(resolved, [...chain, target]);
    }
    layers.push(layer);
  };
  visit(file, []);

  for (const layer of layers) {
    const { data } = layer;
    const base = path.dirname(layer.file);
    config.files.push(layer.file);
    for (const [id, entry] of Object.entries(normaliseRules(layer, ['rules'], data.rules, resolveName))) config.rules[id] = combineEntries(config.rules[id], entry);
    (data.overrides ?? []).forEach((o, i) => config.overrides.push({ ...o, base, rules: normaliseRules(layer, ['overrides', String(i), 'rules'], o.rules, resolveName) }));
    const inline = data.inlineSuppressions;
    if (typeof inline === 'boolean') config.inlineSuppressions.enabled = inline;
    else if (inline) Object.assign(config.inlineSuppressions, inline);
    for (const [name, s] of Object.entries(data.stacks ?? {})) {
      config.stacks[name] = { files: s.files.map((f) => path.resolve(base, f)), env_files: s.env_files?.map((f) => path.resolve(base, f)), profiles: s.profiles };
    }
    for (const p of data.policies ?? []) {
      const clash = metas.find((m) => m.id === p.id);
      if (clash) throw new UsageError(`${display(layer.file)}:${layer.lineOf(['policies'])}: policy id "${p.id}" is already a rule id`);
      config.policies = [...config.policies.filter((q) => q.id !== p.id), { ...p, file: layer.file }];
      // A policy for some places only is off elsewhere: its matchers become an override of its own.
      if (p.files || p.stacks || p.services) config.overrides.push({ files: p.files, stacks: p.stacks, services: p.services, base, rules: { [p.id]: p.level ?? 'error' } });
    }
    if (data.baseline) config.baseline = path.resolve(base, data.baseline);
    const { maxFileSize, maxAliasNodes } = data.limits ?? {};
    if (maxFileSize !== undefined) {
      const bytes = parseSize(maxFileSize);
      if (!(bytes >= 1)) throw new UsageError(`${display(layer.file)}:${layer.lineOf(['limits', 'maxFileSize'])}: limits.maxFileSize: "${maxFileSize}" is not a size of at least one byte (such as 10MB)`);
      config.limits.maxFileSize = bytes;
    }
    if (maxAliasNodes !== undefined) config.limits.maxAliasNodes = maxAliasNodes;
  }
  return config;

  function normaliseRules(layer: Layer, at: string[], rules: Record<string, RuleEntry> | undefined, resolve: (name: string) => string[]): Record<string, RuleEntry> {
    const out: Record<string, RuleEntry> = {};
    for (const [name, entry] of Object.entries(rules ?? {})) {
      const ids = resolve(name);
      if (ids.length === 0) throw new UsageError(`${display(layer.file)}:${layer.lineOf([...at, name])}: unknown rule "${name}" (at ${[...at, name].join('.')})`);
      for (const id of ids) out[id] = entry;
    }
    return out;
  }

  function describeError(layer: Layer, errors: NonNullable<Validator['errors']>): string {
    // The deepest error names the most specific key; oneOf's own summary error says less.
    const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    const where = (pointer: string[]) => `${display(layer.file)}:${layer.lineOf(pointer)}`;
    if (!error) return `${where([])}: invalid configuration`;
    const pointer = error.instancePath.split('/').filter(Boolean).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = pointer.join('.');
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const name = key ? `${key}.${extra}` : extra;
      const loc = where([...pointer, extra]);
      if (/^(overrides\.\d+\.)?rules$/.test(key)) return `${loc}: unknown rule "${extra}" (at ${name})`;
      return /^(overrides\.\d+\.)?rules\./.test(key) ? `${loc}: unknown option "${name}"` : `${loc}: unknown key "${name}"`;
    }
    if (error.keyword === 'required') return `${where(pointer)}: ${key || 'configuration'} needs "${String(error.params.missingProperty)}"`;
    return `${where(pointer)}: ${key || 'configuration'}: ${error.message ?? error.keyword}`;
  }
}

const CONFIG_YAML = { prettyErrors: false, uniqueKeys: true } as const;

/**
 * A config file's one document. Configs are the plain block YAML that src/parse/yaml-fast.ts parses into the same nodes
 * as yaml, without starting yaml's lexer, parser and composer (the largest part of loading a config, ~4 ms cold): yaml
 * parses the rest, and reports every error, a key written twice included (the fast path does not look for those).
 */
function parseConfigYaml(yaml: YamlModule, parseYamlFast: typeof ParseYamlFast, text: string): Document {
  const fast = parseYamlFast(text, CONFIG_YAML);
  if (fast?.length === 1 && !repeatsAKey(fast[0]!.contents)) return fast[0]!;
  return yaml.parseDocument(text, CONFIG_YAML);
}

function repeatsAKey(node: unknown): boolean {
  if (isMap(node)) {
    const keys = new Set<unknown>();
    for (const { key, value } of node.items) {
      const k = isScalar(key) ? key.value : key;
      if (keys.has(k)) return true;
      keys.add(k);
      if (repeatsAKey(value)) return true;
    }
  } else if (isSeq(node)) return node.items.some(repeatsAKey);
  return false;
}

/** Script files: a config in one would run code from the repository being checked, so none is ever loaded. */
const SCRIPT = /\.[cm]?[jt]sx?$/i;

function readLayer(yaml: YamlModule, parse: (text: string) => Document, file: string, display: (f: string) => string): Layer {
  if (SCRIPT.test(file)) throw new UsageError(`${display(file)}: a JavaScript config is not loaded: dockpolicy never runs code from the repository it checks (configuration is data: .dockpolicy.yaml, .yml or .json)`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${display(file)}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lines = new LineIndex(text);
  const doc = parse(text);
  const error = doc.errors[0];
  if (error) throw new UsageError(`${display(file)}:${lines.position(error.pos?.[0] ?? 0).line}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  let root: unknown = doc.contents;
  let prefix: string[] = [];
  if (path.basename(file) === 'package.json') {
    prefix = ['dockpolicy'];
    root = (doc.contents as { get?: (k: string, keep: boolean) => unknown } | null)?.get?.('dockpolicy', true);
  }
  const data = ((root as { toJSON?: () => unknown } | null | undefined)?.toJSON?.() ?? (root === undefined || root === null ? {} : root)) as RawConfig;
  const lineOf = (pointer: string[]) => {
    const keys = [...prefix, ...pointer].map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = keys.length; n >= 0; n--) {
      // A mapping key's own position (`rule:`), else the node's (a list item, a scalar value).
      const parent = n > 0 ? doc.getIn(keys.slice(0, n - 1), true) : undefined;
      const pair = yaml.isMap(parent) ? parent.items.find((p) => yaml.isScalar(p.key) && String(p.key.value) === String(keys[n - 1])) : undefined;
      const node = (pair?.key ?? doc.getIn(keys.slice(0, n), true)) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.position(node.range[0]).line;
    }
    return 1;
  };
  return { file, data: data ?? {}, lineOf };
}

function resolveExtends(name: string, dir: string): string | undefined {
  if ((PRESETS as readonly string[]).includes(name) || /^dockpolicy:/.test(name)) {
    const preset = presetFile(name.replace(/^dockpolicy:/, ''));
    return existsSync(preset) ? preset : undefined;
  }
  const file = path.resolve(dir, name);
  return existsSync(file) ? file : undefined;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Bytes in a size as the schema allows it: a number, or a string with a 1024-based unit (`10MB`, `512 KiB`). */
export function parseSize(size: number | string): number {
  if (typeof size === 'number') return size;
  if (!new RegExp(SIZE_PATTERN).test(size)) return NaN;
  const [, number, unit] = /([\d.]+)\s*([a-z]?)/i.exec(size.trim())!;
  return Math.floor(Number(number) * UNITS[unit!.toLowerCase()]!);
}

/** Rule names as written (ids or aliases such as DL3008 or SecretsUsedInArgOrEnv) to rule ids. */
function ruleResolver(metas: readonly RuleMeta[]): (name: string) => string[] {
  const index = new Map<string, string[]>();
  for (const meta of metas) {
    for (const name of [meta.id, ...meta.aliases]) index.set(name.toLowerCase(), [...(index.get(name.toLowerCase()) ?? []), meta.id]);
  }
  // Without metadata (tests of the loader alone) every name stands for itself.
  return (name) => (metas.length ? (index.get(name.toLowerCase()) ?? []) : [name]);
}

/** How messages name a config file: `preset strict`, or its path relative to the working directory. */
export function configLabel(file: string, cwd: string): string {
  if (path.dirname(file) === path.join(packageRoot(), 'presets')) return `preset ${path.basename(file, '.yaml')}`;
  return path.relative(cwd, file) || file;
}

/** An entry over an earlier layer's entry for the same rule: the level replaces, options merge (a bare level keeps them). */
function combineEntries(earlier: RuleEntry | undefined, entry: RuleEntry): RuleEntry {
  const before = Array.isArray(earlier) ? earlier[1] : undefined;
  const [level, options] = Array.isArray(entry) ? entry : [entry, undefined];
  return before || options ? [level, { ...before, ...options }] : level;
}

/** Level and options an entry gives a rule over an earlier setting: a bare level keeps the earlier options. */
export function applyEntry(earlier: RuleSetting, entry: RuleEntry): RuleSetting {
  const [level, options] = Array.isArray(entry) ? entry : [entry, undefined];
  return { level, options: options ? { ...earlier.options, ...options } : earlier.options };
}
