// Secrets never leave: distinctive secrets planted in every place a rule looks (compose environment in both forms,
// `${VAR:-default}` defaults, env_file files, the project .env, build args, labels, healthchecks, commands, Dockerfile
// ARG/ENV/LABEL/RUN, heredocs, URLs with passwords, private keys) and in malformed files whose parse errors might
// echo the line. No output of any format, no message on stderr (also with DOCKPOLICY_TIMING and DOCKPOLICY_DEBUG),
// no written file (--output, the baseline) may contain one.
//
// The check: a secret leaks when an output holds it whole, or any 8 consecutive characters of it after its first
// four. Messages may show the first four characters (maskSecret: `ghp_… (40 chars)`), so those are allowed; every
// planted secret is high-entropy, so any 8 characters of the rest occur nowhere else by chance, and a secret cut
// short (`ghp_Q7x9Wm2L…`), split across a line break or shown in part leaks at least one such window.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../src/report/index.js';
import { runCli, writeTree } from './cli-helper.js';

/** Each secret by where it is planted. All distinct, high-entropy, at least 16 characters. */
const S = {
  pgPassword: 'Pq9zR7vT4mW2xYk8',
  composeDefault: 'Df1tK8x2Qm5Zr9Lw',
  githubToken: 'ghp_Q7x9Wm2LpZ4kT8vR3nB6yH1cJ5dF0sGaE2uK',
  urlPassword: 'UrlPw5Zq8Xm3Kt7H',
  dotEnv: 'DotEnvPw3Zx7Qm9J',
  envFile: 'EnvF1leS3cretXq7Z9w',
  pemBody: 'MIIEowIBAAKCAQEA7qZ3xk9Lw2Vb5Tn8Rj4Hc6Ye1Ud0Sf3Ag7Km2Pq9Xz5Wv8Nb4',
  healthcheck: 'HcPw4Zq8Xm2Lt6Rb',
  command: 'CmdPw7Zq3Xm9Vt2K',
  label: 'LblKey3Zq8Xm1Wt5',
  buildArg: 'BldArg6Tk9Zq2Xm4',
  awsKeyId: 'AKIAZ7Q4X9W2M5N8P3RT',
  awsSecret: 'wJa1rXUtnFEMI/K7MDENG/bPxRfiCYzQ7x9Wm2Lp',
  dockerArg: 'DfArg4PwZx8Qm2Rt6',
  dockerEnv: 'DfEnv7TokQx9Wz3Lm5',
  dockerLabel: 'DfLbl2Zq9Xm4Wt7Hy',
  curlPassword: 'CurlPw9Xq2Zm7Lt4',
  chpasswd: 'ChPw8Zq3Xm5Lt1Rv',
  cloneToken: 'ghp_W8e2Rt5Yu7Io9Pa1Sd3Fg6Hj4Kl0Zx2Cv5Bn',
  npmToken: 'npm_Tq7Wz2Xm9Lk4Rv8Nb3Hy6Jc1Df5Gs0Pa2Ue',
  trustDefault: 'TrDf5Zq2Xm8Lt4Wb',
  // In malformed files: the parse error is at the secret.
  unterminated: 'BadYaml9Zq2Xm5Lt7',
  flowKey: 'BadKey4Zq7Xm1Lt8W',
  tabbed: 'TabSec6Zq3Xm9Lt2R',
  instruction: 'ghp_Z1x2C3v4B5n6M7a8S9d0F1g2H3j4K5l6Q7w8',
  schemaList: 'SchLst8Zq5Xm2Lt9K',
  badPort: 'PortSe3Zq7Xm4Lt1W',
  stdin: 'StdIn5Zq9Xm3Lt7Rb',
  duplicateValue: 'DupVal2Zq6Xm8Lt3K',
  overrideFile: 'OvrFl7Zq1Xm5Lt9Wb',
  // Unknown keys (see the last test).
  collectionKey: 'CkQ7vN3pW9xL2mZa',
  tokenKey: 'ghp_Mn4Bv6Cx8Zl1Kj3Hg5Fd7Sa9Qw2Er4Ty6Ui8',
} as const;

