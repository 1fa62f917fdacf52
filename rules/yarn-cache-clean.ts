import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf, type RunInstruction } from '../src/model/run.js';
import { cacheMountTargets, operands, parsedRuns, YARN_OPTIONS } from '../src/model/packages-lang.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Where yarn keeps its cache: `~/.cache/yarn`, `/usr/local/share/.cache/yarn` (yarn 1), `.yarn/cache`, `.yarn/berry` (yarn 2+). */
const YARN_CACHE = /\.cache\/yarn|\.yarn\/(?:cache|berry)/;

/** Options that make a bare `yarn` do something other than install. */
const NOT_INSTALL = new Set(['--version', '-v', '--help', '-h']);

/** `yarn install`, `yarn add pkg`, `yarn global add pkg`, or a bare `yarn` (which installs). */
function isYarnInstall(command: ShellCommand): boolean {
  if (commandName(command) !== 'yarn') return false;
  // hadolint: any `install` word.
  if (command.args.some((a) => a.value === 'install')) return true;
  const [first, second] = operands(command.args, YARN_OPTIONS);
  if (first === undefined) return !command.args.some((a) => a.value !== undefined && NOT_INSTALL.has(a.value));
  return first.value === 'add' || (first.value === 'global' && second?.value === 'add');
}

/** `yarn cache clean` (hadolint takes any yarn command with a `cache` or `clean` word), or removing the cache folder. */
function cleansCache(command: ShellCommand): boolean {
  const name = commandName(command);
  if (name === 'yarn') return command.args.some((a) => a.value === 'cache' || a.value === 'clean');
  return name === 'rm' && command.args.some((a) => a.value !== undefined && YARN_CACHE.test(a.value));
}

/** Stages whose layers end up in an image another build uses: the last stage, and stages other stages are built on. */
function shippedStages(df: DockerfileModel): Set<Stage> {
  const shipped = new Set<Stage>();
  const last = df.stages[df.stages.length - 1];
  if (last) shipped.add(last);
  for (const stage of df.stages) if (stage.parent) shipped.add(stage.parent);
  return shipped;
}

function mountsYarnCache(run: RunInstruction): boolean {
  return cacheMountTargets(run.instruction).some((t) => YARN_CACHE.test(t));
}

export default defineRule({
  meta: {
    id: 'yarn-cache-clean',
    aliases: ['DL3060'],
    level: 'note',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'A RUN that installs with yarn cleans the yarn cache in the same RUN, or keeps it in a cache mount.',
    docs: {
      what: 'Finds `yarn install`, `yarn add`, `yarn global add` and a bare `yarn` in RUN, exec-form RUN and heredoc scripts of the stages that end up in an image: the last stage, and every stage another stage is built on (`FROM deps`); a builder stage that is only copied from is not judged. ONBUILD RUN triggers always are: they run in the image built on this one. The RUN passes when it also runs `yarn cache clean` (or removes the cache folder with `rm -rf .../.cache/yarn`), or when it mounts a BuildKit cache or tmpfs over the yarn cache (`--mount=type=cache,target=/usr/local/share/.cache/yarn`).',
      why: 'yarn keeps a copy of every package it downloads in its cache folder. Written in a RUN, that cache is part of the layer: often as large as node_modules itself, shipped with every image and never read again.',
      example: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production',
      fix: 'Clean the cache in the same RUN, or keep it in a cache mount:\n\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n\nor\n\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile --production',
    },
    messages: {
      noCacheClean: '`yarn cache clean` is missing after this yarn install: the yarn cache stays in the layer.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const shipped = shippedStages(df);
      for (const run of parsedRuns(df)) {
        if (!run.onbuild && !shipped.has(run.stage)) continue;
        const install = run.commands.find(isYarnInstall);
        if (!install || run.commands.some(cleansCache) || mountsYarnCache(run)) continue;
        report({ messageId: 'noCacheClean', at: refOf(df, install.words[0]!.span) });
      }
    }
  },
});
