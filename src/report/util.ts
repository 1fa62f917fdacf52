import path from 'node:path';
import type { Finding } from '../engine/finding.js';

/** Path of `file` relative to `cwd` with forward slashes, so output is the same on every OS. */
export function relativePath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export function countLevels(findings: readonly Finding[]): { errors: number; warnings: number; notes: number } {
  const counts = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) counts[`${f.level}s`]++;
  return counts;
}
