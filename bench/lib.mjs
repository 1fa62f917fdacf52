// Shared by the bench scripts: where things are, which corpus files count as what, an all-rules config, and one way
// to time a child process and read its peak memory. Every measurement is a fresh process, as a real invocation is.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shared corpus is read in place, never copied into the repository (third-party licenses). BENCH_CORPUS points
 * the bench at another tree (or at none, to see what a fresh clone without it does). */
export const corpus = path.resolve(root, process.env.BENCH_CORPUS ?? '../shared/corpus');
export const cli = path.join(root, 'bin/dockpolicy.js');
export const dclint = path.join(root, 'node_modules/dclint/bin/dclint.cjs');
const rssPreload = path.join(root, 'bench/rss.cjs');

export function requireBuild() {
  if (!existsSync(path.join(root, 'dist/bundle/dockpolicy.js'))) {
    console.error('dist/ is not built: run `npm run build` (or `npm ci`, which builds) first');
    process.exit(2);
  }
}

/** False (with the reason printed once) when ../shared/corpus is absent, so a fresh clone still runs what it can. */
export function haveCorpus() {
  if (existsSync(corpus)) return true;
  console.log(`(${corpus} is absent: the corpus measurements are skipped)`);
  return false;
}

export function tempDir(label) {
  return mkdtempSync(path.join(os.tmpdir(), `dockpolicy-${label}-`));
}

/** dockpolicy's own file classification, so "the compose files" are exactly those it would find in a directory. */
export async function kindOfName() {
  return (await import(pathToFileURL(path.join(root, 'dist/src/discover/discover.js')).href)).kindOfName;
}

/** Every regular file under `dir` (relative, '/'-separated, sorted), skipping what discovery skips (symlinks too). */
export function walk(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !/(^|\/)(\.git|node_modules)\//.test(f) && lstatSync(path.join(dir, f)).isFile())
    .sort();
}

/** The corpus's Dockerfiles and compose files by dockpolicy's naming rules, absolute paths in a stable order. */
export async function corpusFiles() {
  const kind = await kindOfName();
  const out = { compose: [], dockerfile: [] };
  for (const rel of walk(corpus)) {
    const k = kind(path.posix.basename(rel));
    if (k) out[k].push(path.join(corpus, rel));
  }
  return out;
}

/**
 * A config that turns on every rule: the production preset (which extends strict and recommended), then every rule
 * still off at `warning`. Built from `print-config` rather than a hard-coded list so that a rule added later is
 * benchmarked too; checked afterwards so that a run never silently measures fewer rules.
 */
export function allRulesConfig(dir) {
  const file = path.join(dir, '.dockpolicy.yaml');
  const effective = () => {
    const r = spawnSync(process.execPath, [cli, 'print-config', '--config', file], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`dockpolicy print-config failed: ${r.stderr.trim()}`);
    return JSON.parse(r.stdout).rules;
  };
  const base = 'extends: production\n';
  writeFileSync(file, base);
  const levelOf = (v) => (Array.isArray(v) ? v[0] : v);
  const off = Object.entries(effective()).filter(([, v]) => levelOf(v) === 'off').map(([id]) => id);
  // allowed-base-images reports nothing until it is given patterns: give it a realistic policy.
  const line = (id) => (id === 'allowed-base-images' ? `  ${id}: [warning, {images: ["*-alpine", "*-slim", "gcr.io/distroless/*"]}]` : `  ${id}: warning`);
  writeFileSync(file, `${base}rules:\n${off.map(line).join('\n')}\n`);
  const rules = effective();
  const stillOff = Object.entries(rules).filter(([, v]) => levelOf(v) === 'off');
  if (stillOff.length) throw new Error(`all-rules config leaves ${stillOff.map(([id]) => id).join(', ')} off`);
  return { file, rules: Object.keys(rules).length };
}

/**
 * Runs `node <args>` once and returns its wall time as the parent sees it (spawn to exit, like a shell's `time`), and
 * from bench/rss.cjs, preloaded into the child, its peak RSS and CPU time (user + system, all threads). Every side of
 * every comparison carries the same preload. stdout goes to a file: a report can be megabytes.
 */
export function runNode(args, { cwd = root, env = {} } = {}) {
  const dir = tempDir('run');
  try {
    const outFile = path.join(dir, 'stdout');
    const usageFile = path.join(dir, 'usage');
    const fd = openSync(outFile, 'w');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-r', rssPreload, ...args], {
      cwd,
      env: { ...process.env, ...env, BENCH_RSS_FILE: usageFile },
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    closeSync(fd);
    if (r.error) throw r.error;
    const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : {};
    return { ms, cpuMs: usage.cpuMicros / 1000, maxRssMB: usage.maxRSS / 1024, code: r.status, stdout: readFileSync(outFile, 'utf8'), stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Other processes on a 2-core machine move every number here: print the load so a reader can judge the noise. */
export function loadNote() {
  const [one] = os.loadavg();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return `load average ${one.toFixed(2)} on ${cores} cores${one > cores / 2 ? ' (busy: expect noisy numbers)' : ''}`;
}

/** Which build was measured: numbers from a tree that others rebuild during the day are meaningless without it. */
export function buildNote() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'no git';
  const dirty = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length;
  const built = statSync(path.join(root, 'dist/bundle/dockpolicy.js')).mtime.toISOString();
  return `dist built ${built} from ${head}${dirty ? ` + ${dirty} modified files` : ''}`;
}

export function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
