// Merged configurations, compared with what `docker compose config` gives for the same files. Expectations were
// written from the compose spec's merge rules (compose-spec/13-merge.md): mappings merge, scalars replace,
// sequences of ports/volumes/depends_on merge by key, healthcheck.test replaces, !reset removes, !override replaces.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject, type LoadOptions, type LinkedService } from './project.js';
import { entryAt, resourcesOf, scalarAt, scalarsAt } from './fields.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

async function merged(files: Record<string, string>, order: string[], options: Omit<LoadOptions, 'stacks'> = {}) {
  const dir = path.join(root, String(counter++));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const envFiles = options.envFiles?.map((f) => path.join(dir, f));
  const project = await loadProject([], dir, { ...options, envFiles, stacks: [{ files: order.map((f) => path.join(dir, f)) }] });
  return Object.fromEntries(project.services.map((s) => [s.name, summary(s, dir)]));
}

/** The fields rules read, in a form close to `docker compose config` output. */
function summary(s: LinkedService, dir: string) {
  const rel = (p?: string) => (p === undefined ? undefined : path.relative(dir, p).split(path.sep).join('/') || '.');
  return {
    image: s.image?.value,
    user: s.user?.value,
    build: s.build && { context: rel(s.build.context), dockerfile: rel(s.build.dockerfile), target: s.build.target?.value, args: s.build.args.map((a) => `${a.name}=${a.value?.value}`) },
    ports: s.ports.map((p) => `${p.hostIp}:${p.published && (p.published[0] === p.published[1] ? p.published[0] : p.published.join('-'))}:${p.target}/${p.protocol}`),
    volumes: s.volumes.map((v) => `${v.type}:${v.type === 'bind' ? rel(v.source) : (v.source ?? '')}:${v.target}${v.readOnly ? ':ro' : ''}`),
    dependsOn: s.dependsOn.map((d) => `${d.service}:${d.condition}`),
    healthcheck: s.healthcheck?.disabledAt ? 'disabled' : s.healthcheck?.test?.value.join(' '),
    profiles: s.profiles,
    environment: s.environment.map((e) => (e.value ? `${e.name}=${e.value.value}` : e.name)),
    labels: s.labels.map((e) => `${e.name}=${e.value?.value}`),
    envFiles: s.envFiles.map((e) => `${rel(e.path)}${e.required ? '' : '?'}`),
    networks: s.networks.map((n) => n.name),
    secrets: s.secrets.map((n) => n.name),
    capAdd: s.lists.cap_add.map((n) => n.name),
    expose: s.lists.expose.map((n) => n.name),
    at: `${rel(s.at.file)}:${s.at.range.start.line}`,
  };
}

const base = `services:
  api:
    image: api:1
    user: "1000"
    build:
      context: ./api
      dockerfile: Dockerfile.dev
      target: dev
      args:
        A: "1"
        B: "2"
    ports:
      - "8000:8000"
      - "127.0.0.1:9229:9229"
    volumes:
      - ./api/src:/app/src
      - data:/data
    depends_on:
      db:
        condition: service_healthy
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/"]
      interval: 10s
  db:
    image: postgres:16
    environment:
      A: "1"
      B: "1"
    labels: [tier=db]
    env_file: base.env
    networks: [back]
    secrets: [pg_password]
    cap_add: [NET_ADMIN]
    expose: [5432]
volumes:
  data:
`;

