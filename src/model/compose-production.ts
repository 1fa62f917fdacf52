// What the production-policy compose rules share: Go/compose durations and Docker byte sizes, which services are
// databases (by image, or by the base image of the stage they build), container paths, and one-shot jobs.
import path from 'node:path';
import { parseImageRef } from './image-ref.js';
import { isFragment, isRunnable, type LinkedService, type Project } from './project.js';
import { entryAt, scalarAt } from './fields.js';
import type { SourceRef } from './location.js';
import { lineage } from './stage.js';

// ---------------------------------------------------------------------------------------------------------------------
// Durations and sizes

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration in Go's `time.ParseDuration` syntax, which both compose (`healthcheck.interval: 1m30s`) and Dockerfile
 * HEALTHCHECK flags (`--interval=30s`) use: one or more `<number><unit>` parts, units ns/us/ms/s/m/h, `0` alone
 * allowed. Returns milliseconds, or undefined when the text is not a valid duration.
 */
export function parseDuration(text: string): number | undefined {
  // The rules' option bounds are parsed again for each unit, and files repeat the same few durations.
  if (durations.has(text)) return durations.get(text);
  const ms = readDuration(text);
  if (durations.size >= 10_000) durations.clear();
  durations.set(text, ms);
  return ms;
}

const durations = new Map<string, number | undefined>();

function readDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?0$/.test(t)) return 0;
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(t);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

/** Milliseconds written back as a short duration (`90000` → `1m30s`), for messages. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  let rest = ms;
  let out = '';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return rest > 0 ? `${out}${rest}ms` : out;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * A size as Docker's log drivers read `max-size` (go-units RAMInBytes): a number with an optional k/m/g/t/p unit, an
 * optional `i` and `b`, case-insensitive, powers of 1024 (`50m`, `10MB`, `1g`, `1048576`). Undefined when invalid.
 */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()]!);
}

// ---------------------------------------------------------------------------------------------------------------------
// Images

/**
 * Database and cache images, by repository. A pattern without `/` matches the repository's last path component
 * (`postgres` matches `postgres:16`, `library/postgres` and `mirror.example.com/db/postgres`); one with `/` matches the
 * whole repository path (`mssql/server`); `*` matches any run of characters.
 */
export const DATABASE_IMAGES = [
  'postgres', 'postgresql', 'postgis', 'timescaledb*', 'pgvector', 'mysql', 'mariadb', 'percona*', 'mongo', 'mongodb*',
  'redis', 'redis-stack*', 'valkey', 'keydb', 'dragonfly', 'memcached', 'elasticsearch', 'opensearch', 'cassandra',
  'scylla', 'couchdb', 'couchbase', 'couchbase/server', 'neo4j', 'clickhouse', 'clickhouse-server', 'influxdb',
  'cockroach', 'mssql/server', 'arangodb', 'rethinkdb', 'questdb', 'surrealdb',
];

/** Where each database image keeps its data (the image's VOLUME, or its documented data directory). */
export const DATA_PATHS: Record<string, string[]> = {
  postgres: ['/var/lib/postgresql/data', '/var/lib/postgresql'],
  postgis: ['/var/lib/postgresql/data', '/var/lib/postgresql'],
  'timescaledb*': ['/var/lib/postgresql/data', '/home/postgres/pgdata'],
  pgvector: ['/var/lib/postgresql/data', '/var/lib/postgresql'],
  'bitnami/postgresql': ['/bitnami/postgresql'],
  mysql: ['/var/lib/mysql'],
  mariadb: ['/var/lib/mysql'],
  'percona*': ['/var/lib/mysql'],
  'bitnami/mysql': ['/bitnami/mysql'],
  'bitnami/mariadb': ['/bitnami/mariadb'],
  mongo: ['/data/db', '/data/configdb'],
  'mongodb*': ['/data/db', '/data/configdb'],
  'bitnami/mongodb': ['/bitnami/mongodb'],
  redis: ['/data'],
  'redis-stack*': ['/data'],
  valkey: ['/data'],
  keydb: ['/data'],
  dragonfly: ['/data'],
  'bitnami/redis': ['/bitnami/redis/data'],
  elasticsearch: ['/usr/share/elasticsearch/data'],
  opensearch: ['/usr/share/opensearch/data'],
  cassandra: ['/var/lib/cassandra'],
  scylla: ['/var/lib/scylla'],
  couchdb: ['/opt/couchdb/data'],
  couchbase: ['/opt/couchbase/var'],
  neo4j: ['/data'],
  clickhouse: ['/var/lib/clickhouse'],
  'clickhouse-server': ['/var/lib/clickhouse'],
  influxdb: ['/var/lib/influxdb', '/var/lib/influxdb2'],
  cockroach: ['/cockroach/cockroach-data'],
  'mssql/server': ['/var/opt/mssql'],
  arangodb: ['/var/lib/arangodb3'],
  rethinkdb: ['/data'],
  questdb: ['/var/lib/questdb'],
  surrealdb: ['/data'],
};

