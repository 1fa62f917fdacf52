// Runs the CLI once in this process and prints, on stderr, one JSON line: wall time, peak RSS, files checked.
// Used by bench/corpus.mjs so that each measurement is a fresh process, like a real invocation.
const start = performance.now();
const { main } = await import('../dist/src/cli/main.js');
let out = '';
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  isTTY: false,
  stdout: (t) => (out += t),
  stderr: (t) => process.stderr.write(t),
});
let files = 0;
try {
  files = JSON.parse(out).summary?.files ?? 0;
} catch {}
process.stderr.write(JSON.stringify({ code, ms: performance.now() - start, maxRssMB: process.resourceUsage().maxRSS / 1024, files }) + '\n');
