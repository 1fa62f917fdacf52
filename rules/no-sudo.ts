import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationsOf } from '../src/model/run-commands.js';

export default defineRule({
  meta: {
    id: 'no-sudo',
    aliases: ['DL3004', 'DS010', 'AVD-DS-0010', 'CKV2_DOCKER_1', 'Run Using Sudo'],
    level: 'error',
    target: 'dockerfile',
    tags: ['security'],
    securitySeverity: 7.0,
    description: 'RUN instructions do not call sudo.',
    docs: {
      what: 'Reports every `sudo` that a RUN runs: as a command (`sudo apt-get install ...`, `/usr/bin/sudo ...`), anywhere in a `&&` list, pipeline, subshell or `$( )`, behind another wrapper (`env X=1 sudo ...`, `exec sudo ...`), in a heredoc script or a `sh -c` string, in shell or exec form (`RUN ["sudo", ...]`) and in ONBUILD RUN. Installing the package (`apt-get install sudo`) or asking for it (`command -v sudo`) is not reported. A RUN whose shell text cannot be parsed, or that runs under PowerShell or cmd, is not judged.',
      why: 'A RUN already runs as the USER in effect, and can switch to root with `USER root` where it must. sudo in a build hides which user a step runs as, depends on a sudoers file and a TTY setting that differ between images, prompts for a password that no one can type, and leaves a setuid binary and a privileged user in the image for an attacker to use.',
      example: 'FROM ubuntu:24.04\nRUN useradd -m app\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl',
      fix: 'Run the privileged steps as root and switch to the unprivileged user afterwards:\n\nFROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && useradd -m app\nUSER app\n\nTo drop privileges at run time in an entrypoint script, use a tool made for it, such as `gosu` or `su-exec`.',
    },
    messages: {
      sudo: 'Do not use sudo in a RUN: it makes the user a step runs as unpredictable; set `USER root` before the step (and switch back after it), or use gosu/su-exec at run time.',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        for (const invocation of invocationsOf(df, run)) {
          const words = [...invocation.via, invocation].filter((w) => w.name === 'sudo');
          for (const w of words) report({ messageId: 'sudo', at: refOf(df, w.word.span) });
        }
      }
    }
  },
});
