// Speed benchmark: dockpolicy over ../shared/corpus and over a single Dockerfile, against Node's own start-up.
// Prints files per second and peak memory. Usage: npm run bench [-- --runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) throw new Error('run `npm run build` first');

function wall(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { ms: performance.now() - t0, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label, args) {
  const samples = Array.from({ length: runs }, () => wall(args));
  const last = samples.at(-1).stderr.trim().split('\n').pop();
  let stats = {};
  try {
    stats = JSON.parse(last);
  } catch {}
  return { label, ms: median(samples.map((s) => s.ms)), ...stats };
}

const nodeStart = bench('node -e 0', ['-e', '0']);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-bench-'));
const dockerfile = path.join(tmp, 'Dockerfile');
writeFileSync(dockerfile, 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nHEALTHCHECK CMD node healthcheck.js\nCMD ["node", "server.js"]\n');
const single = bench('one Dockerfile', [path.join(root, 'bench/measure.mjs'), 'check', dockerfile, '--format', 'json']);
const results = [nodeStart, single];
if (existsSync(corpus)) results.push(bench('../shared/corpus', [path.join(root, 'bench/measure.mjs'), 'check', corpus, '--format', 'json']));
else console.log(`(${corpus} is absent: corpus run skipped)`);

for (const r of results) {
  const perFile = r.files ? `, ${(r.files / (r.ms / 1000)).toFixed(0)} files/s (${r.files} files)` : '';
  const mem = r.maxRssMB ? `, peak ${r.maxRssMB.toFixed(0)} MB` : '';
  console.log(`${r.label.padEnd(18)} ${r.ms.toFixed(0).padStart(6)} ms wall (median of ${runs})${perFile}${mem}`);
}
console.log(`one Dockerfile / node start-up: ${(single.ms / nodeStart.ms).toFixed(2)}x`);
