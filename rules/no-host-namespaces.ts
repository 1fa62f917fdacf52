import { defineRule } from '../src/engine/rule.js';
import { serviceScalar } from '../src/model/compose-security.js';

interface Options {
  allow: string[];
}

/** Service fields that join a host namespace when set to `host`, by message id. */
const HOST_FIELDS: { key: string; messageId: string }[] = [
  { key: 'network_mode', messageId: 'network' },
  { key: 'pid', messageId: 'pid' },
  { key: 'ipc', messageId: 'ipc' },
  { key: 'userns_mode', messageId: 'userns' },
  { key: 'uts', messageId: 'uts' },
  { key: 'cgroup', messageId: 'cgroup' },
];

const FIELD_NAMES = [...HOST_FIELDS.map((f) => f.key), 'cgroup_parent'];

export default defineRule<Options>({
  meta: {
    id: 'no-host-namespaces',
    aliases: [
      'Shared Host Network Namespace',
      'Network Mode Host Exists',
      'Host Namespace is Shared',
      'Shared Host IPC Namespace',
      'IPC Set To Host',
      'Shared Host User Namespace',
      'Userns Set To Host',
      'Cgroup Not Default',
    ],
    level: 'warning',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 5.5,
    description: "A compose service must not share the host's network, PID, IPC, user, UTS or cgroup namespace.",
    docs: {
      what: "Reports `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `uts: host` and `cgroup: host` on a service (merged across its override files, at the value in the file that set it), each with its own message, and `cgroup_parent` set to any value (as KICS's \"Cgroup Not Default\" does). Sharing another container's namespace (`service:db`, `container:x`), `ipc: shareable`, `cgroup: private` and values holding an unset variable are not reported. The option `allow` lists fields not to check (for instance `[pid]` for a monitoring agent that must see host processes).",
      why: "Namespaces are what separate a container from the host. With the host's network it can reach every host interface and loopback-only service and bind any host port; with its PIDs it sees every host process and, as root, can trace or kill them; with its IPC it shares host shared memory; `userns_mode: host` turns off user-namespace remapping, so root in the container is root on the host. A custom `cgroup_parent` takes the container out of Docker's own cgroup hierarchy, so its limits depend on a cgroup set up elsewhere.",
      example: 'services:\n  exporter:\n    image: prom/node-exporter:v1.8.1\n    network_mode: host\n    pid: host',
      fix: 'Keep the service in its own namespaces and publish only what is needed:\n\nservices:\n  exporter:\n    image: prom/node-exporter:v1.8.1\n    ports: ["127.0.0.1:9100:9100"]\n    volumes: ["/proc:/host/proc:ro", "/sys:/host/sys:ro"]\n    command: ["--path.procfs=/host/proc", "--path.sysfs=/host/sys"]\n\nor list the field in the option `allow` where sharing is the point of the service.',
    },
    messages: {
      network: "Service \"{{service}}\" shares the host's network namespace (`network_mode: host`): it reaches every host interface and can bind any host port.",
      pid: "Service \"{{service}}\" shares the host's PID namespace (`pid: host`): it sees every host process and, as root, can trace or kill them.",
      ipc: "Service \"{{service}}\" shares the host's IPC namespace (`ipc: host`): it can read and write the host's shared memory.",
      userns: 'Service "{{service}}" turns user-namespace remapping off (`userns_mode: host`): root in the container is root on the host.',
      uts: "Service \"{{service}}\" shares the host's UTS namespace (`uts: host`): it sees the host's name and, with SYS_ADMIN, can change it.",
      cgroup: "Service \"{{service}}\" shares the host's cgroup namespace (`cgroup: host`): it sees the host's whole cgroup tree.",
      cgroupParent: 'Service "{{service}}" runs under cgroup parent "{{value}}" instead of the one Docker manages: its limits and accounting depend on that cgroup.',
    },
    options: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string', enum: FIELD_NAMES } } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
  },
  check({ project, options, report }) {
    const allow = new Set(options.allow ?? []);
    for (const service of project.services) {
      const stack = service.stack.name;
      for (const { key, messageId } of HOST_FIELDS) {
        if (allow.has(key)) continue;
        const field = serviceScalar(service, key);
        if (field?.value.trim() === 'host') report({ messageId, data: { service: service.name }, at: field.at, stack });
      }
      const parent = allow.has('cgroup_parent') ? undefined : serviceScalar(service, 'cgroup_parent');
      if (parent && parent.value.trim() !== '') report({ messageId: 'cgroupParent', data: { service: service.name, value: parent.value.trim() }, at: parent.at, stack });
    }
  },
});
