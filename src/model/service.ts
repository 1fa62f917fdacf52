import path from 'node:path';
import type { Node } from 'yaml';
import type { ComposeFile } from '../parse/compose.js';
import { valueOf, type Value } from '../parse/value.js';
import type { SourceRef } from './location.js';
import { readField, type Field } from './fields.js';

/** Compose service fields that rules read, normalised from short and long syntax, each with its position. */
export interface ComposeService {
  name: string;
  /** The file (document) where the service was first defined; an override's fields keep their own positions. */
  compose: ComposeFile;
  /** The service's key under `services:`. */
  at: SourceRef;
  node: Node | undefined;
  /** Names declared under the top-level `volumes:` of the service's compose file. */
  declaredVolumes: Set<string>;
  image?: Value;
  build?: BuildSpec;
  user?: Value;
  healthcheck?: Healthcheck;
  dependsOn: Dependency[];
  ports: PortBinding[];
  volumes: VolumeMount[];
  /** `environment` and `labels`, list (`KEY=VALUE`) or map form; a name without a value has `value` undefined. */
  environment: KeyValue[];
  labels: KeyValue[];
  /** `env_file` as string, list or `{path, required}` items: absolute paths. */
  envFiles: { path: string; required: boolean; at: SourceRef }[];
  /** `networks` (list or map), `secrets`/`configs` (short or long form, by source): referenced names. */
  networks: Named[];
  secrets: Named[];
  configs: Named[];
  /** `cap_add`, `cap_drop`, `expose`, `dns`... : plain string lists (merged as sets). */
  lists: Record<ListField, Named[]>;
  profiles: string[];
  /** `extends: name` or `extends: {service, file}`, resolved when the stack is loaded. */
  extends?: { service: string; file?: string; at: SourceRef };
  /** The whole service mapping as written (merged across overrides), for fields without a typed reading above. */
  fields: Field;
  /** Fields written with `!reset` (removed when merged) and `!override` (replacing instead of merging). */
  resets: Set<string>;
  overrides: Set<string>;
}

