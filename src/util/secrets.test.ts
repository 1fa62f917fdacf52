import { describe, expect, it } from 'vitest';
import { findCredentials, isPlaceholderValue, isPublicKeyMaterial, isSecretFile, isSecretName, maskSecret } from './secrets.js';

// Fake tokens are assembled at runtime so secret scanners (and GitHub push protection) never see a
// literal token-shaped string in this file.
const ALNUM = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ';
const body = (n: number, alphabet = ALNUM) => Array.from({ length: n }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('');
const UPPER_ALNUM = 'QWERTYUIOP0123456789ASDFGHJKLZXCVBNM';

const GH = 'ghp' + '_' + body(36);
const GHS = 'ghs' + '_' + body(36);
const GH_PAT = 'github' + '_pat_' + body(22) + '_' + body(59);
const GLPAT = 'glpat' + '-' + body(20);
const SLACK = 'xoxb' + '-' + '1234567890-0987654321-' + body(24);
const SLACK_HOOK = 'https://hooks.slack.com' + '/services/T0ABCDEF1/B0ABCDEF2/' + body(24);
const NPM = 'npm' + '_' + body(36);
const OPENAI = 'sk' + '-' + body(48);
const OPENAI_PROJ = 'sk' + '-proj-' + body(120) + '-_' + body(20);
const ANTHROPIC = 'sk' + '-ant-api03-' + body(90);
const STRIPE = 'sk' + '_live_' + body(24);
const STRIPE_RK = 'rk' + '_live_' + body(30);
const STRIPE_TEST = 'sk' + '_test_' + body(26);
const AKIA = 'AKIA' + body(16, UPPER_ALNUM);
const ASIA = 'ASIA' + body(16, UPPER_ALNUM);
const AWS_SECRET = body(20) + '/' + body(10) + '+' + body(8);
const PEM = ['-----BEGIN RSA ' + 'PRIVATE KEY-----', body(64), body(40), '-----END RSA ' + 'PRIVATE KEY-----'].join('\n');

describe('isSecretName', () => {
  it.each([
    'API_KEY', 'DB_PASSWORD', 'GITHUB_TOKEN', 'BETTER_AUTH_SECRET', 'JWT_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY',
    'secret_MESSAGE', 'AUTH', 'apikey', 'credentials', 'GOOGLE_APPLICATION_CREDENTIAL', 'DB_PASSWD', 'ADMIN_PWORD',
    'NPM_AUTH_TOKEN',
    // BuildKit parity: any `_`-part counts, not only first/last, and there is no URL/ID allow token.
    'TOKEN_URL', 'AUTH_URL',
    // Our superset: camelCase, `-`, `.` separators.
    'awsSecretAccessKey', 'APIKey', 'api-key', 'db.password', 'clientSecret',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    // allow tokens (public, file, version) win over deny tokens
    'PUBLIC_KEY', 'NEXT_PUBLIC_API_KEY', 'PASSWORD_FILE', 'POSTGRES_PASSWORD_FILE', 'KEY_VERSION', 'publicKey',
    'passwordFile',
    // deny token only as a substring of a part
    'MONKEY', 'KEYBOARD_LAYOUT', 'KEYCLOAK_URL', 'AUTHOR', 'OAUTH_CLIENT_ID', 'TOKENIZER_PATH', 'V2KEY',
    // BuildKit has no plural/abbreviated tokens
    'API_KEYS', 'SECRETS', 'DB_PASS',
    'POSTGRES_USER', 'NODE_ENV', '',
    // public key fingerprints for verifying downloads (official images)
    'GPG_KEY', 'RABBITMQ_PGP_KEY_ID', 'OPENSSL_PGP_KEY_IDS', 'WORDPRESS_CLI_GPG_KEY',
  ])('%s is not secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('findCredentials', () => {
  it.each([
    ['AWS access key id', `ENV AWS_ACCESS_KEY_ID=${AKIA}`, AKIA],
    ['AWS access key id', `aws_access_key_id = ${ASIA}\n`, ASIA],
    ['AWS secret access key', `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET],
    ['AWS secret access key', `ENV AWS_SECRET_ACCESS_KEY ${AWS_SECRET}`, AWS_SECRET],
    ['AWS secret access key', `  AWS_SECRET_ACCESS_KEY: "${AWS_SECRET}"`, AWS_SECRET],
    ['GitHub token', `RUN git clone https://${GH}@github.com/o/r.git`, GH],
    ['GitHub token', `GITHUB_TOKEN=${GHS}`, GHS],
    ['GitHub token', `token: ${GH_PAT}`, GH_PAT],
    ['GitLab token', `CI_TOKEN=${GLPAT}`, GLPAT],
    ['Slack token', `SLACK_BOT_TOKEN=${SLACK}`, SLACK],
    ['Slack webhook URL', `curl -X POST ${SLACK_HOOK} -d @msg.json`, SLACK_HOOK],
    ['npm token', `RUN echo "//registry.npmjs.org/:_authToken=${NPM}" > .npmrc`, NPM],
    ['OpenAI API key', `OPENAI_API_KEY=${OPENAI}`, OPENAI],
    ['OpenAI API key', `OPENAI_API_KEY="${OPENAI_PROJ}"`, OPENAI_PROJ],
    ['Anthropic API key', `ANTHROPIC_API_KEY=${ANTHROPIC}`, ANTHROPIC],
    ['Stripe key', `STRIPE_SECRET_KEY=${STRIPE}`, STRIPE],
    ['Stripe key', `STRIPE_KEY=${STRIPE_RK}`, STRIPE_RK],
    ['Stripe key', `STRIPE_KEY=${STRIPE_TEST}`, STRIPE_TEST],
    ['private key', `COPY <<EOF /root/.ssh/id_rsa\n${PEM}\nEOF`, PEM],
    ['private key', '-----BEGIN OPENSSH ' + 'PRIVATE KEY-----\nb3BlbnNzaC1rZXk (truncated)', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['private key', 'x -----BEGIN PGP ' + 'PRIVATE KEY BLOCK----- y', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
    ['private key', '-----BEGIN ' + 'PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----'],
    ['password in URL', 'DATABASE_URL=postgresql+asyncpg://emotionviz:devpassword@db:5432/x', 'devpassword'],
    ['password in URL', 'postgres://user:pass@host/db', 'pass'],
    ['password in URL', 'https://u:p@x', 'p'],
    ['password in URL', 'REDIS_URL=redis://:s3cr3t:pw@redis:6379/0', 's3cr3t:pw'],
    // The scan starts just before the first `://`: a later URL, and a scheme of 31 characters, are still found.
    ['password in URL', 'RUN curl -fsSL https://example.com/a.sh | sh && git clone https://bot:hunter22@git.example.com/r.git', 'hunter22'],
    ['password in URL', `X=${'a'.repeat(31)}://u:pw123456@h`, 'pw123456'],
  ])('%s in %j', (kind, text, value) => {
    const found = findCredentials(text);
    expect(found).toHaveLength(1);
    const [m] = found;
    expect(m).toMatchObject({ kind, value });
    expect(text.slice(m!.index, m!.index + m!.length)).toBe(value);
  });

  it.each([
    ['ssh-keygen', 'RUN ssh-keygen -t ed25519 -f /root/.ssh/id_ed25519 -N ""'],
    ['sha256 digest', 'FROM node:20@sha256:4b3d1f0c9a2e8f7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170695'],
    ['sk- inside a word', 'RUN npm run task-runner-with-a-really-long-hyphenated-name-42'],
    ['sk- hyphenated name', 'sk-some-package-name-that-is-long-enough'],
    ['localhost URL', 'HEALTHCHECK CMD curl -f http://localhost:8000/health'],
    ['host:port URL', 'API=https://api.example.com:8443/v1?x=a:b@c'],
    ['${VAR} password', 'postgresql+asyncpg://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db:5432/x'],
    ['${VAR:-default} user and password', 'postgres://${PGUSER:-postgres}:${PGPASSWORD:-postgres}@db/x'],
    ['$VAR password', 'mysql://root:$MYSQL_ROOT_PASSWORD@db/app'],
    ['partly interpolated password', 'amqp://guest:${RABBIT_PW}x${Y}@mq'],
    ['empty password', 'redis://user:@redis:6379'],
    ['doc template', 'https://<user>:<password>@registry.example.com'],
    ['placeholder password', 'postgres://user:changeme@db/x'],
    ['ssh user, no password', 'ssh://git@github.com/org/repo.git'],
    ['scp-style git', 'git@github.com:org/repo.git'],
    ['email address', 'MAINTAINER ops@example.com'],
    ['public key', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----'],
    ['certificate', '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----'],
    ['npm config env', 'ENV npm_config_cache=/tmp/.npm'],
    ['short AKIA', 'AKIA1234'],
    ['too-short GitHub token', 'ghp' + '_' + body(35)],
    ['AWS secret from variable', 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}'],
    ['variable names only', 'ARG GITHUB_TOKEN\nARG OPENAI_API_KEY'],
    ['scheme longer than 31 characters', `X=${'a'.repeat(32)}://u:pw123456@h`],
    ['@ only before the ://', 'user:pw123456@host then https://example.com'],
  ])('nothing in %s', (_label, text) => {
    expect(findCredentials(text)).toEqual([]);
  });

  it('reports a token used as a URL password once, as the token', () => {
    const text = `https://x-access-token:${GH}@github.com/o/r.git`;
    expect(findCredentials(text)).toEqual([{ kind: 'GitHub token', index: text.indexOf(GH), length: GH.length, value: GH }]);
  });

  it('finds several credentials in order with correct offsets', () => {
    const text = `A=${AKIA}\nB=${NPM}\n${PEM}\nC=https://u:pw123456@h`;
    const found = findCredentials(text);
    expect(found.map((m) => m.kind)).toEqual(['AWS access key id', 'npm token', 'private key', 'password in URL']);
    for (const m of found) expect(text.slice(m.index, m.index + m.length)).toBe(m.value);
  });

  it('does not swallow content between two keys into one block', () => {
    const begin = '-----BEGIN EC ' + 'PRIVATE KEY-----';
    const text = `${begin}\ntruncated\n${PEM}`;
    const found = findCredentials(text);
    expect(found.map((m) => m.value)).toEqual([begin, PEM]);
  });

  const MB = 1 << 20;
  const fill = (s: string) => s.repeat(Math.ceil(MB / s.length)).slice(0, MB);
  it.each([
    ['letters', fill('a')],
    ['upper alnum', fill('AKIA0')],
    ['sk- runs', fill('sk-')],
    ['ghp_ runs', fill('ghp_')],
    ['dashes', fill('-')],
    ['PEM headers', fill('-----BEGIN RSA PRIVATE KEY-----\n')],
    ['scheme runs', fill('a://')],
    ['user:pass without @', fill('a://u:p')],
    ['interpolations', fill('${')],
    ['colons', fill('x:')],
    ['base64-ish', fill(body(997, ALNUM + '+/=_-'))],
    ['aws assignment', fill('aws_secret_access_key=')],
  ])('scans a 1 MB line of %s without catastrophic backtracking', (_label, text) => {
    // How fast is measured in bench/secrets.mjs; here a hang or a stack overflow would fail the test.
    expect(() => findCredentials(text)).not.toThrow();
  });

  it('still finds a credential at the end of a 1 MB line', () => {
    const text = fill('a') + ' ' + GH;
    expect(findCredentials(text)).toEqual([{ kind: 'GitHub token', index: MB + 1, length: GH.length, value: GH }]);
  });
});

describe('isPublicKeyMaterial', () => {
  it.each([
    ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', true],
    ['-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n', true],
    ['-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n-----BEGIN RSA PRIVATE KEY-----\nx\n', false],
    ['-----BEGIN PRIVATE KEY-----\nx\n', false],
    ['plain text', false],
  ])('%j -> %s', (text, expected) => {
    expect(isPublicKeyMaterial(text)).toBe(expected);
  });
});

describe('isSecretFile', () => {
  it.each([
    '.env', 'app/.env', '.env.local', '.env.production', 'config/.ENV', 'server.pem', 'tls/server.key', 'cert.p12',
    'cert.pfx', 'id_rsa', 'id_dsa', 'id_ecdsa', '/root/.ssh/id_ed25519', 'id_rsa.bak', 'id_ed25519_github', '.npmrc',
    'frontend/.npmrc', '.pypirc', '.netrc', '.git-credentials', 'credentials.json', 'secret.key', '.aws/credentials',
    'home/u/.aws/credentials', '.docker/config.json', '/root/.docker/config.json', 'android/release.keystore',
    'app.jks', 'htpasswd', 'nginx/.htpasswd', 'deploy/.aws/credentials/',
  ])('%s is a secret file', (path) => {
    expect(isSecretFile(path)).toBe(true);
  });

  it.each([
    '.env.example', '.env.sample', '.env.template', '.env.dist', '.env.production.example', 'id_rsa.pub',
    'id_ed25519.pub', 'config.json', 'credentials', 'aws/credentials', 'docker/config.json', '.environment', '.envrc',
    'env.ts', 'package.json', 'src/key.ts', 'my.key.txt', 'keyboard.json', 'Dockerfile', 'id_rsa_dir/readme.md', '',
    // certificates and public keys in PEM files
    'ca.pem', './.pki/ca.pem', 'tls/server-cert.pem', 'fullchain.pem', 'signing.pub.pem',
  ])('%s is not a secret file', (path) => {
    expect(isSecretFile(path)).toBe(false);
  });
});

describe('maskSecret', () => {
  it.each([
    [GH, 'ghp_… (40 chars)'],
    ['abcdefghi', 'abcd… (9 chars)'],
    ['abcdefgh', '… (8 chars)'],
    ['hunter', '… (6 chars)'],
    ['x', '… (1 char)'],
    ['', '… (0 chars)'],
    ['🔑🔑🔑🔑🔑🔑🔑🔑🔑', '🔑🔑🔑🔑… (9 chars)'],
  ])('masks %j as %j', (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });

  it('never reveals more than four characters', () => {
    const masked = maskSecret(OPENAI);
    expect(masked).not.toContain(OPENAI.slice(0, 5));
  });
});

describe('isPlaceholderValue', () => {
  it.each([
    '', '   ', 'changeme', 'CHANGE_ME', 'change-me', 'changeit', '"changeme"', 'your-api-key-here', 'YOUR_TOKEN',
    'your_secret_key', 'insert_token_here', '<token>', '<your-api-key>', 'xxx', 'XXXX', '***', '********', '...',
    'sk-xxxxxxxxxxxxxxxxxxxx', '${VAR}', '$VAR', '${DB_PASSWORD:-x}', '${A}${B}', '/run/secrets/db_password',
    '{{ .Values.apiKey }}', 'placeholder', 'dummy', 'REDACTED', 'true', 'false', 'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    // weak but real: these ship as working credentials
    'devpassword', 'password', 'postgres', 'mysecretpassword', 'hunter2', 's3cr3t!', 'enterprise2024',
    GH, OPENAI, AWS_SECRET, 'prefix${VAR}', '/run/other/path', 'xx',
  ])('%j is not a placeholder', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });
});
