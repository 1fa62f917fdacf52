import { defineRule } from '../src/engine/rule.js';
import { toolCalls } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

const DIST_UPGRADE = ['dist-upgrade', 'full-upgrade'];

export default defineRule({
  meta: {
    id: 'no-dist-upgrade',
    aliases: ['DS024', 'AVD-DS-0024'],
    level: 'off',
    target: 'dockerfile',
    tags: ['reproducibility', 'best-practice'],
    description: 'RUN does not upgrade the distribution with `apt-get dist-upgrade`.',
    docs: {
      what: 'Reports `apt-get dist-upgrade` and `apt dist-upgrade` / `apt full-upgrade` in RUN and ONBUILD RUN (also through `sudo`, `env` and the like). A plain `apt-get upgrade`, which only brings installed packages to their latest version, is not reported. Off by default: Trivy, the tool that had this check (DS024), has deprecated it, and hadolint removed its equivalent (DL3005); enable it to keep distribution upgrades out of Dockerfiles.',
      why: '`dist-upgrade` resolves dependency changes by installing new packages and removing others, so what the image contains depends on the day of the build, not on the Dockerfile. A newer base image gives the same fixes in a tested, repeatable form.',
      example: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*',
      fix: 'Use a more recent base image (or `apt-get upgrade` for fixes within the release):\n\nFROM debian:12.8-slim\nRUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      distUpgrade: '`{{tool}} {{subcommand}}` changes the distribution inside the image: use a newer base image instead.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if (call.tool !== 'apt-get' && call.tool !== 'apt') continue;
        const sub = call.subcommand?.value;
        if (sub !== undefined && DIST_UPGRADE.includes(sub)) {
          report({ messageId: 'distUpgrade', data: { tool: call.tool, subcommand: sub }, at: refOf(df, call.subcommand!.span) });
        }
      }
    }
  },
});
