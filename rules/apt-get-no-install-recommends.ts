import { defineRule } from '../src/engine/rule.js';
import { earlierRunText, hasOption, optionValues, toolCalls, type ToolCall } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

const FALSE = /^(?:false|no|0|off)$/i;

/** `--no-install-recommends`, `--install-recommends=no`, or `-o APT::Install-Recommends=false`. */
function skipsRecommends(call: ToolCall): boolean {
  if (hasOption(call, 'no-install-recommends')) return true;
  if (call.options.some((o) => o.name === 'install-recommends' && o.value !== undefined && FALSE.test(o.value))) return true;
  return optionValues(call, 'o', 'option').some((v) => /^APT::Install-Recommends=/i.test(v) && FALSE.test(v.slice(v.indexOf('=') + 1)));
}

export default defineRule({
  meta: {
    id: 'apt-get-no-install-recommends',
    aliases: ['DL3015', 'DS029', 'AVD-DS-0029', 'APT-GET Not Avoiding Additional Packages'],
    level: 'note',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'Every `apt-get install` runs with `--no-install-recommends`.',
    docs: {
      what: 'Reports `apt-get install` (and `apt install`) in RUN and ONBUILD RUN that lets apt install recommended packages: it passes with `--no-install-recommends`, or with `-o APT::Install-Recommends=false` (also `0`, `no`, `off`). It also passes when an earlier RUN of the image turns recommends off in apt\'s configuration (`echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/...`), and when an unknown argument may hold options: one before the subcommand (`apt-get $APT_OPTS install`) or one named like options (`$APT_FLAGS`); an unknown package list (`$PACKAGES`) does not excuse it. Wrappers such as `sudo`, `env` and `eatmydata` are seen through.',
      why: 'By default apt also installs every package the requested ones recommend: documentation, extra tools, sometimes whole desktop libraries. They make the image larger and give an attacker more to work with, and the image depends on packages nobody asked for.',
      example: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
      fix: 'Install only what you name:\n\nFROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      missingNoInstallRecommends: '`{{tool}} install` also installs the recommended packages: add `--no-install-recommends`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if ((call.tool !== 'apt-get' && call.tool !== 'apt') || call.subcommand?.value !== 'install') continue;
        if (call.dynamic || skipsRecommends(call)) continue;
        if (/APT::Install-Recommends\s*[\\"']*\s*(?:false|no|0|off)\b/i.test(earlierRunText(df, call.run))) continue;
        report({ messageId: 'missingNoInstallRecommends', data: { tool: call.tool }, at: refOf(df, call.word.span) });
      }
    }
  },
});
