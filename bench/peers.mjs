// Speed against the issue's targets, in one sitting: Node's start-up, the floor (reading and YAML-parsing the compose
// files and nothing else), dockpolicy and dclint over the same compose files of ../shared/corpus, dockpolicy over the
// whole corpus, and single-file runs. Prints wall time, CPU time, files/s, ms/file and peak RSS for each, then the
// ratios the targets are stated in, with PASS/FAIL.
//
// Usage: node bench/peers.mjs [--runs 5] [--dclint-runs 1] [--no-dclint]
//   --runs         samples per throughput measurement (start-up measurements take 3x as many: short and noisy)
//   --dclint-runs  dclint takes about a minute over the compose files, so one sample by default
//   --no-dclint    skip dclint (its ratio is then not judged)
//
// Fairness: each tool is given the same explicit list of files in one process (nothing is discovered), all of its
// rules, and writes JSON to a file. Samples of comparable measurements are interleaved round by round, so that a
// change in background load hits each alike; medians are reported. CPU time (user + system) is printed beside wall
// time because other processes stretch the one and barely touch the other: when they disagree, the machine was busy.
import path from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { allRulesConfig, argValue, buildNote, cli, corpus, corpusFiles, dclint, fmtMs, haveCorpus, loadNote, median, requireBuild, root, runNode, table, tempDir, verdict } from './lib.mjs';

requireBuild();
const runs = Math.max(1, Number(argValue('--runs', 5)));
const startupRuns = runs * 3;
const dclintRuns = Math.max(1, Number(argValue('--dclint-runs', 1)));
const withDclint = !process.argv.includes('--no-dclint');

