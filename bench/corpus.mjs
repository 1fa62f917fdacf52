// `npm run bench`: the speed measurements in one sitting, so that every number in the report shares one machine state.
//   bench/peers.mjs     Node start-up, the YAML floor, dockpolicy and dclint over the corpus's compose files, dockpolicy
//                       over the whole corpus, single-file runs; the targets with PASS/FAIL
//   bench/monorepo.mjs  with --scale: synthetic monorepos of 100, 1,000 and 10,000 files (linearity, 10k budget)
//   bench/profile.mjs   not run here (it slows what it measures): where the time goes, by function, file and phase
//   bench/secrets.mjs   not run here: the credential scanner on worst-case lines
// Usage: npm run bench [-- --runs 5] [--dclint-runs 1] [--no-dclint] [--scale]
// Without ../shared/corpus only the start-up measurements run (BENCH_CORPUS=<dir> reads another tree instead).
await import('./peers.mjs');
if (process.argv.includes('--scale')) {
  console.log('\n');
  await import('./monorepo.mjs');
}
