import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { findArg, hasArg, hasCacheMount, installsWithoutCleanup, parsedRuns, removesCacheDir, rpmTool } from '../src/model/packages-rpm.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Subcommands that fill zypper's cache (hadolint DL3036 and Trivy DS020 together). */
const INSTALLS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];
const CACHE = '/var/cache/zypp';

const isInstall = (c: ShellCommand) => rpmTool(c) === 'zypper' && hasArg(c, ...INSTALLS);
const isCleanup = (c: ShellCommand) => (rpmTool(c) === 'zypper' && hasArg(c, 'clean', 'cc')) || removesCacheDir(c, [CACHE]);

export default defineRule({
  meta: {
    id: 'zypper-clean',
    aliases: ['DL3036', 'DS020', 'AVD-DS-0020'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size', 'packages'],
    description: 'A RUN that installs with zypper removes zypper\'s cache before it ends.',
    docs: {
      what: 'Reports a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) where `zypper` installs or removes packages (`install`/`in`, `remove`/`rm`, `source-install`/`si`, `patch`) and no `zypper clean` (`zypper cc`, with any options such as `--all`) or `rm -rf /var/cache/zypp` (its contents, or all of `/var/cache`) follows in the same RUN, as hadolint DL3036 and Trivy DS020 do. A cleanup that comes before the install does not count. A RUN with a BuildKit cache or tmpfs mount on `/var/cache/zypp` keeps the cache out of the image and is not reported. So is one with a cache mount whose target comes from a variable (unknown until the build). The finding points at the first `zypper` command that no cleanup follows.',
      why: 'zypper keeps repository metadata (and, when a repository keeps packages, the downloaded RPMs) under /var/cache/zypp. Left there, they are written into the layer of the RUN and ship with every copy of the image. Cleaning in a later RUN does not help: the earlier layer still holds the files.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0',
      fix: 'Clean in the same RUN, after installing:\n\nFROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n\nor, with BuildKit, keep the cache in a cache mount:\n\nRUN --mount=type=cache,target=/var/cache/zypp zypper --non-interactive install curl=8.6.0',
    },
    messages: {
      missingClean: '`zypper {{subcommand}}` leaves its cache in the layer: run `zypper clean` after it in the same RUN, or mount a cache at /var/cache/zypp.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        const [first] = installsWithoutCleanup(run, isInstall, isCleanup);
        if (!first || hasCacheMount(run, [CACHE])) continue;
        report({ messageId: 'missingClean', data: { subcommand: findArg(first, INSTALLS)!.value! }, at: refOf(df, first.words[0]!.span) });
      }
    }
  },
});
