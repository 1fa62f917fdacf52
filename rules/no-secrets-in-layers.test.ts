import rule from './no-secrets-in-layers.js';
import { testNeverShows, testRule, type Case, type InvalidCase } from '../test/rule-tester.js';

// Fake credentials are assembled at runtime so secret scanners (and GitHub push protection) never see a
// literal token-shaped string in this file.
const ALNUM = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ';
const body = (n: number) => Array.from({ length: n }, (_, i) => ALNUM[(i * 7) % ALNUM.length]).join('');
const GH = 'ghp' + '_' + body(36); // 40 chars
const NPM = 'npm' + '_' + body(36); // 40 chars
const AWS_DOC_KEY = 'AKIA' + 'IOSFODNN7EXAMPLE'; // AWS's documented example key id, 20 chars
const KEY_BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
const PRIVATE_KEY = ['-----BEGIN OPENSSH ' + 'PRIVATE KEY-----', KEY_BODY, '-----END OPENSSH ' + 'PRIVATE KEY-----'].join('\n');

const valid: Case[] = [
  {
    name: 'ARG without a value that no RUN uses',
    dockerfile: `FROM node:20-alpine
ARG NPM_TOKEN
ARG NPM_TOKEN_FILE=/run/secrets/npm_token
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN echo "npm token file: $NPM_TOKEN_FILE" > /dev/null
`,
  },
  {
    name: 'global ARGs without a secret value',
    dockerfile: `ARG NODE_VERSION=20
ARG NPM_TOKEN
ARG REGISTRY_AUTH_FILE=/run/secrets/registry_auth
FROM node:\${NODE_VERSION}-alpine
WORKDIR /app
RUN npm ci
`,
  },
  {
    name: 'names with public, file or version parts are allowed',
    dockerfile: `FROM node:20-alpine
ENV PUBLIC_KEY=/etc/app/jwt.pub
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password PASSWORD_FILE=/run/secrets/password
ARG NEXT_PUBLIC_API_KEY=pk_test_51HxAcme
ARG KEY_VERSION=3
ENV NODE_ENV=production API_KEYS_ENDPOINT=/v1/keys
`,
  },
  {
    name: 'secret mounts keep secrets out of the layers',
    files: {
      Dockerfile: `# syntax=docker/dockerfile:1
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN npm run fetch-private-assets
COPY . .
USER node
CMD ["node", "src/index.js"]
`,
      'package.json': '{ "name": "api", "private": true }\n',
      'src/index.js': 'console.log("up");\n',
    },
  },
  {
    name: '.env in the context is excluded by .dockerignore',
    files: {
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n',
      '.dockerignore': 'node_modules\n.git\n.env\n',
      '.env': 'DATABASE_URL=postgres://app:devpassword@db:5432/app\n',
      'package.json': '{ "name": "api", "private": true }\n',
    },
  },
  {
    name: '.env.example is a template, not a secret',
    files: {
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY .env.example ./\nCOPY . .\n',
      '.env.example': 'DATABASE_URL=postgres://user:changeme@localhost:5432/app\nAPI_KEY=\n',
      'package.json': '{ "name": "api", "private": true }\n',
    },
  },
  {
    name: 'COPY here-documents are file contents, not sources',
    files: {
      Dockerfile: `# syntax=docker/dockerfile:1
FROM node:20-alpine
WORKDIR /app
COPY <<EOF /app/.env
NODE_ENV=production
PORT=3000
EOF
COPY --chmod=755 <<'EOF' /usr/local/bin/entrypoint.sh
#!/bin/sh
set -a
[ -f /run/secrets/app.env ] && . /run/secrets/app.env
set +a
exec "$@"
EOF
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
`,
      '.env': 'JWT_SECRET=local-dev-only\n',
    },
  },
  {
    name: 'COPY --from a stage does not read the build context',
    dockerfile: `FROM node:20-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm run build
FROM node:20-alpine
WORKDIR /app
COPY --from=builder /app/.env .
COPY --from=builder /app/dist ./dist
`,
  },
  {
    name: 'compose build args without secrets',
    files: {
      'compose.yaml': `services:
  api:
    build:
      context: ./api
      args:
        NODE_ENV: production
        APP_VERSION: "1.4.2"
        NPM_TOKEN: \${NPM_TOKEN}
        DB_PASSWORD: changeme
        ENABLE_AUTH: "true"
  worker:
    build:
      context: ./api
      args:
        - NODE_ENV=production
        - GITHUB_TOKEN
`,
      'api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n',
    },
  },
  {
    name: 'non-secret names, interpolated and placeholder URL passwords',
    dockerfile: `FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1
ENV KEYCLOAK_URL=https://auth.example.com/realms/acme
ENV DATABASE_URL=postgresql://\${POSTGRES_USER}:\${POSTGRES_PASSWORD}@db:5432/app
ENV CACHE_URL=redis://default:changeme@cache:6379/0
LABEL maintainer="ops@example.com"
RUN pip install --index-url https://pypi.org/simple/ uvicorn==0.30.1
HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
`,
  },
  {
    name: 'a context ./api does not take the .env beside the compose file',
    files: {
      'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n    env_file: .env\n',
      '.env': 'POSTGRES_PASSWORD=devpassword\nJWT_SECRET=local-dev-only\n',
      'api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      'api/package.json': '{ "name": "api", "private": true }\n',
    },
  },
  {
    name: 'a Dockerfile nobody builds has its own directory as context',
    files: {
      '.env': 'SLACK_WEBHOOK=https://example.com/hook\n',
      'services/worker/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["python", "worker.py"]\n',
      'services/worker/worker.py': 'print("working")\n',
    },
  },
  {
    name: 'public keys and certificates are not secret files',
    files: {
      Dockerfile: `FROM alpine:3.20
RUN apk add --no-cache openssh-server
COPY id_rsa.pub /root/.ssh/authorized_keys
COPY certs/server.crt /etc/ssl/certs/
COPY . /srv/
`,
      'id_rsa.pub': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcme ops@example.com\n',
      'certs/server.crt': '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----\n',
    },
  },
];