const work = tempDir('peers');
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// Separate directories: the config search from the default-rules runs must not find the all-rules config.
const allDir = path.join(work, 'all-rules');
const plainDir = path.join(work, 'defaults');
mkdirSync(allDir);
mkdirSync(plainDir);
const config = allRulesConfig(allDir);
const dclintConfig = path.join(work, 'dclint.json');
writeFileSync(dclintConfig, JSON.stringify({ rules: {} }) + '\n'); // dclint turns on every rule its config leaves unlisted
// The README's example, there even without the corpus: a small, clean Dockerfile, as a pre-commit hook sees one.
const dockerfile = path.join(work, 'Dockerfile');
writeFileSync(dockerfile, 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nHEALTHCHECK CMD node healthcheck.js\nCMD ["node", "server.js"]\n');

const corpusThere = haveCorpus();
const files = corpusThere ? await corpusFiles() : { compose: [], dockerfile: [] };
// A compose file that builds two images: a single-file run then parses Dockerfiles and .dockerignore files too.
const oneCompose = files.compose.find((f) => f.endsWith('awesome-compose/react-express-mongodb/compose.yaml')) ?? files.compose[0];

const dpAll = (...paths) => [cli, 'check', ...paths, '--format', 'json', '--config', config.file];
const dpDefault = (...paths) => [cli, 'check', ...paths, '--format', 'json'];
const dcAll = (...paths) => [dclint, '-c', dclintConfig, '-f', 'json', ...paths];
/** A measurement: its command, the files it covers, and how to summarise what the run found from its stdout. */
const m = (label, args, nFiles, opts = {}) => ({ label, args, files: nFiles, samples: [], cwd: allDir, ...opts });

// bin/dockpolicy.js minus the call to main(): what loading the modules costs a run before it does anything.
const importOnly = path.join(work, 'import-only.cjs');
writeFileSync(importOnly, `require(${JSON.stringify(path.join(root, 'dist/bundle/load.cjs'))});\n`);
const startup = [
  m('node -e 0', ['-e', '0'], 0),
  m('node: load the bundle, nothing else', [importOnly], 0),
  m('dockpolicy: 1 Dockerfile, default rules', dpDefault(dockerfile), 1, { cwd: plainDir, target: true }),
  m('dockpolicy: 1 Dockerfile, all rules', dpAll(dockerfile), 1, { target: true }),
];
if (oneCompose) {
  startup.push(m('dockpolicy: 1 compose file, default rules', dpDefault(oneCompose), 1, { cwd: plainDir, target: true }));
  startup.push(m('dockpolicy: 1 compose file, all rules', dpAll(oneCompose), 1, { target: true }));
  if (withDclint) startup.push(m('dclint: 1 compose file, all rules', dcAll(oneCompose), 1));
}
const throughput = corpusThere
  ? [
      m('floor: read + yaml parse, compose files', [path.join(root, 'bench/floor.mjs'), ...files.compose], files.compose.length, { read: readFloor }),
      m('dockpolicy: compose files, all rules', dpAll(...files.compose), files.compose.length, { read: readDockpolicy }),
      m('dockpolicy: whole corpus, all rules', dpAll(corpus), files.compose.length + files.dockerfile.length, { read: readDockpolicy }),
    ]
  : [];
const slow = corpusThere && withDclint ? [m('dclint: compose files, all rules', dcAll(...files.compose), files.compose.length, { read: readDclint })] : [];

console.log(`dockpolicy bench, ${new Date().toISOString()}, node ${process.version}, ${loadNote()}\n${buildNote()}`);
console.log(`all-rules config: ${config.rules} rules on; corpus: ${corpusThere ? `${files.compose.length} compose files, ${files.dockerfile.length} Dockerfiles` : 'absent'}`);

const sample = (x) => {
  const r = runNode(x.args, { cwd: x.cwd });
  // Exit 1 is "findings" for both linters; anything else means the run did not do its work, so its time means nothing.
  if (r.code !== 0 && r.code !== 1) throw new Error(`${x.label} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  x.samples.push(r);
  x.found ??= x.read?.(r.stdout);
};
// The first run of a sitting fills the page cache and the OS's file caches for whoever runs first: not a sample.
for (const x of [...startup, ...throughput]) runNode(x.args, { cwd: x.cwd });
for (let round = 0; round < startupRuns; round++) for (const x of startup) sample(x);
for (let round = 0; round < runs; round++) for (const x of throughput) sample(x);
for (const x of slow) {
  for (let i = 0; i < dclintRuns; i++) {
    console.log(`(${x.label}: run ${i + 1} of ${dclintRuns}, about a minute each)`);
    sample(x);
  }
}
console.log(`after the runs: ${loadNote()}\n`);

const all = [...startup, ...throughput, ...slow];
for (const x of all) {
  x.ms = median(x.samples.map((s) => s.ms));
  x.cpuMs = median(x.samples.map((s) => s.cpuMs));
  x.rss = Math.max(...x.samples.map((s) => s.maxRssMB));
}
const rows = all.map((x) => [
  x.label,
  x.files || '',
  `${fmtMs(x.ms)} (${x.samples.length})`,
  `${fmtMs(Math.min(...x.samples.map((s) => s.ms)))}-${fmtMs(Math.max(...x.samples.map((s) => s.ms)))}`,
  fmtMs(x.cpuMs),
  x.files ? (x.files / (x.ms / 1000)).toFixed(0) : '',
  x.files ? (x.ms / x.files).toFixed(2) : '',
  x.rss.toFixed(0),
]);
console.log(table(['run', 'files', 'wall: median (n)', 'wall: min-max', 'CPU: median', 'files/s', 'ms/file', 'peak RSS MB'], rows));
for (const x of all) if (x.found) console.log(`  ${x.label}: ${x.found}`);

// The targets, as the issue states them, on wall time.
const find = (prefix) => all.find((x) => x.label.startsWith(prefix));
const node0 = find('node -e 0');
const lines = [];
for (const x of startup.slice(1)) {
  const ratio = x.ms / node0.ms;
  const cpu = `CPU ${(x.cpuMs / node0.cpuMs).toFixed(2)}x`;
  if (!x.target) lines.push(`info  ${x.label}: ${ratio.toFixed(2)}x node -e 0 (${cpu})`);
  else lines.push(`${verdict(ratio <= 2)}  ${x.label}: ${ratio.toFixed(2)}x node -e 0 (${cpu}); target <= 2x: ${fmtMs(Math.abs(x.ms - 2 * node0.ms))} ${ratio > 2 ? 'over' : 'under'} 2 x ${fmtMs(node0.ms)}`);
}
const floor = find('floor');
const dpCompose = find('dockpolicy: compose files');
const dcCompose = find('dclint: compose files');
if (floor && dpCompose) {
  const ratio = dpCompose.ms / floor.ms;
  lines.push(`${verdict(ratio <= 1.5)}  dockpolicy / floor over the ${dpCompose.files} compose files: ${ratio.toFixed(2)}x (CPU ${(dpCompose.cpuMs / floor.cpuMs).toFixed(2)}x); target <= 1.5x: ${fmtMs(dpCompose.ms)} vs ${fmtMs(floor.ms)}, ${fmtMs(Math.abs(dpCompose.ms - 1.5 * floor.ms))} ${ratio > 1.5 ? 'over' : 'under'} the line`);
  // Each round runs both, one after the other: a round's ratio is less moved by the machine's load drifting over the sitting.
  const paired = floor.samples.map((f, i) => dpCompose.samples[i].ms / f.ms).sort((a, b) => a - b);
  lines.push(`info  the same ratio round by round: median ${median(paired).toFixed(2)}x, ${paired[0].toFixed(2)}-${paired.at(-1).toFixed(2)}x over ${paired.length} rounds`);
  lines.push(`info  per file beyond node -e 0: dockpolicy ${((dpCompose.ms - node0.ms) / dpCompose.files).toFixed(2)} ms, floor ${((floor.ms - node0.ms) / floor.files).toFixed(2)} ms`);
}
if (dcCompose && dpCompose) {
  const ratio = dcCompose.ms / dpCompose.ms;
  lines.push(`${verdict(ratio >= 20)}  dclint / dockpolicy over the same ${dpCompose.files} compose files: dockpolicy ${ratio.toFixed(1)}x faster (CPU ${(dcCompose.cpuMs / dpCompose.cpuMs).toFixed(1)}x); target >= 20x: dockpolicy needs <= ${fmtMs(dcCompose.ms / 20)}`);
}
console.log(`\n${lines.join('\n')}`);

function readDockpolicy(stdout) {
  const report = JSON.parse(stdout);
  const unparsable = new Set(report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file));
  return `${report.summary.files} files in the report (Dockerfiles reached through builds included), ${report.findings.length} findings, ${unparsable.size} unparsable`;
}
function readDclint(stdout) {
  const results = JSON.parse(stdout);
  const count = (rule) => results.filter((r) => r.messages.some((msg) => msg.rule === rule)).length;
  // dclint runs no rule on a file that fails its YAML or schema check: those files cost it less, so they are counted.
  const rules = new Set(results.flatMap((r) => r.messages.map((msg) => msg.rule)));
  return `${results.length} files, ${results.reduce((n, r) => n + r.messages.length, 0)} findings, ${count('invalid-yaml')} invalid YAML, ${count('invalid-schema')} schema-invalid (no rules run on them), ${count('unknown-error')} unknown-error; ${rules.size} distinct rule ids in the output`;
}
function readFloor(stdout) {
  const { files: n, yamlErrors } = JSON.parse(stdout);
  return `${n} files parsed, ${yamlErrors} with YAML errors`;
}
