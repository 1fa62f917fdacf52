import { defineRule } from '../src/engine/rule.js';
import { capabilityName, serviceList } from '../src/model/compose-security.js';

interface Options {
  additional: string[];
  allowed: string[];
}

/**
 * Capabilities outside Docker's default set that let a container reach past itself: into the host kernel, other
 * processes, host files, the network stack or the security modules. Capabilities Docker grants by default (CHOWN,
 * NET_RAW, ...) and ones that mostly allow resource use (IPC_LOCK, SYS_NICE, SYS_RESOURCE) are not listed.
 */
const DANGEROUS = new Map<string, string>(Object.entries({
  SYS_ADMIN: 'mount filesystems, enter namespaces and make most admin calls, close to root on the host',
  SYS_MODULE: 'load modules into the host kernel',
  SYS_RAWIO: 'do raw I/O on host devices and memory',
  SYS_PTRACE: 'trace and inject code into other processes',
  SYS_BOOT: 'reboot the host or load a new kernel',
  SYS_TIME: "set the host's clock",
  DAC_READ_SEARCH: 'open host files by handle, bypassing the container filesystem',
  NET_ADMIN: 'reconfigure network interfaces, routes and firewall rules',
  MAC_ADMIN: 'change the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'bypass the AppArmor or SELinux policy',
  BPF: 'load eBPF programs into the kernel',
  PERFMON: 'read kernel and process internals through perf events',
  SYSLOG: 'read kernel addresses from the kernel log',
  AUDIT_CONTROL: 'turn kernel auditing off or reconfigure it',
}));

export default defineRule<Options>({
  meta: {
    id: 'no-dangerous-capabilities',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 7.5,
    description: 'A compose service must not add ALL capabilities or one that reaches into the host.',
    docs: {
      what: `Reports each \`cap_add\` item of a service (merged across its override files, at the item in the file that wrote it) that is \`ALL\` or a dangerous capability: ${[...DANGEROUS.keys()].join(', ')}. Names are read as the daemon reads them: any case, with or without the \`CAP_\` prefix. The option \`additional\` lists more capabilities to report, \`allowed\` capabilities not to report (for instance NET_ADMIN on a VPN container). Items holding an unset variable are not judged.`,
      why: 'Each of these capabilities hands the container a piece of root on the host: SYS_ADMIN can mount the host disk, SYS_MODULE and BPF run code in the host kernel, SYS_PTRACE reads other processes, DAC_READ_SEARCH opens host files (the "shocker" escape), NET_ADMIN rewrites the network. `ALL` gives them all, like `privileged`.',
      example: 'services:\n  backup:\n    image: vendor/backup:3\n    cap_add:\n      - SYS_ADMIN\n      - DAC_READ_SEARCH',
      fix: 'Add only the capability the process needs, after dropping the rest, and do the privileged work (mounts, kernel settings) on the host:\n\nservices:\n  backup:\n    image: vendor/backup:3\n    cap_drop: [ALL]\n    cap_add: [CHOWN, FOWNER]\n    volumes:\n      - /srv/data:/data:ro',
    },
    messages: {
      all: 'Service "{{service}}" adds ALL capabilities: as powerful as `privileged`.',
      dangerous: 'Service "{{service}}" adds capability {{capability}}, which lets it {{risk}}.',
      listed: 'Service "{{service}}" adds capability {{capability}}, which the rule options list as dangerous.',
    },
    options: {
      type: 'object',
      properties: {
        additional: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowed: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaultOptions: { additional: [], allowed: [] },
  },
  check({ project, options, report }) {
    const allowed = new Set((options.allowed ?? []).map(capabilityName));
    const additional = new Set((options.additional ?? []).map(capabilityName));
    for (const service of project.services) {
      for (const item of serviceList(service, 'cap_add')?.items ?? []) {
        const capability = capabilityName(item.text);
        if (allowed.has(capability)) continue;
        const base = { at: item.at, stack: service.stack.name };
        if (capability === 'ALL') report({ ...base, messageId: 'all', data: { service: service.name } });
        else if (DANGEROUS.has(capability)) report({ ...base, messageId: 'dangerous', data: { service: service.name, capability, risk: DANGEROUS.get(capability)! } });
        else if (additional.has(capability)) report({ ...base, messageId: 'listed', data: { service: service.name, capability } });
      }
    }
  },
});
