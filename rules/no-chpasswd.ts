import { defineRule } from '../src/engine/rule.js';
import { runInstructions } from '../src/model/run.js';
import { commandViews, refAt } from '../src/model/run-security.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-chpasswd',
    aliases: ['CKV2_DOCKER_17'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security', 'secrets'],
    securitySeverity: 6.0,
    description: 'RUN does not set passwords with chpasswd.',
    docs: {
      what: 'Reports `chpasswd` run by a RUN instruction (shell and exec form, `sh -c` scripts, heredoc scripts, ONBUILD RUN, through `sudo`), wherever it is in the script: as a command of its own or at the end of a pipe (`echo "root:secret" | chpasswd`).',
      why: 'A password set while building is the same in every container of the image, and the text that sets it usually stays readable in the image history (`docker history`) or in a layer. It also turns on password logins (su, SSH) that containers do not need: run as an unprivileged USER and give credentials at run time instead.',
      example: 'FROM ubuntu:24.04\nRUN useradd -m app && echo "app:changeme" | chpasswd\nUSER app\n',
      fix: 'Create the user without a password:\n\nFROM ubuntu:24.04\nRUN useradd --create-home --shell /usr/sbin/nologin app\nUSER app\n\nand pass any secret the container needs at run time (a mounted secret, an environment variable set by the orchestrator), or at build time with `RUN --mount=type=secret`.',
    },
    messages: {
      chpasswd: '`chpasswd` sets a password in the image: it is the same in every container, often readable in the image history, and enables password logins.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const reported = new Set<number>();
      for (const run of runInstructions(df)) {
        for (const view of commandViews(df, run)) {
          const word = view.nameWord;
          if (view.name !== 'chpasswd' || !word || reported.has(word.span.start)) continue;
          reported.add(word.span.start);
          report({ messageId: 'chpasswd', at: refAt(df, word.span.start, word.span.end - word.span.start) });
        }
      }
    }
  },
});
