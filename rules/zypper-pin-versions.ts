import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { effectiveCommands, hasArg, isUnknown, packageWords, parsedRuns, rpmTool, zypperSpecPinned } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'zypper-pin-versions',
    aliases: ['DL3037'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'packages'],
    description: 'Packages installed with `zypper install` name their version.',
    docs: {
      what: 'Reports each package of a `zypper install` (or `zypper in`) in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that names no version, as hadolint DL3037 does. A package is pinned when it carries a version relation: `=`, `>=`, `>`, `<=` or `<` (`curl=8.6.0`, `"tomcat>=9.0"`), or is an `.rpm` file or URL. A package built from a variable (`$PKGS`, `curl=${VERSION}`) is unknown until the build and is not reported. Option values (`--repo oss`, `-t pattern`) are not packages. Each unpinned package is reported at its word.',
      why: 'Without a version, zypper installs whatever the repositories hold on the day of the build. Two builds of the same Dockerfile then produce different images, and an update that breaks the application arrives unannounced with the next rebuild.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl git-core=2.43.0 && zypper clean --all',
      fix: 'Name the version of every package:\n\nFROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 git-core=2.43.0 && zypper clean --all',
    },
    messages: {
      unpinned: 'Package "{{package}}" names no version: zypper pins one with `=`, `<` or `>` (`name=<version>`).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          if (rpmTool(command) !== 'zypper' || !hasArg(command, 'install', 'in')) continue;
          for (const word of packageWords(command, 'zypper', ['install', 'in'])) {
            if (isUnknown(word) || zypperSpecPinned(word.value!)) continue;
            report({ messageId: 'unpinned', data: { package: word.value! }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
