import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { earlierRunText, hasOption, optionValues, toolCalls, type ToolCall } from '../src/model/packages-deb-apk.js';
import { dockerfilesOf } from '../src/model/project.js';

const TRUE = /^(?:true|yes|1|on)$/i;

/** The quiet level of the call: `-q` counts one each, `-qq` two, `-q=2` / `--quiet=2` say it. */
function quietLevel(call: ToolCall): number {
  let level = 0;
  for (const o of call.options) {
    if (o.name !== 'q' && o.name !== 'quiet') continue;
    if (o.value === undefined) level++;
    else if (/^\d+$/.test(o.value)) level = Math.max(level, Number(o.value));
  }
  return level;
}

/** Whether the call answers apt's confirmation prompt itself. */
function assumesYes(call: ToolCall): boolean {
  if (hasOption(call, 'y', 'yes', 'assume-yes') || quietLevel(call) >= 2) return true;
  if (optionValues(call, 'o', 'option').some((v) => /^APT::Get::Assume-Yes=/i.test(v) && TRUE.test(v.slice(v.indexOf('=') + 1)))) return true;
  // `yes | apt-get install ...`
  const pipeline = call.command.pipeline?.commands;
  const at = pipeline?.indexOf(call.command) ?? -1;
  return at > 0 && commandName(pipeline![at - 1]!) === 'yes';
}

export default defineRule({
  meta: {
    id: 'apt-get-yes',
    aliases: ['DL3014', 'DS021', 'AVD-DS-0021', 'APT-GET Missing Flags To Avoid Manual Input'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability'],
    description: 'Every `apt-get install` runs with `-y` so that it never waits for an answer.',
    docs: {
      what: 'Reports `apt-get install` (and `apt install`) in RUN and ONBUILD RUN without an option that answers its confirmation prompt: `-y`, `--yes`, `--assume-yes` (also inside a group such as `-qy`), quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet=2`), which implies `-y`, or `-o APT::Get::Assume-Yes=true`. It also passes when `yes` is piped into it, when an earlier RUN of the image writes `APT::Get::Assume-Yes "true"` to apt\'s configuration, and when an unknown argument may hold options: one before the subcommand (`apt-get $APT_OPTS install`) or one named like options (`$APT_FLAGS`); an unknown package list (`$PACKAGES`) does not excuse a missing `-y`. Wrappers such as `sudo`, `env` and `eatmydata` are seen through.',
      why: 'A build has no terminal to answer "Do you want to continue? [Y/n]": without `-y`, apt-get aborts as soon as the install needs more than the named packages, and the build fails, or worse, only fails later when a dependency is added.',
      example: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
      fix: 'Add `-y`:\n\nFROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      missingYes: '`{{tool}} install` without `-y` waits for an answer that a build cannot give: add `-y`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if ((call.tool !== 'apt-get' && call.tool !== 'apt') || call.subcommand?.value !== 'install') continue;
        if (call.dynamic || assumesYes(call)) continue;
        if (/APT::Get::Assume-Yes\s*[\\"']*\s*(?:true|yes|1|on)\b/i.test(earlierRunText(df, call.run))) continue;
        report({ messageId: 'missingYes', data: { tool: call.tool }, at: refOf(df, call.word.span) });
      }
    }
  },
});
