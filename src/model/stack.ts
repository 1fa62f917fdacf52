import path from 'node:path';
import type { ComposeFile } from '../parse/compose.js';
import type { Env } from '../parse/interpolate.js';
import { mergeFields } from './fields.js';
import type { ReadKind } from '../util/reads.js';
import { LIST_FIELDS, type BuildSpec, type ComposeService, type Healthcheck } from './service.js';

/**
 * One compose configuration as `docker compose` would run it: its files in order (base first, overrides after),
 * the variables they are interpolated with, and the profiles enabled (undefined: all of them).
 */
export interface Stack {
  name: string;
  files: ComposeFile[];
  /** The project directory: the first file's directory. Relative paths in every file resolve against it. */
  dir: string;
  env: Env;
  /** The files `env` was read from (`--env-file`, a stack's `env_files`, or the project's `.env`), absolute, in order. */
  envFiles: string[];
  profiles?: string[];
  /** Declared by name (config `stacks:`, `-p`) or merged from several files: findings name it. */
  labelled: boolean;
  /** Set by loadProject: the stack's identity across runs, and the files loading it read (--cache). */
  key?: string;
  reads?: Map<string, ReadKind>;
}

/**
 * Merges the services of each file in order, per the compose spec's merge rules: scalars replace; mappings merge;
 * `ports` merge by ip:published:target/protocol, `volumes` by target, `depends_on` and `build.args` by name;
 * `healthcheck.test` replaces; a field tagged `!override` replaces instead of merging, one tagged `!reset` is removed.
 * Every merged value keeps the position where its text was written.
 */
export function mergeServices(perFile: ComposeService[][]): ComposeService[] {
  const merged = new Map<string, ComposeService>();
  for (const services of perFile) {
    for (const service of services) {
      const base = merged.get(service.name);
      merged.set(service.name, base ? mergeService(base, service) : service);
    }
  }
  return [...merged.values()];
}

export function mergeService(base: ComposeService, over: ComposeService): ComposeService {
  const pick = <K extends 'image' | 'user'>(key: K) => (over.resets.has(key) ? undefined : (over[key] ?? base[key]));
  const list = <T>(key: string, baseItems: T[], overItems: T[], keyOf: (item: T) => string): T[] => {
    if (over.resets.has(key)) return [];
    if (over.overrides.has(key)) return overItems;
    return mergeByKey(baseItems, overItems, keyOf);
  };
  return {
    ...base,
    declaredVolumes: new Set([...base.declaredVolumes, ...over.declaredVolumes]),
    image: pick('image'),
    user: pick('user'),
    build: over.resets.has('build') ? undefined : over.overrides.has('build') ? over.build : mergeBuild(base.build, over.build),
    healthcheck: over.resets.has('healthcheck') ? undefined : over.overrides.has('healthcheck') ? over.healthcheck : mergeHealthcheck(base.healthcheck, over.healthcheck),
    dependsOn: list('depends_on', base.dependsOn, over.dependsOn.map((d) => {
      // A map entry without `condition` (say, only `required: false`) keeps the base entry's condition.
      const earlier = base.dependsOn.find((b) => b.service === d.service);
      return earlier && d.form === 'map' && !d.conditionAt ? { ...d, condition: earlier.condition, conditionAt: earlier.conditionAt } : d;
    }), (d) => d.service),
    ports: list('ports', base.ports, over.ports, (p) => `${p.hostIp}:${p.published?.join('-')}:${p.target}/${p.protocol}`),
    volumes: list('volumes', base.volumes, over.volumes, (v) => v.target ?? ''),
    profiles: over.resets.has('profiles') ? [] : [...new Set([...base.profiles, ...over.profiles])],
    environment: list('environment', base.environment, over.environment, (e) => e.name),
    labels: list('labels', base.labels, over.labels, (e) => e.name),
    envFiles: list('env_file', base.envFiles, over.envFiles, (e) => e.path),
    networks: list('networks', base.networks, over.networks, (n) => n.name),
    secrets: list('secrets', base.secrets, over.secrets, (n) => n.name),
    configs: list('configs', base.configs, over.configs, (n) => n.name),
    lists: Object.fromEntries(LIST_FIELDS.map((key) => [key, list(key, base.lists[key], over.lists[key], (n) => n.name)])) as ComposeService['lists'],
    fields: mergeFields(base.fields, over.fields),
    resets: new Set(),
    overrides: new Set(),
  };
}

