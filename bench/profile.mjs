// Where the time (or the memory) goes: runs the CLI under `node --cpu-prof` (or `--heap-prof`) and sums the profile by
// function, by file and by phase (module loading, config, discovery, parsing, model, rules, engine, reporting, GC).
//
// Usage: node bench/profile.mjs [scenario...] [--entry src|bundle] [--heap] [--top 15] [--keep]
//        node bench/profile.mjs --read <file.cpuprofile|file.heapprofile> [--top 15]
//   scenarios: compose (the corpus's compose files, all rules), corpus (all of it, all rules),
//              dockerfile (one small Dockerfile, default rules), compose1 (one compose file, all rules);
//              default: compose corpus dockerfile
//   --entry    src (default): the unbundled dist/src modules, so that time is attributed to source files; the work
//              is the bundle's, except module loading, which reads ~200 files instead of one (and its code cache).
//              bundle: bin/dockpolicy.js as users run it; use it for the module-loading share of a start-up.
//   --heap     a sampling heap profile instead, taken when the report is written (after a full GC): what is live
//              at the run's peak (the project, every parsed file, the findings and the report text), by allocator
//   --keep     keep the profiles (open them in Chrome DevTools or speedscope) and print where they are
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRulesConfig, argValue, buildNote, cli, corpus, corpusFiles, fmtMs, haveCorpus, root, runNode, table, tempDir } from './lib.mjs';

const top = Number(argValue('--top', 15));

/** A frame's file, shortened: dist/src/x.js is reported as src/x.ts (its source), node_modules/<pkg>/... as <pkg>/... */
function fileOf(url) {
  if (!url) return '';
  if (url.startsWith('node:')) return url;
  let p = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  if (p.startsWith(`${root}/`)) p = p.slice(root.length + 1);
  const nm = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(p);
  if (nm) return `${nm[1]}/${nm[2]}`;
  return p.replace(/^dist\/(src|rules)\/(.*)\.js$/, '$1/$2.ts');
}

/**
 * The part of the program a frame belongs to, or undefined when the frame says nothing by itself (a builtin, a bundle
 * chunk): such frames are charged to their caller's part. A sample goes to the part of the frame nearest the leaf
 * that has one, so the shell parser called from a rule counts as parsing, and a module a rule loads lazily as module
 * loading. A module's top-level code (an anonymous function at line 0) counts as module loading.
 */
