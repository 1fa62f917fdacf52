import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationOf, topLevelScripts, type Invocation } from '../src/model/run-commands.js';

export default defineRule({
  meta: {
    id: 'workdir-instead-of-cd',
    aliases: ['DL3003', 'DS013', 'AVD-DS-0013', "RUN Instruction Using 'cd' Instead of WORKDIR"],
    level: 'warning',
    target: 'dockerfile',
    tags: ['maintainability'],
    description: 'A RUN does not change its working directory with cd; WORKDIR does.',
    docs: {
      what: 'Reports a `cd` (also `builtin cd`, `command cd`) that changes the directory of the RUN\'s own shell: anywhere in its `&&`/`;` lists, `if`/`for`/`while` bodies or heredoc script, in shell or exec form (`RUN ["sh", "-c", "cd /src && make"]` runs that script as the RUN\'s), and in ONBUILD RUN. A `cd` inside a subshell (`(cd /src && make)`), a command substitution (`$(cd "$dir" && pwd)`), a pipeline, or a `sh -c` string run by the RUN only changes the directory of that child shell and is not reported. One finding per RUN, at its first such `cd`.',
      why: 'The directory a `cd` sets lasts until the end of the RUN and is invisible to every later instruction: the next RUN, COPY, CMD and ENTRYPOINT start again in the WORKDIR. Chains of `cd dir && ... && cd ..` are hard to follow and break quietly when a path changes; WORKDIR states the directory once, creates it if needed and applies to all the instructions that follow.',
      example: 'FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /out/app ./cmd/app',
      fix: 'Set the directory with WORKDIR:\n\nFROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\nor, for a step that needs another directory only briefly, run it in a subshell: `RUN (cd /tmp/src && make install) && rm -rf /tmp/src`.',
    },
    messages: {
      cd: '`cd {{dir}}` changes the directory for the rest of this RUN only: set it with `WORKDIR {{dir}}`, or run the commands that need it in a subshell `(cd {{dir}} && ...)`.',
      cdHome: '`cd` changes the directory for the rest of this RUN only: set it with WORKDIR, or run the commands that need it in a subshell `(cd ... && ...)`.',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        let first: Invocation | undefined;
        for (const script of topLevelScripts(df, run)) {
          for (const command of script.commands) {
            if (command.subshell) continue;
            const invocation = invocationOf(command, script);
            if (invocation?.name !== 'cd' || invocation.via.some((w) => w.name !== 'builtin' && w.name !== 'command')) continue;
            if (!first || invocation.word.span.start < first.word.span.start) first = invocation;
          }
        }
        if (!first) continue;
        // The directory operand: not an option (`-P`), and not `-` (back to the previous directory).
        const dir = first.args.find((a) => a.value === undefined || !/^(-[LPe@]*|--)$/.test(a.value));
        report(dir ? { messageId: 'cd', data: { dir: dir.raw }, at: refOf(df, first.word.span) } : { messageId: 'cdHome', at: refOf(df, first.word.span) });
      }
    }
  },
});
