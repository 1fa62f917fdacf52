import { defineRule } from '../src/engine/rule.js';
import { runInstructions } from '../src/model/run.js';
import { refAt, scriptsOf } from '../src/model/run-security.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'run-shell-syntax',
    aliases: [],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'The shell script of a RUN instruction can be parsed.',
    docs: {
      what: 'Parses the script of every RUN (shell form, with its continuation lines joined and the comment lines Docker drops removed, and the heredoc bodies that run as scripts) as the shell does, and reports a syntax error at its position: an unclosed quote or parenthesis, an `if` without `then` or `fi`, a `for` without `done`, a bad arithmetic expression. The literal scripts given to `sh -c` / `bash -c` (also in exec form, `RUN ["bash", "-c", "..."]`) are parsed too. ONBUILD RUN counts. PowerShell and cmd RUNs, and zsh scripts, are not judged.',
      why: 'Docker does not check the shell syntax: the build runs the previous steps, then fails at this RUN with a terse `syntax error`. A linter can say where, before any build.',
      example: 'FROM debian:12-slim\nRUN if [ "$(uname -m)" = "x86_64" ]; then ARCH=amd64; else ARCH=arm64 \\\n    && curl -fsSLo /usr/local/bin/tool "https://example.com/tool-$ARCH"\n',
      fix: 'Close what the error names:\n\nFROM debian:12-slim\nRUN if [ "$(uname -m)" = "x86_64" ]; then ARCH=amd64; else ARCH=arm64; fi \\\n    && curl -fsSLo /usr/local/bin/tool "https://example.com/tool-$ARCH"\n',
    },
    messages: {
      syntax: 'The shell cannot parse this RUN ({{message}}): the build fails here.',
      innerSyntax: 'The script given to `{{shell}} -c` cannot be parsed ({{message}}): the build fails here.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of runInstructions(df)) {
        if (run.unparsed?.reason === 'syntax') {
          // The bash grammar the parser knows is not zsh's: a zsh script is not judged.
          if (run.shell.kind !== 'zsh') report({ messageId: 'syntax', data: { message: run.unparsed.message }, at: run.unparsed.at });
          continue;
        }
        for (const script of scriptsOf(df, run)) {
          if (script.error && script.interpreter && script.interpreter.name !== 'zsh') {
            report({ messageId: 'innerSyntax', data: { shell: script.interpreter.name, message: script.error.message }, at: refAt(df, script.error.at) });
          }
        }
      }
    }
  },
});