const globCache = new Map<string, RegExp>();
function glob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) globCache.set(pattern, (re = new RegExp(`^${pattern.toLowerCase().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)));
  return re;
}

/**
 * The pattern an image reference matches, if any: patterns with `/` (whole repository path) are tried before those
 * without (last path component), so `bitnami/redis` wins over `redis` for `bitnami/redis:7`.
 */
export function matchImage(image: string, patterns: readonly string[]): string | undefined {
  if (!image || image.includes('$')) return undefined;
  // Kept per pattern list (the same list for every unit of a run) and image: each service's images are matched
  // against every pattern, twice, by several rules. Bounded, since images come from the files checked.
  let known = imageMatches.get(patterns);
  if (!known) imageMatches.set(patterns, (known = new Map()));
  if (known.has(image)) return known.get(image);
  if (known.size >= 10_000) known.clear();
  const match = findMatch(image, patterns);
  known.set(image, match);
  return match;
}

const imageMatches = new WeakMap<readonly string[], Map<string, string | undefined>>();

function findMatch(image: string, patterns: readonly string[]): string | undefined {
  const repository = parseImageRef(image.trim()).repository.toLowerCase().replace(/^library\//, '');
  const last = repository.slice(repository.lastIndexOf('/') + 1);
  return patterns.find((p) => p.includes('/') && glob(p).test(repository)) ?? patterns.find((p) => !p.includes('/') && glob(p).test(last));
}

/**
 * The images a service runs: its `image`, and for a built service the base image its stage is built from (a
 * `FROM postgres:16` with init scripts is still PostgreSQL). Unknown (variable) names are left out.
 */
export function imagesOf(service: LinkedService): string[] {
  const out: string[] = [];
  const image = service.image?.value;
  if (image && !image.includes('$')) out.push(image);
  if (service.stage) {
    const base = lineage(service.stage)[0]!.image;
    if (base && !base.includes('$') && base.toLowerCase() !== 'scratch') out.push(base);
  }
  return out;
}

/** The first of a service's images that matches one of the patterns, with the pattern it matched. */
export function serviceImageMatch(service: LinkedService, patterns: readonly string[]): { image: string; pattern: string } | undefined {
  for (const image of imagesOf(service)) {
    const pattern = matchImage(image, patterns);
    if (pattern) return { image, pattern };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Paths

/** A container path without a trailing slash or `.`/`..` steps (`/data/` → `/data`). */
export function containerPath(p: string): string {
  const n = path.posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** Whether a mount at container path `mount` holds `dir`: the same path, or one of its parent directories. */
export function mountCovers(mount: string, dir: string): boolean {
  const a = containerPath(mount);
  const b = containerPath(dir);
  return a === b || b.startsWith(a === '/' ? '/' : `${a}/`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Services

/**
 * Services run once to completion rather than kept running: another service of the same stack waits for them with
 * `condition: service_completed_successfully`, or they are Swarm jobs (`deploy.mode: replicated-job|global-job`).
 * Keys are `<stack name>\0<service name>`.
 */
export function oneShotJobs(services: readonly LinkedService[]): Set<string> {
  const jobs = new Set<string>();
  for (const s of services) {
    for (const d of s.dependsOn) if (d.condition === 'service_completed_successfully') jobs.add(`${s.stack.name}\0${d.service}`);
    const mode = scalarAt(s.fields, 'deploy.mode')?.value;
    if (mode === 'replicated-job' || mode === 'global-job') jobs.add(`${s.stack.name}\0${s.name}`);
  }
  return jobs;
}

export function isOneShot(jobs: Set<string>, service: LinkedService): boolean {
  return jobs.has(`${service.stack.name}\0${service.name}`);
}

/** The service's `network_mode` when written: `mode` undefined when its value is unknown (an unset variable). */
export function networkMode(service: LinkedService): { mode?: string; at: SourceRef } | undefined {
  const entry = entryAt(service.fields, 'network_mode');
  if (entry?.field.kind !== 'scalar' || !entry.field.value) return undefined;
  const mode = entry.field.value.value?.trim();
  if (mode === '') return undefined;
  return { mode, at: entry.field.value.at };
}

const stackServices = new WeakMap<Project, Map<LinkedService['stack'], LinkedService[]>>();

/**
 * Whether a "missing X" finding may be made about a service: it is runnable (`isRunnable`) and not the partial
 * service of an override checked on its own. An override file (`compose.prod.yaml` alone) often gives a service only
 * `build: {target: production}`; `isRunnable` counts that as a build, but it is the base file's service, judged in the
 * stack that merges both.
 */
export function isComplete(project: Project, service: LinkedService): boolean {
  if (!isRunnable(service)) return false;
  const build = service.build;
  if (service.image || !build || build.contextSet || build.dockerfileSet) return true;
  let byStack = stackServices.get(project);
  if (!byStack) {
    byStack = new Map();
    for (const s of project.services) byStack.set(s.stack, [...(byStack.get(s.stack) ?? []), s]);
    stackServices.set(project, byStack);
  }
  return !isFragment(service.stack, byStack.get(service.stack) ?? []);
}
