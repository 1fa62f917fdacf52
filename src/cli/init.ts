import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discover } from '../discover/discover.js';
import { CONFIG_NAMES, PRESETS, UsageError } from '../engine/config.js';
import type { Io } from './main.js';

const BASE = /^(?:docker-)?compose\.ya?ml$/;
const VARIANT = /^((?:docker-)?compose)\.([\w-]+)\.ya?ml$/;

/**
 * `dockpolicy init [dir]`: a commented starter `.dockpolicy.yaml` listing the stacks found: each base compose file
 * with each `compose.<name>.yaml` beside it as a stack of its own (`.override` files merge into the base already).
 */
export async function init(dir: string, force: boolean, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, dir);
  if (!existsSync(root)) throw new UsageError(`init: no such directory: ${dir}`);
  const existing = CONFIG_NAMES.map((n) => path.join(root, n)).find((f) => existsSync(f));
  if (existing && !force) throw new UsageError(`init: ${path.relative(io.cwd, existing) || existing} exists (--force overwrites it)`);
  const { files } = await discover(['.'], { cwd: root });
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const compose = files.filter((f) => f.kind === 'compose').map((f) => rel(f.path)).sort();
  const dockerfiles = files.filter((f) => f.kind === 'dockerfile').length;
  const stacks: [string, string[]][] = [];
  for (const base of compose.filter((f) => BASE.test(path.posix.basename(f)))) {
    const folder = path.posix.dirname(base);
    const prefix = folder === '.' ? '' : `${folder}/`;
    const stem = path.posix.basename(base).replace(/\.ya?ml$/, '');
    const variants = compose.filter((f) => path.posix.dirname(f) === folder && VARIANT.exec(path.posix.basename(f))?.[1] === stem && !/\.override\./.test(f));
    const name = (suffix: string) => [folder === '.' ? '' : folder.replace(/\//g, '-'), suffix].filter(Boolean).join('-');
    stacks.push([name('default') || 'default', [base, ...compose.filter((f) => f === `${prefix}${stem}.override.yaml` || f === `${prefix}${stem}.override.yml`)]]);
    for (const v of variants) stacks.push([name(VARIANT.exec(path.posix.basename(v))![2]!), [base, v]]);
  }
  const lines = [
    '# dockpolicy configuration (https://github.com/dockpolicy/dockpolicy/blob/main/docs/configuration.md)',
    '# yaml-language-server: $schema=./node_modules/dockpolicy/schemas/dockpolicy.schema.json',
    `# Found ${dockerfiles} Dockerfile${dockerfiles === 1 ? '' : 's'} and ${compose.length} compose file${compose.length === 1 ? '' : 's'}.`,
    '',
    `# Presets: ${PRESETS.join(', ')}. Rules and overrides below apply on top, in order.`,
    'extends: recommended',
    '',
  ];
  if (stacks.length) {
    lines.push('# Compose configurations, each checked merged as `docker compose -f <files...>` runs it.', 'stacks:');
    for (const [name, list] of stacks) lines.push(`  ${name}:`, `    files: [${list.join(', ')}]`);
    lines.push('');
  }
  lines.push(
    '# Level (off, note, warning, error) or [level, {options}] per rule, by id or alias (DL3008, SecretsUsedInArgOrEnv).',
    '# `dockpolicy explain <rule>` shows what a rule checks and its options.',
    'rules: {}',
    '#  non-root-user: [error, {uid: 1001}]',
    '#  healthcheck-timing: [warning, {interval: {max: 30s}}]',
    '',
    '# Different rules for some files, stacks or services, applied in order.',
    'overrides: []',
    ...(stacks.length > 1 ? [`#  - stacks: [${stacks[0]![0]}]`, '#    rules: {non-root-user: off}'] : ['#  - files: ["**/Dockerfile.dev"]', '#    rules: {non-root-user: off}']),
    '',
  );
  const file = path.join(root, CONFIG_NAMES[0]!);
  writeFileSync(file, lines.join('\n'));
  io.stdout(`wrote ${path.relative(io.cwd, file) || file}${stacks.length ? ` (stacks: ${stacks.map((s) => s[0]).join(', ')})` : ''}\n`);
  return 0;
}