function partOf({ functionName: fn, url, lineNumber }) {
  if (fn === '(garbage collector)') return 'gc';
  if (fn === '(program)') return 'V8/native (program)';
  if (fn === '(root)' || fn === '(idle)') return undefined;
  const f = fileOf(url);
  if (!f) return undefined;
  if (/^node:internal\/(modules|vm)\b/.test(f)) return 'module loading';
  // Reading and compiling a CommonJS file with its code cache (the shell parser, the validators, the bundle).
  if (f === 'src/util/code-cache.ts') return 'module loading';
  if (/^node:internal\/(process|bootstrap|main)\//.test(f)) return 'node bootstrap';
  if (!fn && lineNumber === 0 && !f.startsWith('node:')) return 'module loading';
  if (/^(yaml|dockerfile-ast|mvdan-sh|vscode-languageserver-[a-z]+)\//.test(f) || f.startsWith('src/parse/')) return 'parsing';
  if (/^(fast-glob|ignore|picomatch|micromatch|glob-parent|@nodelib\/[^/]+|merge2|braces|fill-range|to-regex-range|is-glob|is-extglob|fastq|reusify|run-parallel|queue-microtask)\//.test(f) || f.startsWith('src/discover/')) return 'discovery (globs)';
  if (/^src\/engine\/(config|config-schema|settings|policies)\.ts$/.test(f) || /^(ajv|fast-deep-equal|json-schema-traverse|fast-uri|require-from-string)\//.test(f) || f === 'dist/config-validator.cjs') return 'config';
  if (f.startsWith('rules/') || f === 'dist/compose-schema-validator.cjs') return 'rules';
  if (f.startsWith('src/model/')) return 'model';
  if (f.startsWith('src/engine/') || f.startsWith('src/util/')) return 'engine';
  if (f.startsWith('src/report/') || f.startsWith('chalk/')) return 'reporting';
  if (f.startsWith('src/cli/')) return 'cli';
  if (f.startsWith('dist/bundle/') || f.startsWith('node:') || f.startsWith('bench/')) return undefined;
  return `other (${f})`;
}

const keyOf = ({ functionName, url, lineNumber }) => {
  const file = fileOf(url);
  return file ? `${file}:${functionName || '(anonymous)'}:${lineNumber + 1}` : functionName || '(anonymous)';
};

/** Sums `amount(node)` by function, file and phase over a profile's call tree (given as nodes with parent links). */
function aggregate(nodes, parentOf, amount) {
  const phaseOf = new Map();
  const phase = (n) => {
    if (!phaseOf.has(n.id)) phaseOf.set(n.id, partOf(n.callFrame) ?? (parentOf.has(n.id) ? phase(parentOf.get(n.id)) : 'other'));
    return phaseOf.get(n.id);
  };
  const fns = new Map();
  const files = new Map();
  const phases = new Map();
  let total = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (const n of nodes) {
    const v = amount(n);
    if (!v) continue;
    total += v;
    add(fns, keyOf(n.callFrame), v);
    add(files, fileOf(n.callFrame.url) || n.callFrame.functionName, v);
    add(phases, phase(n), v);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, fns: sorted(fns), files: sorted(files), phases: sorted(phases) };
}

/** CPU profile: self time in ms, a sample lasting until the next one (as DevTools counts); idle left out. */
export function analyseCpu(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n);
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const next = i + 1 < profile.samples.length ? t + profile.timeDeltas[i + 1] : profile.endTime;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + Math.max(0, next - t) / 1000);
  }
  const a = aggregate([...byId.values()], parentOf, (n) => (n.callFrame.functionName === '(idle)' ? 0 : (self.get(n.id) ?? 0)));
  return { ...a, unit: 'ms', spanMs: (profile.endTime - profile.startTime) / 1000 };
}

/** Sampling heap profile: bytes live when it was taken, by the function that allocated them, in MB. */
export function analyseHeap(profile) {
  const nodes = [];
  const parentOf = new Map();
  const walk = (n, parent) => {
    nodes.push(n);
    if (parent) parentOf.set(n.id, parent);
    for (const c of n.children ?? []) walk(c, n);
  };
  walk(profile.head, undefined);
  return { ...aggregate(nodes, parentOf, (n) => n.selfSize / 1024 / 1024), unit: 'MB' };
}

function print(title, a) {
  const pct = (v) => `${((100 * v) / a.total).toFixed(1)}%`;
  const what = a.unit === 'ms' ? 'self ms' : 'MB live';
  const fmt = (v) => v.toFixed(1);
  console.log(`\n=== ${title}: ${a.unit === 'ms' ? `${fmtMs(a.spanMs)} profiled, ${fmtMs(a.total)} on the CPU` : `${a.total.toFixed(0)} MB sampled live`}`);
  console.log(table(['phase (leaf-most known frame)', what, 'share'], a.phases.map(([k, v]) => [k, fmt(v), pct(v)])));
  console.log();
  console.log(table([`top ${top} functions`, what, 'share'], a.fns.slice(0, top).map(([k, v]) => [k, fmt(v), pct(v)])));
  console.log();
  console.log(table([`top ${top} files`, what, 'share'], a.files.slice(0, top).map(([k, v]) => [k, fmt(v), pct(v)])));
}

const readArg = argValue('--read', undefined);
if (readArg) {
  const profile = JSON.parse(readFileSync(readArg, 'utf8'));
  print(readArg, profile.head ? analyseHeap(profile) : analyseCpu(profile));
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entryMode = argValue('--entry', 'src');
  const heap = process.argv.includes('--heap');
  const keep = process.argv.includes('--keep');
  const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--entry', '--top', '--read'].includes(all[i - 1]));
  const scenarios = wanted.length ? wanted : ['compose', 'corpus', 'dockerfile'];
  const work = tempDir('profile');
  if (!keep) process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  // Separate directories: the config search from the Dockerfile's directory must not find the all-rules config.
  const allDir = path.join(work, 'all-rules');
  mkdirSync(allDir);
  const config = allRulesConfig(allDir).file;
  // bin/dockpolicy.js with the unbundled dist/src/cli/main.js in place of the bundle. A run of more than one batch
  // sets V8's flags itself (src/util/code-cache.ts), so code is optimized as in a real run.
  const mainUrl = pathToFileURL(path.join(root, entryMode === 'bundle' ? 'dist/bundle/dockpolicy.js' : 'dist/src/cli/main.js')).href;
  const srcEntry = path.join(work, 'cli-src.mjs');
  writeFileSync(srcEntry, `const { main } = await import(${JSON.stringify(mainUrl)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  // For --heap: the run's peak is when the report is written, with everything still referenced; an exit-time profile
  // would see it all released. So the heap is sampled through the inspector, and read in main()'s stdout hook.
  const heapEntry = path.join(work, 'cli-heap.mjs');
  writeFileSync(
    heapEntry,
    `import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
session.post('HeapProfiler.startSampling', { samplingInterval: 16384 });
const { main } = await import(${JSON.stringify(mainUrl)});
let taken = false;
const stdout = (text) => {
  if (!taken) {
    taken = true;
    session.post('HeapProfiler.collectGarbage'); // same-thread sessions answer synchronously
    const heapUsedMB = process.memoryUsage().heapUsed / 1024 / 1024;
    session.post('HeapProfiler.getSamplingProfile', (err, r) => writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify({ ...r.profile, heapUsedMB })));
  }
  process.stdout.write(text);
};
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, isTTY: false, stdout, stderr: (t) => process.stderr.write(t) });
`,
  );
  const entry = heap ? heapEntry : entryMode === 'bundle' ? cli : srcEntry;
  const dockerfile = path.join(work, 'plain', 'Dockerfile');
  mkdirSync(path.dirname(dockerfile));
  writeFileSync(dockerfile, 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nHEALTHCHECK CMD node healthcheck.js\nCMD ["node", "server.js"]\n');
  const corpusThere = scenarios.some((s) => s !== 'dockerfile') ? haveCorpus() : false;
  const files = corpusThere ? await corpusFiles() : { compose: [], dockerfile: [] };
  const argsFor = {
    compose: () => ['check', ...files.compose, '--format', 'json', '--config', config],
    corpus: () => ['check', corpus, '--format', 'json', '--config', config],
    compose1: () => ['check', files.compose.find((f) => f.endsWith('awesome-compose/react-express-mongodb/compose.yaml')), '--format', 'json', '--config', config],
    dockerfile: () => ['check', dockerfile, '--format', 'json'],
  };
  console.log(`profile, ${new Date().toISOString()}, node ${process.version}, ${buildNote()}`);
  const node0 = runNode(['-e', '0']);
  for (const s of scenarios) {
    if (!argsFor[s]) throw new Error(`unknown scenario ${s}: one of ${Object.keys(argsFor).join(', ')}`);
    if (s !== 'dockerfile' && !corpusThere) continue;
    const dir = path.join(work, s);
    const cwd = s === 'dockerfile' ? path.dirname(dockerfile) : allDir;
    runNode([entry, ...argsFor[s]()], { cwd }); // fills the page cache
    // 100 µs CPU sampling: a single-file run is over in a few hundred milliseconds.
    mkdirSync(dir);
    const heapFile = path.join(dir, 'run.heapprofile');
    const flags = heap ? [] : ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100'];
    const r = runNode([...flags, entry, ...argsFor[s]()], { cwd, env: { DOCKPOLICY_TIMING: '10', BENCH_HEAP_FILE: heapFile } });
    const file = path.join(dir, readdirSync(dir).find((f) => /\.(cpu|heap)profile$/.test(f)));
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const live = heap ? `, heap used after a full GC at the report ${profile.heapUsedMB.toFixed(0)} MB` : '';
    const title = `${s} (${entryMode} entry; under the profiler: wall ${fmtMs(r.ms)}, CPU ${fmtMs(r.cpuMs)}, peak RSS ${r.maxRssMB.toFixed(0)} MB${live}; node -e 0: ${fmtMs(node0.ms)}, CPU ${fmtMs(node0.cpuMs)})`;
    print(title, heap ? analyseHeap(profile) : analyseCpu(profile));
    console.log(`\n${r.stderr.trim()}`); // DOCKPOLICY_TIMING: the slowest rules
    if (keep) console.log(`(profile: ${file})`);
  }
}
