// Every file system access whose result can change a finding goes through here, so `--cache` knows what each
// result depends on: a run inside `collectReads` records the files it read, the paths whose existence it tested
// and the directories it listed.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';

/** How a path was used: its content, only whether it exists, or the names of the entries below it. */
export type ReadKind = 'content' | 'exists' | 'listing';

let current: Map<string, ReadKind> | undefined;

/** How many reads were noted: a rule whose run leaves it unchanged read no file (engine/run.ts, `Reuse`). */
export let readsNoted = 0;

export function noteRead(file: string, kind: ReadKind = 'content'): void {
  readsNoted++;
  // Content says more than existence: never downgrade what a path was used for.
  if (current && !(kind === 'exists' && current.has(file))) current.set(file, kind);
}

/** Bytes a file read here may have: env files and .dockerignore files are small; a device would never end. */
const MAX_BYTES = 10 * 1024 * 1024;

export function readText(file: string): string {
  noteRead(file);
  const listed = listedEntry(file);
  if (listed === null) throw missing(file);
  const refusal = (stat: Stats) => (!stat.isFile() ? `${file}: not a regular file` : stat.size > MAX_BYTES ? `${file}: larger than ${MAX_BYTES} bytes` : undefined);
  if (listed?.isFile()) {
    const read = readOpened(file, refusal);
    if (typeof read === 'string') throw new Error(read);
    return read.toString('utf8');
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw missing(file);
  const refused = refusal(stat);
  if (refused) throw new Error(refused);
  return readFileSync(file, 'utf8');
}

/**
 * For a file this run listed as a regular file (`listedEntry`): opened first (non-blocking, should it have become a
 * FIFO since), its descriptor stat'ed, and read whole unless `refuse` gives a reason (returned): one stat call fewer
 * than stat then read. Not noted. Throws as the file system does.
 */
export function readOpened(file: string, refuse: (stat: Stats) => string | undefined): Buffer | string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    const refused = refuse(stat);
    if (refused) return refused;
    // As readFileSync reads: up to the size stat'ed, or to the end when it says 0 (a file of /proc).
    if (stat.size > 0) {
      const buffer = Buffer.allocUnsafe(stat.size);
      let total = 0;
      for (let n = 1; total < stat.size && n > 0; total += n) n = readSync(fd, buffer, total, stat.size - total, null);
      return total === stat.size ? buffer : buffer.subarray(0, total);
    }
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(8192);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks);
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The error for a file that is not there. Most build contexts have no .dockerignore, and their callers expect and
 * catch this: it is made without the stack trace (and Node's ENOENT exception), which cost several times the stat.
 */
function missing(file: string): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Object.assign(new Error(`${file}: no such file or directory`), { code: 'ENOENT' });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function exists(file: string): boolean {
  noteRead(file, 'exists');
  return present(file);
}

/** Whether `file` exists (existsSync's answer), from this run's listing of its directory when there is one. Not noted. */
export function present(file: string): boolean {
  const entry = listedEntry(file);
  if (entry === null) return false;
  if (entry && (entry.isFile() || entry.isDirectory())) return true;
  return existsSync(file); // a symbolic link is followed; an unlisted directory asked
}

/**
 * Directory listings made during a CLI run (discovery's walk, build contexts, COPY wildcards), by directory. A large
 * tree's build contexts list the directories discovery already listed, and each stack and context probes for files
 * that are rarely there (.env, .dockerignore, <Dockerfile>.dockerignore): ~17,000 failed stat calls on a 10,000-file
 * monorepo, each answered here from a listing instead. Only inside `withListings` (a run): outside, every call asks
 * the file system, so nothing can answer from a listing older than the run.
 */
let listings: Map<string, Listing> | undefined;

interface Listing {
  entries: Dirent[];
  /** By name, built when first asked. */
  byName?: Map<string, Dirent>;
  /** Lower-cased names; undefined when the directory holds a name that is not ASCII (see `listedEntry`). */
  folded?: Set<string>;
}

/** Runs `fn` (a whole run) with listings kept for its length, then forgets them. */
export async function withListings<T>(fn: () => Promise<T>): Promise<T> {
  const own = new Map<string, Listing>();
  listings = own;
  try {
    return await fn();
  } finally {
    if (listings === own) listings = undefined; // a run that started meanwhile keeps its own
  }
}

/**
 * `readdirSync(dir, { withFileTypes: true })`, each directory listed once per run. `dir` is absolute and normalised
 * (path.resolve's form, no trailing separator), as the paths later looked up are. Throws as readdirSync does (an error
 * is not kept). Not noted: callers note the listings their results depend on.
 */
export function listDir(dir: string): Dirent[] {
  const known = listings?.get(dir);
  if (known) return known.entries;
  const entries = readdirSync(dir, { withFileTypes: true });
  listings?.set(dir, { entries });
  return entries;
}

/** A name that is not plain ASCII: a file system may find it under another spelling (Unicode form or case folding). */
const NOT_ASCII = /[^\x20-\x7e]/;

/**
 * What this run's listings say of `file`: its entry (as listed: `isFile()` is a regular file, never a symbolic link),
 * null when it is certainly not there (nor is its directory, or one above), undefined when no listing can tell (none
 * was made; the path is not in normalised form; a file system that may match another spelling). Absence is inferred
 * only for a plain ASCII name in a directory whose names are all ASCII and none of which equals it ignoring case:
 * case-insensitive file systems (macOS, ext4 casefold directories) find such a name under another case. Never on
 * Windows (short names, trailing dots).
 */
export function listedEntry(file: string): Dirent | null | undefined {
  if (!listings) return undefined;
  const cut = file.lastIndexOf(path.sep);
  if (cut < 0) return undefined;
  const dir = cut === 0 ? path.sep : file.slice(0, cut);
  const listing = listings.get(dir);
  // Under a directory that is certainly not there (a bind mount's missing source), nothing is.
  if (!listing) return dir !== file && listedEntry(dir) === null ? null : undefined;
  const name = file.slice(cut + 1);
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return undefined;
  if (!listing.byName) {
    listing.byName = new Map();
    let plain = true;
    for (const e of listing.entries) {
      listing.byName.set(e.name, e);
      if (NOT_ASCII.test(e.name)) plain = false;
    }
    if (plain) listing.folded = new Set(listing.entries.map((e) => e.name.toLowerCase()));
  }
  const entry = listing.byName.get(name);
  if (entry) return entry;
  if (!listing.folded || NOT_ASCII.test(name) || listing.folded.has(name.toLowerCase()) || process.platform === 'win32') return undefined;
  return null;
}

/** Runs `fn` and returns what it read (nested collections also count for the outer one). */
export function collectReads<T>(fn: () => T): { value: T; reads: Map<string, ReadKind> } {
  const outer = current;
  const reads = new Map<string, ReadKind>();
  current = reads;
  try {
    return { value: fn(), reads };
  } finally {
    current = outer;
    if (outer) for (const [file, kind] of reads) if (!(kind === 'exists' && outer.has(file))) outer.set(file, kind);
  }
}