const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${S.pemBody}\n-----END RSA PRIVATE KEY-----`;

const TREE: Record<string, string> = {
  'compose.yaml': [
    'services:',
    '  db:',
    '    image: postgres:16.4',
    '    environment:',
    `      POSTGRES_PASSWORD: "${S.pgPassword}"`,
    `      POSTGRES_HOST_AUTH_METHOD: \${AUTH_METHOD:-trust}`,
    `      DB_PASS: \${DB_PASS:-${S.composeDefault}}`,
    `      GITHUB_TOKEN: ${S.githubToken}`,
    `      DATABASE_URL: postgres://app:${S.urlPassword}@db:5432/app`,
    '      FROM_DOTENV: ${DOTENV_SECRET}',
    `      TRUST_FALLBACK: \${UNSET_VAR:-${S.trustDefault}}`,
    '    env_file: [secrets.env]',
    '    healthcheck:',
    `      test: ["CMD", "curl", "-fsu", "hc:${S.healthcheck}", "http://localhost"]`,
    `    command: ["postgres", "--password=${S.command}"]`,
    '    labels:',
    `      api_key: ${S.label}`,
    '  api:',
    '    build:',
    '      context: ./api',
    '      args:',
    `        NPM_TOKEN: ${S.buildArg}`,
    `        AWS_ACCESS_KEY_ID: ${S.awsKeyId}`,
    '    environment:',
    `      - AWS_SECRET_ACCESS_KEY=${S.awsSecret}`,
    `      - SECRET_KEY_BASE=\${SECRET_KEY_BASE:-${S.composeDefault}}`,
    '',
  ].join('\n'),
  'compose.override.yaml': `services:\n  api:\n    environment:\n      - ADMIN_PASSWORD=${S.overrideFile}\n`,
  '.env': `DOTENV_SECRET=${S.dotEnv}\nAUTH_METHOD=trust\n`,
  'secrets.env': `SESSION_SECRET=${S.envFile}\nPRIVATE_KEY="${PEM}"\n`,
  'api/Dockerfile': [
    'FROM node:20.15.1',
    `ARG DB_PASSWORD=${S.dockerArg}`,
    `ENV API_TOKEN=${S.dockerEnv}`,
    `ENV AWS_ACCESS_KEY_ID=${S.awsKeyId}`,
    `LABEL secret.key=${S.dockerLabel}`,
    `RUN curl -u deploy:${S.curlPassword} https://example.com/artifact.tgz`,
    `RUN echo "root:${S.chpasswd}" | chpasswd`,
    `RUN git clone https://${S.cloneToken}@github.com/acme/private.git`,
    'COPY <<EOF /root/.npmrc',
    `//registry.npmjs.org/:_authToken=${S.npmToken}`,
    'EOF',
    'COPY id_rsa /root/.ssh/id_rsa',
    'USER 1000',
    '',
  ].join('\n'),
  'api/id_rsa': `${PEM}\n`,
  // Malformed files: each parse error sits on the secret's line.
  'bad-quote/compose.yaml': `services:\n  x:\n    image: alpine:3.20\n    environment:\n      TOKEN: "${S.unterminated}\n`,
  'bad-flow/compose.yaml': `services:\n  x:\n    image: alpine:3.20\n    ${S.flowKey}: [a, b\n`,
  'bad-tab/compose.yaml': `services:\n  x:\n\timage: alpine:3.20\n\tenvironment: { PASSWORD: ${S.tabbed} }\n`,
  'bad-dockerfile/Dockerfile': `FROM alpine:3.20\n${S.instruction}\nRUN true\n`,
  'bad-schema/compose.yaml': `services:\n  x:\n    image: alpine:3.20\n    environment:\n      PASSWORD: [${S.schemaList}]\n    ports: ["${S.badPort}"]\n`,
  'bad-duplicate/compose.yaml': `services:\n  x:\n    image: alpine:3.20\n    environment:\n      PASSWORD: ${S.duplicateValue}\n      PASSWORD: ${S.duplicateValue}\n`,
};

let tmp: string;
let dir: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-secrets-'));
  dir = writeTree(tmp, TREE);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every leak of every secret in `text`: `name: what leaked`. */
function leaks(text: string, where: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(S)) {
    if (text.includes(secret)) {
      found.push(`${where}: ${name} in full`);
      continue;
    }
    const rest = secret.slice(4);
    for (let i = 0; i + 8 <= rest.length; i++) {
      if (text.includes(rest.slice(i, i + 8))) {
        found.push(`${where}: ${name} in part ("${rest.slice(i, i + 8)}")`);
        break;
      }
    }
  }
  return found;
}

const ENVS: [string, NodeJS.ProcessEnv][] = [
  ['plain', {}],
  ['DOCKPOLICY_TIMING=50 DOCKPOLICY_DEBUG=1', { DOCKPOLICY_TIMING: '50', DOCKPOLICY_DEBUG: '1' }],
];