describe('merging override files', () => {
  it.each([
    ['scalar image replaces', 'services:\n  api:\n    image: api:2\n', (s: any) => expect(s.api.image).toBe('api:2')],
    ['scalar user replaces', 'services:\n  api:\n    user: "2000"\n', (s: any) => expect(s.api.user).toBe('2000')],
    ['build.target overrides, context and dockerfile kept', 'services:\n  api:\n    build:\n      target: prod\n', (s: any) => expect(s.api.build).toMatchObject({ context: 'api', dockerfile: 'api/Dockerfile.dev', target: 'prod' })],
    ['build.context changes: dockerfile name kept relative to the new context', 'services:\n  api:\n    build:\n      context: ./api2\n', (s: any) => expect(s.api.build).toMatchObject({ context: 'api2', dockerfile: 'api2/Dockerfile.dev', target: 'dev' })],
    ['build.args merge by name', 'services:\n  api:\n    build:\n      args:\n        B: "3"\n        C: "4"\n', (s: any) => expect(s.api.build.args).toEqual(['A=1', 'B=3', 'C=4'])],
    ['build.args in list form merge with map form', 'services:\n  api:\n    build:\n      args:\n        - A=9\n', (s: any) => expect(s.api.build.args).toEqual(['A=9', 'B=2'])],
    ['ports are appended', 'services:\n  api:\n    ports:\n      - "8001:8000"\n', (s: any) => expect(s.api.ports).toEqual([':8000:8000/tcp', '127.0.0.1:9229:9229/tcp', ':8001:8000/tcp'])],
    ['an identical port is not duplicated', 'services:\n  api:\n    ports:\n      - "8000:8000"\n', (s: any) => expect(s.api.ports).toEqual([':8000:8000/tcp', '127.0.0.1:9229:9229/tcp'])],
    ['a port in long syntax with the same key is the same port', 'services:\n  api:\n    ports:\n      - target: 8000\n        published: "8000"\n', (s: any) => expect(s.api.ports).toHaveLength(2)],
    ['a udp port is another port', 'services:\n  api:\n    ports:\n      - "8000:8000/udp"\n', (s: any) => expect(s.api.ports).toContain(':8000:8000/udp')],
    ['ports: !reset [] removes them', 'services:\n  api:\n    ports: !reset []\n', (s: any) => expect(s.api.ports).toEqual([])],
    ['ports: !override replaces them', 'services:\n  api:\n    ports: !override\n      - "9000:8000"\n', (s: any) => expect(s.api.ports).toEqual([':9000:8000/tcp'])],
    ['an empty list does not remove base entries', 'services:\n  api:\n    volumes: []\n', (s: any) => expect(s.api.volumes).toHaveLength(2)],
    ['volume modes and long syntax are normalised', 'services:\n  db:\n    volumes:\n      - ./conf:/etc/conf:ro,z\n      - type: tmpfs\n        target: /tmp\n      - type: volume\n        source: cache\n        target: /cache\n        read_only: true\n', (s: any) => expect(s.db.volumes).toEqual(['bind:conf:/etc/conf:ro', 'tmpfs::/tmp', 'volume:cache:/cache:ro'])],
    ['volumes merge by target', 'services:\n  api:\n    volumes:\n      - ./other:/app/src\n', (s: any) => expect(s.api.volumes).toEqual(['bind:other:/app/src', 'volume:data:/data'])],
    ['a new volume target is appended', 'services:\n  api:\n    volumes:\n      - /app/node_modules\n', (s: any) => expect(s.api.volumes).toEqual(['bind:api/src:/app/src', 'volume:data:/data', 'volume::/app/node_modules'])],
    ['volumes: !reset null removes them', 'services:\n  api:\n    volumes: !reset null\n', (s: any) => expect(s.api.volumes).toEqual([])],
    ['depends_on merges by service, the override winning', 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_started\n      cache:\n        condition: service_healthy\n', (s: any) => expect(s.api.dependsOn).toEqual(['db:service_started', 'cache:service_healthy'])],
    ['a depends_on entry without condition keeps the base condition', 'services:\n  api:\n    depends_on:\n      db:\n        required: false\n', (s: any) => expect(s.api.dependsOn).toEqual(['db:service_healthy'])],
    ['depends_on list form merges with map form', 'services:\n  api:\n    depends_on:\n      - cache\n', (s: any) => expect(s.api.dependsOn).toEqual(['db:service_healthy', 'cache:service_started'])],
    ['healthcheck.test replaces', 'services:\n  api:\n    healthcheck:\n      test: ["CMD-SHELL", "wget -qO- localhost:8000"]\n', (s: any) => expect(s.api.healthcheck).toBe('CMD-SHELL wget -qO- localhost:8000')],
    ['healthcheck timing only keeps the base test', 'services:\n  api:\n    healthcheck:\n      interval: 30s\n', (s: any) => expect(s.api.healthcheck).toBe('CMD curl -f http://localhost:8000/')],
    ['healthcheck disable in the override', 'services:\n  api:\n    healthcheck:\n      disable: true\n', (s: any) => expect(s.api.healthcheck).toBe('disabled')],
    ['healthcheck: !reset removes it', 'services:\n  api:\n    healthcheck: !reset {}\n', (s: any) => expect(s.api.healthcheck).toBeUndefined()],
    ['image: !reset removes it', 'services:\n  api:\n    image: !reset null\n', (s: any) => expect(s.api.image).toBeUndefined()],
    ['a service only in the override is added, at its own position', 'services:\n  worker:\n    image: w:1\n', (s: any) => expect(s.worker).toMatchObject({ image: 'w:1', at: 'override.yaml:2' })],
    ['a merged service keeps the base key as its position', 'services:\n  api:\n    image: api:2\n', (s: any) => expect(s.api.at).toBe('compose.yaml:2')],
    ['profiles of both files apply', 'services:\n  db:\n    profiles: [tools]\n', (s: any) => expect(s.db.profiles).toEqual(['tools'])],
    ['environment merges by name across list and map forms', 'services:\n  db:\n    environment:\n      - B=2\n      - C\n', (s: any) => expect(s.db.environment).toEqual(['A=1', 'B=2', 'C'])],
    ['environment: !override replaces', 'services:\n  db:\n    environment: !override\n      Z: "9"\n', (s: any) => expect(s.db.environment).toEqual(['Z=9'])],
    ['labels merge by name', 'services:\n  db:\n    labels:\n      tier: data\n      team: core\n', (s: any) => expect(s.db.labels).toEqual(['tier=data', 'team=core'])],
    ['env_file forms: string, list, {path, required}', 'services:\n  db:\n    env_file:\n      - path: ./db.env\n        required: false\n      - common.env\n', (s: any) => expect(s.db.envFiles).toEqual(['base.env', 'db.env?', 'common.env'])],
    ['networks merge by name, list and map', 'services:\n  db:\n    networks:\n      back:\n        aliases: [database]\n      front: {}\n', (s: any) => expect(s.db.networks).toEqual(['back', 'front'])],
    ['secrets merge by source, short and long', 'services:\n  db:\n    secrets:\n      - source: pg_password\n        target: /run/secrets/pg\n      - api_key\n', (s: any) => expect(s.db.secrets).toEqual(['pg_password', 'api_key'])],
    ['cap_add and expose merge as sets', 'services:\n  db:\n    cap_add: [NET_ADMIN, SYS_TIME]\n    expose: ["5432", "9187"]\n', (s: any) => expect([s.db.capAdd, s.db.expose]).toEqual([['NET_ADMIN', 'SYS_TIME'], ['5432', '9187']])],
    ['override paths resolve against the first file\'s directory', 'services:\n  api:\n    volumes:\n      - ./logs:/logs\n', (s: any) => expect(s.api.volumes).toContain('bind:logs:/logs')],
  ])('%s', async (_name, override, check) => {
    check(await merged({ 'compose.yaml': base, 'override.yaml': override }, ['compose.yaml', 'override.yaml']));
  });

  it('override files in another directory still resolve paths against the project directory', async () => {
    const s = await merged({ 'compose.yaml': base, 'env/prod.yaml': 'services:\n  api:\n    build:\n      context: ./api-prod\n' }, ['compose.yaml', 'env/prod.yaml']);
    expect(s.api!.build!.context).toBe('api-prod');
  });

  it('three files merge left to right', async () => {
    const s = await merged(
      { 'a.yaml': 'services:\n  x:\n    image: x:1\n    user: "1"\n', 'b.yaml': 'services:\n  x:\n    image: x:2\n', 'c.yaml': 'services:\n  x:\n    user: "3"\n' },
      ['a.yaml', 'b.yaml', 'c.yaml'],
    );
    expect(s.x).toMatchObject({ image: 'x:2', user: '3' });
  });

  it('several documents in one file merge like override files', async () => {
    const s = await merged({ 'compose.yaml': 'services:\n  x:\n    image: x:1\n---\nservices:\n  x:\n    image: x:2\n    ports: ["80:80"]\n' }, ['compose.yaml']);
    expect(s.x).toMatchObject({ image: 'x:2', ports: [':80:80/tcp'] });
  });

  it('every file is interpolated with the stack\'s env files, later files winning', async () => {
    const s = await merged(
      { 'compose.yaml': 'services:\n  x:\n    image: x:${TAG}\n', 'o.yaml': 'services:\n  x:\n    ports: ["${PORT:-80}:80"]\n', 'a.env': 'TAG=1\nPORT=81\n', 'b.env': 'PORT=82\n', '.env': 'TAG=ignored\n' },
      ['compose.yaml', 'o.yaml'],
      { envFiles: ['a.env', 'b.env'] },
    );
    expect(s.x).toMatchObject({ image: 'x:1', ports: [':82:80/tcp'] });
  });

  it('without --env-file the project directory\'s .env is used', async () => {
    const s = await merged({ 'compose.yaml': 'services:\n  x:\n    image: x:${TAG:-0}\n', '.env': 'TAG=7\n' }, ['compose.yaml']);
    expect(s.x!.image).toBe('x:7');
  });

  it('the process environment is read only when asked, and wins', async () => {
    const files = { 'compose.yaml': 'services:\n  x:\n    image: x:${TAG:-0}\n', '.env': 'TAG=7\n' };
    expect((await merged(files, ['compose.yaml']))['x']!.image).toBe('x:7');
    expect((await merged(files, ['compose.yaml'], { processEnv: { TAG: '9' } }))['x']!.image).toBe('x:9');
  });
});

describe('extends', () => {
  it('merges the extended service under the extending one, same file, recursively', async () => {
    const s = await merged(
      { 'compose.yaml': 'services:\n  base:\n    image: app:1\n    ports: ["80:80"]\n    user: "1000"\n  web:\n    extends: base\n    ports: ["443:443"]\n  admin:\n    extends:\n      service: web\n    user: "0"\n' },
      ['compose.yaml'],
    );
    expect(s.web).toMatchObject({ image: 'app:1', user: '1000', ports: [':80:80/tcp', ':443:443/tcp'], at: 'compose.yaml:6' });
    expect(s.admin).toMatchObject({ image: 'app:1', user: '0', ports: [':80:80/tcp', ':443:443/tcp'] });
  });

  it('resolves another file\'s relative paths against that file', async () => {
    const s = await merged(
      { 'compose.yaml': 'services:\n  api:\n    extends:\n      file: common/base.yaml\n      service: py\n', 'common/base.yaml': 'services:\n  py:\n    build: ./app\n    volumes: [./src:/src]\n' },
      ['compose.yaml'],
    );
    expect(s.api).toMatchObject({ build: { context: 'common/app', dockerfile: 'common/app/Dockerfile' }, volumes: ['bind:common/src:/src'] });
  });
});

describe('include', () => {
  it('adds the services of included files, with their own directory and .env', async () => {
    const s = await merged(
      {
        'compose.yaml': 'include:\n  - db/compose.yaml\n  - path: cache/compose.yaml\n    env_file: cache/cache.env\nservices:\n  api:\n    image: api:1\n    depends_on: [db]\n',
        'db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG:-15}\n    volumes:\n      - ./data:/var/lib/postgresql/data\n',
        'db/.env': 'PG=16\n',
        'cache/compose.yaml': 'services:\n  cache:\n    image: redis:${REDIS}\n',
        'cache/cache.env': 'REDIS=7\n',
      },
      ['compose.yaml'],
    );
    expect(Object.keys(s)).toEqual(['db', 'cache', 'api']);
    expect(s.db).toMatchObject({ image: 'postgres:16', volumes: ['bind:db/data:/var/lib/postgresql/data'], at: 'db/compose.yaml:2' });
    expect(s.cache!.image).toBe('redis:7');
  });

  it('a file including itself is read once', async () => {
    const s = await merged({ 'compose.yaml': 'include: [compose.yaml]\nservices:\n  a:\n    image: a:1\n' }, ['compose.yaml']);
    expect(Object.keys(s)).toEqual(['a']);
  });
});

describe('profiles', () => {
  const compose = 'services:\n  app:\n    image: a:1\n  debug:\n    image: d:1\n    profiles: [debug]\n  tools:\n    image: t:1\n    profiles: [tools, debug]\n';
  it.each([
    [undefined, ['app', 'debug', 'tools']],
    [['tools'], ['app', 'tools']],
    [['debug'], ['app', 'debug', 'tools']],
    [['other'], ['app']],
  ])('--profile %j starts %j', async (profiles, names) => {
    expect(Object.keys(await merged({ 'compose.yaml': compose }, ['compose.yaml'], { profiles: profiles as string[] | undefined }))).toEqual(names);
  });
});

describe('generic fields (what rules read beyond the typed model)', () => {
  async function fieldsOf(files: Record<string, string>, order: string[]) {
    const dir = path.join(root, String(counter++));
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(mkdirSync(dir, { recursive: true }) ?? dir, rel), text);
    const project = await loadProject([], dir, { stacks: [{ files: order.map((f) => path.join(dir, f)) }] });
    const at = (v?: { at: { file: string; range: { start: { line: number; column: number } } } }) =>
      v && `${path.basename(v.at.file)}:${v.at.range.start.line}:${v.at.range.start.column}`;
    return { project, at, service: (name: string) => project.services.find((s) => s.name === name)! };
  }
  const baseFile = 'services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits: {memory: 512M, cpus: "1"}\n    security_opt: ["no-new-privileges:true"]\n    logging:\n      driver: json-file\n      options: {max-size: 10m}\nnetworks:\n  back:\n    internal: false\n';

  it('nested mappings merge key by key; the overriding value points into the override file', async () => {
    const { service, at } = await fieldsOf(
      { 'compose.yaml': baseFile, 'compose.prod.yaml': 'services:\n  db:\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n    logging:\n      options:\n        max-file: "3"\n' },
      ['compose.yaml', 'compose.prod.yaml'],
    );
    const db = service('db').fields;
    expect(scalarAt(db, 'deploy.resources.limits.memory')?.value).toBe('1G');
    expect(at(scalarAt(db, 'deploy.resources.limits.memory'))).toBe('compose.prod.yaml:6:19');
    expect(at(scalarAt(db, 'deploy.resources.limits.cpus'))).toBe('compose.yaml:6:38');
    expect(scalarAt(db, 'logging.options.max-size')?.value).toBe('10m');
    expect(scalarAt(db, 'logging.options.max-file')?.value).toBe('3');
    expect(scalarAt(db, 'logging.driver')?.value).toBe('json-file');
  });

  it('sequences append without repeats; !reset removes and !override replaces', async () => {
    const { service } = await fieldsOf(
      {
        'compose.yaml': baseFile,
        'compose.override.yaml': 'services:\n  db:\n    security_opt: ["no-new-privileges:true", "seccomp:unconfined"]\n    deploy: !reset {}\n    logging: !override\n      driver: local\n',
      },
      ['compose.yaml', 'compose.override.yaml'],
    );
    const db = service('db').fields;
    expect(scalarsAt(db, 'security_opt').map((v) => v.value)).toEqual(['no-new-privileges:true', 'seccomp:unconfined']);
    expect(entryAt(db, 'deploy')).toBeUndefined();
    expect(scalarAt(db, 'logging.driver')?.value).toBe('local');
    expect(entryAt(db, 'logging.options')).toBeUndefined();
  });

  it('logging with another driver replaces the block; with the same driver its options merge', async () => {
    const other = await fieldsOf({ 'compose.yaml': baseFile, 'compose.override.yaml': 'services:\n  db:\n    logging:\n      driver: syslog\n' }, ['compose.yaml', 'compose.override.yaml']);
    expect(entryAt(other.service('db').fields, 'logging.options')).toBeUndefined();
    const same = await fieldsOf({ 'compose.yaml': baseFile, 'compose.override.yaml': 'services:\n  db:\n    logging:\n      driver: json-file\n      options: {max-file: "5"}\n' }, ['compose.yaml', 'compose.override.yaml']);
    expect(scalarAt(same.service('db').fields, 'logging.options.max-size')?.value).toBe('10m');
    expect(scalarAt(same.service('db').fields, 'logging.options.max-file')?.value).toBe('5');
  });

  it('top-level resources merge across the stack and keep where they were first declared', async () => {
    const { project, at } = await fieldsOf(
      { 'compose.yaml': baseFile, 'compose.prod.yaml': 'networks:\n  back:\n    internal: true\n  front: {}\n' },
      ['compose.yaml', 'compose.prod.yaml'],
    );
    const networks = resourcesOf(project.stacks[0]!, 'networks');
    expect([...networks.keys()]).toEqual(['back', 'front']);
    expect(scalarAt(networks.get('back')!.field, 'internal')?.value).toBe('true');
    expect(at(networks.get('back'))).toBe('compose.yaml:12:3');
    expect(at(networks.get('front'))).toBe('compose.prod.yaml:4:3');
  });
});
