// The five seed systems checked against the invariants their documents state: fixtures/policies/<seed>.yaml encodes
// them (each quoted there above its rule or policy) and turns every other rule off. For each seed, (1) what the policy
// finds on the seed as rebuilt under fixtures/seeds/<seed>/ (nothing, or the places where the rebuilt system breaks
// what its document claims), and (2) for every invariant encoded, a mutation of a copy of the seed that breaks it,
// with the finding (rule, file, line, stack) that must then appear.
//
// Each run works on a copy of the seed and its policy in a temp directory, laid out as in the repository
// (policies/<seed>.yaml beside seeds/<seed>/), so that the stack paths of a policy (`../seeds/<seed>/...`, relative
// to the config file) resolve into the copy. The CLI runs in-process from the seed directory of the copy.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './cli-helper.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const SEEDS = ['db-query-tool', 'todo-chatbot', 'emotion-visualizer', 'ichrisbirch', 'kidney-genetics'] as const;
type Seed = (typeof SEEDS)[number];

/** A finding as the tests name it: rule, file (relative to the seed directory), line, and the stack when it has one. */
interface Found {
  rule: string;
  file: string;
  line: number;
  stack?: string;
}
const key = (f: Found) => `${f.file}:${f.line} ${f.rule}${f.stack ? ` [${f.stack}]` : ''}`;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-seed-policies-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh copy of the seed and its policy; returns the seed directory of the copy. */
function copy(seed: Seed): string {
  const root = mkdtempSync(path.join(tmp, `${seed}-`));
  cpSync(path.join(FIXTURES, 'seeds', seed), path.join(root, 'seeds', seed), { recursive: true });
  mkdirSync(path.join(root, 'policies'));
  cpSync(path.join(FIXTURES, 'policies', `${seed}.yaml`), path.join(root, 'policies', `${seed}.yaml`));
  return path.join(root, 'seeds', seed);
}

async function check(seed: Seed, dir: string): Promise<string[]> {
  const r = await runCli(['check', '--format', 'json', '--config', `../../policies/${seed}.yaml`, '.'], dir);
  expect(r.stderr).toBe('');
  expect(r.code, r.stdout).not.toBe(2);
  const findings = JSON.parse(r.stdout).findings as { ruleId: string; file: string; line: number; stack?: string }[];
  return findings.map((f) => key({ rule: f.ruleId, file: f.file, line: f.line, stack: f.stack })).sort();
}

const baselines = new Map<Seed, Promise<string[]>>();
const baseline = (seed: Seed) => {
  if (!baselines.has(seed)) baselines.set(seed, check(seed, copy(seed)));
  return baselines.get(seed)!;
};

type Mutation = (dir: string) => void;

