import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { effectiveCommands, missingYesFlag, parsedRuns, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

const SUBCOMMANDS = ['install', 'groupinstall', 'localinstall'];

export default defineRule({
  meta: {
    id: 'dnf-yes',
    aliases: ['DL3038'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability', 'packages'],
    description: 'A `dnf install` or `microdnf install` in a RUN answers its confirmation prompt with `-y`.',
    docs: {
      what: 'Reports a `dnf` (also `dnf5`) or `microdnf` command in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that installs packages (`install`, `groupinstall`, `localinstall`, wherever the word is among its arguments, so `dnf module install` and `dnf group install` too) without `-y` or `--assumeyes`, as hadolint DL3038 does. The flag counts anywhere on the command and inside a group of short flags (`-qy`). A command with an unknown word before the subcommand (`dnf $DNF_OPTS install ...`) is not judged: the variable may hold the flag.',
      why: 'dnf asks for confirmation before it changes the system. A build has no one to answer: dnf reads end of input, aborts the transaction and the RUN fails.',
      example: 'FROM fedora:40\nRUN dnf install nginx-1.26.1 && dnf clean all',
      fix: 'Pass `-y` so that dnf proceeds without asking:\n\nFROM fedora:40\nRUN dnf install -y nginx-1.26.1 && dnf clean all',
    },
    messages: {
      missingYes: '`{{tool}} {{subcommand}}` without `-y` (or `--assumeyes`) stops at a confirmation prompt nobody can answer during the build.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          const tool = rpmTool(command);
          if (tool !== 'dnf' && tool !== 'microdnf') continue;
          const sub = missingYesFlag(command, SUBCOMMANDS, ['-y', '--assumeyes']);
          if (sub) report({ messageId: 'missingYes', data: { tool: commandName(command)!, subcommand: sub.value! }, at: refOf(df, command.words[0]!.span) });
        }
      }
    }
  },
});
