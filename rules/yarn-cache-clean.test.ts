import rule from './yarn-cache-clean.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM node:20-alpine\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'no yarn', dockerfile: df('RUN npm ci') },
    { name: 'install then cache clean', dockerfile: df('RUN yarn install --frozen-lockfile && yarn cache clean') },
    { name: 'add then cache clean', dockerfile: df('RUN yarn global add serve@14.2.3 && yarn cache clean --all') },
    { name: 'cache folder removed', dockerfile: df('RUN yarn install --frozen-lockfile && rm -rf /usr/local/share/.cache/yarn') },
    { name: 'cache mount over the yarn 1 cache', dockerfile: df('RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile') },
    { name: 'cache mount in a home folder', dockerfile: df('RUN --mount=type=cache,target=/home/node/.cache/yarn,uid=1000 yarn install') },
    { name: 'cache mount over the yarn berry cache', dockerfile: df('RUN --mount=type=cache,target=/app/.yarn/cache yarn install --immutable') },
    { name: 'yarn scripts do not install', dockerfile: df('RUN yarn build && yarn run test && yarn --version && yarn --cwd web lint') },
    {
      name: 'builder stage that is only copied from',
      dockerfile: 'FROM node:20-alpine AS build\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    {
      name: 'stage built on cleans its cache',
      dockerfile: 'FROM node:20-alpine AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nRUN node --version\n',
    },
    { name: 'heredoc script cleans', dockerfile: df('RUN <<EOF', 'yarn install --production', 'yarn cache clean', 'EOF') },
    { name: 'shell syntax error stays silent', dockerfile: df('RUN yarn install "oops') },
  ],
  invalid: [
    { name: 'yarn install', dockerfile: df('RUN yarn install foo'), errors: [{ messageId: 'noCacheClean', line: 2, column: 5 }] },
    { name: 'bare yarn installs', dockerfile: df('WORKDIR /app', 'RUN yarn --frozen-lockfile'), errors: [{ messageId: 'noCacheClean', line: 3, column: 5 }] },
    { name: 'yarn add', dockerfile: df('RUN yarn add express@4.19.2'), errors: [{ messageId: 'noCacheClean', line: 2, column: 5 }] },
    { name: 'yarn global add', dockerfile: df('RUN apk add --no-cache git && yarn global add serve@14.2.3'), errors: [{ messageId: 'noCacheClean', line: 2, column: 31 }] },
    {
      name: 'install in the last stage',
      dockerfile: 'FROM node:20-alpine AS foo\nRUN echo hey\nFROM node:20-alpine\nRUN yarn install\n',
      errors: [{ messageId: 'noCacheClean', line: 4, column: 5 }],
    },
    {
      name: 'install in a stage another is built on',
      dockerfile: 'FROM node:20-alpine AS foo\nRUN yarn install\nFROM foo\nRUN echo hey\n',
      errors: [{ messageId: 'noCacheClean', line: 2, column: 5 }],
    },
    {
      name: 'ONBUILD RUN in a stage nobody uses',
      dockerfile: 'FROM node:20-alpine AS foo\nONBUILD RUN yarn install foo\nFROM scratch\nCOPY --from=foo /x /x\n',
      errors: [{ messageId: 'noCacheClean', line: 2, column: 13 }],
    },
    { name: 'clean in another RUN does not count', dockerfile: df('RUN yarn install', 'RUN yarn cache clean'), errors: [{ messageId: 'noCacheClean', line: 2, column: 5 }] },
    { name: 'cache mount elsewhere', dockerfile: df('RUN --mount=type=cache,target=/root/.npm yarn install'), errors: [{ messageId: 'noCacheClean', line: 2, column: 42 }] },
    { name: 'exec form', dockerfile: df('RUN ["yarn", "install", "--production"]'), errors: [{ messageId: 'noCacheClean', line: 2, column: 6 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'yarn install --production', 'EOF'), errors: [{ messageId: 'noCacheClean', line: 4, column: 1 }] },
    { name: 'yarn by path name', dockerfile: df('RUN /usr/local/bin/yarn install'), errors: [{ messageId: 'noCacheClean', line: 2, column: 5 }] },
  ],
});
