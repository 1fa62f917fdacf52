// Preloaded (`node -r bench/rss.cjs ...`) into every measured child so that it reports its own peak RSS and CPU time:
// Node gives a parent no per-child rusage, /usr/bin/time is not everywhere, and polling /proc misses the final peak.
// CPU time matters on a shared 2-core machine, where other processes stretch wall time but not CPU time. CommonJS,
// not `--import`: a -r preload does not start the ESM loader, so it adds the least to `node -e 0` (well under 1 ms).
const { isMainThread } = require('node:worker_threads');

// Workers inherit execArgv and so this preload; resourceUsage() is process-wide, so only the main thread reports.
if (isMainThread && process.env.BENCH_RSS_FILE) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}
