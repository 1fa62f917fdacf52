import rule from './no-sensitive-host-mounts.js';
import { testRule } from '../test/rule-tester.js';

/** One service `app` whose `volumes:` items start on line 5. */
const app = (volumes: string) => `services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n${volumes}`;

testRule(rule, {
  valid: [
    { name: 'project binds and named volumes', compose: app('      - ./config:/etc/app:ro\n      - ./data:/var/lib/app\n      - cache:/cache\n') + 'volumes:\n  cache:\n' },
    { name: 'localtime and timezone read-only', compose: app('      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n') },
    { name: 'CA certificates and zoneinfo read-only', compose: app('      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n') },
    { name: 'kernel modules read-only', compose: app('      - /lib/modules:/lib/modules:ro\n') },
    { name: 'host logs read-only for a log shipper', compose: app('      - /var/log:/var/log:ro\n') },
    { name: "a service's own log directory writable", compose: app('      - /var/log/app:/app/logs\n') },
    { name: 'data directories on the host', compose: app('      - /srv/app/data:/data\n      - /var/lib/mysql:/var/lib/mysql\n      - /opt/data:/opt/data\n      - /home/me/projects/site:/site\n') },
    { name: 'a directory in the home directory', compose: app('      - ~/minecraft_data:/data\n') },
    { name: 'long syntax read-only under /etc', compose: app('      - type: bind\n        source: /etc/localtime\n        target: /etc/localtime\n        read_only: true\n') },
    { name: 'the docker socket is left to no-docker-socket', compose: app('      - /var/run/docker.sock:/var/run/docker.sock\n') },
    { name: 'an unset variable as the source is unknown', compose: app('      - ${CONFIG_DIR}:/config\n') },
    { name: 'an unset variable as the mode is unknown', compose: app('      - /etc/app:/etc/app:${MODE}\n') },
    { name: 'a relative path that climbs out of the project is not judged', compose: app('      - ../..:/workspace\n') },
    { name: 'an anonymous volume at /proc-like path', compose: app('      - /usr/src/app/node_modules\n') },
    { name: 'a named volume called etc', compose: app('      - etc:/etc/app\n') + 'volumes:\n  etc:\n' },
    { name: 'allow option exempts a path and what is below it', compose: app('      - /run/udev:/run/udev:ro\n'), options: { allow: ['/run/udev'] } },
    { name: 'allow option with a home path', compose: app('      - ~/.docker/config.json:/root/.docker/config.json:ro\n'), options: { allow: ['~/.docker'] } },
    {
      name: 'the override makes it read-only',
      files: { 'compose.yaml': app('      - /etc/nginx:/etc/nginx\n'), 'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - /etc/nginx:/etc/nginx:ro\n' },
    },
    {
      name: 'a local volume bound to a data directory',
      compose: app('      - data:/data\n') + 'volumes:\n  data:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /srv/data\n',
    },
    {
      name: 'an NFS volume device is not a host path',
      compose: app('      - data:/data\n') + 'volumes:\n  data:\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.2\n      device: ":/etc"\n',
    },
  ],
  invalid: [
    {
      name: "the host's root, read-only",
      compose: app('      - /:/host:ro\n'),
      errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { service: 'app', path: '/', what: "it holds /proc, the host's processes and kernel interfaces" } }],
    },
    { name: '/proc read-only', compose: app('      - /proc:/host/proc:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { path: '/proc' } }] },
    { name: '/sys', compose: app('      - "/sys:/host/sys:ro"\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'a host device', compose: app('      - /dev/sda:/dev/sda\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: '/boot', compose: app('      - /boot:/boot:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: "root's home", compose: app('      - /root:/root\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'system D-Bus socket under /run', compose: app('      - /run/dbus/system_bus_socket:/run/dbus/system_bus_socket\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: '/var/run with a trailing slash', compose: app('      - /var/run/:/var/run/:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { path: '/var/run/' } }] },
    { name: "Docker's data directory read-only", compose: app('      - /var/lib/docker/containers:/var/lib/docker/containers:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: '/var holds /var/run', compose: app('      - /var:/host/var:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { what: "it holds /var/run, the host's runtime sockets: system D-Bus, systemd, container engines" } }] },
    { name: '/etc holds the password hashes, even read-only', compose: app('      - /etc:/host/etc:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { what: "it holds /etc/shadow, the host's password hashes" } }] },
    { name: '/etc/shadow read-only', compose: app('      - /etc/shadow:/etc/shadow:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: "the host's SSH keys", compose: app('      - /etc/ssh:/etc/ssh:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: "a user's SSH keys through ~", compose: app('      - ~/.ssh:/root/.ssh:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { path: '~/.ssh', what: "a user's SSH keys" } }] },
    { name: "a user's SSH keys through an unset $HOME", compose: app('      - ${HOME}/.ssh:/root/.ssh:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { path: '~/.ssh' } }] },
    { name: 'AWS credentials through $HOME', compose: app('      - $HOME/.aws:/root/.aws:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { what: "a user's AWS credentials" } }] },
    { name: 'kubeconfig under /home/<user>', compose: app('      - /home/alice/.kube/config:/root/.kube/config:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'docker credentials under /Users/<user>', compose: app('      - /Users/alice/.docker:/root/.docker:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'gcloud credentials', compose: app('      - ~/.config/gcloud:/root/.config/gcloud:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'a whole home directory', compose: app('      - /home/alice:/home/alice\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { what: "it holds /home/<user>/.ssh, a user's SSH keys" } }] },
    { name: '~ itself', compose: app('      - ~:/home/user:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'all home directories', compose: app('      - /home:/home:ro\n'), errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    { name: 'localtime writable', compose: app('      - /etc/localtime:/etc/localtime\n'), errors: [{ messageId: 'writable', line: 5, column: 9, data: { path: '/etc/localtime' } }] },
    { name: "an application's directory under /etc, writable", compose: app('      - /etc/pihole/:/etc/pihole/\n'), errors: [{ messageId: 'writable', line: 5, column: 9 }] },
    { name: 'explicit rw under /etc', compose: app('      - /etc/nginx/conf.d:/etc/nginx/conf.d:rw\n'), errors: [{ messageId: 'writable', line: 5, column: 9 }] },
    { name: 'writable under /usr', compose: app('      - /usr/src:/usr/src\n'), errors: [{ messageId: 'writable', line: 5, column: 9, data: { what: "the host's programs and libraries" } }] },
    { name: 'kernel modules writable', compose: app('      - /lib/modules:/lib/modules\n'), errors: [{ messageId: 'writable', line: 5, column: 9 }] },
    { name: 'host logs writable', compose: app('      - /var/log:/var/log\n'), errors: [{ messageId: 'writable', line: 5, column: 9 }] },
    {
      name: 'long syntax bind points at the source',
      compose: app('      - type: bind\n        source: /proc\n        target: /host/proc\n        read_only: true\n'),
      errors: [{ messageId: 'sensitive', line: 6, column: 17 }],
    },
    {
      name: 'long syntax writable under /etc',
      compose: app('      - type: bind\n        source: /etc/cron.d\n        target: /etc/cron.d\n'),
      errors: [{ messageId: 'writable', line: 6, column: 17 }],
    },
    {
      name: 'a variable that resolves to a sensitive path',
      files: { 'compose.yaml': app('      - ${HOST_ROOT}:/host:ro\n'), '.env': 'HOST_ROOT=/\n' },
      errors: [{ messageId: 'sensitive', file: 'compose.yaml', line: 5, column: 9, data: { path: '/' } }],
    },
    {
      name: 'node-exporter: every mount reported',
      compose: app('      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n      - /:/rootfs:ro\n'),
      errors: [
        { messageId: 'sensitive', line: 5, column: 9 },
        { messageId: 'sensitive', line: 6, column: 9 },
        { messageId: 'sensitive', line: 7, column: 9 },
      ],
    },
    { name: 'paths option adds a path, even read-only', compose: app('      - /srv/secrets:/secrets:ro\n'), options: { paths: ['/srv/secrets'] }, errors: [{ messageId: 'sensitive', line: 5, column: 9, data: { what: 'a path listed in the `paths` option' } }] },
    { name: 'allow option does not exempt what is above it', compose: app('      - /run:/run:ro\n'), options: { allow: ['/run/udev'] }, errors: [{ messageId: 'sensitive', line: 5, column: 9 }] },
    {
      name: 'a local volume bound to /etc',
      compose: app('      - etc:/host/etc\n') + 'volumes:\n  etc:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /etc\n',
      errors: [{ messageId: 'volume', line: 12, column: 15, data: { volume: 'etc', path: '/etc' } }],
    },
    {
      name: "local-persist's mountpoint",
      compose: app('      - logs:/logs\n') + 'volumes:\n  logs:\n    driver: local-persist\n    driver_opts:\n      mountpoint: /var/log\n',
      errors: [{ messageId: 'volume', line: 10, column: 19, data: { what: "the host's logs, writable" } }],
    },
    {
      name: 'base is fine, the override adds a sensitive mount',
      files: { 'compose.yaml': app('      - ./data:/data\n'), 'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - /proc:/host/proc:ro\n' },
      errors: [{ messageId: 'sensitive', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'the override makes a read-only mount writable',
      files: { 'compose.yaml': app('      - /etc/nginx:/etc/nginx:ro\n'), 'compose.override.yaml': 'services:\n  app:\n    volumes:\n      - type: bind\n        source: /etc/nginx\n        target: /etc/nginx\n' },
      errors: [{ messageId: 'writable', file: 'compose.override.yaml', line: 5, column: 17 }],
    },
  ],
});
