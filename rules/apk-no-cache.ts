import { defineRule } from '../src/engine/rule.js';
import { hasOption, runMounts, toolCalls } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    aliases: ['DL3019', 'DS025', 'AVD-DS-0025', 'Apk Add Using Local Cache Path'],
    level: 'note',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'Every `apk add` runs with `--no-cache`.',
    docs: {
      what: 'Reports `apk add` in RUN and ONBUILD RUN without `--no-cache` (which may stand anywhere on the command, `apk --no-cache add ...` too). A RUN with a BuildKit cache or tmpfs mount on `/var/cache/apk` passes: the cache then stays out of the layer. A call with an unknown argument that may hold options is not judged: one before the subcommand (`apk $APK_OPTS add`) or one named like options (`$APK_FLAGS`); an unknown package list (`$PACKAGES`) does not excuse it. Wrappers such as `sudo` and `env` are seen through.',
      why: '`apk add --update` or a separate `apk update` leaves the package index in `/var/cache/apk` in the layer: megabytes that the running container never reads, and that no later RUN can remove from this layer. `--no-cache` fetches a fresh index for this one call and keeps nothing.',
      example: 'FROM alpine:3.20\nRUN apk add --update curl=8.9.1-r2',
      fix: 'Use `--no-cache` (it also replaces `--update` and `rm -rf /var/cache/apk/*`):\n\nFROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2',
    },
    messages: {
      missingNoCache: '`apk add` without `--no-cache` leaves the package index in /var/cache/apk in this layer: add `--no-cache`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if (call.tool !== 'apk' || call.subcommand?.value !== 'add') continue;
        if (call.dynamic || hasOption(call, 'no-cache')) continue;
        if (runMounts(call.run).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target?.includes('/var/cache/apk'))) continue;
        report({ messageId: 'missingNoCache', at: refOf(df, call.word.span) });
      }
    }
  },
});