/** Replaces `from`, which must occur exactly once in the file (so a changed fixture fails loudly), with `to`. */
const edit =
  (file: string, from: string, to: string): Mutation =>
  (dir) => {
    const p = path.join(dir, file);
    const text = readFileSync(p, 'utf8');
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${file}: expected "${from}" exactly once, found it ${count} times`);
    writeFileSync(p, text.replace(from, () => to));
  };
const write =
  (file: string, text: string): Mutation =>
  (dir) =>
    writeFileSync(path.join(dir, file), text);
const append =
  (file: string, text: string): Mutation =>
  (dir) =>
    writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8') + text);
const all =
  (...mutations: Mutation[]): Mutation =>
  (dir) => {
    for (const m of mutations) m(dir);
  };

interface Case {
  seed: Seed;
  invariant: string;
  mutate: Mutation;
  /** Findings that must appear; every other new finding must be of one of their rules. */
  expect: Found | Found[];
}

// (1) What each policy finds on the seed as shipped.
const shipped: Record<Seed, Found[]> = {
  // The rebuilt system satisfies every invariant the document states.
  'db-query-tool': [],

  // The document says, without limiting it to production, "User: MUST NOT be root (UID 1001)" and gives every image
  // a health check. The reconstruction's development images (frontend/Dockerfile.dev and backend/Dockerfile.dev, a
  // choice where the document is silent) set no USER and no HEALTHCHECK, so the two services of the dev stack break
  // both. The production Dockerfiles satisfy them.
  'todo-chatbot': [
    { rule: 'healthcheck-required', file: 'docker-compose.yml', line: 4, stack: 'dev' },
    { rule: 'non-root-user', file: 'docker-compose.yml', line: 4, stack: 'dev' },
    { rule: 'healthcheck-required', file: 'docker-compose.yml', line: 23, stack: 'dev' },
    { rule: 'non-root-user', file: 'docker-compose.yml', line: 23, stack: 'dev' },
  ],

  // The rebuilt files are the specification's blocks, verbatim: nothing.
  'emotion-visualizer': [],

  // The rebuilt system breaks what the document claims in several places, most of them taken from the document's
  // own examples:
  ichrisbirch: [
    // "Health Checks: ... interval: 30s, timeout: 10s, start_period: 5s, retries: 3", but the document's prod override
    // gives api only `test:` (verbatim in docker-compose.prod.yml), so the timings are Docker's defaults.
    ...['interval', 'timeout', 'start_period', 'retries'].map(() => ({ rule: 'healthcheck-settings', file: 'docker-compose.prod.yml', line: 8, stack: 'prod' })),
    // Test external ports 5434/6380/8001/5001: Compose appends the test override's ports to the base file's, so the
    // test stack also publishes the dev ports 5432/6379/8000/5000 ("Environment Isolation: ... Different external
    // ports" does not hold).
    { rule: 'postgres-test-ports', file: 'docker-compose.yml', line: 9, stack: 'test' },
    { rule: 'redis-test-ports', file: 'docker-compose.yml', line: 22, stack: 'test' },
    { rule: 'api-test-ports', file: 'docker-compose.yml', line: 43, stack: 'test' },
    { rule: 'app-test-ports', file: 'docker-compose.yml', line: 66, stack: 'test' },
    // "Services wait for dependencies to be healthy": the document's own example has api wait for redis with
    // `service_started`, and the reconstruction has app and scheduler depend on api in list form; in every stack.
    ...['dev', 'prod', 'test'].flatMap((stack) => [
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 48, stack },
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 68, stack },
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 88, stack },
    ]),
    // "5. Production Readiness: Health checks for all services; Proper restart policies; Resource limits and
    // reservations": in prod only api has a healthcheck and a restart policy, and no service has limits or
    // reservations.
    ...(
      [
        ['postgres', 2],
        ['redis', 19],
        ['api', 24],
        ['app', 50],
        ['scheduler', 70],
      ] as const
    ).flatMap(([name, line]) => [
      { rule: 'cpu-limit', file: 'docker-compose.yml', line, stack: 'prod' },
      { rule: 'memory-limit', file: 'docker-compose.yml', line, stack: 'prod' },
      { rule: 'prod-resource-reservations', file: 'docker-compose.yml', line, stack: 'prod' },
      ...(name === 'api' ? [] : [{ rule: 'restart-policy', file: 'docker-compose.yml', line, stack: 'prod' }]),
      ...(name === 'api' || name === 'postgres' ? [] : [{ rule: 'healthcheck-required', file: 'docker-compose.yml', line, stack: 'prod' }]),
    ]),
    // "Production Override ... Key Features: - Production build target": the document's prod override only retargets
    // api, so app and scheduler still build the development stage in production.
    { rule: 'production-build-target', file: 'docker-compose.yml', line: 54, stack: 'prod' },
    { rule: 'production-build-target', file: 'docker-compose.yml', line: 74, stack: 'prod' },
  ],

  // The rebuilt production stack satisfies every invariant the document states.
  'kidney-genetics': [],
};

// (2) For every invariant encoded, a mutation that breaks it.
const cases: Case[] = [
  // ---------------------------------------------------------------------------------------------- db-query-tool
  {
    seed: 'db-query-tool',
    invariant: 'Base Image: python:3.12-slim (backend)',
    mutate: edit('backend/Dockerfile', 'FROM python:3.12-slim AS base', 'FROM python:3.12 AS base'),
    expect: { rule: 'allowed-base-images', file: 'backend/Dockerfile', line: 2 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Base Image: node:20-slim (frontend)',
    mutate: edit('frontend/Dockerfile', 'FROM node:20-slim', 'FROM node:20'),
    expect: { rule: 'allowed-base-images', file: 'frontend/Dockerfile', line: 1 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Image: postgres:15-alpine (db)',
    mutate: edit('docker-compose.yml', 'image: postgres:15-alpine', 'image: postgres:16'),
    expect: { rule: 'allowed-base-images', file: 'docker-compose.yml', line: 51 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Platform: linux/amd64 (a service that pins none)',
    mutate: edit('docker-compose.yml', '    platform: linux/amd64\n    ports:\n      - "5173:5173"', '    ports:\n      - "5173:5173"'),
    expect: { rule: 'platform-pinned', file: 'docker-compose.yml', line: 32 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Platform: linux/amd64 (another platform)',
    mutate: edit('docker-compose.yml', '    platform: linux/amd64\n    ports:\n      - "8000:8000"', '    platform: linux/arm64\n    ports:\n      - "8000:8000"'),
    expect: { rule: 'platform-pinned', file: 'docker-compose.yml', line: 9 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Port Uniqueness: ports 5173, 8000, 5432 (and frontend Host 5173 → 5173)',
    mutate: edit('docker-compose.yml', '"5173:5173"', '"8000:5173"'),
    expect: [
      { rule: 'unique-host-ports', file: 'docker-compose.yml', line: 40 },
      { rule: 'frontend-port', file: 'docker-compose.yml', line: 39 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'Ports: backend Host 8000 → Container 8000',
    mutate: edit('docker-compose.yml', '"8000:8000"', '"8080:8000"'),
    expect: { rule: 'backend-port', file: 'docker-compose.yml', line: 10 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Ports: db Host 5432 → Container 5432',
    mutate: edit('docker-compose.yml', '"5432:5432"', '"5433:5432"'),
    expect: { rule: 'db-port', file: 'docker-compose.yml', line: 53 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Volume Permissions: container runs as root',
    mutate: edit('backend/Dockerfile', 'RUN chmod +x entrypoint.sh\n', 'RUN chmod +x entrypoint.sh\nUSER 1000\n'),
    expect: { rule: 'backend-runs-as-root', file: 'backend/Dockerfile', line: 21 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Health Check Dependency: Backend MUST wait for database health check (condition)',
    mutate: edit('docker-compose.yml', 'condition: service_healthy', 'condition: service_started'),
    expect: [
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 27 },
      { rule: 'backend-waits-for-db', file: 'docker-compose.yml', line: 27 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'Health Check Dependency: Backend MUST wait for database health check (no depends_on)',
    mutate: edit('docker-compose.yml', '    depends_on:\n      db:\n        condition: service_healthy\n', ''),
    expect: { rule: 'backend-waits-for-db', file: 'docker-compose.yml', line: 2 },
  },
  {
    seed: 'db-query-tool',
    invariant: "node_modules Isolation: Frontend's node_modules MUST be a named volume (bind-mounted project)",
    mutate: edit('docker-compose.yml', '      - ./frontend/src:/app/src\n      - frontend_node_modules:/app/node_modules\n', '      - ./frontend:/app\n'),
    expect: [
      { rule: 'node-modules-volume', file: 'docker-compose.yml', line: 44 },
      { rule: 'frontend-node-modules-named-volume', file: 'docker-compose.yml', line: 43 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: "node_modules Isolation: Frontend's node_modules MUST be a named volume (not bind mounted)",
    mutate: edit('docker-compose.yml', '      - frontend_node_modules:/app/node_modules', '      - ./frontend/node_modules:/app/node_modules'),
    expect: [
      { rule: 'frontend-node-modules-named-volume', file: 'docker-compose.yml', line: 43 },
      { rule: 'frontend-node-modules-named-volume', file: 'docker-compose.yml', line: 45 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'postgres_data: Named volume at /var/lib/postgresql/data',
    mutate: edit('docker-compose.yml', '      - postgres_data:/var/lib/postgresql/data', '      - ./data:/var/lib/postgresql/data'),
    expect: [
      { rule: 'named-data-volumes', file: 'docker-compose.yml', line: 60 },
      { rule: 'db-data-in-postgres-data', file: 'docker-compose.yml', line: 59 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'Restart Policy: unless-stopped',
    mutate: edit('docker-compose.yml', '    restart: unless-stopped\n    networks:\n      - app-network\n\n  frontend:', '    restart: always\n    networks:\n      - app-network\n\n  frontend:'),
    expect: { rule: 'restart-policy', file: 'docker-compose.yml', line: 28 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Network Isolation: services communicate within app-network (no network)',
    mutate: edit('docker-compose.yml', '    restart: unless-stopped\n    networks:\n      - app-network\n\n  db:', '    restart: unless-stopped\n\n  db:'),
    expect: [
      { rule: 'user-defined-networks', file: 'docker-compose.yml', line: 32 },
      { rule: 'on-app-network', file: 'docker-compose.yml', line: 32 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'Network Isolation: services communicate within app-network (another network)',
    mutate: all(
      edit('docker-compose.yml', '    restart: unless-stopped\n    networks:\n      - app-network\n\n  db:', '    restart: unless-stopped\n    networks:\n      - other-network\n\n  db:'),
      append('docker-compose.yml', '  other-network:\n'),
    ),
    expect: { rule: 'on-app-network', file: 'docker-compose.yml', line: 47 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'app-network - Driver: bridge',
    mutate: edit('docker-compose.yml', 'driver: bridge', 'driver: overlay'),
    expect: { rule: 'app-network-bridge', file: 'docker-compose.yml', line: 76 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Container Name: db-query-tool-db',
    mutate: edit('docker-compose.yml', 'container_name: db-query-tool-db', 'container_name: dbquery-db'),
    expect: { rule: 'container-name-pattern', file: 'docker-compose.yml', line: 52 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'db Health Check (present)',
    mutate: edit('docker-compose.yml', '    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 5s\n      timeout: 5s\n      retries: 5\n', ''),
    expect: [
      { rule: 'healthcheck-required', file: 'docker-compose.yml', line: 50 },
      { rule: 'db-healthcheck-pg-isready', file: 'docker-compose.yml', line: 50 },
      // backend's service_healthy can then never be met
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 27 },
    ],
  },
  {
    seed: 'db-query-tool',
    invariant: 'db Health Check: Test: pg_isready -U postgres',
    mutate: edit('docker-compose.yml', '"pg_isready -U postgres"', '"pg_isready -U admin"'),
    expect: { rule: 'db-healthcheck-pg-isready', file: 'docker-compose.yml', line: 62 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'db Health Check: Interval: 5s',
    mutate: edit('docker-compose.yml', 'interval: 5s', 'interval: 30s'),
    expect: { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 63 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'db Health Check: Timeout: 5s',
    mutate: edit('docker-compose.yml', 'timeout: 5s', 'timeout: 3s'),
    expect: { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 64 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'db Health Check: Retries: 5',
    mutate: edit('docker-compose.yml', 'retries: 5', 'retries: 3'),
    expect: { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 65 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Backend Stages: base, dependencies, development',
    mutate: all(edit('backend/Dockerfile', 'FROM base AS dependencies', 'FROM base AS deps'), edit('backend/Dockerfile', 'FROM dependencies AS development', 'FROM deps AS development')),
    expect: { rule: 'documented-stages', file: 'backend/Dockerfile', line: 11 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Frontend Stages: Single-stage for development',
    mutate: edit('frontend/Dockerfile', 'FROM node:20-slim\n', 'FROM node:20-slim AS deps\nRUN true\n\nFROM deps\n'),
    expect: { rule: 'documented-stages', file: 'frontend/Dockerfile', line: 1 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'backend Image: Built from ./backend/Dockerfile, stage development',
    mutate: edit('docker-compose.yml', 'target: development', 'target: dependencies'),
    expect: { rule: 'backend-build', file: 'docker-compose.yml', line: 6 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'backend Name: db-query-tool-backend, Tag: dev',
    mutate: edit('docker-compose.yml', 'image: db-query-tool-backend:dev', 'image: db-query-tool-backend:latest'),
    expect: { rule: 'backend-build', file: 'docker-compose.yml', line: 7 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'frontend Name: db-query-tool-frontend, Tag: dev',
    mutate: edit('docker-compose.yml', 'image: db-query-tool-frontend:dev', 'image: dbquery-frontend:dev'),
    expect: { rule: 'frontend-build', file: 'docker-compose.yml', line: 36 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'SQLite Database Directory: bind mount ~/.db_query → /root/.db_query',
    mutate: edit('docker-compose.yml', '      - ~/.db_query:/root/.db_query\n', ''),
    expect: { rule: 'backend-sqlite-bind-mount', file: 'docker-compose.yml', line: 20 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'Alembic Configuration: Read-Only: Yes',
    mutate: edit('docker-compose.yml', './backend/alembic.ini:/app/alembic.ini:ro', './backend/alembic.ini:/app/alembic.ini'),
    expect: { rule: 'alembic-mounts-read-only', file: 'docker-compose.yml', line: 24 },
  },
  {
    seed: 'db-query-tool',
    invariant: 'frontend Dependencies: None (can start independently)',
    mutate: edit('docker-compose.yml', '      VITE_API_URL: http://localhost:8000\n', '      VITE_API_URL: http://localhost:8000\n    depends_on:\n      db:\n        condition: service_healthy\n'),
    expect: { rule: 'no-dependencies', file: 'docker-compose.yml', line: 32 },
  },

  // ----------------------------------------------------------------------------------------------- todo-chatbot
  {
    seed: 'todo-chatbot',
    invariant: 'User: MUST NOT be root',
    mutate: edit('backend/Dockerfile', 'USER appuser', 'USER root'),
    expect: { rule: 'non-root-user', file: 'backend/Dockerfile', line: 32 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'User: nextjs (UID 1001)',
    mutate: edit('frontend/Dockerfile', 'adduser --system --uid 1001', 'adduser --system --uid 1002'),
    expect: { rule: 'non-root-user', file: 'frontend/Dockerfile', line: 38 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Secrets: MUST NOT be in image layers (ENV)',
    mutate: edit('backend/Dockerfile', 'ARG SOURCE_URL\n', 'ARG SOURCE_URL\nENV BETTER_AUTH_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n'),
    expect: { rule: 'no-secrets-in-layers', file: 'backend/Dockerfile', line: 18 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Secrets: MUST NOT be in image layers (a .env in the build context)',
    mutate: write('frontend/.env', 'BETTER_AUTH_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n'),
    expect: [
      { rule: 'no-secrets-in-layers', file: 'frontend/Dockerfile', line: 12 },
      { rule: 'no-secrets-in-layers', file: 'frontend/Dockerfile.dev', line: 6 },
    ],
  },
  {
    seed: 'todo-chatbot',
    invariant: 'All secrets in .env file (never committed to git); .env file in .gitignore',
    mutate: write('.env', 'DATABASE_URL=\nBETTER_AUTH_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n'),
    expect: { rule: 'no-secrets-in-env-files', file: '.env', line: 2, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Base images: MUST be minimal (alpine/slim)',
    mutate: edit('backend/Dockerfile', 'FROM python:3.11-slim AS runner', 'FROM python:3.11 AS runner'),
    expect: { rule: 'allowed-base-images', file: 'backend/Dockerfile', line: 13 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Health Check: GET /api/health (frontend image has one)',
    mutate: edit('frontend/Dockerfile', 'HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \\\n    CMD wget -q -O /dev/null http://localhost:3000/api/health || exit 1\n', ''),
    expect: [
      { rule: 'healthcheck-required', file: 'frontend/Dockerfile', line: 19 },
      { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 19 },
    ],
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Health Check Requirements: Interval: 30 seconds',
    mutate: edit('backend/Dockerfile', '--interval=30s', '--interval=60s'),
    expect: { rule: 'healthcheck-timing', file: 'backend/Dockerfile', line: 34 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Health Check Requirements: Timeout: 10 seconds',
    mutate: edit('backend/Dockerfile', '--timeout=10s', '--timeout=5s'),
    expect: { rule: 'healthcheck-timing', file: 'backend/Dockerfile', line: 34 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Health Check Requirements: Start period: 40 seconds',
    mutate: edit('frontend/Dockerfile', '--start-period=40s', '--start-period=90s'),
    expect: { rule: 'healthcheck-timing', file: 'frontend/Dockerfile', line: 40 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Health Check Requirements: Retries: 3 before marking unhealthy',
    mutate: edit('frontend/Dockerfile', '--retries=3', '--retries=5'),
    expect: { rule: 'healthcheck-timing', file: 'frontend/Dockerfile', line: 40 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Port mapping: Host ports MUST not conflict',
    mutate: edit('docker-compose.yml', '"8000:8000"', '"3000:8000"'),
    expect: [
      { rule: 'unique-host-ports', file: 'docker-compose.yml', line: 29, stack: 'dev' },
      { rule: 'dev-backend', file: 'docker-compose.yml', line: 28, stack: 'dev' },
    ],
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Isolation: Containers MUST be isolated from host',
    mutate: edit('docker-compose.yml', '      - ./backend:/app\n', '      - ./backend:/app\n    pid: host\n'),
    expect: { rule: 'no-host-namespaces', file: 'docker-compose.yml', line: 34, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Both services connect to same network (no network)',
    mutate: edit('docker-compose.yml', '    networks:\n      - todo-network\n    restart: "no"\n\nnetworks:', '    restart: "no"\n\nnetworks:'),
    expect: [
      { rule: 'user-defined-networks', file: 'docker-compose.yml', line: 23, stack: 'dev' },
      { rule: 'on-todo-network', file: 'docker-compose.yml', line: 23, stack: 'dev' },
    ],
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Networks: 1 (todo-network)',
    mutate: all(
      edit('docker-compose.yml', '      - backend\n    networks:\n      - todo-network', '      - backend\n    networks:\n      - other-network'),
      append('docker-compose.yml', '  other-network:\n    driver: bridge\n'),
    ),
    expect: { rule: 'on-todo-network', file: 'docker-compose.yml', line: 19, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'todo-network (bridge driver)',
    mutate: edit('docker-compose.yml', 'driver: bridge', 'driver: overlay'),
    expect: { rule: 'todo-network-bridge', file: 'docker-compose.yml', line: 40 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Restart policy: no (development)',
    mutate: edit('docker-compose.yml', '      - todo-network\n    restart: "no"\n\n  backend:', '      - todo-network\n    restart: always\n\n  backend:'),
    expect: { rule: 'restart-policy', file: 'docker-compose.yml', line: 21, stack: 'dev' },
  },
  {
    // No production compose file is rebuilt: one that builds the production backend image shows the production value.
    seed: 'todo-chatbot',
    invariant: 'Restart policy: unless-stopped (production)',
    mutate: write('docker-compose.prod.yml', 'services:\n  backend:\n    build: ./backend\n    restart: "no"\n    networks:\n      - todo-network\n\nnetworks:\n  todo-network:\n    driver: bridge\n'),
    expect: { rule: 'restart-policy', file: 'docker-compose.prod.yml', line: 4 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend Stages: deps, builder, runner',
    mutate: edit('frontend/Dockerfile', 'FROM node:20-alpine AS deps', 'FROM node:20-alpine AS dependencies'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 2 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend Exposed Port: 3000',
    mutate: edit('frontend/Dockerfile', 'EXPOSE 3000', 'EXPOSE 8080'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 19 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend Working Directory: /app',
    mutate: edit('frontend/Dockerfile', 'WORKDIR /app\nENV NODE_ENV=production', 'WORKDIR /srv\nENV NODE_ENV=production'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 19 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend Entry Point: node server.js',
    mutate: edit('frontend/Dockerfile', 'CMD ["node", "server.js"]', 'CMD ["npm", "start"]'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 42 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend Health Check: GET /api/health',
    mutate: edit('frontend/Dockerfile', 'localhost:3000/api/health', 'localhost:3000/healthz'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 40 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Backend Exposed Port: 8000',
    mutate: edit('backend/Dockerfile', 'EXPOSE 8000', 'EXPOSE 8080'),
    expect: { rule: 'backend-image', file: 'backend/Dockerfile', line: 13 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Backend Entry Point: uvicorn app.main:app --host 0.0.0.0 --port 8000',
    mutate: edit('backend/Dockerfile', '"--port", "8000"]', '"--port", "9000"]'),
    expect: { rule: 'backend-image', file: 'backend/Dockerfile', line: 36 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Backend Health Check: GET /health',
    mutate: edit('backend/Dockerfile', "localhost:8000/health'", "localhost:8000/status'"),
    expect: { rule: 'backend-image', file: 'backend/Dockerfile', line: 34 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Image Metadata (Labels): org.opencontainers.image.revision',
    mutate: edit('frontend/Dockerfile', '      org.opencontainers.image.revision="${VCS_REF}" \\\n', ''),
    expect: { rule: 'oci-labels', file: 'frontend/Dockerfile', line: 19 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Image Metadata (Labels): org.opencontainers.image.version: Semantic version',
    mutate: edit('backend/Dockerfile', 'org.opencontainers.image.version="${VERSION}"', 'org.opencontainers.image.version="latest"'),
    expect: { rule: 'oci-labels', file: 'backend/Dockerfile', line: 18 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Image Metadata (Labels): org.opencontainers.image.source: Repository URL',
    mutate: edit('backend/Dockerfile', 'org.opencontainers.image.source="${SOURCE_URL}"', 'org.opencontainers.image.source="todo-backend"'),
    expect: { rule: 'oci-labels', file: 'backend/Dockerfile', line: 18 },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Anonymous volumes for node_modules, .next',
    mutate: edit('docker-compose.yml', '      - /app/node_modules\n', ''),
    expect: { rule: 'dev-frontend', file: 'docker-compose.yml', line: 13, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'frontend Dockerfile: Dockerfile.dev (dev)',
    mutate: edit('docker-compose.yml', 'dockerfile: Dockerfile.dev\n    image: todo-frontend:dev', 'dockerfile: Dockerfile\n    image: todo-frontend:dev'),
    expect: [
      { rule: 'dev-frontend', file: 'docker-compose.yml', line: 7, stack: 'dev' },
      // frontend/Dockerfile.dev, built by no service now, is judged on its own (root, no HEALTHCHECK)
      { rule: 'non-root-user', file: 'frontend/Dockerfile.dev', line: 1 },
      { rule: 'healthcheck-required', file: 'frontend/Dockerfile.dev', line: 1 },
    ],
  },
  {
    seed: 'todo-chatbot',
    invariant: 'frontend Environment: from .env',
    mutate: edit('docker-compose.yml', '    env_file:\n      - .env\n    volumes:\n      - ./frontend:/app', '    volumes:\n      - ./frontend:/app'),
    expect: { rule: 'dev-frontend', file: 'docker-compose.yml', line: 4, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'backend Development image: todo-backend:dev',
    mutate: edit('docker-compose.yml', 'image: todo-backend:dev', 'image: todo-backend:latest'),
    expect: { rule: 'dev-backend', file: 'docker-compose.yml', line: 27, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'backend Volumes: ./backend:/app (dev only)',
    mutate: edit('docker-compose.yml', '      - ./backend:/app\n', '      - ./backend/app:/app/app\n'),
    expect: { rule: 'dev-backend', file: 'docker-compose.yml', line: 32, stack: 'dev' },
  },
  {
    seed: 'todo-chatbot',
    invariant: 'Frontend depends on backend (starts after backend)',
    mutate: edit('docker-compose.yml', '    depends_on:\n      - backend\n', ''),
    expect: { rule: 'frontend-depends-on-backend', file: 'docker-compose.yml', line: 4, stack: 'dev' },
  },

  // ----------------------------------------------------------------------------------------- emotion-visualizer
  {
    seed: 'emotion-visualizer',
    invariant: 'FROM python:3.11-slim as base',
    mutate: edit('backend/Dockerfile', 'FROM python:3.11-slim as base', 'FROM python:3.11 as base'),
    expect: { rule: 'allowed-base-images', file: 'backend/Dockerfile', line: 4 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db image: postgres:15-alpine',
    mutate: edit('docker-compose.yml', 'image: postgres:15-alpine', 'image: postgres:16-alpine'),
    expect: { rule: 'allowed-base-images', file: 'docker-compose.yml', line: 6 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'Create non-root user for development: USER devuser',
    mutate: edit('backend/Dockerfile', 'USER devuser', 'USER root'),
    expect: [
      { rule: 'non-root-user', file: 'backend/Dockerfile', line: 52 },
      { rule: 'backend-stages', file: 'backend/Dockerfile', line: 52 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'useradd -m -u 1000 devuser (UID 1000)',
    mutate: edit('backend/Dockerfile', 'useradd -m -u 1000 devuser', 'useradd -m -u 1001 devuser'),
    expect: { rule: 'non-root-user', file: 'backend/Dockerfile', line: 52 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'Database Health Check (present)',
    mutate: edit('docker-compose.yml', '    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U ${POSTGRES_USER:-emotionviz}"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n', ''),
    expect: [
      { rule: 'healthcheck-required', file: 'docker-compose.yml', line: 5 },
      { rule: 'db-service', file: 'docker-compose.yml', line: 5 },
      // api's service_healthy can then never be met (line 67 before the 5 lines went)
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 62 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db healthcheck: pg_isready',
    mutate: edit('docker-compose.yml', '"pg_isready -U ${POSTGRES_USER:-emotionviz}"', '"true"'),
    expect: { rule: 'db-service', file: 'docker-compose.yml', line: 21 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db healthcheck: interval: 10s',
    mutate: edit('docker-compose.yml', 'interval: 10s', 'interval: 30s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 22 },
      { rule: 'db-service', file: 'docker-compose.yml', line: 22 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db healthcheck: timeout: 5s',
    mutate: edit('docker-compose.yml', 'timeout: 5s', 'timeout: 2s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 23 },
      { rule: 'db-service', file: 'docker-compose.yml', line: 23 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db healthcheck: retries: 5',
    mutate: edit('docker-compose.yml', 'retries: 5', 'retries: 3'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 24 },
      { rule: 'db-service', file: 'docker-compose.yml', line: 24 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api healthcheck: interval: 30s',
    mutate: edit('docker-compose.yml', 'interval: 30s', 'interval: 60s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 73 },
      { rule: 'api-service', file: 'docker-compose.yml', line: 73 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api healthcheck: timeout: 10s',
    mutate: edit('docker-compose.yml', 'timeout: 10s', 'timeout: 20s'),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 74 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api healthcheck: retries: 3',
    mutate: edit('docker-compose.yml', 'retries: 3', 'retries: 12'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 75 },
      { rule: 'api-service', file: 'docker-compose.yml', line: 75 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api healthcheck: start_period: 40s',
    mutate: edit('docker-compose.yml', 'start_period: 40s', 'start_period: 120s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 76 },
      { rule: 'api-service', file: 'docker-compose.yml', line: 76 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api healthcheck: curl -f http://localhost:8000/health',
    mutate: edit('docker-compose.yml', '"http://localhost:8000/health"]', '"http://localhost:8000/"]'),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 72 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api depends_on: db: condition: service_healthy',
    mutate: edit('docker-compose.yml', 'condition: service_healthy', 'condition: service_started'),
    expect: [
      { rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 67 },
      { rule: 'api-service', file: 'docker-compose.yml', line: 67 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'Custom bridge network: emotionviz-network (a service without it)',
    mutate: edit('docker-compose.yml', '    networks:\n      - emotionviz-network\n    restart: unless-stopped\n    healthcheck:', '    restart: unless-stopped\n    healthcheck:'),
    expect: [
      { rule: 'user-defined-networks', file: 'docker-compose.yml', line: 30 },
      { rule: 'on-emotionviz-network', file: 'docker-compose.yml', line: 30 },
    ],
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'networks: emotionviz-network: driver: bridge, name: emotionviz-network',
    mutate: edit('docker-compose.yml', '    name: emotionviz-network', '    name: emotionviz'),
    expect: { rule: 'emotionviz-network-bridge', file: 'docker-compose.yml', line: 98 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'restart: unless-stopped',
    mutate: edit('docker-compose.yml', '    restart: unless-stopped\n    profiles:', '    restart: always\n    profiles:'),
    expect: { rule: 'restart-policy', file: 'docker-compose.yml', line: 91 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'container_name: emotionvisualizer-api',
    mutate: edit('docker-compose.yml', 'container_name: emotionvisualizer-api', 'container_name: emotionviz-api'),
    expect: { rule: 'container-name-pattern', file: 'docker-compose.yml', line: 35 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'Local directory mapping for data persistence: ./data/postgres',
    mutate: edit('docker-compose.yml', '      - ./data/postgres:/var/lib/postgresql/data', '      - postgres-data:/var/lib/postgresql/data'),
    expect: { rule: 'db-service', file: 'docker-compose.yml', line: 15 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'db ports: ${POSTGRES_PORT:-5432}:5432',
    mutate: edit('docker-compose.yml', '"${POSTGRES_PORT:-5432}:5432"', '"${POSTGRES_PORT:-5432}:5433"'),
    expect: { rule: 'db-service', file: 'docker-compose.yml', line: 13 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: './backend/app:/app/app:ro  # Read-only for safety',
    mutate: edit('docker-compose.yml', './backend/app:/app/app:ro', './backend/app:/app/app'),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 58 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: './data/logs:/app/logs  # Application logs',
    mutate: edit('docker-compose.yml', '      - ./data/logs:/app/logs\n', ''),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 58 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api build: target: development',
    mutate: edit('docker-compose.yml', 'target: development', 'target: production'),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 34 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'api ports: ${API_PORT:-8000}:8000',
    mutate: edit('docker-compose.yml', '"${API_PORT:-8000}:8000"', '"${API_PORT:-8000}:8080"'),
    expect: { rule: 'api-service', file: 'docker-compose.yml', line: 56 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'adminer profiles: - tools',
    mutate: edit('docker-compose.yml', '    profiles:\n      - tools  # Only start with: docker-compose --profile tools up\n', ''),
    expect: { rule: 'adminer-service', file: 'docker-compose.yml', line: 79 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'Multi-stage Dockerfile: production stage',
    mutate: edit('backend/Dockerfile', 'FROM base as production', 'FROM base as prod'),
    expect: { rule: 'backend-stages', file: 'backend/Dockerfile', line: 67 },
  },
  {
    seed: 'emotion-visualizer',
    invariant: 'production stage: Create non-root user (USER appuser)',
    mutate: edit('backend/Dockerfile', 'USER appuser', 'USER root'),
    expect: { rule: 'backend-stages', file: 'backend/Dockerfile', line: 77 },
  },

  // ------------------------------------------------------------------------------------------------ ichrisbirch
  {
    seed: 'ichrisbirch',
    invariant: 'Non-root container execution',
    mutate: edit('Dockerfile', 'USER app\n\nFROM base AS production', 'USER root\n\nFROM base AS production'),
    expect: ['dev', 'test', 'prod'].map((stack) => ({ rule: 'non-root-user', file: 'Dockerfile', line: 22, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Services wait for dependencies to be healthy',
    mutate: edit('docker-compose.yml', '      postgres:\n        condition: service_healthy', '      postgres:\n        condition: service_started'),
    expect: ['dev', 'test', 'prod'].map((stack) => ({ rule: 'depends-on-healthy', file: 'docker-compose.yml', line: 46, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'No shared file systems between services',
    mutate: append('docker-compose.dev.yml', '  app:\n    volumes:\n      - .:/app\n'),
    expect: { rule: 'no-shared-writable-mounts', file: 'docker-compose.dev.yml', line: 11, stack: 'dev' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Health Checks: interval: 30s',
    mutate: edit('docker-compose.yml', 'interval: 30s', 'interval: 10s'),
    expect: ['dev', 'test', 'prod'].flatMap((stack) => [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 14, stack },
      { rule: 'healthcheck-settings', file: 'docker-compose.yml', line: 14, stack },
    ]),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Health Checks: timeout: 10s',
    mutate: edit('docker-compose.yml', 'timeout: 10s', 'timeout: 5s'),
    expect: ['dev', 'test', 'prod'].flatMap((stack) => [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 15, stack },
      { rule: 'healthcheck-settings', file: 'docker-compose.yml', line: 15, stack },
    ]),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Health Checks: start_period: 5s',
    mutate: edit('docker-compose.yml', 'start_period: 5s', 'start_period: 30s'),
    expect: ['dev', 'test', 'prod'].flatMap((stack) => [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 16, stack },
      { rule: 'healthcheck-settings', file: 'docker-compose.yml', line: 16, stack },
    ]),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Health Checks: retries: 3',
    mutate: edit('docker-compose.yml', 'retries: 3', 'retries: 1'),
    expect: ['dev', 'test', 'prod'].flatMap((stack) => [
      { rule: 'healthcheck-timing', file: 'docker-compose.yml', line: 17, stack },
      { rule: 'healthcheck-settings', file: 'docker-compose.yml', line: 17, stack },
    ]),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Health Checks: a compose healthcheck sets the timings',
    mutate: edit('docker-compose.yml', '      start_period: 5s\n', ''),
    expect: ['dev', 'test', 'prod'].map((stack) => ({ rule: 'healthcheck-settings', file: 'docker-compose.yml', line: 12, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Named volumes: postgres_data:/var/lib/postgresql/data (Database persistence)',
    mutate: edit('docker-compose.yml', '      - postgres_data:/var/lib/postgresql/data', '      - /srv/ichrisbirch/pgdata:/var/lib/postgresql/data'),
    expect: [
      ...['dev', 'test', 'prod'].map((stack) => ({ rule: 'named-data-volumes', file: 'docker-compose.yml', line: 11, stack })),
      { rule: 'prod-no-bind-mounts', file: 'docker-compose.yml', line: 11, stack: 'prod' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Production Readiness: Health checks for all services (prod api)',
    mutate: edit('docker-compose.prod.yml', '    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n', ''),
    expect: [
      { rule: 'healthcheck-required', file: 'docker-compose.yml', line: 24, stack: 'prod' },
      { rule: 'prod-api', file: 'docker-compose.yml', line: 24, stack: 'prod' },
    ],
  },
  // The prod stack already breaks "Health checks for all services", "Proper restart policies" and "Resource limits and
  // reservations" for most services (see above); each is shown to hold for a service that meets the others: an nginx
  // reverse proxy ("Production Override ... Key Features: ... Nginx reverse proxy") added to the prod override,
  // compliant but for the one invariant.
  ...(
    [
      ['Health checks for all services', { healthcheck: false }, { rule: 'healthcheck-required', line: 10 }],
      ['Proper restart policies', { restart: false }, { rule: 'restart-policy', line: 10 }],
      ['Resource limits (memory)', { memory: false }, { rule: 'memory-limit', line: 10 }],
      ['Resource limits (CPU)', { cpus: false }, { rule: 'cpu-limit', line: 10 }],
      ['Resource reservations', { reservations: false }, { rule: 'prod-resource-reservations', line: 23 }],
    ] as const
  ).map(
    ([invariant, omit, found]): Case => ({
      seed: 'ichrisbirch',
      invariant: `Production Readiness: ${invariant}`,
      mutate: append('docker-compose.prod.yml', nginx(omit)),
      expect: { ...found, file: 'docker-compose.prod.yml', stack: 'prod' },
    }),
  ),
  {
    seed: 'ichrisbirch',
    invariant: 'Proper restart policies (prod api: restart: always)',
    mutate: edit('docker-compose.prod.yml', 'restart: always', 'restart: "no"'),
    expect: [
      { rule: 'restart-policy', file: 'docker-compose.prod.yml', line: 7, stack: 'prod' },
      { rule: 'prod-api', file: 'docker-compose.prod.yml', line: 7, stack: 'prod' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Production build target',
    mutate: edit('docker-compose.prod.yml', 'target: production', 'target: development'),
    expect: { rule: 'production-build-target', file: 'docker-compose.prod.yml', line: 4, stack: 'prod' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Build Configuration: target: development (dev and test)',
    mutate: edit('docker-compose.yml', '      target: development\n      args:\n        POETRY_VERSION: 1.8.3\n    command: flask', '      target: production\n      args:\n        POETRY_VERSION: 1.8.3\n    command: flask'),
    expect: ['dev', 'test'].map((stack) => ({ rule: 'development-build-target', file: 'docker-compose.yml', line: 54, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Build Configuration: args: POETRY_VERSION: 1.8.3',
    mutate: edit('docker-compose.yml', '        POETRY_VERSION: 1.8.3\n    command: flask', '        POETRY_VERSION: 1.9.0\n    command: flask'),
    expect: ['dev', 'test', 'prod'].map((stack) => ({ rule: 'build-configuration', file: 'docker-compose.yml', line: 56, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Development Volumes: /app/.venv  # Exclude virtual environment',
    mutate: edit('docker-compose.dev.yml', '      - /app/.venv\n', ''),
    expect: { rule: 'dev-api', file: 'docker-compose.dev.yml', line: 6, stack: 'dev' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Hot-reload for rapid iteration (--reload)',
    mutate: edit('docker-compose.dev.yml', ' --reload', ''),
    expect: { rule: 'dev-api', file: 'docker-compose.dev.yml', line: 5, stack: 'dev' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Gunicorn with multiple workers',
    mutate: edit('docker-compose.prod.yml', '--workers 4', '--workers 1'),
    expect: { rule: 'prod-api', file: 'docker-compose.prod.yml', line: 5, stack: 'prod' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'No volume mounts (security); No source code mounts',
    mutate: edit('docker-compose.prod.yml', '    volumes: []  # No development mounts\n', '    volumes:\n      - .:/app\n'),
    expect: [
      { rule: 'prod-api', file: 'docker-compose.prod.yml', line: 6, stack: 'prod' },
      { rule: 'prod-no-bind-mounts', file: 'docker-compose.prod.yml', line: 7, stack: 'prod' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Production healthcheck: curl -f http://localhost:8000/health',
    mutate: edit('docker-compose.prod.yml', 'http://localhost:8000/health', 'http://localhost:8000/'),
    expect: { rule: 'prod-api', file: 'docker-compose.prod.yml', line: 9, stack: 'prod' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Testing Override: postgres tmpfs /var/lib/postgresql/data  # In-memory database',
    mutate: edit('docker-compose.test.yml', '    tmpfs:\n      - /var/lib/postgresql/data  # In-memory database\n', ''),
    expect: { rule: 'test-postgres', file: 'docker-compose.yml', line: 2, stack: 'test' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Testing Override: POSTGRES_DB: ichrisbirch_test',
    mutate: edit('docker-compose.test.yml', 'POSTGRES_DB: ichrisbirch_test', 'POSTGRES_DB: ichrisbirch_dev'),
    expect: { rule: 'test-postgres', file: 'docker-compose.test.yml', line: 6, stack: 'test' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'test-runner: depends_on postgres condition: service_healthy',
    mutate: edit('docker-compose.test.yml', 'condition: service_healthy', 'condition: service_started'),
    expect: [
      { rule: 'depends-on-healthy', file: 'docker-compose.test.yml', line: 26, stack: 'test' },
      { rule: 'test-runner', file: 'docker-compose.test.yml', line: 26, stack: 'test' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'test-runner: build: .',
    mutate: edit('docker-compose.test.yml', '    build: .', '    build: ./tests'),
    expect: { rule: 'test-runner', file: 'docker-compose.test.yml', line: 23, stack: 'test' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Separate databases (development: ichrisbirch_dev)',
    mutate: edit('.dev.env', 'POSTGRES_DB=ichrisbirch_dev', 'POSTGRES_DB=ichrisbirch'),
    expect: { rule: 'dev-database', file: 'docker-compose.yml', line: 5, stack: 'dev' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Separate databases (production: neither the dev nor the test database)',
    mutate: edit('.prod.env', 'POSTGRES_DB=ichrisbirch', 'POSTGRES_DB=ichrisbirch_test'),
    expect: { rule: 'prod-database', file: 'docker-compose.yml', line: 5, stack: 'prod' },
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: API Dev/Prod External 8000',
    mutate: edit('docker-compose.yml', '"8000:8000"', '"8080:8000"'),
    expect: ['dev', 'prod'].map((stack) => ({ rule: 'api-ports', file: 'docker-compose.yml', line: 43, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: App Dev/Prod External 5000',
    mutate: edit('docker-compose.yml', '"5000:5000"', '"5050:5000"'),
    expect: ['dev', 'prod'].map((stack) => ({ rule: 'app-ports', file: 'docker-compose.yml', line: 66, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: PostgreSQL Dev/Prod External 5432',
    mutate: edit('docker-compose.yml', '"5432:5432"', '"5433:5432"'),
    expect: ['dev', 'prod'].map((stack) => ({ rule: 'postgres-ports', file: 'docker-compose.yml', line: 9, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: Redis Dev/Prod External 6379',
    mutate: edit('docker-compose.yml', '"6379:6379"', '"6389:6379"'),
    expect: ['dev', 'prod'].map((stack) => ({ rule: 'redis-ports', file: 'docker-compose.yml', line: 22, stack })),
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: API Test External 8001',
    mutate: edit('docker-compose.test.yml', '"8001:8000"', '"8002:8000"'),
    expect: [
      { rule: 'api-test-ports', file: 'docker-compose.test.yml', line: 15, stack: 'test' },
      { rule: 'api-test-ports', file: 'docker-compose.test.yml', line: 16, stack: 'test' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: App Test External 5001',
    mutate: edit('docker-compose.test.yml', '"5001:5000"', '"5002:5000"'),
    expect: [
      { rule: 'app-test-ports', file: 'docker-compose.test.yml', line: 19, stack: 'test' },
      { rule: 'app-test-ports', file: 'docker-compose.test.yml', line: 20, stack: 'test' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: PostgreSQL Test External 5434',
    mutate: edit('docker-compose.test.yml', '"5434:5432"', '"5435:5432"'),
    expect: [
      { rule: 'postgres-test-ports', file: 'docker-compose.test.yml', line: 7, stack: 'test' },
      { rule: 'postgres-test-ports', file: 'docker-compose.test.yml', line: 8, stack: 'test' },
    ],
  },
  {
    seed: 'ichrisbirch',
    invariant: 'Port table: Redis Test External 6380',
    mutate: edit('docker-compose.test.yml', '"6380:6379"', '"6381:6379"'),
    expect: [
      { rule: 'redis-test-ports', file: 'docker-compose.test.yml', line: 11, stack: 'test' },
      { rule: 'redis-test-ports', file: 'docker-compose.test.yml', line: 12, stack: 'test' },
    ],
  },

  // -------------------------------------------------------------------------------------------- kidney-genetics
  {
    seed: 'kidney-genetics',
    invariant: 'User: non-root (production)',
    mutate: edit('backend/Dockerfile', 'USER kidney-api', 'USER root'),
    expect: [
      { rule: 'non-root-user', file: 'backend/Dockerfile', line: 36, stack: 'prod' },
      { rule: 'backend-image', file: 'backend/Dockerfile', line: 36, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend User: kidney-api',
    mutate: all(edit('backend/Dockerfile', 'kidney-api -m -s /bin/bash kidney-api', 'kidney-api -m -s /bin/bash api'), edit('backend/Dockerfile', 'USER kidney-api', 'USER api')),
    expect: { rule: 'backend-image', file: 'backend/Dockerfile', line: 36, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Frontend User: nginx (non-root)',
    mutate: edit('frontend/Dockerfile', 'USER nginx', 'USER nobody'),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 19, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Healthchecks: Required (production)',
    mutate: all(
      edit('docker-compose.prod.yml', '    healthcheck:\n      test: ["CMD", "wget", "--no-verbose", "--tries=1", "--spider", "http://localhost/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 5s\n', ''),
      edit('frontend/Dockerfile', 'HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --retries=3 \\\n    CMD wget --no-verbose --tries=1 --spider http://localhost/health || exit 1\n', ''),
    ),
    expect: [
      { rule: 'healthcheck-required', file: 'docker-compose.prod.yml', line: 60, stack: 'prod' },
      { rule: 'frontend-service', file: 'docker-compose.prod.yml', line: 60, stack: 'prod' },
      { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 10, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend Health Check: interval: 30s',
    mutate: edit('docker-compose.prod.yml', '      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 40s', '      interval: 60s\n      timeout: 10s\n      retries: 3\n      start_period: 40s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.prod.yml', line: 46, stack: 'prod' },
      { rule: 'backend-service', file: 'docker-compose.prod.yml', line: 46, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend Health Check: timeout: 10s',
    mutate: edit('docker-compose.prod.yml', '      timeout: 10s\n      retries: 3\n      start_period: 40s', '      timeout: 2s\n      retries: 3\n      start_period: 40s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.prod.yml', line: 47, stack: 'prod' },
      { rule: 'backend-service', file: 'docker-compose.prod.yml', line: 47, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Frontend Health Check: start_period: 5s  # nginx starts faster',
    mutate: edit('docker-compose.prod.yml', 'start_period: 5s', 'start_period: 40s'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.prod.yml', line: 83, stack: 'prod' },
      { rule: 'frontend-service', file: 'docker-compose.prod.yml', line: 83, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'PostgreSQL Health Check: retries: 5',
    mutate: edit('docker-compose.prod.yml', 'retries: 5', 'retries: 15'),
    expect: [
      { rule: 'healthcheck-timing', file: 'docker-compose.prod.yml', line: 18, stack: 'prod' },
      { rule: 'postgres-service', file: 'docker-compose.prod.yml', line: 18, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'PostgreSQL Health Check: pg_isready -U kidney_user -d kidney_genetics',
    mutate: edit('docker-compose.prod.yml', '"pg_isready -U kidney_user -d kidney_genetics"', '"pg_isready"'),
    expect: { rule: 'postgres-service', file: 'docker-compose.prod.yml', line: 15, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'frontend: depends_on: backend: condition: service_healthy',
    mutate: edit('docker-compose.prod.yml', '      backend:\n        condition: service_healthy', '      backend:\n        condition: service_started'),
    expect: [
      { rule: 'depends-on-healthy', file: 'docker-compose.prod.yml', line: 74, stack: 'prod' },
      { rule: 'frontend-service', file: 'docker-compose.prod.yml', line: 74, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'backend: depends_on: postgres (Startup sequence: PostgreSQL → Backend → Frontend)',
    mutate: edit('docker-compose.prod.yml', '    depends_on:\n      postgres:\n        condition: service_healthy\n', ''),
    expect: { rule: 'backend-service', file: 'docker-compose.prod.yml', line: 28, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Database: (internal only), no external access',
    mutate: edit('docker-compose.prod.yml', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    ports:\n      - "5433:5432"\n'),
    expect: [
      { rule: 'db-not-published', file: 'docker-compose.prod.yml', line: 11, stack: 'prod' },
      { rule: 'no-published-ports', file: 'docker-compose.prod.yml', line: 10, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'NPM Mode (Production): NO EXPOSED PORTS',
    mutate: edit('docker-compose.prod.yml', '      ENVIRONMENT: production\n', '      ENVIRONMENT: production\n    ports:\n      - "8080:80"\n'),
    expect: { rule: 'no-published-ports', file: 'docker-compose.prod.yml', line: 72, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Isolation: Database has NO exposure to npm_proxy_network',
    mutate: edit('docker-compose.prod.yml', '      - kidney_genetics_internal_net\n    healthcheck:\n      test: ["CMD-SHELL"', '      - kidney_genetics_internal_net\n      - npm_proxy_network\n    healthcheck:\n      test: ["CMD-SHELL"'),
    expect: { rule: 'postgres-service', file: 'docker-compose.prod.yml', line: 14, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Networks: kidney_genetics_internal_net only (PostgreSQL on a declared network)',
    mutate: edit('docker-compose.prod.yml', '    networks:\n      - kidney_genetics_internal_net\n    healthcheck:\n      test: ["CMD-SHELL"', '    healthcheck:\n      test: ["CMD-SHELL"'),
    expect: [
      { rule: 'user-defined-networks', file: 'docker-compose.prod.yml', line: 2, stack: 'prod' },
      { rule: 'postgres-service', file: 'docker-compose.prod.yml', line: 2, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Frontend Networks: npm_proxy_network + kidney_genetics_internal_net',
    mutate: edit('docker-compose.prod.yml', '    networks:\n      - npm_proxy_network\n      - kidney_genetics_internal_net\n    healthcheck:\n      test: ["CMD", "wget"', '    networks:\n      - kidney_genetics_internal_net\n    healthcheck:\n      test: ["CMD", "wget"'),
    expect: { rule: 'proxied-service-networks', file: 'docker-compose.prod.yml', line: 75, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'npm_proxy_network - Type: External bridged network',
    mutate: edit('docker-compose.prod.yml', '  npm_proxy_network:\n    external: true\n', '  npm_proxy_network:\n    driver: bridge\n'),
    expect: { rule: 'networks-and-volume', file: 'docker-compose.prod.yml', line: 94 },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Volume: kidney_genetics_postgres_data (named volume)',
    mutate: edit('docker-compose.prod.yml', '      - kidney_genetics_postgres_data:/var/lib/postgresql/data', '      - ./data:/var/lib/postgresql/data'),
    expect: [
      { rule: 'named-data-volumes', file: 'docker-compose.prod.yml', line: 11, stack: 'prod' },
      { rule: 'postgres-service', file: 'docker-compose.prod.yml', line: 10, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'volumes: kidney_genetics_postgres_data: name: kidney_genetics_postgres_data',
    mutate: edit('docker-compose.prod.yml', '    name: kidney_genetics_postgres_data', '    name: pgdata'),
    expect: { rule: 'networks-and-volume', file: 'docker-compose.prod.yml', line: 101 },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Container names use underscores: kidney_genetics_backend',
    mutate: edit('docker-compose.prod.yml', 'container_name: kidney_genetics_backend', 'container_name: kidney-genetics-backend'),
    expect: { rule: 'container-name-pattern', file: 'docker-compose.prod.yml', line: 34, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'FROM nginx:1.26-alpine AS production',
    mutate: edit('frontend/Dockerfile', 'FROM nginx:1.26-alpine AS production', 'FROM nginx:1.26 AS production'),
    expect: { rule: 'allowed-base-images', file: 'frontend/Dockerfile', line: 10 },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Multi-stage builds: Stage 1: Builder, Stage 2: Production',
    mutate: all(edit('backend/Dockerfile', 'FROM python:3.11-slim AS builder', 'FROM python:3.11-slim AS build'), edit('backend/Dockerfile', 'COPY --from=builder', 'COPY --from=build')),
    expect: { rule: 'builder-and-production-stages', file: 'backend/Dockerfile', line: 2 },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'security_opt: - no-new-privileges:true',
    mutate: edit('docker-compose.prod.yml', '      start_period: 5s\n    security_opt:\n      - no-new-privileges:true\n', '      start_period: 5s\n'),
    expect: { rule: 'no-new-privileges-set', file: 'docker-compose.prod.yml', line: 60, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'cap_drop: - ALL (backend only)',
    mutate: edit('docker-compose.prod.yml', '    cap_drop:\n      - ALL\n', ''),
    expect: { rule: 'backend-drops-all-capabilities', file: 'docker-compose.prod.yml', line: 28, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Log Rotation: driver json-file (a service without logging)',
    mutate: edit('docker-compose.prod.yml', '      start_period: 5s\n    security_opt:\n      - no-new-privileges:true\n    logging:\n      driver: json-file\n      options:\n        max-size: 50m\n        max-file: "5"\n', '      start_period: 5s\n    security_opt:\n      - no-new-privileges:true\n'),
    expect: [
      { rule: 'log-rotation', file: 'docker-compose.prod.yml', line: 60, stack: 'prod' },
      { rule: 'log-options', file: 'docker-compose.prod.yml', line: 60, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Log Rotation: max-size: 50m  # Rotate after 50MB',
    mutate: edit('docker-compose.prod.yml', '      - ALL\n    logging:\n      driver: json-file\n      options:\n        max-size: 50m', '      - ALL\n    logging:\n      driver: json-file\n      options:\n        max-size: 100m'),
    expect: [
      { rule: 'log-rotation', file: 'docker-compose.prod.yml', line: 57, stack: 'prod' },
      { rule: 'log-options', file: 'docker-compose.prod.yml', line: 57, stack: 'prod' },
    ],
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Log Rotation: max-file: "5"  # Keep 5 files',
    mutate: edit('docker-compose.prod.yml', '        max-file: "5"\n\n  backend:', '        max-file: "10"\n\n  backend:'),
    expect: { rule: 'log-options', file: 'docker-compose.prod.yml', line: 26, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend Env: Loaded from .env.production',
    mutate: edit('docker-compose.prod.yml', '    env_file:\n      - .env.production\n', ''),
    expect: { rule: 'backend-service', file: 'docker-compose.prod.yml', line: 28, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend Image: kidney_genetics_backend:latest, target production',
    mutate: edit('docker-compose.prod.yml', 'image: kidney_genetics_backend:latest', 'image: kidney-genetics-backend:1.0.0'),
    expect: { rule: 'backend-service', file: 'docker-compose.prod.yml', line: 33, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Frontend Env: Runtime injection via docker-entrypoint.sh',
    mutate: edit('frontend/Dockerfile', 'ENTRYPOINT ["docker-entrypoint.sh"]\n', ''),
    expect: { rule: 'frontend-image', file: 'frontend/Dockerfile', line: 10, stack: 'prod' },
  },
  {
    seed: 'kidney-genetics',
    invariant: 'Backend Health: HTTP GET /api/health (Dockerfile)',
    mutate: edit('backend/Dockerfile', 'localhost:8000/api/health', 'localhost:8000/health'),
    expect: { rule: 'backend-image', file: 'backend/Dockerfile', line: 40, stack: 'prod' },
  },
];

/** An nginx service for the ichrisbirch prod override, meeting every production invariant but those `omit` drops. */
function nginx(omit: { healthcheck?: false; restart?: false; memory?: false; cpus?: false; reservations?: false }): string {
  return [
    '  nginx:', // line 10 of docker-compose.prod.yml
    '    image: nginx:1.27-alpine',
    ...(omit.restart === false ? [] : ['    restart: always']),
    '    depends_on:',
    '      api:',
    '        condition: service_healthy',
    ...(omit.healthcheck === false
      ? []
      : ['    healthcheck:', '      test: ["CMD", "wget", "-q", "--spider", "http://localhost/"]', '      interval: 30s', '      timeout: 10s', '      start_period: 5s', '      retries: 3']),
    '    deploy:',
    '      resources:',
    '        limits:',
    ...(omit.cpus === false ? [] : ['          cpus: "0.5"']),
    ...(omit.memory === false ? [] : ['          memory: 128M']),
    ...(omit.reservations === false ? [] : ['        reservations:', '          memory: 32M']),
    '',
  ].join('\n');
}

describe('seed policies', () => {
  it('cover every seed', () => {
    expect(new Set(cases.map((c) => c.seed))).toEqual(new Set(SEEDS));
  });

  // Every rule a policy file turns on (in `rules:` or an override) and every custom policy it declares is broken by
  // some mutation below. parse-error, left on everywhere, is not an invariant of the documents.
  it.each(SEEDS)('%s: a mutation for every rule and policy the config turns on', (seed) => {
    type Entry = string | [string, unknown?];
    const config = parse(readFileSync(path.join(FIXTURES, 'policies', `${seed}.yaml`), 'utf8')) as {
      rules?: Record<string, Entry>;
      overrides?: { rules: Record<string, Entry> }[];
      policies?: { id: string }[];
    };
    const on = (entries: Record<string, Entry> = {}) => Object.entries(entries).filter(([, e]) => [e].flat()[0] !== 'off').map(([id]) => id);
    const encoded = new Set([...on(config.rules), ...(config.overrides ?? []).flatMap((o) => on(o.rules)), ...(config.policies ?? []).map((p) => p.id)]);
    encoded.delete('parse-error');
    const broken = new Set(cases.filter((c) => c.seed === seed).flatMap((c) => [c.expect].flat().map((f) => f.rule)));
    expect([...encoded].filter((id) => !broken.has(id)).sort()).toEqual([]);
  });

  describe('(1) on each seed as rebuilt', () => {
    it.each(SEEDS)('%s', async (seed) => {
      expect(await baseline(seed)).toEqual(shipped[seed].map(key).sort());
    });
  });

  describe('(2) a mutation that breaks each invariant', () => {
    it.each(cases)('$seed: $invariant', async ({ seed, mutate, expect: want }) => {
      const before = await baseline(seed);
      const dir = copy(seed);
      mutate(dir);
      const after = await check(seed, dir);
      const expected = [want].flat();
      // The expected findings are new: not ones the seed already had at that place.
      for (const f of expected) {
        expect(after, 'after the mutation').toContain(key(f));
        expect(before, 'already on the seed').not.toContain(key(f));
      }
      // Nothing else broke: counted by file, rule and stack (a mutation that adds or removes lines moves the seed's
      // own findings), every finding the mutation added is of an expected rule. An `if`/`then` schema also reports
      // its summary ("must match \"then\" schema") at the target, which is of the same rule.
      const rules = new Set(expected.map((f) => f.rule));
      const place = (k: string) => k.replace(/:\d+ /, ' ');
      const left = before.map(place);
      const added = after.map(place).filter((k) => {
        const i = left.indexOf(k);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
      });
      expect(added.filter((k) => !rules.has(k.split(' ')[1]!))).toEqual([]);
    });
  });
});
