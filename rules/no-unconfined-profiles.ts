import { defineRule } from '../src/engine/rule.js';
import { parseSecurityOpt, serviceList } from '../src/model/compose-security.js';

/** `security_opt` key and value (split as the daemon splits them) that turn a confinement off, by message id. */
const UNCONFINED: { key: string; value: string; messageId: string }[] = [
  { key: 'seccomp', value: 'unconfined', messageId: 'seccomp' },
  { key: 'apparmor', value: 'unconfined', messageId: 'apparmor' },
  { key: 'label', value: 'disable', messageId: 'selinux' },
  { key: 'systempaths', value: 'unconfined', messageId: 'systempaths' },
];

export default defineRule({
  meta: {
    id: 'no-unconfined-profiles',
    // One KICS query (id 404fde2c-bc4b-4371-9747-7054132ac953) under its current and its earlier title.
    aliases: ['Default Seccomp Profile Disabled', 'Seccomp Disabled'],
    level: 'error',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 5.5,
    description: 'A compose service must not turn off seccomp, AppArmor, SELinux labels or the masking of system paths.',
    docs: {
      what: 'Reports each `security_opt` item of a service (merged across its override files, at the item in the file that wrote it) that turns a confinement off: `seccomp:unconfined` / `seccomp=unconfined`, `apparmor:unconfined` / `apparmor=unconfined`, `label:disable` / `label=disable` (SELinux) and `systempaths=unconfined`. Items are split at the first `=`, else the first `:`, as the daemon splits them, so `label:seccomp:unconfined` (an SELinux label option that the daemon ignores or rejects) is not a seccomp setting. A custom profile (`seccomp=profile.json`, `apparmor=my-profile`) is not reported; nor is an item holding an unset variable.',
      why: "Docker's default seccomp profile blocks around 44 risky system calls (kexec, kernel modules, keyctl, bpf, mount, unshare...), its AppArmor and SELinux policies stop mounts and writes to /proc and /sys, and it hides sensitive /proc paths. Several kernel exploits used for container escapes are stopped by these layers; turning one off leaves the host kernel open to whatever runs in the container.",
      example: 'services:\n  builder:\n    image: moby/buildkit:v0.13\n    security_opt:\n      - seccomp:unconfined\n      - apparmor:unconfined',
      fix: 'Remove the option, or give the service a profile that allows only the extra calls it needs:\n\nservices:\n  builder:\n    image: moby/buildkit:v0.13\n    security_opt:\n      - seccomp=./seccomp/buildkit.json\n      - apparmor=buildkit',
    },
    messages: {
      seccomp: 'Service "{{service}}" turns seccomp off (`{{option}}`): every system call reaches the host kernel.',
      apparmor: 'Service "{{service}}" runs without AppArmor confinement (`{{option}}`).',
      selinux: 'Service "{{service}}" turns SELinux label confinement off (`{{option}}`).',
      systempaths: 'Service "{{service}}" unmasks the /proc and /sys paths Docker hides (`{{option}}`): it can read and write host kernel settings.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      for (const item of serviceList(service, 'security_opt')?.items ?? []) {
        const { key, value } = parseSecurityOpt(item.text);
        const match = UNCONFINED.find((u) => u.key === key && u.value === value?.trim());
        if (match) report({ messageId: match.messageId, data: { service: service.name, option: item.text.trim() }, at: item.at, stack: service.stack.name });
      }
    }
  },
});
