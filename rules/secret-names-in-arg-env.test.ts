import rule from './secret-names-in-arg-env.js';
import { testNeverShows, testRule, type Case, type InvalidCase } from '../test/rule-tester.js';

const valid: Case[] = [
  { name: 'no ARG and no ENV', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update\n' },
  { name: 'ordinary ARG and ENV names', dockerfile: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nARG APP_ENV\nENV NODE_ENV=production PORT=3000\n' },
  {
    name: 'GPG and PGP key ids of official images are public key fingerprints',
    dockerfile:
      'FROM python:3.13-slim\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\nENV OPENSSL_PGP_KEY_IDS="0x8657ABB260F056B1E5190839D9C4D26D0E604491"\nENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA\nENV WORDPRESS_CLI_GPG_KEY=63AF7AA15067C05616FDDD88A3A2E8F226F0BC06\nENV GPG_KEYS="1729F83938DA44E27BA0F4D3DBDB397470D12172 BFDDD28642824F8118EF77909B67A5C12229118F"\n',
  },
  { name: 'BuildKit allow words file and version, without a hadolint word', dockerfile: 'FROM nginx:1.27\nENV SSL_KEY_FILE=/etc/nginx/tls/site.key\nARG SIGNING_KEY_VERSION=3\nENV NEXT_PUBLIC_KEY=pk_live_abc\n' },
  { name: 'plural and compound parts are not BuildKit secret parts', dockerfile: 'FROM alpine:3.20\nENV SSH_KEYS=/etc/ssh/keys KEYCLOAK_URL=http://kc:8080 MONKEY_ID=1 OAUTH_URL=https://id.example.com AUTHOR=me\n' },
  { name: 'camelCase and dashed names are read by neither tool', dockerfile: 'FROM node:20-alpine\nARG sshKey\nARG privKey\nENV api-key=x\n' },
  { name: 'a user name without the word username', dockerfile: 'FROM mysql:8.4\nENV MYSQL_USER=app MYSQL_DATABASE=shop\n' },
  { name: 'LABEL keys are not ARG or ENV', dockerfile: 'FROM alpine:3.20\nLABEL com.example.token=none org.opencontainers.image.title=secret-manager\n' },
  { name: 'secret-looking value under an ordinary name', dockerfile: 'FROM alpine:3.20\nENV APP_CONFIG=password\nARG MODE=token\n' },
  {
    name: 'a secret mount is the way to pass a token',
    dockerfile: 'FROM node:20-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
  },
  { name: 'a RUN that exports a token is not ARG or ENV', dockerfile: 'FROM alpine:3.20\nRUN export GITHUB_TOKEN=$(cat /run/secrets/gh) && ./fetch.sh\n' },
  { name: 'ONBUILD triggers other than ARG and ENV', dockerfile: 'FROM node:20-alpine\nONBUILD COPY .npmrc_token_free .\nONBUILD RUN echo token\n' },
  { name: 'ARG flags are not names', dockerfile: 'FROM alpine:3.20\nARG --required BUILD_ID\n' },
];

const invalid: InvalidCase[] = [
  {
    name: 'ARG without a value',
    dockerfile: 'FROM node:20-alpine\nARG NPM_TOKEN\nRUN npm ci\n',
    errors: [{ messageId: 'secretName', line: 2, column: 5, endLine: 2, endColumn: 14, data: { keyword: 'ARG', name: 'NPM_TOKEN' } }],
  },
  {
    name: 'ARG before the first FROM',
    dockerfile: 'ARG AWS_ACCESS_KEY_ID\nFROM amazon/aws-cli:2.17.0\nRUN aws s3 ls\n',
    errors: [{ messageId: 'secretName', line: 1, column: 5, data: { keyword: 'ARG', name: 'AWS_ACCESS_KEY_ID' } }],
  },
  {
    name: 'lower-case known name',
    dockerfile: 'FROM python:3.12-slim\nARG openai_api_key\n',
    errors: [{ messageId: 'secretName', line: 2, column: 5, data: { name: 'openai_api_key' } }],
  },
  {
    name: 'ENV with a value, mixed case',
    dockerfile: 'FROM debian:bookworm-slim\nENV my_Password=correct-horse\n',
    errors: [{ messageId: 'secretName', line: 2, column: 5, endColumn: 16, data: { keyword: 'ENV', name: 'my_Password' } }],
  },
  {
    name: 'only the secret pair of an ENV is reported, on its own line',
    dockerfile: 'FROM node:20-alpine\nENV NODE_ENV=production \\\n    SESSION_SECRET=dev-only \\\n    PORT=3000\n',
    errors: [{ messageId: 'secretName', line: 3, column: 5, data: { keyword: 'ENV', name: 'SESSION_SECRET' } }],
  },
  {
    name: 'every secret name of an ARG with several names',
    dockerfile: 'FROM node:20-alpine\nARG NODE_ENV=production NPM_TOKEN SENTRY_AUTH_TOKEN=\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 25, data: { name: 'NPM_TOKEN' } },
      { messageId: 'secretName', line: 2, column: 35, data: { name: 'SENTRY_AUTH_TOKEN' } },
    ],
  },
  {
    name: 'legacy ENV form',
    dockerfile: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD rootpw\n',
    errors: [{ messageId: 'secretName', line: 2, column: 5, data: { name: 'MYSQL_ROOT_PASSWORD' } }],
  },
  {
    name: 'ONBUILD ARG and ONBUILD ENV',
    dockerfile: 'FROM node:20-alpine\nONBUILD ARG GITHUB_TOKEN\nONBUILD ENV API_KEY=k\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 13, data: { keyword: 'ONBUILD ARG', name: 'GITHUB_TOKEN' } },
      { messageId: 'secretName', line: 3, column: 13, data: { keyword: 'ONBUILD ENV', name: 'API_KEY' } },
    ],
  },
  {
    name: 'hadolint known names that BuildKit passes',
    dockerfile: 'FROM alpine:3.20\nARG DOCKER_USERNAME\nARG FACEBOOK_APP_ID\nENV TRAVIS_OS_NAME=linux CI_DEPLOY_USER=ci\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'DOCKER_USERNAME' } },
      { messageId: 'secretName', line: 3, column: 5, data: { name: 'FACEBOOK_APP_ID' } },
      { messageId: 'secretName', line: 4, column: 5, data: { name: 'TRAVIS_OS_NAME' } },
      { messageId: 'secretName', line: 4, column: 26, data: { name: 'CI_DEPLOY_USER' } },
    ],
  },
  {
    name: 'hadolint words inside a name part',
    dockerfile: 'FROM alpine:3.20\nENV DBPASSWORD=x OKTA_OAUTH2_CLIENTSECRET=y GITHUBTOKEN=z\nARG PRIVATE_REGISTRY\nARG admin_username\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'DBPASSWORD' } },
      { messageId: 'secretName', line: 2, column: 18, data: { name: 'OKTA_OAUTH2_CLIENTSECRET' } },
      { messageId: 'secretName', line: 2, column: 45, data: { name: 'GITHUBTOKEN' } },
      { messageId: 'secretName', line: 3, column: 5, data: { name: 'PRIVATE_REGISTRY' } },
      { messageId: 'secretName', line: 4, column: 5, data: { name: 'admin_username' } },
    ],
  },
  {
    name: 'hadolint reports look-alike names BuildKit allows',
    dockerfile: 'FROM python:3.12-slim\nENV TOKENIZERS_PARALLELISM=false\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\nARG API_KEYS\nENV SECRETS_DIR=/run/secrets\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'TOKENIZERS_PARALLELISM' } },
      { messageId: 'secretName', line: 3, column: 5, data: { name: 'POSTGRES_PASSWORD_FILE' } },
      { messageId: 'secretName', line: 4, column: 5, data: { name: 'API_KEYS' } },
      { messageId: 'secretName', line: 5, column: 5, data: { name: 'SECRETS_DIR' } },
    ],
  },
  {
    name: 'BuildKit secret parts that hadolint passes',
    dockerfile: 'FROM alpine:3.20\nARG AUTH_URL\nARG SSH_PUB_KEY\nENV DB_CREDENTIALS=c SIGNING_KEY=k\nARG pword\nARG Passwd\nARG apiKey\nARG key\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'AUTH_URL' } },
      { messageId: 'secretName', line: 3, column: 5, data: { name: 'SSH_PUB_KEY' } },
      { messageId: 'secretName', line: 4, column: 5, data: { name: 'DB_CREDENTIALS' } },
      { messageId: 'secretName', line: 4, column: 22, data: { name: 'SIGNING_KEY' } },
      { messageId: 'secretName', line: 5, column: 5, data: { name: 'pword' } },
      { messageId: 'secretName', line: 6, column: 5, data: { name: 'Passwd' } },
      { messageId: 'secretName', line: 7, column: 5, data: { name: 'apiKey' } },
      { messageId: 'secretName', line: 8, column: 5, data: { name: 'key' } },
    ],
  },
  {
    name: 'GPG names that hold a secret stay reported',
    dockerfile: 'FROM debian:bookworm-slim\nARG GPG_KEY_PASSPHRASE\nARG GPG_PRIVATE_KEY\nARG PGP_AUTH_KEY\nARG GPG_SECRET_KEY\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'GPG_KEY_PASSPHRASE' } },
      { messageId: 'secretName', line: 3, column: 5, data: { name: 'GPG_PRIVATE_KEY' } },
      { messageId: 'secretName', line: 4, column: 5, data: { name: 'PGP_AUTH_KEY' } },
      { messageId: 'secretName', line: 5, column: 5, data: { name: 'GPG_SECRET_KEY' } },
    ],
  },
  {
    name: 'a secret name in every stage',
    dockerfile: 'FROM golang:1.22 AS build\nARG GH_TOKEN\nRUN go build\nFROM alpine:3.20\nENV VAULT_TOKEN=s.abc\n',
    errors: [
      { messageId: 'secretName', line: 2, column: 5, data: { name: 'GH_TOKEN' } },
      { messageId: 'secretName', line: 5, column: 5, data: { keyword: 'ENV', name: 'VAULT_TOKEN' } },
    ],
  },
  {
    name: 'Windows Dockerfile with the backtick escape',
    dockerfile: '# escape=`\nFROM mcr.microsoft.com/mssql/server:2022-latest\nENV sa_password g0rd0n1! `\n    ACCEPT_EULA Y\n',
    errors: [{ messageId: 'secretName', line: 3, column: 5, data: { name: 'sa_password' } }],
  },
  {
    name: 'a quoted ARG default',
    dockerfile: 'FROM alpine:3.20\nARG DB_PASSWORD="two words"\n',
    errors: [{ messageId: 'secretName', line: 2, column: 5, endColumn: 16, data: { name: 'DB_PASSWORD' } }],
  },
  {
    name: 'dockerfile_inline points into the compose file',
    compose: 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:20-alpine\n        ARG NPM_TOKEN\n',
    errors: [{ messageId: 'secretName', line: 7, column: 13, data: { name: 'NPM_TOKEN' } }],
  },
];

testRule(rule, { valid, invalid });

// Values that appear in the invalid cases: none may show in a finding's message, data or snippet.
const VALUES = ['correct-horse', 'dev-only', 'rootpw', 'g0rd0n1!', 'two words', 's.abc', 'production'];

testNeverShows(rule, invalid, VALUES);
