// --cache: a warm run reuses the units (stacks, standalone Dockerfiles) whose files did not change and gives exactly
// the findings of a run without the cache, whatever changed in between: the oracle of every case is a fresh run.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeTree } from './cli-helper.js';

let tmp: string;
beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-cache-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const stack = {
  'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: shop/api:${TAG:-1.0}\n    healthcheck:\n      test: ["CMD", "true"]\n',
  'compose.override.yaml': 'services:\n  api:\n    environment:\n      MODE: dev\n',
  'api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nHEALTHCHECK CMD true\n',
  'api/.dockerignore': 'node_modules\n',
  'api/server.js': 'console.log(1)\n',
  'other/Dockerfile': 'FROM alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\n',
};

/** Runs with and without the cache; returns the cached run's units line and asserts both report the same. */
async function check(dir: string): Promise<{ reused: number; ran: number; findings: string[] }> {
  const cached = await runCli(['check', '--cache', '--format', 'json'], dir, { DOCKPOLICY_TIMING: '1' });
  const fresh = await runCli(['check', '--format', 'json'], dir);
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.code).toBe(fresh.code);
  const [, reused, ran] = /units: (\d+) from the cache, (\d+) checked/.exec(cached.stderr) ?? [];
  const findings = JSON.parse(fresh.stdout).findings.map((f: any) => `${f.file}:${f.line} ${f.ruleId}`);
  return { reused: Number(reused), ran: Number(ran), findings };
}

const write = (dir: string, file: string, text: string) => writeFileSync(path.join(dir, file), text);

