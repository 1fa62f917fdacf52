// A cold single pass over compose files, as a CLI run makes it: yaml's parseAllDocuments against src/parse/yaml-fast.ts
// (a file the fast parser leaves to yaml counts as not taken, and is not parsed here). One fresh process per
// measurement; wall and CPU time of the parse loop only (the files are read before).
// Usage: node bench/yaml-fast.mjs fast|yaml FILE...   (build first: it reads dist/; YAML_FAST=path/to/yaml-fast.js
// measures another build of it, for an A/B comparison)
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
const { parseYamlFast } = await import(process.env.YAML_FAST ?? '../dist/src/parse/yaml-fast.js');

const [mode, ...files] = process.argv.slice(2);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const options = { merge: true, prettyErrors: false, uniqueKeys: false, logLevel: 'error' };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let taken = 0;
for (const text of texts) {
  if (mode === 'fast') {
    if (parseYamlFast(text, options)) taken++;
  } else parseAllDocuments(text, options);
}
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(`${mode}: ${wall.toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU for ${texts.length} files${mode === 'fast' ? ` (${taken} taken)` : ''}`);
