import rule from './npm-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM node:20-alpine\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'npm install from package.json', dockerfile: df('RUN npm install') },
    { name: 'npm install with options only', dockerfile: df('RUN npm install --progress=false --omit=dev') },
    { name: 'npm ci', dockerfile: df('RUN npm ci --omit=dev') },
    { name: 'exact version', dockerfile: df('RUN npm install express@4.1.1') },
    { name: 'scoped package with a range', dockerfile: df('RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"') },
    { name: 'several pinned packages, global', dockerfile: df('RUN npm install --global express@"4.1.1" sax@0.1.1 && npm install -g pm2@5.4.2') },
    { name: 'a tag is a version', dockerfile: df('RUN npm install -g npm@latest') },
    { name: 'tarballs', dockerfile: df('RUN npm install package-v1.2.3.tar package-v1.2.3.tar.gz package-v1.2.3.tgz') },
    { name: 'folders', dockerfile: df('RUN npm install /folder ./folder ../folder ~/folder . file:../lib') },
    { name: 'git URLs with a commit or semver', dockerfile: df('RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27 git+https://isaacs@github.com/npm/npm.git#v1.0.27 git://github.com/npm/npm.git#v1.0.27 git+http://isaacs@github.com/npm/npm#semver:^5.0') },
    { name: 'GitHub shorthand with a reference', dockerfile: df('RUN npm install expressjs/express#4.19.2 github:npm/cli#semver:^10') },
    { name: 'npm run install is not npm install', dockerfile: df('RUN npm run --crazy install') },
    { name: 'option values are not packages', dockerfile: df('RUN npm install --loglevel verbose --registry https://registry.example.com --omit dev --prefix /opt/app sax@0.1.1') },
    { name: 'a package from a variable is unknown', dockerfile: df('ARG PKG', 'RUN npm install "$PKG" "typescript@${TS_VERSION}"') },
    { name: 'yarn and pnpm are not npm', dockerfile: df('RUN yarn add express && pnpm add express') },
  ],
  invalid: [
    { name: 'no version', dockerfile: df('RUN npm install express'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { package: 'express' } }] },
    { name: 'scoped without version', dockerfile: df('RUN npm install @myorg/privatepackage'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { package: '@myorg/privatepackage' } }] },
    { name: 'one of two', dockerfile: df('RUN npm install express sax@0.1.1'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { package: 'express' } }] },
    { name: 'global', dockerfile: df('RUN npm install --global express'), errors: [{ messageId: 'unpinned', line: 2, column: 26 }] },
    { name: 'git+ssh without a commit', dockerfile: df('RUN npm install git+ssh://git@github.com:npm/npm.git'), errors: [{ messageId: 'unpinned', line: 2, column: 17 }] },
    { name: 'git+https without a commit', dockerfile: df('RUN npm install git+https://isaacs@github.com/npm/npm.git'), errors: [{ messageId: 'unpinned', line: 2, column: 17 }] },
    { name: 'git without a commit', dockerfile: df('RUN npm install git://github.com/npm/npm.git'), errors: [{ messageId: 'unpinned', line: 2, column: 17 }] },
    { name: 'after a --registry value', dockerfile: df('RUN npm install --registry https://example.com express'), errors: [{ messageId: 'unpinned', line: 2, column: 48 }] },
    { name: 'after --registry=value', dockerfile: df('RUN npm install --registry=https://example.com express'), errors: [{ messageId: 'unpinned', line: 2, column: 48, data: { package: 'express' } }] },
    { name: 'npm i alias', dockerfile: df('RUN npm i -g pm2'), errors: [{ messageId: 'unpinned', line: 2, column: 14, data: { package: 'pm2' } }] },
    { name: 'npm add alias', dockerfile: df('RUN npm add lodash'), errors: [{ messageId: 'unpinned', line: 2, column: 13 }] },
    {
      name: 'each unpinned package',
      dockerfile: df('RUN npm install -D typescript eslint@9.5.0 prettier'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 20, data: { package: 'typescript' } },
        { messageId: 'unpinned', line: 2, column: 44, data: { package: 'prettier' } },
      ],
    },
    { name: 'exec form', dockerfile: df('RUN ["npm", "install", "-g", "pm2"]'), errors: [{ messageId: 'unpinned', line: 2, column: 30, data: { package: 'pm2' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN npm install express'), errors: [{ messageId: 'unpinned', line: 2, column: 25 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'npm ci', 'npm install -g serve', 'EOF'), errors: [{ messageId: 'unpinned', line: 4, column: 16, data: { package: 'serve' } }] },
    { name: 'on a continuation line', dockerfile: df('RUN npm ci \\', ' && npm install -g \\', '      nodemon'), errors: [{ messageId: 'unpinned', line: 4, column: 7 }] },
  ],
});
