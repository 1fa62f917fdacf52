import rule from './no-secrets-in-environment.js';
import { testNeverShows, testRule, type Case, type InvalidCase } from '../test/rule-tester.js';

// Fake credentials are assembled at runtime so secret scanners never see a token-shaped literal in this file.
const ALNUM = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ';
const body = (n: number) => Array.from({ length: n }, (_, i) => ALNUM[(i * 7) % ALNUM.length]).join('');
const GH = 'ghp' + '_' + body(36);

const valid: Case[] = [
  {
    name: 'values that only refer to variables, map and list form',
    compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
      POSTGRES_USER: app
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - DB_PASSWORD=\${DB_PASSWORD:?set DB_PASSWORD}
      - API_TOKEN=$API_TOKEN
      - JWT_SECRET=\${JWT_SECRET?JWT_SECRET is required}
      - SESSION_SECRET=\${SESSION_SECRET:-}
`,
  },
  {
    name: 'a value taken from the project .env is not written in the compose file',
    files: {
      'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
`,
      '.env': 'POSTGRES_PASSWORD=s3cr3t-db-pass\n',
    },
  },
  {
    name: 'placeholders are not secrets',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DB_PASSWORD: changeme
      ADMIN_PASSWORD: change-me
      MYSQL_ROOT_PASSWORD: example
      API_KEY: your-api-key-here
      STRIPE_SECRET_KEY: <stripe-secret-key>
      GITHUB_TOKEN: xxx
      SMTP_PASSWORD: ""
      OIDC_CLIENT_SECRET:
      AUTH_TOKEN: "***"
      JWT_SECRET: \${JWT_SECRET:-changeme}
`,
  },
  {
    name: 'passed through from the host without a value',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - GITHUB_TOKEN
      - AWS_SECRET_ACCESS_KEY
  worker:
    image: ghcr.io/acme/worker:1.4.2
    environment:
      NPM_TOKEN:
`,
  },
  {
    name: 'secret files, paths and switches under secret-like names',
    compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      SSH_AUTH_SOCK: /run/host-services/ssh-auth.sock
      TLS_KEY: ./certs/server.key
      xpack.security.http.ssl.key: certs/es01/es01.key
      GOOGLE_APPLICATION_CREDENTIALS: service-account.json
      AUTH_ENABLED: "true"
      REQUIRE_TOKEN: "false"
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
  },
  {
    name: 'names whose last part describes the value',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      ACCESS_TOKEN_EXPIRE_MINUTES: 60
      POSTGRES_HOST_AUTH_METHOD: scram-sha-256
      AUTH_URL: https://auth.example.com/realms/acme
      TOKEN_ISSUER: acme
      API_KEY_HEADER: X-Api-Key
      JWT_SECRET_ALGORITHM: HS256
      CACHE_KEY_PREFIX: "acme:"
      GF_AUTH_ANONYMOUS_ORG_ROLE: Viewer
      OAUTH_CLIENT_ID: acme-web
`,
  },
  {
    name: 'public, version, gpg and plain configuration names',
    compose: `services:
  web:
    image: ghcr.io/acme/web:2.0.0
    environment:
      NEXT_PUBLIC_API_KEY: pk-web-4f2a9c
      GPG_KEY: 7169605F62C751356D054A26A821E680E5FA6305
      KEY_VERSION: "2"
      TOKENIZERS_PARALLELISM: "false"
      LOG_LEVEL: info
      NODE_ENV: production
`,
  },
  {
    name: 'URLs without a literal password',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/app
      REDIS_URL: redis://redis:6379/0
      BROKER_URL: amqp://guest:changeme@rabbitmq:5672//
`,
  },
  {
    name: 'defaults that are not secrets',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      LOG_LEVEL: \${LOG_LEVEL:-info}
      POSTGRES_USER: \${POSTGRES_USER:-app}
      DATABASE_URL: postgresql://\${POSTGRES_USER:-app}:\${POSTGRES_PASSWORD}@db:5432/\${POSTGRES_DB:-app}
      TOKEN_TTL: \${TOKEN_TTL:-3600}
`,
  },
  {
    name: 'build args and labels are not the runtime environment',
    files: {
      'compose.yaml': `services:
  api:
    build:
      context: .
      args:
        APP_VERSION: "1.4.2"
    labels:
      com.acme.secret-rotation: weekly
    environment:
      NODE_ENV: production
`,
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\n',
    },
  },
  {
    name: 'the override replaces a reference with another reference',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
`,
      'compose.override.yaml': `services:
  api:
    environment:
      DB_PASSWORD: \${DEV_DB_PASSWORD:?set DEV_DB_PASSWORD}
`,
    },
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'literal password in map form',
    compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: postgres
