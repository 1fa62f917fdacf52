// Scale: a synthetic monorepo of N lintable files built from copies of the corpus's stacks, checked in one run, to see
// whether time and memory grow linearly and whether 10,000 files fit the issue's budget (under 10 s on 2 cores, under
// 500 MB peak). The tree is generated in a temp dir and removed afterwards.
//
// Usage: node bench/monorepo.mjs [N...] [--runs R] [--rules all|default] [--keep]
//   N        sizes in lintable files (Dockerfiles + compose files), default 100 1000 10000
//   --runs   runs per size (default 3 up to 1,000 files, 1 above: a 10,000-file run is long and its noise small)
//   --rules  all (default: every rule on, as in bench/peers.mjs) or default (no config: the recommended preset)
//   --keep   leave the generated trees in place and print where they are
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { allRulesConfig, argValue, buildNote, cli, corpus, fmtMs, haveCorpus, kindOfName, loadNote, median, requireBuild, runNode, table, tempDir, verdict, walk } from './lib.mjs';

requireBuild();
if (!haveCorpus()) process.exit(0);
// A bare number is a size; a number after a flag is that flag's value (also peers.mjs's, through npm run bench).
const VALUE_FLAGS = ['--runs', '--rules', '--dclint-runs'];
const sizes = process.argv.slice(2).filter((a, i, all) => /^\d+$/.test(a) && !VALUE_FLAGS.includes(all[i - 1])).map(Number);
if (sizes.length === 0) sizes.push(100, 1000, 10000);
const runsArg = argValue('--runs', undefined);
const rulesMode = argValue('--rules', 'all');
const keep = process.argv.includes('--keep');
const kind = await kindOfName();

/**
 * The units copied: directories that hold a stack with what it builds (a compose file with its Dockerfiles, build
 * contexts, .dockerignore, .env and the files it extends or includes). A directory is one unit when it holds a
 * lintable file itself (a compose file at its root reaches into its subdirectories) or has at most UNIT_MAX lintable
 * files below it; otherwise it is split into its subdirectories, so that big Dockerfile-only trees (adoptium's 148)
 * come in pieces and N can be met closely. Copying whole units keeps the links between files that the rules follow.
 */
const UNIT_MAX = 64;
const corpusList = walk(corpus);
function units(dir) {
  const prefix = dir ? `${dir}/` : '';
  const below = corpusList.filter((f) => f.startsWith(prefix));
  const lintable = below.filter((f) => kind(path.posix.basename(f)));
  if (lintable.length === 0) return [];
  const direct = lintable.some((f) => !f.slice(prefix.length).includes('/'));
  const subdirs = [...new Set(below.map((f) => f.slice(prefix.length)).filter((f) => f.includes('/')).map((f) => f.split('/')[0]))].sort();
  if (dir && (direct || lintable.length <= UNIT_MAX || subdirs.length === 0)) {
    // A subdirectory with nothing a check reads (compose-go's 313 Go-test snippets) would only slow the copy.
    const read = (f) => kind(path.posix.basename(f)) || /(^|\/)\.env$|dockerignore$/.test(f);
    const useful = new Set(subdirs.filter((d) => below.some((f) => f.startsWith(`${prefix}${d}/`) && read(f))));
    const files = below.filter((f) => !f.slice(prefix.length).includes('/') || useful.has(f.slice(prefix.length).split('/')[0]));
    return [{ dir, files, lintable }];
  }
  return subdirs.flatMap((d) => units(`${prefix}${d}`));
}
// Interleaved across the corpus's sources (apps, awesome-compose, official-images...), so that a tree of 100 files
// already has the corpus's mix of compose stacks and Dockerfiles, and per-file costs compare across sizes.
const bySource = groupBy(units(''), (u) => u.dir.split('/')[0]); // Map.groupBy is Node 21+
const allUnits = [];
for (let i = 0; allUnits.length < [...bySource.values()].flat().length; i++) for (const list of bySource.values()) if (list[i]) allUnits.push(list[i]);
function groupBy(items, key) {
  const m = new Map();
  for (const item of items) m.set(key(item), [...(m.get(key(item)) ?? []), item]);
  return m;
}
const unitFiles = allUnits.reduce((n, u) => n + u.lintable.length, 0);

/** Copies units round-robin into stacks/<k>/<unit path> until the tree holds exactly n lintable files. */
function generate(n) {
  const tree = tempDir(`monorepo-${n}`);
  let count = 0;
  let copied = 0;
  for (let k = 0; count < n; k++) {
    const unit = allUnits[k % allUnits.length];
    const dest = path.join(tree, 'stacks', String(Math.floor(k / allUnits.length)).padStart(3, '0'), unit.dir);
    // The last unit is cut short to land on n: its first lintable files in path order, and all its other files.
    const room = n - count;
    const lintable = new Set(unit.lintable.slice(0, room));
    for (const f of unit.files) {
      if (kind(path.posix.basename(f)) && !lintable.has(f)) continue;
      const to = path.join(dest, f.slice(unit.dir.length + 1));
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(path.join(corpus, f), to);
      copied++;
    }
    count += lintable.size;
  }
  return { tree, copied };
}

