// Reading a file of the checked repository as text, defensively: the repository may hold anything under a Dockerfile or
// compose file's name (a device, a 50 MB file, a binary, invalid UTF-8), and each must be a clear problem, not a hang,
// a crash or garbage in messages.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { listedEntry, readOpened } from '../util/reads.js';

/** What a run refuses to read or expand in full; beyond them a file is reported (parse-error at 1:1), not checked. */
export interface Limits {
  /** Bytes. A larger file is reported as too large without being read. Config: `limits.maxFileSize`. */
  maxFileSize: number;
  /** YAML nodes the aliases (`*name`) of one compose document may stand for, counting each alias as a copy of what it
   * names: an alias bomb ("billion laughs") stands for billions. Config: `limits.maxAliasNodes`. */
  maxAliasNodes: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileSize: 10 * 1024 * 1024, maxAliasNodes: 100_000 };

export type SourceText = { text: string; invalidUtf8?: { line: number; column: number } } | { error: string; missing?: boolean };

/** `12.5 MB`, `300 KB`, `17 bytes`: sizes in messages (1024-based, as the limit is written). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'a symbolic link loop',
  ENAMETOOLONG: 'the path is too long',
};

/** Why a file could not be read, in words, with the system's code: `permission denied (EACCES)`. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'unreadable'} (${code})` : 'unreadable';
}

/**
 * The text of `file`: stat first (or, for a file this run listed as regular, open and stat the descriptor), so a
 * device, a FIFO or a directory is refused without reading and a file over the size limit without reading it whole;
 * NUL bytes in the first 8000 bytes make it binary (git's test); a UTF-8 byte order mark is dropped (columns then count
 * as editors do); invalid UTF-8 is decoded with U+FFFD and its first position returned, for callers whose format
 * forbids it.
 */
export function readSourceText(file: string, limits: Limits): SourceText {
  let bytes: Buffer;
  try {
    // Most missing files are probes (each stack's default `.env`): no exception, with its stack trace, for those, and
    // no system call when this run's listing of the directory answers (util/reads.ts).
    const listed = listedEntry(file);
    if (listed === null) return { error: `cannot read file: ${REASONS.ENOENT} (ENOENT)`, missing: true };
    if (listed?.isFile()) {
      // Listed as a regular file (most of a run's files): open it and stat the descriptor, one stat fewer.
      const read = readOpened(file, (st) => refusal(st, limits));
      if (typeof read === 'string') return { error: read };
      bytes = read;
    } else {
      const st = statSync(file, { throwIfNoEntry: false });
      if (!st) return { error: `cannot read file: ${REASONS.ENOENT} (ENOENT)`, missing: true };
      const refused = refusal(st, limits);
      if (refused) return { error: refused };
      bytes = readFileSync(file);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read file: ${readFailure(e)}`, missing: code === 'ENOENT' || code === 'ENOTDIR' };
  }
  // The size can change between stat and read (a file still being written).
  if (bytes.length > limits.maxFileSize) return { error: tooLarge(bytes.length, limits) };
  if (bytes.subarray(0, 8000).includes(0)) return { error: 'binary file (it holds NUL bytes), not text' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const text = body.toString('utf8');
  return isUtf8(body) ? { text } : { text, invalidUtf8: firstInvalid(body) };
}

/** Why a file of this stat is not read, if it is not. */
function refusal(st: Stats, limits: Limits): string | undefined {
  if (st.isDirectory()) return 'cannot read file: it is a directory';
  if (!st.isFile()) return 'cannot read file: not a regular file';
  if (st.size > limits.maxFileSize) return tooLarge(st.size, limits);
  return undefined;
}

/** The same checks for a text given instead of a file (stdin): size, NUL, byte order mark. */
export function checkGivenText(text: string, limits: Limits): SourceText {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxFileSize) return { error: tooLarge(size, limits) };
  if (text.slice(0, 8000).includes('\0')) return { error: 'binary file (it holds NUL bytes), not text' };
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

function tooLarge(size: number, limits: Limits): string {
  return `file too large to check: ${formatSize(size)}, over the limit of ${formatSize(limits.maxFileSize)} (limits.maxFileSize)`;
}

/** Line and column (UTF-16 units of the decoded text, as findings count) of the first byte that is not valid UTF-8. */
function firstInvalid(bytes: Buffer): { line: number; column: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length || !isUtf8(bytes.subarray(i, i + n))) break;
    i += n;
  }
  const before = bytes.subarray(0, i).toString('utf8');
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}
