// The configuration as a user writes it: file names and discovery, presets and `extends`, rules by alias,
// `overrides:` by file, stack and service in order, config errors with file, line and key, compose suppressions,
// baselines, custom policies, and the init / explain / print-config commands. Runs the CLI in-process.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, writeTree } from './cli-helper.js';

let tmp: string;
beforeAll(() => {
  if (!existsSync(path.resolve(import.meta.dirname, '../dist/config-validator.cjs'))) throw new Error('dist/ is missing: run `npm run build` (npm ci does it)');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-config-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = (files: Record<string, string>) => writeTree(tmp, files);

/** `file:line ruleId level [stack]` per finding. */
async function findings(dir: string, args: string[] = []) {
  const r = await runCli(['check', '--format', 'json', ...args], dir);
  expect(r.stderr.replace(/^dockpolicy: \d+ baseline entr.*\n/m, '')).toBe('');
  return (JSON.parse(r.stdout).findings as { file: string; line: number; ruleId: string; level: string; stack?: string }[]).map(
    (f) => `${f.file}:${f.line} ${f.ruleId} ${f.level}${f.stack ? ` [${f.stack}]` : ''}`,
  );
}

// A root Dockerfile without USER or HEALTHCHECK: non-root-user (error) and healthcheck-required (warning) by default.
const rootImage = { Dockerfile: 'FROM alpine:3.20\nRUN true\n' };
const defaults = ['Dockerfile:1 healthcheck-required warning', 'Dockerfile:1 non-root-user error'];

describe('where the configuration is read from', () => {
  it.each([
    ['.dockpolicy.yaml', 'rules:\n  non-root-user: off\n'],
    ['.dockpolicy.yml', 'rules:\n  non-root-user: off\n'],
    ['.dockpolicy.json', '{"rules": {"non-root-user": "off"}}'],
    ['package.json', '{"name": "app", "dockpolicy": {"rules": {"non-root-user": "off"}}}'],
  ])('%s', async (name, text) => {
    expect(await findings(tree({ ...rootImage, [name]: text }))).toEqual(['Dockerfile:1 healthcheck-required warning']);
  });

  it('a package.json without a dockpolicy key is not a config: the search goes on upward', async () => {
    const dir = tree({ 'app/Dockerfile': rootImage.Dockerfile, 'app/package.json': '{"name": "app"}', '.dockpolicy.yaml': 'rules:\n  healthcheck-required: off\n' });
    expect(await findings(path.join(dir, 'app'))).toEqual(['Dockerfile:1 non-root-user error']);
  });

  it('the nearest config wins; --config replaces the search', async () => {
    const dir = tree({ 'app/Dockerfile': rootImage.Dockerfile, 'app/.dockpolicy.yaml': 'rules:\n  non-root-user: off\n', '.dockpolicy.yaml': 'rules:\n  healthcheck-required: off\n' });
    expect(await findings(path.join(dir, 'app'))).toEqual(['Dockerfile:1 healthcheck-required warning']);
    expect(await findings(path.join(dir, 'app'), ['--config', '../.dockpolicy.yaml'])).toEqual(['Dockerfile:1 non-root-user error']);
  });
});

describe('rules by id or alias, presets and extends', () => {
  it.each([
    ['by hadolint code', 'rules:\n  DL3057: off\n', ['Dockerfile:1 non-root-user error']],
    ['by BuildKit check name, case as written', 'rules:\n  SecretsUsedInArgOrEnv: error\n  non-root-user: note\n', ['Dockerfile:1 healthcheck-required warning', 'Dockerfile:1 non-root-user note']],
    ['by KICS title', 'rules:\n  Healthcheck Not Set: off\n', ['Dockerfile:1 non-root-user error']],
  ])('%s', async (_name, config, expected) => {
    expect(await findings(tree({ ...rootImage, '.dockpolicy.yaml': config }))).toEqual(expected);
  });

  const prodStack = {
    'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n    ports: ["5432:5432"]\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
  };
  it.each([
    ['recommended', []],
    ['development', []],
    ['strict', ['cap-drop-all', 'cpu-limit', 'memory-limit', 'no-new-privileges', 'pids-limit', 'port-host-interface', 'read-only-root-fs']],
    ['production', ['cap-drop-all', 'cpu-limit', 'db-not-published', 'log-rotation', 'memory-limit', 'named-data-volumes', 'no-new-privileges', 'pids-limit', 'port-host-interface', 'read-only-root-fs', 'restart-policy', 'user-defined-networks']],
  ])('preset %s', async (preset, extra) => {
    const got = await findings(tree({ ...prodStack, '.dockpolicy.yaml': `extends: ${preset}\n` }));
    const ids = [...new Set(got.map((f) => f.split(' ')[1]))].sort();
    expect(ids).toEqual(extra);
  });

  it('the development preset allows root; production makes a missing healthcheck an error', async () => {
    expect(await findings(tree({ ...rootImage, '.dockpolicy.yaml': 'extends: development\n' }))).toEqual(['Dockerfile:1 healthcheck-required note']);
    expect(await findings(tree({ ...rootImage, '.dockpolicy.yaml': 'extends: production\n' }))).toEqual(['Dockerfile:1 healthcheck-required error', 'Dockerfile:1 non-root-user error']);
  });

  it('extends files in order, relative to the extending file; the extending file wins; a bare level keeps earlier options', async () => {
    const dir = tree({
      ...rootImage,
      'policy/base.yaml': 'rules:\n  non-root-user: warning\n  trusted-registries: [error, {registries: [ghcr.io/acme]}]\n',
      'policy/team.yaml': 'extends: ./base.yaml\nrules:\n  healthcheck-required: off\n',
      '.dockpolicy.yaml': 'extends: [development, policy/team.yaml]\nrules:\n  trusted-registries: warning\n',
    });
    // development turns non-root-user off, base.yaml (later) turns it back on at warning.
    expect(await findings(dir)).toEqual(['Dockerfile:1 non-root-user warning', 'Dockerfile:1 trusted-registries warning']);
  });
});

describe('overrides', () => {
  const files = {
    'compose.yaml': 'services:\n  api:\n    build: ./api\n  worker:\n    build: ./api\n',
    'compose.prod.yaml': 'services:\n  api:\n    restart: always\n',
    'api/Dockerfile': 'FROM python:3.12-slim\nRUN true\n',
    'tools/Dockerfile.dev': 'FROM alpine:3.20\nRUN true\n',
  };
  const config = (overrides: string) =>
    `stacks:\n  dev:\n    files: [compose.yaml]\n  prod:\n    files: [compose.yaml, compose.prod.yaml]\nrules:\n  healthcheck-required: off\noverrides:\n${overrides}`;

  it('by stack: root allowed in dev only', async () => {
    const dir = tree({ ...files, '.dockpolicy.yaml': config('  - stacks: [dev]\n    rules:\n      non-root-user: off\n') });
    // Services whose built stage sets no USER are reported at the service.
    expect(await findings(dir)).toEqual(['compose.yaml:2 non-root-user error [prod]', 'compose.yaml:4 non-root-user error [prod]', 'tools/Dockerfile.dev:1 non-root-user error']);
  });

  it('by file glob (a glob without / matches at any depth)', async () => {
    const dir = tree({ ...files, '.dockpolicy.yaml': config('  - files: ["Dockerfile.dev"]\n    rules:\n      non-root-user: off\n') });
    expect((await findings(dir)).filter((f) => f.startsWith('tools/'))).toEqual([]);
  });

  it('by service, and later overrides win over earlier ones', async () => {
    const dir = tree({
      ...files,
      '.dockpolicy.yaml': config('  - stacks: [dev, prod]\n    rules:\n      non-root-user: off\n  - services: [worker]\n    rules:\n      non-root-user: note\n'),
    });
    expect(await findings(dir)).toEqual(['compose.yaml:4 non-root-user note [dev]', 'compose.yaml:4 non-root-user note [prod]', 'tools/Dockerfile.dev:1 non-root-user error']);
  });

  it('options per stack: prod requires a restart policy only from the services named', async () => {
    const dir = tree({ ...files, '.dockpolicy.yaml': config('  - stacks: [prod]\n    services: [api]\n    rules:\n      restart-policy: error\n      non-root-user: off\n') });
    const got = await findings(dir);
    expect(got.filter((f) => f.includes('restart-policy'))).toEqual([]);
    const broken = tree({ ...files, 'compose.prod.yaml': 'services:\n  api:\n    restart: "no"\n', '.dockpolicy.yaml': config('  - stacks: [prod]\n    services: [api]\n    rules:\n      restart-policy: error\n') });
    expect((await findings(broken)).filter((f) => f.includes('restart-policy'))).toEqual(['compose.prod.yaml:3 restart-policy error [prod]']);
  });
});

describe('stacks declared by name', () => {
  it('a single file declared as a stack is a whole configuration, whatever its name', async () => {
    const compose = 'services:\n  api:\n    image: api:1.0\n    healthcheck:\n      test: ["CMD", "true"]\n';
    const alone = tree({ 'docker-compose.prod.yml': compose, '.dockpolicy.yaml': 'rules:\n  memory-limit: error\n' });
    expect(await findings(alone)).toEqual([]); // an override-named file checked alone is a fragment
    const named = tree({ 'docker-compose.prod.yml': compose, '.dockpolicy.yaml': 'stacks:\n  prod:\n    files: [docker-compose.prod.yml]\nrules:\n  memory-limit: error\n' });
    expect(await findings(named)).toEqual(['docker-compose.prod.yml:2 memory-limit error [prod]']);
  });

  it('override globs reach outside the config directory only when they say ../', async () => {
    const dir = tree({ 'app/Dockerfile': rootImage.Dockerfile, 'policy/.dockpolicy.yaml': 'overrides:\n  - files: ["**/Dockerfile"]\n    rules: {non-root-user: off}\n  - files: ["../app/*"]\n    rules: {healthcheck-required: off}\n' });
    expect(await findings(dir, ['--config', 'policy/.dockpolicy.yaml'])).toEqual(['app/Dockerfile:1 non-root-user error']);
  });
});

describe('config errors name the file, the line and the key', () => {
  it.each([
    ['rules:\n  non-root-usr: error\n', /^dockpolicy: \.dockpolicy\.yaml:2: unknown rule "non-root-usr" \(at rules\.non-root-usr\)$/],
    ['rules:\n  non-root-user: fatal\n', /^dockpolicy: \.dockpolicy\.yaml:2: rules\.non-root-user/],
    ['rules:\n  trusted-registries: [error, {registry: [a]}]\n', /^dockpolicy: \.dockpolicy\.yaml:2: unknown option "rules\.trusted-registries\.1\.registry"/],
    ['extends: recommended\nrule:\n  non-root-user: off\n', /^dockpolicy: \.dockpolicy\.yaml:2: unknown key "rule"$/],
    ['extends: stricter\n', /^dockpolicy: \.dockpolicy\.yaml:1: extends "stricter": no such preset or file/],
    ['overrides:\n  - stacks: [prod]\n    rules:\n      DL9999: off\n', /^dockpolicy: \.dockpolicy\.yaml:4: unknown rule "DL9999" \(at overrides\.0\.rules\.DL9999\)$/],
    ['overrides:\n  - stacks: [prod]\n', /^dockpolicy: \.dockpolicy\.yaml:2: overrides\.0 needs "rules"$/],
    ['rules: [\n', /^dockpolicy: \.dockpolicy\.yaml:\d+: /],
    // Keys written twice: the fast YAML path does not look for them, yaml reports them.
    ['rules:\n  non-root-user: off\n  non-root-user: error\n', /^dockpolicy: \.dockpolicy\.yaml:3: Map keys must be unique$/],
    ['extends: recommended\nrules: {}\nextends: strict\n', /^dockpolicy: \.dockpolicy\.yaml:3: Map keys must be unique$/],
    ['policies:\n  - id: p\n    target: image\n    message: m\n    schema: {}\n', /^dockpolicy: \.dockpolicy\.yaml:3: policies\.0\.target/],
    ['policies:\n  - id: p\n    target: service\n    message: m\n    schema: {type: 12}\n', /policy "p": invalid schema/],
    ['policies:\n  - id: non-root-user\n    target: service\n    message: m\n    schema: {}\n', /policy id "non-root-user" is already a rule id/],
  ])('%j', async (config, message) => {
    const r = await runCli(['check'], tree({ ...rootImage, '.dockpolicy.yaml': config }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a cycle of extends', async () => {
    const r = await runCli(['check'], tree({ ...rootImage, '.dockpolicy.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./.dockpolicy.yaml\n' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/extends itself/);
  });

  it('an error in an extended file names that file', async () => {
    const r = await runCli(['check'], tree({ ...rootImage, '.dockpolicy.yaml': 'extends: ./team.yaml\n', 'team.yaml': '# team\nrules:\n  bogus-rule: off\n' }));
    expect(r.stderr).toMatch(/team\.yaml:3: unknown rule "bogus-rule"/);
  });
});

describe('inline suppressions in compose files', () => {
  const compose = (comment: string) =>
    `services:\n  api:\n    image: api:1.0\n${comment}    ports: ["8000:8000"]\n    healthcheck:\n      test: ["CMD", "true"]\n  docs:\n    image: docs:1.0\n    ports: ["8000:80"]\n    healthcheck:\n      test: ["CMD", "true"]\n`;
  const at = (text: string) => tree({ 'compose.yaml': text });

  it('dockpolicy-ignore on the line before a key covers that key and what is nested under it', async () => {
    expect(await findings(at(compose('')))).toEqual(['compose.yaml:9 unique-host-ports error']);
    const service = 'services:\n  api:\n    image: api:1.0\n    ports: ["8000:8000"]\n    healthcheck:\n      test: ["CMD", "true"]\n  # dockpolicy-ignore unique-host-ports -- docs moves to 8001 next sprint\n  docs:\n    image: docs:1.0\n    ports: ["8000:80"]\n    healthcheck:\n      test: ["CMD", "true"]\n';
    expect(await findings(at(service))).toEqual([]);
  });

  it('dockpolicy-ignore-file, and a suppression elsewhere does not cover the finding', async () => {
    expect(await findings(at(`# dockpolicy-ignore-file unique-host-ports\n${compose('')}`))).toEqual([]);
    expect(await findings(at(compose('    # dockpolicy-ignore unique-host-ports -- api owns 8000\n')))).toEqual(['compose.yaml:10 unique-host-ports error']);
  });

  it('requireReason: a comment without `-- reason` suppresses nothing and unused-suppression says why', async () => {
    const service = 'services:\n  api:\n    image: api:1.0\n    # dockpolicy-ignore healthcheck-required\n    restart: always\n';
    const service2 = 'services:\n  # dockpolicy-ignore healthcheck-required\n  api:\n    image: api:1.0\n';
    expect(await findings(tree({ 'compose.yaml': service2 }))).toEqual([]);
    const dir = tree({ 'compose.yaml': service2, '.dockpolicy.yaml': 'inlineSuppressions: {requireReason: true}\nrules:\n  unused-suppression: warning\n' });
    expect(await findings(dir)).toEqual(['compose.yaml:2 unused-suppression warning', 'compose.yaml:3 healthcheck-required warning']);
    expect(await findings(tree({ 'compose.yaml': service }))).toEqual(['compose.yaml:2 healthcheck-required warning']);
  });

  it('inlineSuppressions: false honours none', async () => {
    const dir = tree({ 'compose.yaml': `# dockpolicy-ignore-file unique-host-ports\n${compose('')}`, '.dockpolicy.yaml': 'inlineSuppressions: false\n' });
    expect(await findings(dir)).toEqual(['compose.yaml:10 unique-host-ports error']);
  });
});

describe('baseline', () => {
  it('records the findings; check then reports only new ones, keyed by text not line, and counts entries that no longer match', async () => {
    const dir = tree({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const before = await findings(dir);
    expect(before.length).toBeGreaterThan(2);
    const first = await runCli(['baseline'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`recorded ${before.length} findings in .dockpolicy-baseline.json`);
    const recorded = JSON.parse(readFileSync(path.join(dir, '.dockpolicy-baseline.json'), 'utf8'));
    expect(recorded.entries.map((e: { rule: string }) => e.rule).sort()).toEqual(before.map((f) => f.split(' ')[1]).sort());
    expect((await runCli(['check'], dir)).code).toBe(0);
    // Lines move and a new problem appears: only the new one is reported.
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.20\n# tools\nRUN apk add curl\nRUN apk add --no-cache git=2.45.2-r0\nUSER 1000\n');
    expect(await findings(dir)).toEqual(['Dockerfile:4 consecutive-run note']);
    // Problems fixed: their entries are stale (non-root-user is fixed by USER 1000).
    const r = await runCli(['check'], dir);
    expect(r.stderr).toMatch(/1 baseline entry no longer matches any finding/);
    expect((await runCli(['check', '--no-baseline', '--format', 'json'], dir)).stdout).toContain('healthcheck-required');
  });

  it('a baseline that is not one is a usage error', async () => {
    const r = await runCli(['check'], tree({ ...rootImage, '.dockpolicy-baseline.json': '{"entries": 3}' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a dockpolicy baseline/);
  });
});

describe('custom policies', () => {
  const files = {
    'compose.yaml': 'services:\n  api:\n    build: .\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n  db:\n    image: postgres:16.4\n    deploy:\n      resources:\n        limits: {memory: 1G}\n',
    Dockerfile: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="1.0"\nUSER 1000\nHEALTHCHECK CMD true\n',
  };
  const policies = `rules:\n  healthcheck-required: off\npolicies:
  - id: memory-limit-set
    target: service
    message: Service {{name}} sets deploy.resources.limits.memory
    schema:
      required: [deploy]
      properties:
        deploy:
          required: [resources]
          properties:
            resources:
              required: [limits]
              properties:
                limits: {required: [memory]}
  - id: source-label
    target: stage
    level: warning
    message: The image of {{name}} names its source
    schema:
      properties:
        labels: {required: [org.opencontainers.image.source]}
`;

  it('finds the node that failed, or the target when something required is missing', async () => {
    const r = await runCli(['check', '--format', 'json'], tree({ ...files, '.dockpolicy.yaml': policies }));
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { file: string; line: number; column: number; ruleId: string; message: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      'Dockerfile:1:1 source-label The image of #1 names its source (labels.org.opencontainers.image.source is missing)',
      'compose.yaml:6:9 memory-limit-set Service api sets deploy.resources.limits.memory (deploy.resources.limits.memory is missing)',
    ]);
    expect(r.code).toBe(1);
  });

  it('a policy for some stacks only', async () => {
    const scoped = policies.replace('    target: service\n', '    target: service\n    stacks: [prod]\n');
    const dir = tree({ ...files, '.dockpolicy.yaml': `stacks:\n  prod:\n    files: [compose.yaml]\n${scoped}` });
    expect((await findings(dir)).filter((f) => f.includes('memory-limit-set'))).toEqual(['compose.yaml:6 memory-limit-set error [prod]']);
    const unscoped = tree({ ...files, '.dockpolicy.yaml': `stacks:\n  dev:\n    files: [compose.yaml]\n${scoped}` });
    expect((await findings(unscoped)).filter((f) => f.includes('memory-limit-set'))).toEqual([]);
  });

  it('if/then and anyOf summaries are not reported besides the precise failure', async () => {
    const config = 'policies:\n  - id: prod-restart\n    target: service\n    message: "{{name}} restarts"\n    schema:\n      if: {required: [image]}\n      then: {required: [restart]}\n';
    const r = await runCli(['check', '--format', 'json'], tree({ 'compose.yaml': 'services:\n  api:\n    image: api:1.0\n', '.dockpolicy.yaml': config }));
    const messages = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'prod-restart').map((f: { message: string }) => f.message);
    expect(messages).toEqual(['api restarts (restart is missing)']);
  });

  it('a value the schema rejects is pointed at where it was written', async () => {
    const config = 'policies:\n  - id: restart-always\n    target: service\n    message: "{{name}} restarts always"\n    schema:\n      properties:\n        restart: {const: always}\n';
    const r = await runCli(['check', '--format', 'json'], tree({ 'compose.yaml': 'services:\n  api:\n    image: api:1.0\n    restart: "no"\n', '.dockpolicy.yaml': config }));
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'restart-always');
    expect(`${f.line}:${f.column} ${f.message}`).toBe('4:14 api restarts always (restart must be equal to constant)');
  });
});

describe('init, explain, print-config', () => {
  it('init lists the stacks it finds and refuses to overwrite', async () => {
    const dir = tree({ 'docker-compose.yml': 'services: {}\n', 'docker-compose.prod.yml': 'services: {}\n', 'docker-compose.override.yml': 'services: {}\n', 'api/Dockerfile': 'FROM alpine:3.20\n' });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(0);
    const written = parse(readFileSync(path.join(dir, '.dockpolicy.yaml'), 'utf8'));
    expect(written.stacks).toEqual({ default: { files: ['docker-compose.yml', 'docker-compose.override.yml'] }, prod: { files: ['docker-compose.yml', 'docker-compose.prod.yml'] } });
    expect(written.extends).toBe('recommended');
    expect((await runCli(['check'], dir)).code).not.toBe(2);
    const again = await runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists \(--force overwrites it\)/);
  });

  it('explain finds a rule by alias and prints its docs and options', async () => {
    const r = await runCli(['explain', 'DL3008'], tmp);
    expect(r.stdout).toMatch(/^# apt-get-pin-versions\n/);
    expect(r.stdout).toContain('## Why');
    const opts = await runCli(['explain', 'trusted-registries'], tmp);
    expect(opts.stdout).toContain('"registries"');
    expect((await runCli(['explain', 'no-such-rule'], tmp)).code).toBe(2);
  });

  it('print-config shows the setting in effect for a stack and service', async () => {
    const dir = tree({ '.dockpolicy.yaml': 'extends: strict\noverrides:\n  - stacks: [prod]\n    services: [api]\n    rules:\n      memory-limit: [error, {}]\n' });
    const shown = async (args: string[]) => JSON.parse((await runCli(['print-config', ...args], dir)).stdout);
    expect((await shown([])).rules['memory-limit']).toBe('warning');
    expect((await shown(['--stack', 'prod', '--service', 'api'])).rules['memory-limit']).toBe('error');
    expect((await shown([])).files).toEqual(['preset recommended', 'preset strict', '.dockpolicy.yaml']);
  });
});

describe('config validation without the full validator', () => {
  it('accepts exactly what the full schema accepts', async () => {
    const { Ajv } = await import('ajv');
    const { configSchema } = await import('../src/engine/config-schema.js');
    const { loadConfig } = await import('../src/engine/config.js');
    const { rules } = await import('../rules/index.js');
    const metas = rules.map((r) => r.meta);
    const full = new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(configSchema(metas));
    const owners = new Map<string, number>();
    for (const m of metas) for (const name of [m.id, ...m.aliases]) owners.set(name, (owners.get(name) ?? 0) + 1);
    const sharedAlias = [...owners].find(([, n]) => n > 1)![0];
    const noOptions = metas.find((m) => !m.options)!.id;
    const configs: unknown[] = [
      { rules: { 'non-root-user': 'error', DL3008: 'off', 'service-ports-alphabetical-order': 'warning' } },
      { extends: 'recommended', overrides: [{ files: ['**/Dockerfile.dev'], rules: { 'non-root-user': 'off' } }], limits: { maxFileSize: '5MB' } },
      { rules: { 'non-root-user': ['error'] } },
      { rules: { 'allowed-base-images': ['error', { images: ['docker.io/library/*'] }] } },
      { overrides: [{ files: ['a'], rules: { 'allowed-base-images': ['error', { images: ['x'] }] } }] },
      { rules: { 'allowed-base-images': ['error', { images: 'x' }] } },
      { overrides: [{ files: ['a'], rules: { 'allowed-base-images': ['error', { images: [1] }] } }] },
      { rules: { 'allowed-base-images': ['error', { images: ['x'], other: true }] } },
      { rules: { [noOptions]: ['error', {}] } },
      { rules: { [noOptions]: ['error', { a: 1 }] } },
      { rules: { [sharedAlias]: ['error'] } },
      { rules: { [sharedAlias]: ['error', {}] } },
      { rules: { 'non-root-user': ['error', {}, {}] } },
      { rules: { 'no-such-rule': 'error' } },
      { rules: { 'non-root-user': 'loud' } },
      { overrides: [{ rules: { 'non-root-user': 1 } }] },
      { unknownKey: true },
    ];
    for (const config of configs) {
      const file = path.join(tree({ '.dockpolicy.yaml': JSON.stringify(config) }), '.dockpolicy.yaml');
      const accepted = await loadConfig(file, metas).then(
        () => true,
        (e: Error) => (expect(e.constructor.name, String(e.stack)).toBe('UsageError'), false),
      );
      expect(accepted, JSON.stringify(config)).toBe(full(config));
    }
  });
});
