import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf } from '../src/model/run.js';
import { findArg, hasArg, hasCacheMount, installsWithoutCleanup, parsedRuns, removesCacheDir, rpmTool, type RpmTool } from '../src/model/packages-rpm.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Subcommands that download packages into the cache (hadolint DL3040 and Trivy DS019/DS027 together). */
const INSTALLS = ['install', 'in', 'reinstall', 'rei', 'install-n', 'install-na', 'install-nevra', 'upgrade', 'up', 'upgrade-minimal', 'up-min'];
/** Where dnf 4 (/var/cache/dnf), dnf 5 (/var/cache/libdnf5) and microdnf (/var/cache/yum) keep their cache. */
const CACHES = ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'];
const MOUNTS = [...CACHES, '.cache/libdnf5'];

export default defineRule({
  meta: {
    id: 'dnf-clean-all',
    aliases: ['DL3040', 'DS019', 'AVD-DS-0019', 'DS027', 'AVD-DS-0027'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size', 'packages'],
    description: 'A RUN that installs with dnf or microdnf removes their cache before it ends.',
    docs: {
      what: 'Reports a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) where `dnf` (also `dnf5`) or `microdnf` installs or upgrades packages (`install`/`in`, `reinstall`/`rei`, `install-n`, `install-na`, `install-nevra`, `upgrade`/`up`, `upgrade-minimal`/`up-min`; so `dnf module install` and `dnf group install` too) and no cleanup by the same tool follows in that RUN: `dnf clean all` after dnf, `microdnf clean all` after microdnf, or, for either, `rm -rf` of /var/cache/dnf, /var/cache/libdnf5 or /var/cache/yum (their contents, or all of `/var/cache`). This is hadolint DL3040 and Trivy DS019 (dnf) and DS027 (microdnf). A cleanup that comes before the install does not count. A RUN with a BuildKit cache or tmpfs mount on one of those cache directories (or `~/.cache/libdnf5`) keeps the cache out of the image and is not reported. So is one with a cache mount whose target comes from a variable (unknown until the build). The finding points at the first command of each tool that no cleanup follows.',
      why: 'dnf and microdnf keep repository metadata and downloaded packages in their cache directory. Left there, they are written into the layer of the RUN and ship with every copy of the image, often tens or hundreds of megabytes. Cleaning in a later RUN does not help: the earlier layer still holds the files.',
      example: 'FROM fedora:40\nRUN dnf install -y nginx-1.26.1\n\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils-4.9 && dnf clean all',
      fix: 'Clean with the same tool in the same RUN, after installing:\n\nFROM fedora:40\nRUN dnf install -y nginx-1.26.1 && dnf clean all\n\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils-4.9 && microdnf clean all\n\nor, with BuildKit, keep the cache in a cache mount:\n\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y nginx-1.26.1',
    },
    messages: {
      missingClean: '`{{tool}} {{subcommand}}` leaves its cache in the layer: run `{{tool}} clean all` after it in the same RUN, or mount a cache at its cache directory.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        if (hasCacheMount(run, MOUNTS)) continue;
        for (const tool of ['dnf', 'microdnf'] satisfies RpmTool[]) {
          const isInstall = (c: ShellCommand) => rpmTool(c) === tool && hasArg(c, ...INSTALLS);
          const isCleanup = (c: ShellCommand) => (rpmTool(c) === tool && hasArg(c, 'clean') && hasArg(c, 'all')) || removesCacheDir(c, CACHES);
          const [first] = installsWithoutCleanup(run, isInstall, isCleanup);
          if (!first) continue;
          report({ messageId: 'missingClean', data: { tool: commandName(first)!, subcommand: findArg(first, INSTALLS)!.value! }, at: refOf(df, first.words[0]!.span) });
        }
      }
    }
  },
});
