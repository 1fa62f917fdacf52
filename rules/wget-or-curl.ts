import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationsOf } from '../src/model/run-commands.js';

type Tool = 'curl' | 'wget';

export default defineRule({
  meta: {
    id: 'wget-or-curl',
    aliases: ['DL4001', 'DS014', 'AVD-DS-0014', "Run Using 'wget' and 'curl'"],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size', 'maintainability'],
    description: 'A build stage downloads with either wget or curl, not both.',
    docs: {
      what: 'Follows the RUN instructions of each build stage in order and, once both `curl` and `wget` have run in the stage, reports every later RUN that runs one of them (and the RUN where the second tool first appears), as hadolint DL4001 does: one finding per RUN, at its first use of a tool after the other one was used. Uses count wherever they run (lists, pipelines, subshells, heredoc scripts, `sh -c` strings, exec form, through `sudo` or `busybox`); installing a package named curl or wget does not. Each stage starts afresh, and the ONBUILD RUN triggers of a stage are followed separately from its RUNs, since they run in another build.',
      why: 'curl and wget do the same job. Using both means installing and keeping two download tools, each with its own dependencies, options, TLS settings and failure behaviour to understand and update; settling on one makes the stage smaller and its downloads consistent.',
      example: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget ca-certificates\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app-1.2.0.tgz\nRUN wget -q -O /tmp/tool.tgz https://example.com/tool-0.9.1.tgz',
      fix: 'Use one of them everywhere in the stage:\n\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app-1.2.0.tgz\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-0.9.1.tgz',
    },
    messages: {
      both: '`{{tool}}` is used here, but this stage already downloads with `{{other}}` (line {{line}}): use one of the two tools.',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      // Per stage, and separately for its ONBUILD triggers: where each tool was first used.
      const seen = new Map<string, Map<Tool, number>>();
      for (const run of runs) {
        const key = `${run.stage.index}${run.onbuild ? ':onbuild' : ''}`;
        let first = seen.get(key);
        if (!first) seen.set(key, (first = new Map()));
        let reported = false;
        const uses = invocationsOf(df, run)
          .filter((i): i is typeof i & { name: Tool } => i.name === 'curl' || i.name === 'wget')
          .sort((a, b) => a.word.span.start - b.word.span.start);
        for (const use of uses) {
          const other: Tool = use.name === 'curl' ? 'wget' : 'curl';
          const otherLine = first.get(other);
          if (!reported && otherLine !== undefined) {
            reported = true;
            report({ messageId: 'both', data: { tool: use.name, other, line: otherLine }, at: refOf(df, use.word.span) });
          }
          if (!first.has(use.name)) first.set(use.name, df.lines.position(use.word.span.start).line);
        }
      }
    }
  },
});
