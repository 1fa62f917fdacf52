import path from 'node:path';
import { interpolate, type Env } from '../parse/interpolate.js';
import type { Value } from '../parse/value.js';
import { entryAt, type Field } from './fields.js';
import type { SourceRef } from './location.js';
import type { LinkedService } from './project.js';
import { memoized } from '../util/memo.js';

// Shared by the mount rules (no-docker-socket, no-sensitive-host-mounts, no-shared-writable-mounts): a service's
// `volumes` read from its merged fields, keeping what the typed model drops (a source written with an unset variable,
// named pipes, the read-only flag being unknown), and path matching over host paths.

export interface HostMount {
  /**
   * `bind`: a host path; `volume`: a named volume; `anonymous`: a container path only; `npipe`: a Windows named pipe;
   * `unknown`: the source holds a variable without a value (bind or volume cannot be told).
   */
  type: 'bind' | 'volume' | 'anonymous' | 'tmpfs' | 'npipe' | 'other' | 'unknown';
  /** The source after interpolation, as written (`./data`, `/etc`, `~/.ssh`, `dbdata`); undefined when unknown. */
  source?: string;
  /** The source as written, before interpolation. */
  sourceRaw: string;
  /**
   * Binds: the host path, normalised, without a trailing slash: absolute, or `~`/`~/...` for the user's home
   * (`$HOME/...` is read as `~/...`). A relative source is resolved against the project directory.
   */
  hostPath?: string;
  /** The source was written as an absolute or home path, not relative to the project (whose location is an accident). */
  absolute: boolean;
  target?: string;
  /** `:ro` / `read_only: true`; undefined when written with a variable that has no value. */
  readOnly: boolean | undefined;
  /** Short syntax: the item; long syntax: the `source` value (the item when there is none). */
  at: SourceRef;
}

const cache = new WeakMap<LinkedService, HostMount[]>();

/** The service's `volumes`, merged across its stack's files as Compose merges them (by target, later files win). */
export function hostMounts(service: LinkedService): HostMount[] {
  const cached = cache.get(service);
  if (cached) return cached;
  const field = entryAt(service.fields, 'volumes')?.field;
  const items = field?.kind === 'seq' ? field.items : [];
  const byTarget = new Map<string, HostMount>();
  let anonymous = 0;
  for (const item of items) {
    const mount = item.kind === 'scalar' ? (item.value ? readShort(service, item.value) : undefined) : item.kind === 'map' ? readLong(service, item) : undefined;
    if (!mount) continue;
    const key = mount.target !== undefined ? normalise(mount.target) : `\0${anonymous++}`;
    byTarget.delete(key); // a later file's mount at the same target replaces the earlier one
    byTarget.set(key, mount);
  }
  const result = [...byTarget.values()];
  cache.set(service, result);
  return result;
}

function fileOf(service: LinkedService, at: SourceRef): { dir: string; env: Env } {
  const file = service.stack.files.find((f) => f.path === at.file);
  if (file) return { dir: file.dir, env: file.env };
  // A file reached through `extends` (not one of the stack's files): its paths are relative to itself.
  return { dir: at.file === service.compose.path ? service.compose.dir : path.dirname(at.file), env: service.stack.env };
}

function readShort(service: LinkedService, v: Value): HostMount | undefined {
  const { dir, env } = fileOf(service, v.at);
  let parts: (string | undefined)[];
  let rawParts: string[];
  if (v.value !== undefined) {
    // Split on ':' but keep a Windows drive letter (`C:\x`) with its path, as the typed model does.
    parts = v.value.match(/(?:[A-Za-z]:[\\/])?[^:]+/g) ?? [];
    rawParts = splitRaw(v.raw);
    if (rawParts.length !== parts.length) rawParts = parts as string[];
  } else {
    rawParts = splitRaw(v.raw).filter((p) => p !== '');
    parts = rawParts.map((p) => interpolate(p, env).value);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { type: 'anonymous', sourceRaw: '', absolute: false, target: parts[0], readOnly: false, at: v.at };
  const [source, target, mode] = parts;
  const readOnly = parts.length < 3 ? false : mode === undefined ? undefined : mode.split(',').includes('ro');
  return { ...classify(source, rawParts[0] ?? '', dir, 'short'), target, readOnly, at: v.at };
}

/** Splits a short-syntax volume as written on the `:` that are not inside `${...}`. */
function splitRaw(raw: string): string[] {
  const masked = raw.replace(/\$\{[^}]*\}/g, (m) => m.replace(/:/g, '\0'));
  return masked.split(':').map((p) => p.replace(/\0/g, ':'));
}

