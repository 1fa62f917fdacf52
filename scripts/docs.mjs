// Writes docs/rules/<id>.md and the README's rules table from the rules' metadata (run after `npm run build`).
// `--check` writes nothing and exits 1 when a generated file is out of date (used by the test suite).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { rules } = await import(pathToFileURL(path.join(root, 'dist/rules/index.js')).href);
const { rulePage } = await import(pathToFileURL(path.join(root, 'dist/src/report/rule-docs.js')).href);
const metas = rules.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));

export function rulesTable(list) {
  const rows = list.map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.level} | ${m.description} | ${m.aliases.map((a) => `\`${a}\``).join(', ')} |`);
  return ['| rule | default | what it checks | also covers |', '|---|---|---|---|', ...rows].join('\n');
}

const check = process.argv.includes('--check');
const stale = [];
const write = (file, text) => {
  const full = path.join(root, file);
  if (existsSync(full) && readFileSync(full, 'utf8') === text) return;
  if (check) return stale.push(file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
};

for (const m of metas) write(`docs/rules/${m.id}.md`, rulePage(m));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
write('README.md', readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${rulesTable(metas)}\n$2`));

if (stale.length) {
  console.error(`out of date (run \`npm run build && node scripts/docs.mjs\`): ${stale.join(', ')}`);
  process.exit(1);
}
