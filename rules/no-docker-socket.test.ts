import rule from './no-docker-socket.js';
import { testRule } from '../test/rule-tester.js';

/** One service `app` whose `volumes:` items start on line 5. */
const app = (volumes: string) => `services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n${volumes}`;

testRule(rule, {
  valid: [
    { name: 'no volumes', compose: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n' },
    { name: 'project binds and named volumes', compose: app('      - ./config:/etc/app:ro\n      - data:/var/lib/app\n') + 'volumes:\n  data:\n' },
    { name: 'a docker.sock path only inside the container (anonymous volume)', compose: app('      - /var/run/docker.sock\n') },
    { name: 'a tmpfs at /var/run', compose: app('      - type: tmpfs\n        target: /var/run\n') },
    { name: 'a project directory called run', compose: app('      - ./run:/var/run\n') },
    { name: 'a host directory that does not hold the socket', compose: app('      - /var/run/app:/var/run/app\n') },
    { name: 'an unset variable as the whole source is unknown', compose: app('      - ${DOCKER_SOCKET}:/var/run/docker.sock\n') },
    { name: 'long syntax with an unset variable as the source', compose: app('      - type: bind\n        source: ${DOCKER_SOCKET}\n        target: /var/run/docker.sock\n') },
    { name: 'DOCKER_HOST in the environment is not a mount', compose: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    environment:\n      DOCKER_HOST: unix:///var/run/docker.sock\n' },
    { name: 'a named pipe other than the Docker Engine', compose: app('      - type: npipe\n        source: \\\\.\\pipe\\my_app\n        target: \\\\.\\pipe\\my_app\n') },
    {
      name: 'the override replaces the volumes with !override',
      files: {
        'compose.yaml': app('      - /var/run/docker.sock:/var/run/docker.sock\n'),
        'compose.override.yaml': 'services:\n  app:\n    volumes: !override\n      - ./data:/data\n',
      },
    },
    {
      name: 'the override resets the volumes',
      files: { 'compose.yaml': app('      - /var/run/docker.sock:/var/run/docker.sock:ro\n'), 'compose.override.yaml': 'services:\n  app:\n    volumes: !reset []\n' },
    },
    {
      name: 'the override mounts something else at the same target',
      files: {
        'compose.yaml': app('      - /var/run/docker.sock:/var/run/docker.sock:ro\n'),
        'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - ./fake-docker.socket:/var/run/docker.sock\n',
      },
    },
  ],
  invalid: [
    {
      name: 'short syntax',
      compose: app('      - /var/run/docker.sock:/var/run/docker.sock\n'),
      errors: [{ messageId: 'socket', line: 5, column: 9, data: { service: 'app', engine: 'Docker', path: '/var/run/docker.sock' } }],
    },
    { name: 'read-only does not help', compose: app('      - "/var/run/docker.sock:/var/run/docker.sock:ro"\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    { name: 'mounted elsewhere in the container', compose: app('      - /var/run/docker.sock:/tmp/docker.sock:ro\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    {
      name: 'long syntax points at the source',
      compose: app('      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n'),
      errors: [{ messageId: 'socket', line: 6, column: 17, data: { path: '/var/run/docker.sock' } }],
    },
    { name: '/run/docker.sock', compose: app('      - /run/docker.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9, data: { engine: 'Docker' } }] },
    { name: 'rootless socket', compose: app('      - /run/user/1000/docker.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    { name: 'rootless socket through an unset XDG_RUNTIME_DIR', compose: app('      - ${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9, data: { path: '${XDG_RUNTIME_DIR}/docker.sock' } }] },
    { name: 'Docker Desktop raw socket', compose: app('      - /var/run/docker.sock.raw:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    { name: 'Docker Desktop raw socket on macOS', compose: app('      - ~/Library/Containers/com.docker.docker/Data/docker.raw.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    { name: "Docker Desktop's socket in the home directory", compose: app('      - ~/.docker/run/docker.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    { name: 'a default that resolves to the socket', compose: app('      - ${DOCKER_SOCKET:-/var/run/docker.sock}:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9, data: { path: '/var/run/docker.sock' } }] },
    {
      name: 'a variable set to the socket in .env',
      files: { 'compose.yaml': app('      - ${DOCKER_SOCKET}:/var/run/docker.sock\n'), '.env': 'DOCKER_SOCKET=/var/run/docker.sock\n' },
      errors: [{ messageId: 'socket', file: 'compose.yaml', line: 5, column: 9 }],
    },
    { name: 'Podman socket', compose: app('      - /run/podman/podman.sock:/var/run/docker.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9, data: { engine: 'Podman' } }] },
    { name: 'containerd socket', compose: app('      - /run/containerd/containerd.sock:/run/containerd/containerd.sock\n'), errors: [{ messageId: 'socket', line: 5, column: 9, data: { engine: 'containerd' } }] },
    {
      name: 'Windows named pipe, long syntax',
      compose: app('      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n'),
      errors: [{ messageId: 'socket', line: 6, column: 17, data: { engine: 'Docker' } }],
    },
    { name: 'Windows named pipe, short syntax', compose: app('      - //./pipe/docker_engine://./pipe/docker_engine\n'), errors: [{ messageId: 'socket', line: 5, column: 9 }] },
    {
      name: 'the directory that holds the socket',
      compose: app('      - /var/run:/var/run:ro\n'),
      errors: [{ messageId: 'directory', line: 5, column: 9, data: { path: '/var/run', socket: '/var/run/docker.sock' } }],
    },
    { name: '/run with a trailing slash', compose: app('      - /run/:/host/run\n'), errors: [{ messageId: 'directory', line: 5, column: 9, data: { socket: '/run/docker.sock' } }] },
    { name: "the host's root", compose: app('      - /:/rootfs:ro\n'), errors: [{ messageId: 'directory', line: 5, column: 9, data: { path: '/' } }] },
    { name: "a user's runtime directory (rootless sockets)", compose: app('      - /run/user/1000:/run/user/1000\n'), errors: [{ messageId: 'directory', line: 5, column: 9, data: { socket: '/run/user/*/docker.sock' } }] },
    {
      name: 'every service that mounts it',
      compose: 'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      errors: [
        { messageId: 'socket', line: 5, column: 9, data: { service: 'traefik' } },
        { messageId: 'socket', line: 9, column: 9, data: { service: 'portainer' } },
      ],
    },
    {
      name: 'base is fine, the override adds the socket',
      files: {
        'compose.yaml': app('      - ./data:/data\n'),
        'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      },
      errors: [{ messageId: 'socket', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'the override replaces a safe mount at the same target with the socket',
      files: {
        'compose.yaml': app('      - ./fake.sock:/var/run/docker.sock\n'),
        'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n',
      },
      errors: [{ messageId: 'socket', file: 'compose.override.yaml', line: 5, column: 17 }],
    },
    {
      name: 'inherited through extends: reported for both services where it is written',
      compose: 'services:\n  base:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n  app:\n    extends: base\n',
      errors: [
        { messageId: 'socket', line: 5, column: 9, data: { service: 'app' } },
        { messageId: 'socket', line: 5, column: 9, data: { service: 'base' } },
      ],
    },
  ],
});
