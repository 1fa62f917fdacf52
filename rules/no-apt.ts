import { defineRule } from '../src/engine/rule.js';
import { toolCalls } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-apt',
    aliases: ['DL3027', 'CKV_DOCKER_9', 'Run Using apt'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability'],
    description: 'RUN uses `apt-get` and `apt-cache`, not `apt`.',
    docs: {
      what: 'Reports every run of the `apt` command in RUN and ONBUILD RUN (also through `sudo`, `env` and the like, and as `/usr/bin/apt`), whatever its subcommand. `apt-get`, `apt-cache` and `apt-mark` are not `apt`.',
      why: '`apt` is the command line for people at a terminal: its output and behaviour may change between releases, it prints "WARNING: apt does not have a stable CLI interface" when used in scripts, and it adds progress bars and prompts a build cannot use. `apt-get` and `apt-cache` are the stable interfaces meant for scripts.',
      example: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 && rm -rf /var/lib/apt/lists/*',
      fix: 'Use apt-get:\n\nFROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      useAptGet: '`apt` is meant for interactive use and its interface may change: use `apt-get` or `apt-cache` in a Dockerfile.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if (call.tool === 'apt') report({ messageId: 'useAptGet', at: refOf(df, call.word.span) });
      }
    }
  },
});