`,
    errors: [{ messageId: 'secretValue', line: 6, column: 26, data: { service: 'db', name: 'POSTGRES_PASSWORD', masked: '… (8 chars)' } }],
  },
  {
    name: 'literal password in list form points after KEY=',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - NODE_ENV=production
      - DB_PASSWORD=hunter2secret
`,
    errors: [{ messageId: 'secretValue', line: 6, column: 21, data: { name: 'DB_PASSWORD', masked: 'hunt… (13 chars)' } }],
  },
  {
    name: 'quoted values, map and list form',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      SESSION_SECRET: "f3a9c1d27b6e"
  worker:
    image: ghcr.io/acme/worker:1.4.2
    environment:
      - "API_TOKEN=tok3n-v4lue-xyz"
`,
    errors: [
      { messageId: 'secretValue', line: 5, column: 23, data: { service: 'api', name: 'SESSION_SECRET' } },
      { messageId: 'secretValue', line: 9, column: 20, data: { service: 'worker', name: 'API_TOKEN' } },
    ],
  },
  {
    name: 'a password in a URL under any name points at the password',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DATABASE_URL: postgres://app:s3cr3t-db-pass@db:5432/app
`,
    errors: [{ messageId: 'credential', line: 5, column: 36, data: { kind: 'password in URL', name: 'DATABASE_URL' } }],
  },
  {
    name: 'a token of a known format under a harmless name',
    compose: `services:
  ci:
    image: ghcr.io/acme/ci:3.1.0
    environment:
      - GH_CLI_CONFIG=host github.com ${GH}
`,
    errors: [{ messageId: 'credential', line: 5, column: 39, data: { kind: 'GitHub token', masked: 'ghp_… (40 chars)' } }],
  },
  {
    name: 'a dev default secret points at the default text',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      JWT_SECRET_KEY: \${JWT_SECRET_KEY:-dev-secret-key-change-in-production}
      JWT_ALGORITHM: HS256
`,
    errors: [{ messageId: 'secretDefault', line: 5, column: 41, data: { variable: 'JWT_SECRET_KEY', name: 'JWT_SECRET_KEY', masked: 'dev-… (35 chars)' } }],
  },
  {
    name: 'a default without colon in list form',
    compose: `services:
  web:
    image: ghcr.io/acme/web:2.0.0
    environment:
      - SECRET_KEY=\${SECRET_KEY-django-insecure-0f9e8d}
`,
    errors: [{ messageId: 'secretDefault', line: 5, column: 33, data: { variable: 'SECRET_KEY' } }],
  },
  {
    name: 'a default password inside a URL',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DATABASE_URL: postgresql://\${POSTGRES_USER:-app}:\${POSTGRES_PASSWORD:-devpassword}@db:5432/app
`,
    errors: [{ messageId: 'secretDefault', line: 5, column: 77, data: { variable: 'POSTGRES_PASSWORD', name: 'DATABASE_URL' } }],
  },
  {
    name: 'a default of a neutral variable under a secret name',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      SESSION_SECRET: \${APP_SESSION:-abc123def}
`,
    errors: [{ messageId: 'secretDefault', line: 5, column: 38, data: { variable: 'APP_SESSION', name: 'SESSION_SECRET' } }],
  },
  {
    name: 'a nested default under a secret key',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      REDIS_PASSWORD: \${REDIS_PASSWORD:-\${LEGACY_REDIS_PW:-n3sted-Pw-31}}
`,
    errors: [{ messageId: 'secretDefault', line: 5, column: 60, data: { variable: 'LEGACY_REDIS_PW' } }],
  },
  {
    name: 'pass, pwd and run-together secret names, numeric passwords',
    compose: `services:
  queue:
    image: rabbitmq:3.13-management
    environment:
      RABBITMQ_DEFAULT_PASS: rabbit-Pw-77
  tools:
    image: ghcr.io/acme/tools:1.0.0
    environment:
      - PGPASSWORD=Sup3rS3cretPw
      - MYSQL_PWD=hunter2-prod
      - SPRING_DATASOURCE_PASSWORD=1947
`,
    errors: [
      { messageId: 'secretValue', line: 5, column: 30, data: { name: 'RABBITMQ_DEFAULT_PASS' } },
      { messageId: 'secretValue', line: 9, column: 20, data: { name: 'PGPASSWORD' } },
      { messageId: 'secretValue', line: 10, column: 19, data: { name: 'MYSQL_PWD' } },
      { messageId: 'secretValue', line: 11, column: 36, data: { name: 'SPRING_DATASOURCE_PASSWORD' } },
    ],
  },
  {
    name: 'the override writes a literal over a reference: the finding points into the override',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
`,
      'compose.override.yaml': `services:
  api:
    environment:
      DB_PASSWORD: local-dev-pw-42
`,
    },
    errors: [{ messageId: 'secretValue', file: 'compose.override.yaml', line: 4, column: 20, data: { service: 'api' } }],
  },
  {
    name: 'the override adds a default secret in list form',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      - NODE_ENV=production
`,
      'compose.override.yaml': `services:
  api:
    environment:
      - STRIPE_SECRET_KEY=\${STRIPE_SECRET_KEY:-okta-cl1ent-s3cret}
`,
    },
    errors: [{ messageId: 'secretDefault', file: 'compose.override.yaml', line: 4, column: 48, data: { variable: 'STRIPE_SECRET_KEY' } }],
  },
  {
    name: 'a literal in the base stays committed when the override replaces it',
    files: {
      'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: s3cr3t-Passw0rd
`,
      'compose.override.yaml': `services:
  db:
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}
`,
    },
    errors: [{ messageId: 'secretValue', file: 'compose.yaml', line: 5, column: 26 }],
  },
  {
    name: 'an anchored environment shared by two services is reported once',
    compose: `x-db-env: &db-env
  DB_PASSWORD: shared-Pw-9981
services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment: *db-env
  worker:
    image: ghcr.io/acme/worker:1.4.2
    environment:
      <<: *db-env
      QUEUE: default
`,
    errors: [{ messageId: 'secretValue', line: 2, column: 16, data: { service: 'api' } }],
  },
  {
    name: 'a secret brought in by extends from a file no stack holds',
    files: {
      'compose.yaml': `services:
  api:
    extends:
      file: common/services.yml
      service: base
    image: ghcr.io/acme/api:1.4.2
`,
      'common/services.yml': `services:
  base:
    environment:
      REDIS_PASSWORD: r3dis-Pw-553
`,
    },
    errors: [{ messageId: 'secretValue', file: 'common/services.yml', line: 4, column: 23, data: { service: 'api' } }],
  },
  {
    name: 'a credential and a default secret in one value',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      UPSTREAMS: https://ops:f00dfeed77@a.example.com \${FALLBACK_TOKEN:-t0ken-fallback-1}
`,
    errors: [
      { messageId: 'credential', line: 5, column: 30 },
      { messageId: 'secretDefault', line: 5, column: 73, data: { variable: 'FALLBACK_TOKEN' } },
    ],
  },
];

testRule(rule, { valid, invalid });

const SECRETS = ['postgres', 'hunter2secret', 'f3a9c1d27b6e', 'tok3n-v4lue-xyz', 's3cr3t-db-pass', GH, 'dev-secret-key-change-in-production', 'django-insecure-0f9e8d', 'devpassword', 'abc123def', 'rabbit-Pw-77', 'Sup3rS3cretPw', 'hunter2-prod', 'local-dev-pw-42', 'okta-cl1ent-s3cret', 's3cr3t-Passw0rd', 'shared-Pw-9981', 'r3dis-Pw-553', 'f00dfeed77', 't0ken-fallback-1', 'n3sted-Pw-31'];
testNeverShows(rule, invalid, SECRETS);
