import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { NPM_INSTALL, NPM_OPTIONS, operands, parsedRuns } from '../src/model/packages-lang.js';
import { dockerfilesOf } from '../src/model/project.js';

const GIT = /^git(?:\+(?:ssh|https?))?:\/\//;
const TARBALL = /\.(?:tar|tar\.gz|tgz)$/;
const LOCAL = /^(?:\.\.?(?:\/|$)|\/|~\/|file:)/;

/** Whether npm gets this package spec at a fixed version, tag or commit, or from a folder or tarball. */
function npmSpecPinned(spec: string): boolean {
  if (GIT.test(spec)) return spec.includes('#');
  if (TARBALL.test(spec) || LOCAL.test(spec)) return true;
  // `user/repo#v1.2.0`, `github:user/repo#semver:^2`: a git reference.
  if (/#./.test(spec) && /[/:]/.test(spec)) return true;
  // `name@1.2.3`, `name@latest`, `@scope/name@^2`: an `@` after the scope.
  const name = spec.startsWith('@') ? spec.slice(spec.indexOf('/') < 0 ? spec.length : spec.indexOf('/')) : spec;
  return name.includes('@');
}

export default defineRule({
  meta: {
    id: 'npm-pin-versions',
    aliases: ['DL3016', 'NPM Install Command Without Pinned Version'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Packages named to npm install in a RUN carry a version, tag or commit.',
    docs: {
      what: 'Checks every `npm install` (and its aliases `npm i` and `npm add`) in RUN, ONBUILD RUN, exec-form RUN and heredoc scripts that names packages. Each one must say which version it wants: `express@4.19.2`, `@scope/pkg@^2.1.0`, a tag such as `typescript@latest`, a git URL or GitHub shorthand with `#<commit-or-semver>`, a tarball (`.tgz`, `.tar.gz`, `.tar`) or a folder (`./pkg`, `../pkg`, `/opt/pkg`, `~/pkg`, `file:`). `npm install` and `npm ci` without package names install what package.json and the lockfile say and are not judged, nor is a package given as a variable. The values of options such as `--registry URL` or `--omit dev` are not packages.',
      why: 'Without a version npm installs whatever is newest on the day of the build: two builds of the same Dockerfile get different code, and a breaking or compromised release is picked up silently.',
      example: 'FROM node:20-alpine\nRUN npm install -g pm2 typescript@5.4.5',
      fix: 'Name a version for every package, or list them in package.json with a lockfile and run `npm ci`:\n\nFROM node:20-alpine\nRUN npm install -g pm2@5.4.2 typescript@5.4.5',
    },
    messages: {
      unpinned: 'Pin the version of "{{package}}" in npm install (`{{package}}@<version>`).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of run.commands) {
          if (commandName(command) !== 'npm') continue;
          const [subcommand, ...packages] = operands(command.args, NPM_OPTIONS);
          if (subcommand?.value === undefined || !NPM_INSTALL.has(subcommand.value)) continue;
          for (const word of packages) {
            if (word.value === undefined || word.value === '' || npmSpecPinned(word.value)) continue;
            report({ messageId: 'unpinned', data: { package: word.value }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