describe('--cache', () => {
  it('reuses every unit of an unchanged tree, and a touched file whose content is the same', async () => {
    const dir = writeTree(tmp, stack);
    expect(await check(dir)).toMatchObject({ reused: 0, ran: 2 });
    expect(await check(dir)).toMatchObject({ reused: 2, ran: 0 });
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'api/Dockerfile'), later, later);
    expect(await check(dir)).toMatchObject({ reused: 2, ran: 0 });
  });

  it.each([
    ['a Dockerfile a service builds', 'api/Dockerfile', 'FROM node:latest\nWORKDIR /app\nCOPY . .\nUSER node\nHEALTHCHECK CMD true\n', 'api/Dockerfile:1 no-latest-tag'],
    ['an override file', 'compose.override.yaml', 'services:\n  api:\n    privileged: true\n', 'compose.override.yaml:3 no-privileged'],
    ['the env file the stack interpolates with', '.env', 'TAG=latest\n', 'compose.yaml:4 compose-image-tag'],
    ['a file added to the build context', 'api/id_rsa', 'not really a key\n', 'api/Dockerfile:3 no-secrets-in-layers'],
  ])('re-checks the stack when %s changes, and only it', async (_, file, text, appears) => {
    const dir = writeTree(tmp, stack);
    const before = await check(dir);
    expect(before.findings).not.toContain(appears);
    write(dir, file, text);
    const after = await check(dir);
    expect(after).toMatchObject({ reused: 1, ran: 1 }); // the standalone Dockerfile is reused
    expect(after.findings).toContain(appears);
  });

  it('re-checks when .dockerignore changes what the context sends', async () => {
    const dir = writeTree(tmp, { ...stack, 'api/id_rsa': 'x\n' });
    expect((await check(dir)).findings).toContain('api/Dockerfile:3 no-secrets-in-layers');
    write(dir, 'api/.dockerignore', 'node_modules\nid_rsa\n');
    const after = await check(dir);
    expect(after).toMatchObject({ reused: 1, ran: 1 });
    expect(after.findings).not.toContain('api/Dockerfile:3 no-secrets-in-layers');
  });

  // A run answers these probes from the directory listings it made (util/reads.ts, `listedEntry`): what they found
  // missing is still noted, and its appearing re-checks the stack.
  it.each([
    ["a context's .dockerignore", 'api/.dockerignore', 'id_rsa\n'],
    ['a <Dockerfile>.dockerignore beside the Dockerfile', 'api/Dockerfile.dockerignore', 'id_rsa\n'],
    ["a bind mount's package.json, in a directory that was not there", 'web/package.json', '{}\n'],
  ])('re-checks when a file that was not there appears: %s', async (_, file, text) => {
    const tree: Record<string, string> = { ...stack, 'api/id_rsa': 'x\n', 'compose.override.yaml': 'services:\n  api:\n    volumes:\n      - ./web:/app\n' };
    delete tree['api/.dockerignore'];
    const dir = writeTree(tmp, tree);
    const before = await check(dir);
    expect(before.findings).toContain('api/Dockerfile:3 no-secrets-in-layers');
    expect(before.findings).not.toContain('compose.override.yaml:4 node-modules-volume');
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    write(dir, file, text);
    const after = await check(dir);
    expect(after).toMatchObject({ reused: 1, ran: 1 });
    expect(after.findings.includes('api/Dockerfile:3 no-secrets-in-layers')).toBe(!file.endsWith('.dockerignore'));
    expect(after.findings.includes('compose.override.yaml:4 node-modules-volume')).toBe(file.endsWith('package.json'));
  });

  it('re-checks when a copied key file changes from a certificate to a private key', async () => {
    const dir = writeTree(tmp, { ...stack, 'other/Dockerfile': 'FROM alpine:3.20\nCOPY tls.pem /etc/tls.pem\nUSER 1000\nHEALTHCHECK CMD true\n', 'other/tls.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
    expect((await check(dir)).findings).not.toContain('other/Dockerfile:2 no-secrets-in-layers');
    write(dir, 'other/tls.pem', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
    const after = await check(dir);
    expect(after).toMatchObject({ reused: 1, ran: 1 });
    expect(after.findings).toContain('other/Dockerfile:2 no-secrets-in-layers');
  });

  it('re-checks a wildcard COPY when the files it matches change below the context', async () => {
    // no-secrets-in-layers off: it lists the whole context, which would hide a listing copy-ignored-file did not note.
    const dir = writeTree(tmp, {
      ...stack,
      '.dockpolicy.yaml': 'rules:\n  no-secrets-in-layers: off\n',
      'other/Dockerfile': 'FROM alpine:3.20\nCOPY conf/*/app.yaml /etc/\nUSER 1000\nHEALTHCHECK CMD true\n',
      'other/.dockerignore': 'conf/dev\n',
      'other/conf/dev/app.yaml': 'a: 1\n',
      'other/conf/prod/app.yaml': 'a: 2\n',
    });
    expect((await check(dir)).findings).not.toContain('other/Dockerfile:2 copy-ignored-file');
    unlinkSync(path.join(dir, 'other/conf/prod/app.yaml'));
    const after = await check(dir);
    expect(after).toMatchObject({ reused: 1, ran: 1 });
    expect(after.findings).toContain('other/Dockerfile:2 copy-ignored-file');
  });

  it('a Dockerfile checked on its own is checked as built once a stack builds it, and on its own again after', async () => {
    const dir = writeTree(tmp, stack);
    await check(dir);
    write(dir, 'compose.override.yaml', 'services:\n  worker:\n    build: ./other\n    user: root\n');
    const built = await check(dir);
    expect(built.findings).toContain('compose.override.yaml:4 non-root-user');
    write(dir, 'compose.override.yaml', stack['compose.override.yaml']);
    await check(dir);
    unlinkSync(path.join(dir, 'compose.override.yaml'));
    await check(dir);
  });

  it('starts afresh when the configuration changes, and survives a corrupt cache file', async () => {
    const dir = writeTree(tmp, stack);
    await check(dir);
    write(dir, '.dockpolicy.yaml', 'rules:\n  healthcheck-required: off\n');
    expect(await check(dir)).toMatchObject({ reused: 0, ran: 2 });
    write(dir, '.dockpolicy-cache', '{ not json');
    expect(await check(dir)).toMatchObject({ reused: 0, ran: 2 });
    expect(await check(dir)).toMatchObject({ reused: 2, ran: 0 });
  });

  it('an included file is judged with the file that includes it, whichever changes', async () => {
    const dir = writeTree(tmp, {
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n',
      'db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      '.dockpolicy.yaml': 'rules:\n  project-name: warning\n',
    });
    await check(dir);
    write(dir, 'db/compose.yaml', 'services:\n  db:\n    image: postgres:17\n');
    await check(dir);
    write(dir, 'compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
    expect((await check(dir)).findings).toContain('db/compose.yaml:1 project-name');
  });
});