describe('secrets never leave', () => {
  it('the planted secrets are there, and rules find them (else this test proves nothing)', () => {
    for (const [name, secret] of Object.entries(S)) if (!['stdin', 'collectionKey', 'tokenKey'].includes(name)) expect(Object.values(TREE).some((t) => t.includes(secret)), name).toBe(true);
  });

  it.each(ENVS)('no format prints one, on stdout or stderr or in --output files (%s)', async (_name, env) => {
    const out = path.join(tmp, `out-${Object.keys(env).length}`);
    mkdirSync(out);
    const args = FORMATS.flatMap((format) => ['--format', format, '--output', path.join(out, `report.${format}`)]);
    // Process warnings go to the real stderr, past the CLI's: collected here.
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', listener);
    const r = await runCli(['check', '.', '--format', 'text', ...args], dir, env).finally(() => setImmediate(() => process.off('warning', listener)));
    await new Promise((resolve) => setImmediate(resolve));
    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { findings: { ruleId: string; file: string; line: number }[] };
    const found = new Set(json.findings.map((f) => f.ruleId));
    // The rules that look for secrets did look, and the malformed files were reported.
    for (const id of ['no-secrets-in-environment', 'no-secrets-in-env-files', 'no-secrets-in-layers', 'secret-names-in-arg-env', 'no-chpasswd', 'no-trust-auth', 'parse-error', 'compose-schema']) {
      expect(found.has(id), `${id} reported nothing`).toBe(true);
    }
    const parseErrors = json.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file.split('/')[0]);
    expect(new Set(parseErrors)).toEqual(new Set(['bad-quote', 'bad-flow', 'bad-tab', 'bad-dockerfile', 'bad-duplicate']));
    if (env.DOCKPOLICY_TIMING) expect(r.stderr).toContain('rule time (ms)');
    const problems = [...leaks(r.stdout, 'stdout'), ...leaks(r.stderr, 'stderr'), ...leaks(warnings.join('\n'), 'process warnings')];
    for (const file of readdirSync(out)) problems.push(...leaks(readFileSync(path.join(out, file), 'utf8'), file));
    expect(problems).toEqual([]);
  });

  it('the baseline file records no secret', async () => {
    const file = path.join(tmp, 'baseline.json');
    const r = await runCli(['baseline', '.', '--baseline', file], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text).entries.length).toBeGreaterThan(20);
    expect([...leaks(text, 'baseline'), ...leaks(r.stdout + r.stderr, 'output')]).toEqual([]);
  });

  it('nor a file read from stdin, in any format', async () => {
    const text = `services:\n  x:\n    image: alpine:3.20\n    environment:\n      MYSQL_ROOT_PASSWORD: ${S.stdin}\n      BROKEN: "${S.stdin}\n`;
    const valid = text.split('\n').slice(0, 5).join('\n') + '\n';
    const problems: string[] = [];
    for (const input of [valid, text]) {
      for (const format of FORMATS) {
        const r = await runCli(['check', '-', '--stdin-filename', 'compose.yaml', '--format', format], dir, {}, input);
        expect(r.stdout.length).toBeGreaterThan(0);
        problems.push(...leaks(r.stdout + r.stderr, `stdin ${format}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('nor the built CLI with DOCKPOLICY_DEBUG=1 (stack traces included)', async ({ skip }) => {
    const root = path.resolve(import.meta.dirname, '..');
    const bin = path.join(root, 'bin/dockpolicy.js');
    const bundle = path.join(root, 'dist/bundle/dockpolicy.js');
    if (!existsSync(bundle)) skip('dist/bundle is missing: run `npm run build`');
    // The bundle is what bin/ runs: built before the sources last changed, it would test old code.
    const sources = ['src', 'rules'].flatMap((d) => readdirSync(path.join(root, d), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(root, d, f)));
    const newest = sources.reduce((a, f) => (statSync(f).mtimeMs > a.mtimeMs ? { file: f, mtimeMs: statSync(f).mtimeMs } : a), { file: '', mtimeMs: 0 });
    if (newest.mtimeMs > statSync(bundle).mtimeMs) skip(`dist/bundle is older than ${path.relative(root, newest.file)}: run \`npm run build\` to test the built CLI`);
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir, env: { PATH: process.env.PATH, DOCKPOLICY_DEBUG: '1', DOCKPOLICY_TIMING: '50' } }).catch(
        (e: { stdout: string; stderr: string }) => e,
      );
    const problems: string[] = [];
    for (const format of FORMATS) {
      const { stdout, stderr } = await run(['check', '.', '--format', format]);
      expect(stdout.length).toBeGreaterThan(0);
      problems.push(...leaks(stdout + stderr, `bin ${format}`));
    }
    expect(problems).toEqual([]);
  });

  // compose-schema quotes unknown keys; a token pasted where a key goes, or a mapping used as a key, is masked.
  it('nor an unknown key that is (or holds) a secret', async () => {
    const dir = writeTree(tmp, {
      'keys/compose.yaml': `? { PASSWORD: ${S.collectionKey} }\n: x\nservices:\n  x:\n    image: alpine:3.20\n    ${S.tokenKey}: true\n`,
    });
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    const r = await runCli(['check', '.', '--format', 'json'], dir).finally(() => setImmediate(() => process.off('warning', listener)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(r.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'compose-schema')).toBe(true);
    expect([...leaks(r.stdout + r.stderr, 'output'), ...leaks(warnings.join('\n'), 'process warnings')]).toEqual([]);
  });
});

