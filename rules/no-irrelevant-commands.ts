import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationsOf } from '../src/model/run-commands.js';

/** hadolint's list (and `ifconfig`, which its message names), with why each one is pointless in a build. */
const IRRELEVANT: Record<string, string> = {
  free: 'it reports the memory of the throw-away build container, which says nothing about the image',
  ifconfig: 'network settings made during a build are not saved in the image',
  kill: 'the processes of a RUN end with it, so there is nothing of the image to stop',
  mount: 'a mount made in a RUN is not saved in the image (use `RUN --mount=...` for build-time mounts)',
  ps: 'it lists the processes of the throw-away build container, which says nothing about the image',
  service: 'no init system runs during a build, and a service started in a RUN stops when the RUN ends',
  shutdown: 'there is no system to shut down in a build container',
  ssh: 'a remote session makes the build depend on another machine and on credentials that should not be in the image',
  top: 'it monitors the processes of the throw-away build container, which says nothing about the image, and waits for keys unless run in batch mode',
  vim: 'an interactive editor waits for input that a build never gives (edit files with sed, or COPY them)',
};

export default defineRule({
  meta: {
    id: 'no-irrelevant-commands',
    aliases: ['DL3001'],
    level: 'note',
    target: 'dockerfile',
    tags: ['best-practice'],
    description: 'RUN instructions do not run commands that make no sense in a build, such as ssh, vim, service or top.',
    docs: {
      what: `Reports the commands hadolint DL3001 names when a RUN runs them: ${Object.keys(IRRELEVANT).map((c) => `\`${c}\``).join(', ')}. They count as commands wherever they run in the RUN (lists, pipelines, subshells, heredoc scripts, \`sh -c\` strings, exec form, ONBUILD RUN), called by path (\`/usr/sbin/service\`) or through a wrapper (\`sudo service ...\`, \`exec top\`). Installing them (\`apt-get install openssh-client vim\`) or naming them as arguments is not reported.`,
      why: 'A RUN executes in a temporary container whose processes, mounts and network settings are thrown away when it ends; only its file changes become the image layer. Starting a service, killing a process, mounting a file system or looking at processes and memory there has no effect on the image, and interactive tools (vim, top, ssh) wait for input that a build never gives.',
      example: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx \\\n    && service nginx start',
      fix: 'Leave run-time actions to the container\'s command, and make file changes directly:\n\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]',
    },
    messages: {
      irrelevant: '`{{command}}` makes no sense in a RUN: {{reason}}.',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        for (const invocation of invocationsOf(df, run)) {
          const reason = Object.hasOwn(IRRELEVANT, invocation.name) ? IRRELEVANT[invocation.name] : undefined;
          if (reason) report({ messageId: 'irrelevant', data: { command: invocation.name, reason }, at: refOf(df, invocation.word.span) });
        }
      }
    }
  },
});
