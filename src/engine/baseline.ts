// A baseline records the findings a repository already has, so that adopting dockpolicy (or a stricter preset) on a
// legacy repository reports only what is new. Entries are keyed by rule, file and a fingerprint of the offending text,
// never by line, so edits elsewhere in a file do not resurface them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './finding.js';
import { UsageError } from './config.js';
import { nodeCrypto } from '../util/lazy.js';

export const BASELINE_NAME = '.dockpolicy-baseline.json';

export interface BaselineEntry {
  rule: string;
  /** Relative to the baseline file's directory, `/`-separated. */
  file: string;
  fingerprint: string;
  /** How many findings share this rule, file and fingerprint. */
  count: number;
  /** The message when the baseline was written, for people reading the file. */
  message: string;
}

/** A fingerprint of the offending text (whitespace-insensitive; secrets are masked before findings are made). */
export function fingerprintOf(finding: Finding, file: string): string {
  const key = [finding.ruleId, file, finding.snippet.replace(/\s+/g, ' ').trim(), finding.stack ?? ''].join('\0');
  const crypto = nodeCrypto();
  // The one-shot hash (Node 20.12) takes half the time of a Hash object: a SARIF report hashes every finding.
  return (crypto.hash ? crypto.hash('sha256', key, 'hex') : crypto.createHash('sha256').update(key).digest('hex')).slice(0, 16);
}

const relativeTo = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

export function writeBaseline(file: string, findings: Finding[]): number {
  const dir = path.dirname(file);
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const rel = relativeTo(dir, f.file);
    const fingerprint = fingerprintOf(f, rel);
    const key = `${f.ruleId}\0${rel}\0${fingerprint}`;
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { rule: f.ruleId, file: rel, fingerprint, count: 1, message: f.message });
  }
  const list = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  writeFileSync(file, `${JSON.stringify({ version: 1, entries: list }, null, 2)}\n`);
  return findings.length;
}

export function readBaseline(file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0];
    throw new UsageError(`baseline ${path.basename(file)}: cannot read (${reason})`);
  }
  const entries = (data as { entries?: unknown })?.entries;
  const valid = (e: unknown): e is BaselineEntry =>
    !!e && typeof e === 'object' && ['rule', 'file', 'fingerprint'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string') && Number.isInteger((e as BaselineEntry).count);
  if (!Array.isArray(entries) || !entries.every(valid)) throw new UsageError(`baseline ${path.basename(file)}: not a dockpolicy baseline (expected {"version": 1, "entries": [{rule, file, fingerprint, count}]})`);
  return entries;
}

/** Drops the findings the baseline records; `stale` counts recorded findings that no longer occur. */
export function applyBaseline(file: string, entries: BaselineEntry[], findings: Finding[]): { kept: Finding[]; stale: number } {
  const dir = path.dirname(file);
  const remaining = new Map(entries.map((e) => [`${e.rule}\0${e.file}\0${e.fingerprint}`, e.count]));
  const kept = findings.filter((f) => {
    const rel = relativeTo(dir, f.file);
    const key = `${f.ruleId}\0${rel}\0${fingerprintOf(f, rel)}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    return left === 0;
  });
  return { kept, stale: [...remaining.values()].reduce((a, b) => a + b, 0) };
}
