// `--cache`: each unit's findings (a stack, or a Dockerfile no stack builds), kept with what the unit read and
// reused while none of it changed. A file is compared by size and mtime first and by a hash of its content when
// those differ (a checkout rewrites files it does not change); a listed directory by its mtime, which moves when
// an entry is added or removed; a path tested for existence by whether it exists.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { ReadKind } from '../util/reads.js';
import type { Finding } from './finding.js';

export const CACHE_NAME = '.dockpolicy-cache';
const FORMAT = 1;

export interface CacheEntry {
  /** [path, kind, signature] of everything the unit read. */
  deps: [string, ReadKind, string][];
  findings: Finding[];
  /** Dockerfiles the stack builds: those are no standalone units while the entry holds. */
  builds: string[];
  /** Stacks that pull this one's files in: loaded again whenever this one is. */
  pulledBy: string[];
  /** The Dockerfiles and compose files the unit looked at (per-file report formats list them). */
  files: { path: string; kind: 'dockerfile' | 'compose' }[];
}

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, CacheEntry>;
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly current = new Map<string, string>();
  reused = 0;

  /** `key` names everything besides the files that decides results: version, configuration, options. */
  constructor(readonly file: string, private readonly key: string) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      // no cache yet, or one that cannot be read: start afresh
    }
  }

  /** The unit's entry when nothing it read has changed since. */
  valid(unit: string): CacheEntry | undefined {
    const entry = this.entries[unit];
    if (!entry || !entry.deps.every(([file, kind, signature]) => this.unchanged(file, kind, signature))) return undefined;
    return entry;
  }

  /** The unit's entry, changed or not. */
  peek(unit: string): CacheEntry | undefined {
    return this.entries[unit];
  }

  set(unit: string, reads: Map<string, ReadKind>, rest: Omit<CacheEntry, 'deps'>): void {
    const deps = [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, kind]): [string, ReadKind, string] => [file, kind, this.signature(file, kind)]);
    this.entries[unit] = { deps, ...rest };
  }

  /** Written to a temporary file first, so an interrupted run never leaves half a cache. */
  save(): void {
    const data: CacheFile = { format: FORMAT, key: this.key, entries: this.entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.file);
  }

  private unchanged(file: string, kind: ReadKind, recorded: string): boolean {
    if (kind !== 'content') return this.signature(file, kind) === recorded;
    const [size, mtime] = recorded.split(':');
    const stat = statOf(file);
    if (stat && `${stat.size}` === size && `${stat.mtimeMs}` === mtime) return true;
    return this.signature(file, kind).split(':')[2] === recorded.split(':')[2];
  }

  /** What the path is now; computed once per run (many units read the same .env or .gitignore). */
  private signature(file: string, kind: ReadKind): string {
    const id = `${kind}\0${file}`;
    let sig = this.current.get(id);
    if (sig === undefined) {
      sig = signatureOf(file, kind);
      this.current.set(id, sig);
    }
    return sig;
  }
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function signatureOf(file: string, kind: ReadKind): string {
  if (kind === 'exists') return existsSync(file) ? '1' : '0';
  const stat = statOf(file);
  if (!stat) return 'absent';
  if (kind === 'listing' || stat.isDirectory()) return `${stat.mtimeMs}`;
  try {
    return `${stat.size}:${stat.mtimeMs}:${createHash('sha1').update(readFileSync(file)).digest('hex')}`;
  } catch {
    return 'unreadable';
  }
}

/** The part of the cache key that is not the configuration: this build of dockpolicy. */
export function toolIdentity(version: string, moduleFile: string): string {
  const stat = statOf(moduleFile);
  return `${version}:${stat?.size ?? 0}:${stat?.mtimeMs ?? 0}`;
}

export const cacheKey = (parts: unknown) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
