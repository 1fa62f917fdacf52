import { defineRule } from '../src/engine/rule.js';
import { resourcesOf, scalarAt } from '../src/model/fields.js';
import { contains, describeSource, engineSocket, homeVariants, hostMounts, isUnder, normalise } from '../src/model/host-mounts.js';

interface Sensitive {
  path: string;
  /** `any`: reported even read-only (reading it leaks secrets or host control); `write`: only a writable mount. */
  mode: 'any' | 'write';
  what: string;
}

// KICS's list (/, /bin, /boot, /cdrom, /dev, /etc, /home, /lib, /media, /proc, /root, /run, /selinux, /srv, /sys,
// /usr, /var as string prefixes) sharpened: a path is sensitive itself and below it, and any directory above a
// sensitive path is sensitive too (it exposes it). Data directories (/home/<user>/projects, /srv, /media, /var/lib/mysql)
// are not: they hold what the service is meant to see.
const SENSITIVE: Sensitive[] = [
  { path: '/proc', mode: 'any', what: "the host's processes and kernel interfaces" },
  { path: '/sys', mode: 'any', what: "the host's kernel, cgroup and device settings" },
  { path: '/dev', mode: 'any', what: "the host's devices, whose disks can be read past file permissions" },
  { path: '/boot', mode: 'any', what: "the host's kernel and boot loader" },
  { path: '/root', mode: 'any', what: "root's home directory on the host" },
  { path: '/run', mode: 'any', what: "the host's runtime sockets: system D-Bus, systemd, container engines" },
  { path: '/var/run', mode: 'any', what: "the host's runtime sockets: system D-Bus, systemd, container engines" },
  { path: '/var/lib/docker', mode: 'any', what: "every container's files and configuration, environment secrets included" },
  { path: '/var/lib/containerd', mode: 'any', what: "every container's files" },
  { path: '/var/lib/kubelet', mode: 'any', what: "the kubelet's state and pod secrets" },
  { path: '/etc/shadow', mode: 'any', what: "the host's password hashes" },
  { path: '/etc/gshadow', mode: 'any', what: "the host's group password hashes" },
  { path: '/etc/sudoers', mode: 'any', what: "the host's sudo rules" },
  { path: '/etc/sudoers.d', mode: 'any', what: "the host's sudo rules" },
  { path: '/etc/ssh', mode: 'any', what: "the host's SSH keys and configuration" },
  { path: '/etc/ssl/private', mode: 'any', what: "the host's TLS private keys" },
  { path: '/etc/pki/tls/private', mode: 'any', what: "the host's TLS private keys" },
  { path: '/etc/kubernetes', mode: 'any', what: "the cluster's credentials" },
  { path: '/etc/docker', mode: 'any', what: "the Docker daemon's configuration and TLS keys" },
  { path: '/selinux', mode: 'any', what: "the host's SELinux policy" },
  ...[
    ['~/.ssh', 'SSH keys'],
    ['~/.gnupg', 'GnuPG keys'],
    ['~/.aws', 'AWS credentials'],
    ['~/.azure', 'Azure credentials'],
    ['~/.config/gcloud', 'Google Cloud credentials'],
    ['~/.kube', 'Kubernetes credentials'],
    ['~/.docker', 'registry credentials and Docker contexts'],
    ['~/.netrc', 'stored logins'],
    ['~/.git-credentials', 'stored Git credentials'],
    ['~/.npmrc', 'npm registry tokens'],
    ['~/.pypirc', 'PyPI tokens'],
  ].flatMap(([p, what]) => homeVariants(p!).map((variant) => ({ path: variant, mode: 'any' as const, what: `a user's ${what}` }))),
  { path: '/etc', mode: 'write', what: "the host's configuration, which root on the host reads" },
  { path: '/usr', mode: 'write', what: "the host's programs and libraries" },
  { path: '/bin', mode: 'write', what: "the host's programs" },
  { path: '/sbin', mode: 'write', what: "the host's programs" },
  { path: '/lib', mode: 'write', what: "the host's libraries and kernel modules" },
  { path: '/lib32', mode: 'write', what: "the host's libraries" },
  { path: '/lib64', mode: 'write', what: "the host's libraries" },
  { path: '/libx32', mode: 'write', what: "the host's libraries" },
];

// Only the directory itself (and those above it): `/var/log/myapp` is the service's own output.
const SENSITIVE_EXACT: Sensitive[] = [{ path: '/var/log', mode: 'write', what: "the host's logs" }];

interface Options {
  paths: string[];
  allow: string[];
}

interface Match {
  messageId: 'sensitive' | 'writable';
  what: string;
}

