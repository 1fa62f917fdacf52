import { defineRule } from '../src/engine/rule.js';
import { describeSource, engineSocket, hostMounts } from '../src/model/host-mounts.js';

export default defineRule({
  meta: {
    id: 'no-docker-socket',
    aliases: ['Docker Socket Mounted In Container'],
    level: 'warning',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 8.0,
    description: 'A compose service must not mount the Docker (or Podman, containerd) API socket.',
    docs: {
      what: 'Reports a `volumes` entry of a service (short or long syntax, merged across override files) that mounts a container engine\'s API socket: any host path whose file name ends in `docker.sock` (`/var/run/docker.sock`, `/run/user/1000/docker.sock`, `${XDG_RUNTIME_DIR}/docker.sock`) or is Docker Desktop\'s `docker.sock.raw` / `docker.raw.sock`, `podman.sock` or `containerd.sock`, the Windows named pipe `//./pipe/docker_engine`, or a host directory that holds an engine\'s default socket (`/var/run`, `/run`, `/run/user/<uid>`, `/var`, `/`). `:ro` does not help and is reported as well. A source that is an unset variable as a whole (`${DOCKER_SOCK}`) cannot be told and is not reported.',
      why: 'Whoever can talk to the Docker API is root on the host: one `docker run --privileged -v /:/host` through the socket gives the container the whole machine. Read-only does not change that, because connecting to a socket is not a write. A compromised dashboard, CI runner or reverse proxy with the socket is a compromised host.',
      example: 'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
      fix: 'Do without the socket (a file provider instead of the Docker provider), or put a filtering proxy in front of it that allows only the read-only calls the service needs, on an internal network:\n\nservices:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.2\n    environment:\n      CONTAINERS: 1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n    networks: [socket]\n  traefik:\n    image: traefik:v3.1\n    command: --providers.docker.endpoint=tcp://socket-proxy:2375\n    networks: [socket, web]\n\nand accept (suppress) the one finding on the proxy, which is the only service with the socket.',
    },
    messages: {
      socket: 'Service "{{service}}" mounts the {{engine}} API socket {{path}}: the container can start containers that own the host.',
      directory: 'Service "{{service}}" mounts host directory {{path}}, which holds the {{engine}} API socket {{socket}}: the container can start containers that own the host.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      for (const mount of hostMounts(service)) {
        const socket = engineSocket(mount);
        if (!socket) continue;
        const data = { service: service.name, engine: socket.engine, path: describeSource(mount) };
        if (socket.kind === 'file') report({ messageId: 'socket', data, at: mount.at, stack: service.stack.name });
        else report({ messageId: 'directory', data: { ...data, socket: socket.socket! }, at: mount.at, stack: service.stack.name });
      }
    }
  },
});