function readLong(service: LinkedService, item: Field & { kind: 'map' }): HostMount | undefined {
  const scalar = (key: string): Value | undefined => {
    const f = item.entries.get(key)?.field;
    return f?.kind === 'scalar' ? f.value : undefined;
  };
  const typeValue = scalar('type');
  const source = scalar('source');
  const target = scalar('target');
  const ro = scalar('read_only');
  const readOnly = ro === undefined ? false : ro.value === undefined ? undefined : /^(?:y|yes|true|on|1)$/i.test(ro.value.trim());
  const at = source?.at ?? item.at;
  const base = { target: target?.value, readOnly, at };
  const type = typeValue === undefined ? 'volume' : typeValue.value;
  if (type === undefined) return { type: 'unknown', sourceRaw: source?.raw ?? '', source: source?.value, absolute: false, ...base };
  if (type === 'tmpfs') return { type: 'tmpfs', sourceRaw: '', absolute: false, ...base };
  if (type === 'npipe') return { type: 'npipe', sourceRaw: source?.raw ?? '', source: source?.value, absolute: true, ...base };
  if (type === 'volume') {
    if (!source) return { type: 'anonymous', sourceRaw: '', absolute: false, ...base };
    return { type: source.value === undefined ? 'unknown' : 'volume', source: source.value, sourceRaw: source.raw, absolute: false, ...base };
  }
  if (type === 'bind') {
    if (!source) return { type: 'bind', sourceRaw: '', absolute: false, ...base };
    const { dir } = fileOf(service, source.at);
    const c = classify(source.value, source.raw, dir, 'bind');
    return { ...c, ...base };
  }
  return { type: 'other', sourceRaw: source?.raw ?? '', source: source?.value, absolute: false, ...base };
}

const NPIPE = /^(?:\/\/|\\\\)\.[\\/]pipe[\\/]/i;

/** Reads a source: a path (bind) or a volume name; `as: 'bind'` when the long syntax says it is a bind. */
function classify(source: string | undefined, raw: string, dir: string, as: 'short' | 'bind'): Pick<HostMount, 'type' | 'source' | 'sourceRaw' | 'hostPath' | 'absolute'> {
  let text = source;
  // `$HOME/.ssh` / `${HOME}/.ssh`: HOME is never in a project's .env, but it is the user's home wherever it runs.
  if (text === undefined) {
    const home = /^\$(?:\{HOME\}|HOME(?![A-Za-z0-9_]))(.*)$/.exec(raw);
    if (home && !home[1]!.includes('$')) text = `~${home[1]}`;
  }
  if (text === undefined) return { type: as === 'bind' ? 'bind' : 'unknown', sourceRaw: raw, absolute: false };
  if (NPIPE.test(text)) return { type: 'npipe', source: text, sourceRaw: raw, absolute: true };
  const isPath = as === 'bind' || /^[./~]|^[A-Za-z]:[\\/]/.test(text);
  if (!isPath) return { type: 'volume', source: text, sourceRaw: raw, absolute: false };
  if (text.startsWith('~')) return { type: 'bind', source: text, sourceRaw: raw, hostPath: normalise(text), absolute: true };
  if (/^[A-Za-z]:[\\/]/.test(text)) return { type: 'bind', source: text, sourceRaw: raw, hostPath: text, absolute: true };
  if (text.startsWith('/')) return { type: 'bind', source: text, sourceRaw: raw, hostPath: normalise(text), absolute: true };
  return { type: 'bind', source: text, sourceRaw: raw, hostPath: path.resolve(dir, text), absolute: false };
}

