import { defineRule } from '../src/engine/rule.js';
import { toolCalls } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

/** `foo=1.2`, a release (`foo/bookworm-backports`), a path or a `.deb` file: hadolint's test for a pinned package. */
function aptPackagePinned(name: string): boolean {
  return name.includes('=') || name.includes('/') || name.endsWith('.deb');
}

export default defineRule({
  meta: {
    id: 'apt-get-pin-versions',
    aliases: ['DL3008', 'Apt Get Install Pin Version Not Defined'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Packages installed with `apt-get install` are pinned to a version.',
    docs: {
      what: 'Reports every package named in an `apt-get install` (or `apt install`) in RUN and ONBUILD RUN that has no version: a package is pinned when it is written `name=version`, names a release (`name/bookworm-backports`), or is a path or a `.deb` file. Options and their values (`-t stable`, `-o Key=Value`, `--no-install-recommends`) are not packages, and a word built from a variable (`$PACKAGES`) is unknown, so it is not reported. Wrappers such as `sudo`, `env` and `eatmydata` are seen through.',
      why: 'Without a version, the same Dockerfile installs whatever the archive serves on the day it is built: a rebuild can pick up an incompatible release, and two images built from one commit can differ. A pinned version makes the build repeatable and turns an upgrade into a visible change.',
      example: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates \\\n && rm -rf /var/lib/apt/lists/*',
      fix: 'Give every package its version:\n\nFROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ca-certificates=20230311 \\\n && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      unpinned: 'Pin the version of "{{package}}" in `{{tool}} install`: write `{{package}}=<version>`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if ((call.tool !== 'apt-get' && call.tool !== 'apt') || call.subcommand?.value !== 'install') continue;
        for (const operand of call.operands) {
          const name = operand.value;
          if (name === undefined || name === '' || aptPackagePinned(name)) continue;
          report({ messageId: 'unpinned', data: { package: name, tool: call.tool }, at: refOf(df, operand.span) });
        }
      }
    }
  },
});
