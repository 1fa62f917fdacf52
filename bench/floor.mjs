// The floor for a compose-file run: Node start-up plus reading and YAML-parsing the same files, nothing else. No
// linter can check a file without doing this much, so dockpolicy's time over the floor is what its own work costs.
// Usage: node bench/floor.mjs <file>...   Prints {"files": n, "yamlErrors": m} on stdout.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

let yamlErrors = 0;
for (const file of process.argv.slice(2)) {
  // The options dockpolicy's parser uses (src/parse/compose.ts), so the floor parses exactly as much.
  const docs = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true, prettyErrors: false, uniqueKeys: false });
  if ((Array.isArray(docs) ? docs : [docs]).some((d) => d.errors.length)) yamlErrors++;
}
process.stdout.write(JSON.stringify({ files: process.argv.length - 2, yamlErrors }) + '\n');
