import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { GEM_OPTIONS, operands, parsedRuns } from '../src/model/packages-lang.js';
import { dockerfilesOf } from '../src/model/project.js';

/** `-v 2.0`, `-v2.0`, `--version 2.0`, `--version=2.0`: one version for the gems of the command. */
const VERSION_OPTION = /^(?:-v|--version(?:=.*)?|-v.+)$/;

export default defineRule({
  meta: {
    id: 'gem-pin-versions',
    aliases: ['DL3028', 'Gem Install Without Version'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Gems installed with gem install in a RUN name a version.',
    docs: {
      what: 'Checks every `gem install` (and `gem i`) in RUN, ONBUILD RUN, exec-form RUN and heredoc scripts. Each gem must carry its version as `name:version` (`bundler:2.5.10`), unless the command gives one with `-v`/`--version`. Words after `--` are build options for native extensions, not gems; a local `.gem` file or a path is not judged, nor is a gem given as a variable. As in hadolint, an option that gem does not take as a plain switch is read as taking the next word as its value.',
      why: 'Without a version gem installs whatever is newest on the day of the build: two builds of the same Dockerfile get different code, and a breaking or compromised release is picked up silently.',
      example: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler rake:13.2.1',
      fix: 'Give every gem a version, or install them from a Gemfile.lock with bundler:\n\nFROM ruby:3.3-slim\nRUN gem install --no-document bundler:2.5.10 rake:13.2.1',
    },
    messages: {
      unpinned: 'Pin the version of "{{gem}}" in gem install (`{{gem}}:<version>` or `-v <version>`).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of run.commands) {
          if (commandName(command) !== 'gem') continue;
          if (command.args.some((a) => a.value !== undefined && VERSION_OPTION.test(a.value))) continue;
          // Everything after `--` goes to the extension's build, not to gem.
          const dashDash = command.args.findIndex((a) => a.value === '--');
          const words = dashDash < 0 ? command.args : command.args.slice(0, dashDash);
          const [subcommand, ...gems] = operands(words, GEM_OPTIONS);
          if (subcommand?.value !== 'install' && subcommand?.value !== 'i') continue;
          for (const word of gems) {
            const gem = word.value;
            if (gem === undefined || gem === '' || gem.includes(':') || gem.includes('/') || gem.endsWith('.gem')) continue;
            report({ messageId: 'unpinned', data: { gem }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