/** Items of `over` replace those of `base` with the same key, in place; new ones are appended. */
function mergeByKey<T>(base: T[], over: T[], keyOf: (item: T) => string): T[] {
  const result = new Map<string, T>();
  let anonymous = 0;
  const key = (item: T) => keyOf(item) || `\0${anonymous++}`;
  for (const item of base) result.set(key(item), item);
  for (const item of over) result.set(key(item), item);
  return [...result.values()];
}

function mergeBuild(base: BuildSpec | undefined, over: BuildSpec | undefined): BuildSpec | undefined {
  if (!base || !over) return over ?? base;
  return {
    at: over.at,
    context: over.contextSet ? over.context : base.context,
    contextSet: base.contextSet || over.contextSet,
    // A new context without a new dockerfile name keeps the base's name, relative to the new context.
    dockerfile: over.dockerfileSet ? over.dockerfile : over.contextSet ? rebase(base, over.context) : base.dockerfile,
    dockerfileSet: base.dockerfileSet || over.dockerfileSet,
    inline: over.dockerfileSet ? over.inline : base.inline,
    target: over.target ?? base.target,
    args: mergeByKey(base.args, over.args, (a) => a.name),
  };
}

function rebase(base: BuildSpec, context: string | undefined): string | undefined {
  if (!context || !base.dockerfile || !base.context) return context && path.join(context, 'Dockerfile');
  return path.join(context, path.relative(base.context, base.dockerfile));
}

function mergeHealthcheck(base: Healthcheck | undefined, over: Healthcheck | undefined): Healthcheck | undefined {
  if (!base || !over) return over ?? base;
  return { at: over.at, test: over.test ?? base.test, disabledAt: over.disabledAt ?? base.disabledAt };
}

export interface ExtendsProblem {
  /** `include`: an included file that does not exist (service is then empty). */
  kind: 'cycle' | 'missing' | 'include';
  service: string;
  target: string;
  at: ComposeService['at'];
}

/**
 * Resolves `extends` for the services of one document: the extended service (same document, or another file
 * relative to this one) is resolved first, then the extending service is merged over it. `load` returns the
 * services of another file; cycles and missing targets are collected in `problems` and leave the service as written.
 */
export function resolveExtends(
  services: ComposeService[],
  load: (file: string, from: ComposeService) => ComposeService[] | undefined,
  problems: ExtendsProblem[],
): ComposeService[] {
  const resolving = new Map<ComposeService, ComposeService>();
  const resolve = (service: ComposeService, siblings: ComposeService[], chain: ComposeService[]): ComposeService => {
    const done = resolving.get(service);
    if (done) return done;
    const ext = service.extends;
    // A remote file (`git@...`, `oci://...`, compose-go's `remote:`) cannot be read offline: the service stays unknown.
    if (!ext || (ext.file && /^[a-z][\w+.-]*:/i.test(ext.file) && !/^[a-z]:[\\/]/i.test(ext.file))) return service;
    const pool = ext.file ? load(ext.file, service) : siblings;
    const target = pool?.find((s) => s.name === ext.service);
    if (!target || !pool) {
      problems.push({ kind: 'missing', service: service.name, target: ext.file ? `${ext.file}:${ext.service}` : ext.service, at: ext.at });
      return service;
    }
    if (chain.includes(target) || target === service) {
      problems.push({ kind: 'cycle', service: service.name, target: ext.service, at: ext.at });
      return service;
    }
    const base = resolve(target, pool, [...chain, service]);
    const result = { ...mergeService(base, service), name: service.name, at: service.at, compose: service.compose, node: service.node, extends: undefined };
    resolving.set(service, result);
    return result;
  };
  return services.map((s) => resolve(s, services, []));
}
