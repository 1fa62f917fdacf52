import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { hasArg, hasCacheMount, installsWithoutCleanup, parsedRuns, removesCacheDir, rpmTool } from '../src/model/packages-rpm.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

const CACHE = '/var/cache/yum';

const isInstall = (c: ShellCommand) => rpmTool(c) === 'yum' && hasArg(c, 'install');
const isCleanup = (c: ShellCommand) => (rpmTool(c) === 'yum' && hasArg(c, 'clean') && hasArg(c, 'all')) || removesCacheDir(c, [CACHE]);

export default defineRule({
  meta: {
    id: 'yum-clean-all',
    aliases: ['DL3032', 'DS015', 'AVD-DS-0015'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size', 'packages'],
    description: 'A RUN that runs `yum install` removes yum\'s cache before it ends.',
    docs: {
      what: 'Reports a RUN (shell or exec form, ONBUILD RUN too, also through `sudo`, `env` and similar wrappers) with a `yum install` (also `yum module install`, `yum group install`) that no `yum clean all` or `rm -rf /var/cache/yum` (its contents, or all of `/var/cache`) follows in the same RUN, as hadolint DL3032 and Trivy DS015 do. A cleanup that comes before the install does not count. A RUN with a BuildKit cache or tmpfs mount on `/var/cache/yum` (`RUN --mount=type=cache,target=/var/cache/yum ...`) keeps the cache out of the image and is not reported. So is one with a cache mount whose target comes from a variable (unknown until the build). The finding points at the first `yum` command that no cleanup follows.',
      why: 'yum keeps the repository metadata and downloaded packages it used in /var/cache/yum. Left there, they are written into the layer of the RUN and ship with every copy of the image, often tens or hundreds of megabytes. Cleaning in a later RUN does not help: the earlier layer still holds the files.',
      example: 'FROM centos:7\nRUN yum install -y httpd-2.4.6',
      fix: 'Clean in the same RUN, after installing:\n\nFROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n\nor, with BuildKit, keep the cache in a cache mount:\n\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6',
    },
    messages: {
      missingClean: '`yum install` leaves its cache in the layer: run `yum clean all` after it in the same RUN, or mount a cache at /var/cache/yum.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        const [first] = installsWithoutCleanup(run, isInstall, isCleanup);
        if (!first || hasCacheMount(run, [CACHE])) continue;
        report({ messageId: 'missingClean', at: refOf(df, first.words[0]!.span) });
      }
    }
  },
});
