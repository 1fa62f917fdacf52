import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { effectiveCommands, findArg, parsedRuns, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'zypper-no-dist-upgrade',
    aliases: ['DL3035'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'packages'],
    description: 'A RUN does not run `zypper dist-upgrade` (`zypper dup`).',
    docs: {
      what: 'Reports `zypper dist-upgrade` and its short form `zypper dup` in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers), wherever the word is among the arguments, as hadolint DL3035 does. The finding points at the `dist-upgrade` or `dup` word. `zypper update` and `zypper patch` are not reported.',
      why: 'A distribution upgrade inside an image build moves every package, possibly to the next release of the distribution, to whatever the repositories hold on the day of the build. The image stops matching its base, grows a large layer, and two builds of the same Dockerfile differ. Upgrading the distribution is the job of the base image: pick a newer tag.',
      example: 'FROM opensuse/leap:15.5\nRUN zypper --non-interactive dist-upgrade && zypper clean --all',
      fix: 'Use a newer base image instead, and install only what the image needs:\n\nFROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
    },
    messages: {
      distUpgrade: 'Do not run `zypper {{subcommand}}` in an image build: use a newer base image instead.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          if (rpmTool(command) !== 'zypper') continue;
          const word = findArg(command, ['dist-upgrade', 'dup']);
          if (word) report({ messageId: 'distUpgrade', data: { subcommand: word.value! }, at: refOf(df, word.span) });
        }
      }
    }
  },
});
