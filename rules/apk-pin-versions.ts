import { defineRule } from '../src/engine/rule.js';
import { toolCalls } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

/** `foo=1.2`, `foo~1.2`, `foo>=1.2`, `foo<2`, or an `.apk` file. */
function apkPackagePinned(name: string): boolean {
  return /[=~<>]/.test(name) || name.endsWith('.apk');
}

export default defineRule({
  meta: {
    id: 'apk-pin-versions',
    aliases: ['DL3018', 'Unpinned Package Version in Apk Add'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Packages installed with `apk add` are pinned to a version.',
    docs: {
      what: 'Reports every package named in an `apk add` in RUN and ONBUILD RUN that has no version constraint: a package is pinned when it is written `name=version`, `name~version` (any release of that version), `name>=version` or `name<version`, or is an `.apk` file. Options and their values (`--virtual .build-deps`, `-t .deps`, `--repository <url>`, `-X <url>`) are not packages, and a word built from a variable (`$PACKAGES`) is unknown, so it is not reported. Wrappers such as `sudo` and `env` are seen through.',
      why: 'Without a version, `apk add` installs whatever the repository holds on the day of the build: rebuilding the same Dockerfile can bring a new major version, and images built from one commit can differ. Pinning makes the build repeatable and turns upgrades into reviewed changes. `~` keeps security releases of one version coming.',
      example: 'FROM alpine:3.20\nRUN apk add --no-cache curl ca-certificates',
      fix: 'Give every package its version:\n\nFROM alpine:3.20\nRUN apk add --no-cache curl~8.9 ca-certificates=20240705-r0',
    },
    messages: {
      unpinned: 'Pin the version of "{{package}}" in `apk add`: write `{{package}}=<version>` (or `~<version>`).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const call of toolCalls(df)) {
        if (call.tool !== 'apk' || call.subcommand?.value !== 'add') continue;
        for (const operand of call.operands) {
          const name = operand.value;
          if (name === undefined || name === '' || apkPackagePinned(name)) continue;
          report({ messageId: 'unpinned', data: { package: name }, at: refOf(df, operand.span) });
        }
      }
    }
  },
});