console.log(`monorepo bench, ${new Date().toISOString()}, node ${process.version}, ${loadNote()}\n${buildNote()}`);
console.log(`${allUnits.length} stack units from the corpus (${unitFiles} lintable files); rules: ${rulesMode}\n`);
const node0 = median(Array.from({ length: 5 }, () => runNode(['-e', '0']).maxRssMB));
const configDir = tempDir('monorepo-config');
process.on('exit', () => rmSync(configDir, { recursive: true, force: true }));
const config = rulesMode === 'all' ? allRulesConfig(configDir).file : undefined;
const results = [];
for (const n of sizes) {
  const t0 = performance.now();
  const { tree, copied } = generate(n);
  const genMs = performance.now() - t0;
  try {
    const args = [cli, 'check', '.', '--format', 'json'];
    if (config) args.push('--config', config);
    const runs = Number(runsArg ?? (n <= 1000 ? 3 : 1));
    const samples = [];
    const hashes = new Set();
    let checked = 0;
    for (let i = 0; i < runs; i++) {
      const r = runNode(args, { cwd: tree });
      // Exit 1 only means findings; 2 (or a crash) means the run did not finish its work and its time means nothing.
      if (r.code !== 0 && r.code !== 1) throw new Error(`dockpolicy exited ${r.code} on ${n} files: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      samples.push(r);
      hashes.add(createHash('sha256').update(r.stdout).digest('hex'));
      checked = JSON.parse(r.stdout).summary.files;
    }
    const ms = median(samples.map((s) => s.ms));
    const cpuMs = median(samples.map((s) => s.cpuMs));
    const rss = Math.max(...samples.map((s) => s.maxRssMB ?? 0));
    results.push({ n, ms, cpuMs, rss, checked, runs, identical: hashes.size === 1, copied, genMs });
    console.log(`${n} files: ${fmtMs(ms)} wall, ${fmtMs(cpuMs)} CPU (${runs} run${runs > 1 ? 's' : ''}), peak ${rss.toFixed(0)} MB; tree of ${copied} files generated in ${fmtMs(genMs)}${keep ? ` at ${tree}` : ''}`);
  } finally {
    if (!keep) rmSync(tree, { recursive: true, force: true });
  }
}

console.log(
  '\n' +
    table(
      ['files', 'in report', 'wall (median)', 'CPU', 'files/s', 'ms/file', 'peak RSS MB', 'KB/file over node', 'same output every run'],
      results.map((r) => [r.n, r.checked, fmtMs(r.ms), fmtMs(r.cpuMs), (r.n / (r.ms / 1000)).toFixed(0), (r.ms / r.n).toFixed(2), r.rss.toFixed(0), (((r.rss - node0) * 1024) / r.n).toFixed(1), r.runs > 1 ? (r.identical ? 'yes' : 'NO') : '-']),
    ),
);

// Linearity: per-file cost at the largest size against the next size down (start-up is amortised by 1,000 files).
const lines = [];
const sorted = [...results].sort((a, b) => a.n - b.n);
for (let i = 1; i < sorted.length; i++) {
  const [a, b] = [sorted[i - 1], sorted[i]];
  if (a.n < 1000) continue;
  const t = b.ms / b.n / (a.ms / a.n);
  const cpu = b.cpuMs / b.n / (a.cpuMs / a.n);
  const mem = (b.rss - node0) / b.n / ((a.rss - node0) / a.n);
  // Both: wall time is what the issue states, CPU time is what a busy machine cannot distort.
  lines.push(`${verdict(t <= 1.5)}  wall time per file at ${b.n} / at ${a.n}: ${t.toFixed(2)}x (linear: <= 1.5x)`);
  lines.push(`${verdict(cpu <= 1.5)}  CPU time per file at ${b.n} / at ${a.n}: ${cpu.toFixed(2)}x (linear: <= 1.5x)`);
  lines.push(`info  memory per file (peak RSS over node's own ${node0.toFixed(0)} MB) at ${b.n} / at ${a.n}: ${mem.toFixed(2)}x`);
}
const big = results.find((r) => r.n === 10000);
if (big) {
  lines.push(`${verdict(big.ms < 10_000)}  10,000 files in ${fmtMs(big.ms)} (target < 10 s${big.ms >= 10_000 ? `: ${(big.ms / 10_000).toFixed(1)}x over` : ''})`);
  lines.push(`${verdict(big.rss < 500)}  10,000 files peak ${big.rss.toFixed(0)} MB (target < 500 MB)`);
}
if (lines.length) console.log(`\n${lines.join('\n')}`);
console.log(`\nafter the runs: ${loadNote()}`);
