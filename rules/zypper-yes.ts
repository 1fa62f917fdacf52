import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { effectiveCommands, missingYesFlag, parsedRuns, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

const SUBCOMMANDS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export default defineRule({
  meta: {
    id: 'zypper-yes',
    aliases: ['DL3034'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability', 'packages'],
    description: 'A zypper command that changes packages in a RUN runs non-interactively (`-n` or `-y`).',
    docs: {
      what: 'Reports a `zypper` command in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that installs or removes packages (`install`/`in`, `remove`/`rm`, `source-install`/`si`, `patch`, wherever the word is among its arguments) without one of `--non-interactive`/`-n` (global option) or `--no-confirm`/`-y` (command option), as hadolint DL3034 does. The flag counts anywhere on the command and inside a group of short flags. A command with an unknown word before the subcommand (`zypper $ZYPPER_OPTS install ...`) is not judged: the variable may hold the flag.',
      why: 'zypper asks for confirmation before it changes the system. A build has no one to answer, so the RUN aborts (or waits) instead of installing.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean --all',
      fix: 'Run zypper non-interactively:\n\nFROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
    },
    messages: {
      missingYes: '`zypper {{subcommand}}` without `--non-interactive`/`-n` (or `-y`) stops at a confirmation prompt nobody can answer during the build.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          if (rpmTool(command) !== 'zypper') continue;
          const sub = missingYesFlag(command, SUBCOMMANDS, ['-n', '--non-interactive', '-y', '--no-confirm']);
          if (sub) report({ messageId: 'missingYes', data: { subcommand: sub.value! }, at: refOf(df, command.words[0]!.span) });
        }
      }
    }
  },
});