/** Service fields that are plain lists of names, merged as sets. */
export const LIST_FIELDS = ['cap_add', 'cap_drop', 'expose', 'security_opt'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface KeyValue {
  name: string;
  value?: Value;
  at: SourceRef;
}

export interface Named {
  name: string;
  at: SourceRef;
}

export interface BuildSpec {
  at: SourceRef;
  /** Absolute context directory; undefined when it is a URL or cannot be resolved. */
  context?: string;
  /** Absolute Dockerfile path (default `<context>/Dockerfile`); undefined with `dockerfile_inline`. */
  dockerfile?: string;
  inline?: Value;
  target?: Value;
  args: { name: string; value?: Value; at: SourceRef }[];
  /** Whether `context` / `dockerfile` were written (an override's `build: {target: x}` keeps the base's). */
  contextSet: boolean;
  dockerfileSet: boolean;
}

export interface Healthcheck {
  at: SourceRef;
  /** `test` normalised to its list form: `["CMD-SHELL", "..."]` for a string. */
  test?: { value: string[]; at: SourceRef };
  /** The `disable` key when it is `true`. */
  disabledAt?: SourceRef;
}

export interface Dependency {
  service: string;
  condition: string;
  form: 'list' | 'map';
  /** The list item, or the dependency's key in the map form. */
  at: SourceRef;
  conditionAt?: SourceRef;
}

export interface PortBinding {
  /** '' means all interfaces. */
  hostIp: string;
  /** Published host port range, inclusive; undefined when no host port is published or it is unknown. */
  published?: [number, number];
  protocol: string;
  /** The container port as written (part of the key overrides merge ports by). */
  target: string;
  at: SourceRef;
}

export interface VolumeMount {
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** Host path (absolute, for binds) or volume name; undefined for anonymous volumes. */
  source?: string;
  target?: string;
  /** `:ro` in short syntax, `read_only: true` in long syntax. */
  readOnly: boolean;
  at: SourceRef;
}

export function servicesOf(compose: ComposeFile): ComposeService[] {
  const y = compose.yaml;
  const services = y.get(compose.root, 'services');
  const volumes = new Set(y.entries(y.get(compose.root, 'volumes')?.value).map((e) => e.key));
  return y.entries(services?.value).map(({ key, keyNode, value }) => readService(compose, key, y.at(keyNode), value, volumes));
}

function readService(compose: ComposeFile, name: string, at: SourceRef, node: Node | undefined, declaredVolumes: Set<string>): ComposeService {
  const y = compose.yaml;
  const field = (key: string) => y.get(node, key)?.value;
  const resets = new Set<string>();
  const overrides = new Set<string>();
  for (const e of y.entries(node)) {
    const tag = (e.value as { tag?: string } | undefined)?.tag;
    if (tag === '!reset') resets.add(e.key);
    if (tag === '!override') overrides.add(e.key);
  }
  const reset = (key: string) => (resets.has(key) ? undefined : field(key));
  return {
    name,
    compose,
    at,
    node,
    declaredVolumes,
    resets,
    overrides,
    fields: readField(compose, node),
    profiles: y.items(reset('profiles')).flatMap((i) => valueOf(compose, i)?.value ?? []),
    extends: readExtends(compose, field('extends')),
    image: valueOf(compose, reset('image')),
    build: readBuild(compose, reset('build')),
    user: valueOf(compose, reset('user')),
    healthcheck: resets.has('healthcheck') ? undefined : readHealthcheck(compose, y.get(node, 'healthcheck')),
    dependsOn: readDependsOn(compose, reset('depends_on')),
    ports: y.items(reset('ports')).flatMap((item) => readPort(compose, item)),
    volumes: y.items(reset('volumes')).flatMap((item) => readVolume(compose, item)),
    environment: readKeyValues(compose, reset('environment')),
    labels: readKeyValues(compose, reset('labels')),
    envFiles: readEnvFiles(compose, reset('env_file')),
    networks: readNamed(compose, reset('networks'), 'name'),
    secrets: readNamed(compose, reset('secrets'), 'source'),
    configs: readNamed(compose, reset('configs'), 'source'),
    lists: Object.fromEntries(LIST_FIELDS.map((key) => [key, readNamed(compose, reset(key), 'name')])) as ComposeService['lists'],
  };
}

function readExtends(compose: ComposeFile, node: Node | undefined): ComposeService['extends'] {
  const short = valueOf(compose, node);
  if (short?.value) return { service: short.value, at: short.at };
  const service = valueOf(compose, compose.yaml.get(node, 'service')?.value);
  if (!service?.value) return undefined;
  return { service: service.value, file: valueOf(compose, compose.yaml.get(node, 'file')?.value)?.value, at: service.at };
}

function readBuild(compose: ComposeFile, node: Node | undefined): BuildSpec | undefined {
  if (!node) return undefined;
  const y = compose.yaml;
  const at = y.at(node);
  const short = valueOf(compose, node);
  const contextValue = short ?? valueOf(compose, y.get(node, 'context')?.value);
  const contextText = contextValue ? contextValue.value : '.';
  const context = contextText !== undefined && !/^[a-z]+:\/\/|^git@/i.test(contextText) ? path.resolve(compose.dir, contextText) : undefined;
  if (short) return { at, context, dockerfile: context && path.join(context, 'Dockerfile'), args: [], contextSet: true, dockerfileSet: false };
  const inline = valueOf(compose, y.get(node, 'dockerfile_inline')?.value);
  const dockerfileValue = valueOf(compose, y.get(node, 'dockerfile')?.value);
  let dockerfile: string | undefined;
  if (!inline && context) {
    const name = dockerfileValue ? dockerfileValue.value : 'Dockerfile';
    dockerfile = name === undefined ? undefined : path.resolve(context, name);
  }
  return {
    at,
    context,
    dockerfile,
    inline,
    target: valueOf(compose, y.get(node, 'target')?.value),
    args: readKeyValues(compose, y.get(node, 'args')?.value),
    contextSet: contextValue !== undefined,
    dockerfileSet: dockerfileValue !== undefined || inline !== undefined,
  };
}

/** `args`, `environment` and `labels` in map form or `KEY=VALUE` list form. */
/** Names in a list of strings, a list of `{<key>: name}` mappings, or the keys of a mapping. */
function readNamed(compose: ComposeFile, node: Node | undefined, key: string): Named[] {
  const y = compose.yaml;
  if (y.isSeq(node)) {
    return y.items(node).flatMap((item) => {
      const v = valueOf(compose, item) ?? valueOf(compose, y.get(item, key)?.value);
      return v?.value !== undefined ? [{ name: v.value, at: v.at }] : [];
    });
  }
  return y.entries(node).map(({ key: name, keyNode }) => ({ name, at: y.at(keyNode) }));
}

function readEnvFiles(compose: ComposeFile, node: Node | undefined): ComposeService['envFiles'] {
  const y = compose.yaml;
  const items = y.isSeq(node) ? y.items(node) : node ? [node] : [];
  return items.flatMap((item) => {
    const v = valueOf(compose, item) ?? valueOf(compose, y.get(item, 'path')?.value);
    if (!v?.value) return [];
    const required = valueOf(compose, y.get(item, 'required')?.value)?.value !== 'false';
    return [{ path: path.resolve(compose.dir, v.value), required, at: v.at }];
  });
}

export function readKeyValues(compose: ComposeFile, node: Node | undefined): KeyValue[] {
  const y = compose.yaml;
  if (y.isSeq(node)) {
    return y.items(node).flatMap((item) => {
      const v = valueOf(compose, item);
      if (!v) return [];
      const eq = v.raw.indexOf('=');
      const name = eq < 0 ? v.raw : v.raw.slice(0, eq);
      const value = eq < 0 ? undefined : { ...v, raw: v.raw.slice(eq + 1), value: v.value?.slice(v.value.indexOf('=') + 1) };
      return [{ name, value, at: v.at }];
    });
  }
  return y.entries(node).map(({ key, keyNode, value }) => ({ name: key, value: valueOf(compose, value), at: value ? y.at(value) : y.at(keyNode) }));
}

function readHealthcheck(compose: ComposeFile, entry: { keyNode: Node; value: Node | undefined } | undefined): Healthcheck | undefined {
  if (!entry) return undefined;
  const y = compose.yaml;
  const hc: Healthcheck = { at: y.at(entry.keyNode) };
  const disable = y.get(entry.value, 'disable');
  if (disable && valueOf(compose, disable.value)?.value === 'true') hc.disabledAt = y.at(disable.keyNode);
  const test = y.get(entry.value, 'test')?.value;
  if (test) {
    const list = y.isSeq(test) ? y.items(test).map((i) => valueOf(compose, i)?.raw ?? '') : [];
    const single = valueOf(compose, test);
    hc.test = { value: single ? ['CMD-SHELL', single.raw] : list, at: y.at(test) };
  }
  return hc;
}

function readDependsOn(compose: ComposeFile, node: Node | undefined): Dependency[] {
  const y = compose.yaml;
  if (y.isSeq(node)) {
    return y.items(node).flatMap((item) => {
      const v = valueOf(compose, item);
      return v ? [{ service: v.value ?? v.raw, condition: 'service_started', form: 'list' as const, at: v.at }] : [];
    });
  }
  return y.entries(node).map(({ key, keyNode, value }) => {
    const condition = valueOf(compose, y.get(value, 'condition')?.value);
    return { service: key, condition: condition?.value ?? 'service_started', form: 'map' as const, at: y.at(keyNode), conditionAt: condition?.at };
  });
}

const PORT_SHORT = /^(?:(?:\[([^\]]*)\]|([^:[\]]*)):)??(?:(\d+)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(\w+))?$/;

