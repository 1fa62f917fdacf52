import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { effectiveCommands, missingYesFlag, parsedRuns, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

const SUBCOMMANDS = ['install', 'groupinstall', 'localinstall'];

export default defineRule({
  meta: {
    id: 'yum-yes',
    aliases: ['DL3030'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability', 'packages'],
    description: 'A `yum install` in a RUN answers its confirmation prompt with `-y`.',
    docs: {
      what: 'Reports a `yum` command in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that installs packages (`install`, `groupinstall`, `localinstall`, wherever the word is among its arguments, so `yum module install` too) without `-y` or `--assumeyes`, as hadolint DL3030 does. The flag counts anywhere on the command and inside a group of short flags (`-qy`). A command with an unknown word before the subcommand (`yum $YUM_OPTS install ...`) is not judged: the variable may hold the flag.',
      why: 'yum asks for confirmation before it installs anything. A build has no one to answer: yum reads end of input, aborts the transaction and the RUN fails, or, worse, a wrapper answers for it in a way nobody reviewed.',
      example: 'FROM rockylinux:9\nRUN yum install httpd-2.4.57 && yum clean all',
      fix: 'Pass `-y` so that yum proceeds without asking:\n\nFROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
    },
    messages: {
      missingYes: '`yum {{subcommand}}` without `-y` (or `--assumeyes`) stops at a confirmation prompt nobody can answer during the build.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          if (rpmTool(command) !== 'yum') continue;
          const sub = missingYesFlag(command, SUBCOMMANDS, ['-y', '--assumeyes']);
          if (sub) report({ messageId: 'missingYes', data: { subcommand: sub.value! }, at: refOf(df, command.words[0]!.span) });
        }
      }
    }
  },
});
