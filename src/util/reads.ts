// Every file system access whose result can change a finding goes through here, so `--cache` knows what each
// result depends on: a run inside `collectReads` records the files it read, the paths whose existence it tested
// and the directories it listed.
import { existsSync, readFileSync, statSync } from 'node:fs';

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
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw missing(file);
  if (!stat.isFile()) throw new Error(`${file}: not a regular file`);
  if (stat.size > MAX_BYTES) throw new Error(`${file}: larger than ${MAX_BYTES} bytes`);
  return readFileSync(file, 'utf8');
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
  return existsSync(file);
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