// hadolint DL3064 and BuildKit SecretsUsedInArgOrEnv: what this rule deliberately does not report.
valid.push(
  {
    name: 'public key ids, identifiers and look-alike names are not secrets',
    dockerfile: `FROM python:3.12-slim
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV TOKENIZERS_PARALLELISM=false SECRETS_DIR=/run/secrets PASSWORDLESS_LOGIN=true
ARG USERNAME=vscode
ENV DOCKER_USERNAME=ci-bot FACEBOOK_APP_ID=1234567890 TRAVIS_OS_NAME=linux
`,
  },
  {
    name: 'ARG with several names and no values, none used',
    dockerfile: 'FROM node:20-alpine\nARG NPM_TOKEN GITHUB_TOKEN\nRUN npm ci\n',
  },
  {
    name: 'ONBUILD ARG without a value that no trigger uses',
    dockerfile: 'FROM node:20-alpine\nONBUILD ARG NPM_TOKEN\nONBUILD RUN npm ci\n',
  },
);

const invalid: InvalidCase[] = [
  {
    name: 'secret words run together in a name (hadolint DL3064)',
    dockerfile: 'FROM mysql:8.4\nENV DBPASSWORD=Sup3rS3cretPw OKTA_OAUTH2_CLIENTSECRET=okta-cl1ent-s3cret\n',
    errors: [
      { messageId: 'secretVariable', line: 2, column: 5, data: { keyword: 'ENV', name: 'DBPASSWORD' } },
      { messageId: 'secretVariable', line: 2, column: 30, data: { keyword: 'ENV', name: 'OKTA_OAUTH2_CLIENTSECRET' } },
    ],
  },
  {
    name: 'ARG without a value stored by a later ENV and LABEL',
    dockerfile: 'FROM node:20-alpine\nARG NPM_TOKEN\nARG SENTRY_AUTH_TOKEN\nENV NPMRC_LINE=//registry.npmjs.org/:_authToken=$NPM_TOKEN\nLABEL sentry=${SENTRY_AUTH_TOKEN}\n',
    errors: [
      { messageId: 'secretArgStored', line: 2, column: 5, data: { name: 'NPM_TOKEN', keyword: 'ENV' } },
      { messageId: 'secretArgStored', line: 3, column: 5, data: { name: 'SENTRY_AUTH_TOKEN', keyword: 'LABEL' } },
    ],
  },
  {
    name: 'ARG with several names: each is its own declaration',
    dockerfile: 'FROM node:20-alpine\nARG NODE_ENV=production NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc\n',
    errors: [{ messageId: 'secretArgUsed', line: 2, column: 25, data: { name: 'NPM_TOKEN' } }],
  },
  {
    name: 'ONBUILD ENV and ARG triggers',
    dockerfile: 'FROM node:20-alpine\nONBUILD ENV API_TOKEN=tok3n-v4lue-xyz\nONBUILD ARG NPM_TOKEN\nONBUILD RUN npm config set //registry.npmjs.org/:_authToken $NPM_TOKEN && npm ci\n',
    errors: [
      { messageId: 'secretVariable', line: 2, column: 13, data: { keyword: 'ENV', name: 'API_TOKEN' } },
      { messageId: 'secretArgUsed', line: 3, column: 13, data: { name: 'NPM_TOKEN' } },
    ],
  },
  {
    name: 'ENV with a secret-like name and a value',
    dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nENV API_KEY=f3a9c1d27b6e\nCMD ["node", "server.js"]\n',
    errors: [{ messageId: 'secretVariable', line: 3, column: 5, endLine: 3, endColumn: 12, data: { keyword: 'ENV', name: 'API_KEY' } }],
  },
  {
    name: 'ARG with a GitHub token default',
    dockerfile: `FROM golang:1.22-alpine AS build
ARG GITHUB_TOKEN=${GH}
RUN git config --global url."https://x-access-token:\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"
`,
    errors: [
      { messageId: 'secretVariable', line: 2, column: 5, data: { keyword: 'ARG', name: 'GITHUB_TOKEN' } },
      { messageId: 'credential', line: 2, column: 18, data: { keyword: 'ARG', kind: 'GitHub token', masked: 'ghp_… (40 chars)' } },
    ],
  },
  {
    name: 'several properties in one ENV',
    dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 API_KEY=abc123def DB_PASSWORD=hunter2secret\n',
    errors: [
      { messageId: 'secretVariable', line: 2, column: 24, data: { name: 'API_KEY' } },
      { messageId: 'secretVariable', line: 2, column: 42, data: { name: 'DB_PASSWORD' } },
    ],
  },
  {
    name: 'legacy ENV KEY value form',
    dockerfile: 'FROM postgres:16-alpine\nENV POSTGRES_PASSWORD s3cr3t-Passw0rd\n',
    errors: [{ messageId: 'secretVariable', line: 2, column: 5, data: { keyword: 'ENV', name: 'POSTGRES_PASSWORD' } }],
  },
  {
    name: 'ARG without a value used by a later RUN as $NPM_TOKEN',
    dockerfile: `FROM node:20-alpine
WORKDIR /app
ARG NPM_TOKEN
COPY package.json package-lock.json ./
RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm -f .npmrc
`,
    errors: [{ messageId: 'secretArgUsed', line: 3, column: 5, data: { name: 'NPM_TOKEN' } }],
  },
  {
    name: 'ARG without a value used by a later multi-line RUN as ${NPM_AUTH_TOKEN}',
    dockerfile: `FROM node:20-alpine AS deps
WORKDIR /app
ARG NODE_ENV=production
ARG NPM_AUTH_TOKEN
COPY package.json package-lock.json ./
RUN npm ci \\
 --userconfig=/dev/null \\
 --//registry.npmjs.org/:_authToken=\${NPM_AUTH_TOKEN}

FROM node:20-alpine
COPY --from=deps /app/node_modules ./node_modules
`,
    errors: [{ messageId: 'secretArgUsed', line: 4, column: 5, data: { name: 'NPM_AUTH_TOKEN' } }],
  },
  {
    name: 'AWS access key id in RUN',
    dockerfile: `FROM amazon/aws-cli:2.17.0\nRUN aws configure set aws_access_key_id ${AWS_DOC_KEY} && aws s3 ls\n`,
    errors: [{ messageId: 'credential', line: 2, column: 41, data: { keyword: 'RUN', kind: 'AWS access key id', masked: 'AKIA… (20 chars)' } }],
  },
  {
    name: 'GitHub token in LABEL',
    dockerfile: `FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/tools" ci.token="${GH}"\n`,
    errors: [{ messageId: 'credential', line: 2, column: 81, endLine: 2, endColumn: 121, data: { keyword: 'LABEL', kind: 'GitHub token' } }],
  },
  {
    name: 'password in a database URL in ENV',
    dockerfile: 'FROM node:20-alpine\nENV DATABASE_URL=postgres://user:pass@db:5432/app\n',
    errors: [{ messageId: 'credential', line: 2, column: 34, data: { keyword: 'ENV', kind: 'password in URL', masked: '… (4 chars)' } }],
  },
  {
    name: 'private key blocks inside RUN and COPY here-documents',
    dockerfile: `# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
mkdir -p /root/.ssh
cat > /root/.ssh/id_ed25519 <<'KEY'
${PRIVATE_KEY}
KEY
chmod 600 /root/.ssh/id_ed25519
EOF
COPY --chmod=600 <<EOF /root/.ssh/deploy_key
${PRIVATE_KEY}
EOF
`,
    errors: [
      { messageId: 'credential', line: 6, column: 1, data: { keyword: 'RUN', kind: 'private key' } },
      { messageId: 'credential', line: 13, column: 1, data: { keyword: 'COPY', kind: 'private key' } },
    ],
  },
  {
    name: 'COPY .env',
    dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY .env .\nCOPY package.json ./\n',
    errors: [{ messageId: 'secretFile', line: 3, column: 6, endLine: 3, endColumn: 10, data: { keyword: 'COPY', file: '.env' } }],
  },
  {
    name: 'COPY id_rsa',
    dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache openssh-client git\nCOPY id_rsa /root/.ssh/\n',
    errors: [{ messageId: 'secretFile', line: 3, column: 6, data: { keyword: 'COPY', file: 'id_rsa' } }],
  },
  {
    name: 'COPY . . takes the .env of the context',
    files: {
      Dockerfile: `FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "src/index.js"]
`,
      '.env': 'DATABASE_URL=postgres://app:devpassword@db:5432/app\n',
      'package.json': '{ "name": "api", "private": true }\n',
      'src/index.js': 'console.log("up");\n',
    },
    errors: [{ messageId: 'secretFileFromContext', file: 'Dockerfile', line: 5, column: 6, data: { keyword: 'COPY', source: '.', file: '.env', more: '' } }],
  },
  {
    name: 'COPY . . with a .dockerignore that misses some secret files',
    files: {
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n',
      '.dockerignore': 'node_modules\n**/*.pem\n',
      '.env': 'JWT_SECRET=local\n',
      'config/credentials.json': '{ "type": "service_account" }\n',
      'certs/server.pem': 'not really a key\n',
    },
    errors: [{ messageId: 'secretFileFromContext', file: 'Dockerfile', line: 3, column: 6, data: { file: '.env', more: ' and 1 more' } }],
  },
  {
    name: 'JSON-form COPY and ADD with flags of secret files',
    dockerfile: `FROM node:20-alpine
WORKDIR /app
COPY [".npmrc", "package.json", "package-lock.json", "./"]
RUN npm ci
ADD --chown=node:node certs/server.key /app/certs/
`,
    errors: [
      { messageId: 'secretFile', line: 3, column: 7, data: { keyword: 'COPY', file: '.npmrc' } },
      { messageId: 'secretFile', line: 5, column: 23, data: { keyword: 'ADD', file: 'certs/server.key' } },
    ],
  },
  {
    name: 'compose build args pass a token and a password (map form)',
    files: {
      'compose.yaml': `services:
  api:
    build:
      context: ./api
      args:
        NODE_ENV: production
        GITHUB_TOKEN: ${GH}
        DB_PASSWORD: hunter2-prod
`,
      'api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n',
    },
    errors: [
      { messageId: 'credentialBuildArg', file: 'compose.yaml', line: 7, column: 23, data: { service: 'api', name: 'GITHUB_TOKEN', kind: 'GitHub token', masked: 'ghp_… (40 chars)' } },
      { messageId: 'secretBuildArg', file: 'compose.yaml', line: 8, column: 22, data: { service: 'api', name: 'DB_PASSWORD', masked: 'hunt… (12 chars)' } },
    ],
  },
  {
    name: 'compose build args pass an npm token (list form)',
    files: {
      'compose.yaml': `services:
  web:
    build:
      context: .
      args:
        - NODE_ENV=production
        - NPM_TOKEN=${NPM}
`,
      Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n',
    },
    errors: [{ messageId: 'credentialBuildArg', file: 'compose.yaml', line: 7, column: 11, data: { service: 'web', name: 'NPM_TOKEN', kind: 'npm token', masked: 'npm_… (40 chars)' } }],
  },
  {
    name: 'Dockerfile in a subdirectory built with context ./api',
    files: {
      'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n    ports:\n      - "8000:8000"\n',
      'api/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n',
      'api/.env': 'OPENAI_API_KEY=\n',
      'api/requirements.txt': 'fastapi==0.111.0\n',
    },
    errors: [{ messageId: 'secretFileFromContext', file: 'api/Dockerfile', line: 5, column: 6, data: { source: '.', file: '.env' } }],
  },
  {
    name: 'a root context takes the .env beside the compose file',
    files: {
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n',
      '.env': 'POSTGRES_PASSWORD=devpassword\n',
      'api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      'package.json': '{ "name": "mono", "private": true }\n',
    },
    errors: [{ messageId: 'secretFileFromContext', file: 'api/Dockerfile', line: 3, column: 6, data: { file: '.env', more: '' } }],
  },
  {
    name: 'global ARG before FROM with an npm token',
    dockerfile: `ARG NPM_TOKEN=${NPM}\nFROM node:20-alpine\nRUN npm ci\n`,
    errors: [
      { messageId: 'secretVariable', line: 1, column: 5, data: { keyword: 'ARG', name: 'NPM_TOKEN' } },
      { messageId: 'credential', line: 1, column: 15, data: { keyword: 'ARG', kind: 'npm token' } },
    ],
  },
  {
    name: 'dockerfile_inline: findings point into the compose file',
    compose: `services:\n  job:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        ENV API_TOKEN=${GH}\n`,
    errors: [
      { messageId: 'secretVariable', line: 6, column: 13, data: { name: 'API_TOKEN' } },
      { messageId: 'credential', line: 6, column: 23, data: { kind: 'GitHub token' } },
    ],
  },
  {
    name: 'a PEM named like a certificate that holds a private key',
    files: {
      Dockerfile: 'FROM nginx:1.27-alpine\nCOPY certs/ /etc/nginx/certs/\n',
      'certs/server.pem': PRIVATE_KEY,
      'certs/ca.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    },
    errors: [{ messageId: 'secretFileFromContext', file: 'Dockerfile', line: 2, column: 6, data: { file: 'certs/server.pem', more: '' } }],
  },
];

valid.push({
  name: 'PEM files holding only certificates',
  files: {
    Dockerfile: 'FROM nginx:1.27-alpine\nCOPY tls.pem /etc/nginx/\nCOPY . /srv/\n',
    'tls.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    'chain/intermediate.key': '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n',
  },
});

testRule(rule, { valid, invalid });

// Every secret the tables contain, literal or assembled: none may appear in a finding's message, data or snippet.
const SECRETS = [GH, NPM, AWS_DOC_KEY, KEY_BODY, 'f3a9c1d27b6e', 'abc123def', 'hunter2secret', 's3cr3t-Passw0rd', 'hunter2-prod', 'devpassword', 'Sup3rS3cretPw', 'okta-cl1ent-s3cret', 'tok3n-v4lue-xyz'];

testNeverShows(rule, invalid, SECRETS);