function judge(hostPath: string, readOnly: boolean | undefined, options: Options): Match | undefined {
  const allowed = options.allow.flatMap((a) => homeVariants(normalise(a)));
  if (allowed.some((a) => isUnder(hostPath, a))) return undefined;
  const extra: Sensitive[] = options.paths.flatMap((p) => homeVariants(normalise(p)).map((variant) => ({ path: variant, mode: 'any' as const, what: 'a path listed in the `paths` option' })));
  const writable = readOnly === false;
  const applies = (s: Sensitive) => s.mode === 'any' || writable;
  const message = (s: Sensitive): Match['messageId'] => (s.mode === 'any' ? 'sensitive' : 'writable');
  for (const s of [...extra, ...SENSITIVE]) {
    if (applies(s) && isUnder(hostPath, s.path)) return { messageId: message(s), what: s.what };
  }
  for (const s of [...extra, ...SENSITIVE, ...SENSITIVE_EXACT]) {
    if (!applies(s)) continue;
    if (SENSITIVE_EXACT.includes(s) && normalise(hostPath) === s.path) return { messageId: message(s), what: s.what };
    if (contains(hostPath, s.path)) return { messageId: message(s), what: `it holds ${s.path.replace('/home/*/', '/home/<user>/').replace('/Users/*/', '/Users/<user>/')}, ${s.what}` };
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'no-sensitive-host-mounts',
    aliases: ['Volume Has Sensitive Host Directory'],
    level: 'warning',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 8.0,
    description: 'A compose service must not bind-mount sensitive host paths.',
    docs: {
      what: "Reports a bind mount (short or long syntax, merged across override files) or a local volume bound to a host directory (`driver_opts: {o: bind, device: ...}`) whose host path is sensitive. Reported even read-only: `/proc`, `/sys`, `/dev`, `/boot`, `/root`, `/run`, `/var/run`, `/var/lib/docker`, `/var/lib/containerd`, `/var/lib/kubelet`, `/selinux`, secrets under `/etc` (`shadow`, `gshadow`, `sudoers`, `ssh`, `ssl/private`, `pki/tls/private`, `kubernetes`, `docker`) and a user's credentials (`~/.ssh`, `~/.gnupg`, `~/.aws`, `~/.azure`, `~/.config/gcloud`, `~/.kube`, `~/.docker`, `~/.netrc`, `~/.git-credentials`, `~/.npmrc`, `~/.pypirc`, also as `$HOME/...`, `/home/<user>/...`, `/Users/<user>/...`), and any directory above one of them (`/`, `/etc`, `/var`, `/var/lib`, `/home`, `~`, `/home/<user>`). Reported only writable: anything under `/etc`, `/usr`, `/bin`, `/sbin`, `/lib*`, and `/var/log` itself. So routine read-only mounts (`/etc/localtime:/etc/localtime:ro`, `/etc/timezone:ro`, `/etc/ssl/certs:ro`, `/usr/share/zoneinfo:ro`, `/lib/modules:ro`, `/var/log:ro` for a log shipper) pass, as do data directories (`/srv/app`, `/home/me/projects/site`, `/var/lib/mysql`, `/var/log/myapp`) and paths relative to the project. Container engine sockets are left to no-docker-socket. Option `paths` adds host paths reported even read-only (with everything below them); `allow` exempts paths and everything below them. A source written with an unset variable is not judged.",
      why: 'A bind mount hands the container part of the host without any isolation: read access to `/etc/shadow`, SSH keys, cloud credentials or other containers\' environment leaks secrets; write access to `/etc`, `/usr` or the host\'s devices lets root in the container change what root on the host runs, which is a container escape.',
      example: 'services:\n  agent:\n    image: vendor/agent:2.4\n    volumes:\n      - /:/host:ro\n      - ~/.aws:/root/.aws:ro\n      - /etc/localtime:/etc/localtime',
      fix: 'Mount only what the service needs, read-only where it only reads, and pass credentials as secrets:\n\nservices:\n  agent:\n    image: vendor/agent:2.4\n    volumes:\n      - ./agent/config:/etc/agent:ro\n      - /etc/localtime:/etc/localtime:ro\n    secrets: [aws_credentials]\nsecrets:\n  aws_credentials:\n    file: ./secrets/aws_credentials\n\nFor a monitoring agent that must see the host (node-exporter, cAdvisor), keep the mounts read-only and suppress the finding with a comment saying why.',
    },
    messages: {
      sensitive: 'Service "{{service}}" mounts host path {{path}}: {{what}}.',
      writable: 'Service "{{service}}" mounts host path {{path}} writable: {{what}}. Mount it read-only, or keep what the service writes in a directory of its own.',
      volume: 'Volume "{{volume}}" binds host path {{path}}: {{what}}.',
    },
    options: {
      type: 'object',
      properties: {
        paths: { type: 'array', items: { type: 'string', pattern: '^[/~]' }, description: 'More host paths (absolute or `~/...`) to report, even read-only, with everything below them.' },
        allow: { type: 'array', items: { type: 'string', pattern: '^[/~]' }, description: 'Host paths (absolute or `~/...`) never reported, with everything below them.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { paths: [], allow: [] },
  },
  check({ project, options, report }) {
    const opts: Options = { paths: options.paths ?? [], allow: options.allow ?? [] };
    for (const service of project.services) {
      for (const mount of hostMounts(service)) {
        if (mount.type !== 'bind' || !mount.hostPath || !mount.absolute) continue;
        if (engineSocket(mount)?.kind === 'file') continue; // no-docker-socket's
        const match = judge(mount.hostPath, mount.readOnly, opts);
        if (match) report({ messageId: match.messageId, data: { service: service.name, path: describeSource(mount), what: match.what }, at: mount.at, stack: service.stack.name });
      }
    }
    // Top-level volumes of the local driver bound to a host directory (`type: none, o: bind, device: /etc`), and
    // local-persist's `mountpoint`.
    for (const stack of project.stacks) {
      for (const volume of resourcesOf(stack, 'volumes').values()) {
        const device = scalarAt(volume.field, 'driver_opts.device');
        const o = scalarAt(volume.field, 'driver_opts.o')?.value ?? '';
        const type = scalarAt(volume.field, 'driver_opts.type')?.value;
        const bound = o.split(',').includes('bind') || type === 'none';
        const source = bound && device?.value !== undefined ? device : scalarAt(volume.field, 'driver_opts.mountpoint');
        if (!source?.value || !/^(?:\/(?!\/)|~)/.test(source.value)) continue;
        const readOnly = o.split(',').includes('ro');
        const match = judge(normalise(source.value), readOnly, opts);
        if (match) report({ messageId: 'volume', data: { volume: volume.name, path: source.value, what: match.messageId === 'writable' ? `${match.what}, writable` : match.what }, at: source.at, stack: stack.name });
      }
    }
  },
});
