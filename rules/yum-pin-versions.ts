import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { effectiveCommands, hasArg, isUnknown, moduleSpecPinned, packageWords, parsedRuns, rpmSpecPinned, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'yum-pin-versions',
    aliases: ['DL3033'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'packages'],
    description: 'Packages installed with `yum install` name their version.',
    docs: {
      what: 'Reports each package of a `yum install` in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that names no version, as hadolint DL3033 does. A package is pinned when a `-` follows its name and what follows is a version: parts of letters, digits and `.~^_:+` with one starting with a digit (`httpd-2.4.6`, `openssl-1:1.1.1k`, `gcc-c++-11.4.1`; `rpm-sign` and `python3-pip` are not). An `.rpm` file or URL is pinned. In `yum module install`, a module is pinned when it names its stream (`nodejs:18`); so is an `@module:stream` spec. `yum group install` installs groups, which have no version, and is not checked. A package built from a variable (`$PKGS`, `httpd-${VERSION}`) is unknown until the build and is not reported. Option values (`--enablerepo epel`) are not packages. Each unpinned package is reported at its word.',
      why: 'Without a version, yum installs whatever the repositories hold on the day of the build. Two builds of the same Dockerfile then produce different images, and an update that breaks the application arrives unannounced with the next rebuild.',
      example: 'FROM rockylinux:9\nRUN yum install -y httpd mod_ssl-2.4.57 && yum clean all',
      fix: 'Name the version of every package:\n\nFROM rockylinux:9\nRUN yum install -y httpd-2.4.57 mod_ssl-2.4.57 && yum clean all',
    },
    messages: {
      unpinned: 'Package "{{package}}" has no version: install `{{package}}-<version>`.',
      unpinnedModule: 'Module "{{package}}" names no stream: install `{{package}}:<stream>`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          if (rpmTool(command) !== 'yum' || !hasArg(command, 'install') || hasArg(command, 'group')) continue;
          const modules = hasArg(command, 'module');
          for (const word of packageWords(command, 'yum', ['install', 'module'])) {
            if (isUnknown(word)) continue;
            const spec = word.value!;
            const module = modules || spec.startsWith('@');
            if (module ? moduleSpecPinned(spec) : rpmSpecPinned(spec)) continue;
            report({ messageId: module ? 'unpinnedModule' : 'unpinned', data: { package: spec }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