function readPort(compose: ComposeFile, item: Node): PortBinding[] {
  const y = compose.yaml;
  const short = valueOf(compose, item);
  if (short) {
    const text = short.value;
    if (text === undefined) return [];
    const m = PORT_SHORT.exec(text.trim());
    if (!m || m[3] === undefined) return []; // container port only: Docker picks a free host port
    const start = Number(m[3]);
    const target = m[6] ? `${m[5]}-${m[6]}` : m[5]!;
    return [{ hostIp: normaliseIp(m[1] ?? m[2] ?? ''), published: [start, m[4] ? Number(m[4]) : start], protocol: (m[7] ?? 'tcp').toLowerCase(), target, at: short.at }];
  }
  const published = valueOf(compose, y.get(item, 'published')?.value);
  if (!published?.value) return [];
  const range = /^(\d+)(?:-(\d+))?$/.exec(published.value);
  if (!range) return [];
  const hostIp = valueOf(compose, y.get(item, 'host_ip')?.value)?.value ?? '';
  const protocol = valueOf(compose, y.get(item, 'protocol')?.value)?.value ?? 'tcp';
  const target = valueOf(compose, y.get(item, 'target')?.value)?.value ?? '';
  return [{ hostIp: normaliseIp(hostIp), published: [Number(range[1]), Number(range[2] ?? range[1])], protocol: protocol.toLowerCase(), target, at: published.at }];
}

function normaliseIp(ip: string): string {
  return ip === '0.0.0.0' || ip === '::' || ip === '[::]' ? '' : ip;
}

function readVolume(compose: ComposeFile, item: Node): VolumeMount[] {
  const y = compose.yaml;
  const short = valueOf(compose, item);
  if (short) {
    const text = short.value;
    if (text === undefined) return [];
    // Split on ':' but keep a Windows drive letter (`C:\x`) with its path.
    const parts = text.match(/(?:[A-Za-z]:[\\/])?[^:]+/g) ?? [];
    if (parts.length === 1) return [{ type: 'volume', target: parts[0], readOnly: false, at: short.at }];
    const [source, target, mode = ''] = parts as [string, string, string?];
    return [{ ...classifySource(compose, source), target, readOnly: mode.split(',').includes('ro'), at: short.at }];
  }
  const type = valueOf(compose, y.get(item, 'type')?.value)?.value ?? 'volume';
  const source = valueOf(compose, y.get(item, 'source')?.value);
  const target = valueOf(compose, y.get(item, 'target')?.value)?.value;
  const at = source?.at ?? y.at(item);
  const readOnly = valueOf(compose, y.get(item, 'read_only')?.value)?.value === 'true';
  if (type === 'bind') return [{ type: 'bind', source: source?.value && resolveHostPath(compose, source.value), target, readOnly, at }];
  if (type === 'volume') return [{ type: 'volume', source: source?.value || undefined, target, readOnly, at }];
  return [{ type: type === 'tmpfs' ? 'tmpfs' : 'other', target, readOnly, at }];
}

function classifySource(compose: ComposeFile, source: string): Pick<VolumeMount, 'type' | 'source'> {
  const isPath = /^[./~]|^[A-Za-z]:[\\/]|^\$/.test(source);
  return isPath ? { type: 'bind', source: resolveHostPath(compose, source) } : { type: 'volume', source };
}

function resolveHostPath(compose: ComposeFile, source: string): string {
  if (source.startsWith('~')) return source; // the user's home on the host: not something we can look into
  return path.resolve(compose.dir, source);
}
