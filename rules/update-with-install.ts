import { defineRule } from '../src/engine/rule.js';
import { toolCalls, type ToolCall } from '../src/model/packages-deb-apk.js';
import { refOf } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Family {
  tools: readonly string[];
  /** Subcommands that only refresh the package index. */
  refresh: readonly string[];
  /** Subcommands that read the index to install or upgrade packages. */
  install: readonly string[];
}

const FAMILIES: readonly Family[] = [
  {
    tools: ['apt-get', 'apt'],
    refresh: ['update'],
    install: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'build-dep', 'source', 'download', 'satisfy'],
  },
  { tools: ['apk'], refresh: ['update'], install: ['add', 'upgrade', 'fix'] },
  {
    // yum/dnf `update` upgrades packages: it is an install, not an index refresh.
    tools: ['yum', 'dnf', 'microdnf', 'tdnf'],
    refresh: ['makecache', 'check-update'],
    install: ['install', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'groupinstall', 'groupupdate', 'localinstall', 'group', 'distro-sync', 'distribution-synchronization', 'downgrade', 'builddep'],
  },
  {
    tools: ['zypper'],
    refresh: ['refresh', 'ref'],
    install: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr'],
  },
];

const familyOf = (call: ToolCall) => FAMILIES.find((f) => f.tools.includes(call.tool));

export default defineRule({
  meta: {
    id: 'update-with-install',
    aliases: ['DS017', 'AVD-DS-0017', 'CKV_DOCKER_5', 'Update Instruction Alone'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security', 'reproducibility'],
    description: 'A package index update runs in the same RUN as the install that uses it.',
    securitySeverity: 7.0,
    docs: {
      what: 'Reports a command that refreshes a package index with no install of the same package manager after it in the same RUN (or ONBUILD RUN): `apt-get update` / `apt update` (installs: `install`, `upgrade`, `dist-upgrade`, `reinstall`, `build-dep`, `source`, `download`, `satisfy`), `apk update` (`add`, `upgrade`, `fix`), `yum`/`dnf`/`microdnf makecache` or `check-update` (`install`, `update`, `upgrade`, `groupinstall`, `distro-sync` ...), and `zypper refresh` (`install`, `update`, `dist-upgrade`, `patch` ...). `apk add --update` / `-U` refreshes the index inside the install and is fine. `yum update` and `zypper update` upgrade packages: they are installs, not index refreshes.',
      why: 'Docker caches each RUN as a layer. An index refreshed in its own RUN is cached once and reused by every later build, so the install in the next RUN works from an index that grows older with every build: it installs outdated, possibly vulnerable versions, or fails when the mirror has dropped them. Refreshing and installing in one RUN keeps them in step.',
      example: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*',
      fix: 'Refresh and install in the same RUN:\n\nFROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*',
    },
    messages: {
      updateAlone: '`{{tool}} {{subcommand}}` has no install after it in this RUN: a cached layer keeps this index while later installs use it, so run the install in the same RUN.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const calls = toolCalls(df);
      for (const call of calls) {
        const family = familyOf(call);
        const sub = call.subcommand?.value;
        if (!family || sub === undefined || !family.refresh.includes(sub)) continue;
        const installed = calls.some(
          (other) =>
            other.run === call.run &&
            other.command.span.start > call.command.span.start &&
            family.tools.includes(other.tool) &&
            family.install.includes(other.subcommand?.value ?? ''),
        );
        if (!installed) report({ messageId: 'updateAlone', data: { tool: call.tool, subcommand: sub }, at: refOf(df, call.subcommand!.span) });
      }
    }
  },
});
