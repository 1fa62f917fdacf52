import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { effectiveCommands, hasArg, isUnknown, moduleSpecPinned, packageWords, parsedRuns, rpmSpecPinned, rpmTool } from '../src/model/packages-rpm.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'dnf-pin-versions',
    aliases: ['DL3041'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'packages'],
    description: 'Packages installed with `dnf install` or `microdnf install` name their version.',
    docs: {
      what: 'Reports each package of a `dnf install` (also `dnf5`) or `microdnf install` in a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) that names no version, as hadolint DL3041 does. A package is pinned when a `-` follows its name and what follows is a version: parts of letters, digits and `.~^_:+` with one starting with a digit (`nginx-1.26.1`, `openssl-1:3.0.7`, `gcc-c++-11.4.1`; `rpm-sign` and `python3-pip` are not). An `.rpm` file or URL is pinned. In `dnf module install`, a module is pinned when it names its stream (`nodejs:18`); so is an `@module:stream` spec. `dnf group install` installs groups, which have no version, and is not checked. A package built from a variable (`$PKGS`, `nginx-${VERSION}`) is unknown until the build and is not reported. Option values (`--enablerepo epel`, `--setopt x=y`) are not packages. Each unpinned package is reported at its word.',
      why: 'Without a version, dnf installs whatever the repositories hold on the day of the build. Two builds of the same Dockerfile then produce different images, and an update that breaks the application arrives unannounced with the next rebuild.',
      example: 'FROM fedora:40\nRUN dnf install -y nginx python3-pip && dnf clean all',
      fix: 'Name the version of every package:\n\nFROM fedora:40\nRUN dnf install -y nginx-1.26.1 python3-pip-23.3.2 && dnf clean all',
    },
    messages: {
      unpinned: 'Package "{{package}}" has no version: `{{tool}} install {{package}}-<version>`.',
      unpinnedModule: 'Module "{{package}}" names no stream: `{{tool}} module install {{package}}:<stream>`.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of effectiveCommands(run)) {
          const tool = rpmTool(command);
          if ((tool !== 'dnf' && tool !== 'microdnf') || !hasArg(command, 'install') || hasArg(command, 'group')) continue;
          const modules = hasArg(command, 'module');
          for (const word of packageWords(command, tool, ['install', 'module'])) {
            if (isUnknown(word)) continue;
            const spec = word.value!;
            const module = modules || spec.startsWith('@');
            if (module ? moduleSpecPinned(spec) : rpmSpecPinned(spec)) continue;
            report({ messageId: module ? 'unpinnedModule' : 'unpinned', data: { package: spec, tool: commandName(command)! }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