/** `/etc/` → `/etc`, `/a//b/../c` → `/a/c`; `/` and `~` stay. */
export function normalise(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/**
 * Kept by path (read only): the mount rules match each host path against some sixty patterns, and each comparison
 * normalised and split both again.
 */
const segments = memoized((p: string): string[] => normalise(p).split('/').filter((s) => s !== ''));

/**
 * Whether host path `p` is `pattern` or lies under it. `pattern` is absolute or starts with `~`; a `*` segment
 * matches any one segment (`/home/*\/.ssh`).
 */
export function isUnder(p: string, pattern: string): boolean {
  const ps = segments(p);
  const qs = segments(pattern);
  if (ps.length < qs.length) return false;
  return qs.every((q, i) => q === '*' || q === ps[i]);
}

/** Whether host path `p` is a directory above `pattern` (mounting it exposes what `pattern` names). */
export function contains(p: string, pattern: string): boolean {
  const ps = segments(p);
  const qs = segments(pattern);
  if (ps.length >= qs.length) return false;
  if (p.startsWith('~') !== pattern.startsWith('~')) return false;
  return ps.every((s, i) => qs[i] === '*' || qs[i] === s);
}

/** `~/x` patterns also as the home directories they stand for on Linux (`/home/<user>`, `/root`) and macOS. */
export function homeVariants(pattern: string): string[] {
  if (pattern !== '~' && !pattern.startsWith('~/')) return [pattern];
  const rest = pattern.slice(1);
  return [pattern, `/home/*${rest}`, `/root${rest}`, `/Users/*${rest}`];
}

export interface EngineSocket {
  /** `Docker`, `Podman`, `containerd`. */
  engine: string;
  /** `file`: the socket (or named pipe) itself; `directory`: a host directory that holds the engine's default socket. */
  kind: 'file' | 'directory';
  /** For `directory`: the socket path inside it. */
  socket?: string;
}

const SOCKET_FILES: { test: (name: string) => boolean; engine: string }[] = [
  { test: (name) => /docker(?:\.raw)?\.sock(?:\.raw)?$/.test(name), engine: 'Docker' },
  { test: (name) => name === 'podman.sock', engine: 'Podman' },
  { test: (name) => name === 'containerd.sock', engine: 'containerd' },
];

/** Where the engines put their API socket by default on Linux (rootful and rootless). */
const DEFAULT_SOCKETS: { path: string; engine: string }[] = [
  { path: '/var/run/docker.sock', engine: 'Docker' },
  { path: '/run/docker.sock', engine: 'Docker' },
  { path: '/run/user/*/docker.sock', engine: 'Docker' },
  { path: '/run/podman/podman.sock', engine: 'Podman' },
  { path: '/run/user/*/podman/podman.sock', engine: 'Podman' },
  { path: '/run/containerd/containerd.sock', engine: 'containerd' },
];

/**
 * The container engine API a mount hands to the container: its socket file (any path whose last segment ends in
 * `docker.sock`, `docker.sock.raw` or `docker.raw.sock`, or is `podman.sock` / `containerd.sock`; also read from a source whose directory is an unset
 * variable, `${XDG_RUNTIME_DIR}/docker.sock`), the Docker Engine named pipe on Windows, or a host directory above an
 * engine's default socket (`/var/run`, `/run`, `/`). Read-only does not matter: connecting to a socket is not a write.
 */
export function engineSocket(mount: HostMount): EngineSocket | undefined {
  if (mount.type === 'npipe' || (mount.source !== undefined && NPIPE.test(mount.source))) {
    const name = (mount.source ?? mount.sourceRaw).toLowerCase();
    return /pipe[\\/]docker_engine/.test(name) ? { engine: 'Docker', kind: 'file' } : undefined;
  }
  if (mount.type !== 'bind' && mount.type !== 'unknown') return undefined;
  const text = mount.hostPath ?? (mount.type === 'bind' || /[/\\]/.test(mount.sourceRaw) ? mount.sourceRaw : '');
  const last = text.split(/[/\\]/).pop() ?? '';
  if (last && !last.includes('$')) {
    const file = SOCKET_FILES.find((s) => s.test(last));
    if (file) return { engine: file.engine, kind: 'file' };
  }
  if (mount.hostPath && mount.absolute) {
    const found = DEFAULT_SOCKETS.find((s) => contains(mount.hostPath!, s.path));
    if (found) return { engine: found.engine, kind: 'directory', socket: found.path };
  }
  return undefined;
}

/** How a mount's source reads in a message: the path as written (relative paths stay relative) or the volume name. */
export function describeSource(mount: HostMount): string {
  if (mount.type === 'volume') return `volume "${mount.source}"`;
  return mount.source ?? mount.sourceRaw;
}
