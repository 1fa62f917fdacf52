import rule from './no-shared-writable-mounts.js';
import { testRule } from '../test/rule-tester.js';

/** Two services: `app` (volumes from line 5) and `web` (volumes from line 5 + appLines + 3). */
const two = (app: string, web: string, extra = '') =>
  `services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n${app}  web:\n    image: nginx:1.27-alpine\n    volumes:\n${web}${extra}`;

testRule(rule, {
  valid: [
    { name: 'different host paths', compose: two('      - ./app:/app\n', '      - ./public:/usr/share/nginx/html\n') },
    { name: 'one writer, one reader (short syntax)', compose: two('      - uploads:/app/uploads\n', '      - uploads:/usr/share/nginx/html/uploads:ro\n', 'volumes:\n  uploads:\n') },
    {
      name: 'one writer, one reader (long syntax)',
      compose: two('      - type: bind\n        source: ./static\n        target: /app/static\n', '      - type: bind\n        source: ./static\n        target: /usr/share/nginx/html\n        read_only: true\n'),
    },
    { name: 'readers only', compose: two('      - ./config:/config:ro\n', '      - ./config:/etc/nginx/conf.d:ro\n') },
    { name: 'sibling directories do not overlap', compose: two('      - ./data/app:/data\n', '      - ./data/web:/data\n') },
    { name: 'a path that only starts with the same letters', compose: two('      - ./data:/data\n', '      - ./database:/data\n') },
    { name: 'anonymous volumes are per container', compose: two('      - /app/node_modules\n', '      - /app/node_modules\n') },
    { name: 'tmpfs is per container', compose: two('      - type: tmpfs\n        target: /tmp\n', '      - type: tmpfs\n        target: /tmp\n') },
    { name: 'one service mounting a path twice', compose: 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n      - ./data:/data\n      - ./data/cache:/cache\n' },
    { name: 'an unset variable as the source is unknown', compose: two('      - ${DATA_DIR}:/data\n', '      - ${DATA_DIR}:/data\n') },
    { name: 'an unset variable as the mode is unknown', compose: two('      - ./data:/data:${MODE}\n', '      - ./data:/data\n') },
    { name: 'the docker socket is left to no-docker-socket', compose: two('      - /var/run/docker.sock:/var/run/docker.sock\n', '      - /var/run/docker.sock:/var/run/docker.sock\n') },
    {
      name: 'the override makes the second mount read-only',
      files: {
        'compose.yaml': two('      - uploads:/app/uploads\n', '      - uploads:/usr/share/nginx/html/uploads\n', 'volumes:\n  uploads:\n'),
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - uploads:/usr/share/nginx/html/uploads:ro\n',
      },
    },
    {
      name: 'two stacks in two directories are judged apart',
      files: {
        'a/compose.yaml': 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    volumes:\n      - /srv/shared:/shared\n',
        'b/compose.yaml': 'services:\n  web:\n    image: nginx:1.27-alpine\n    volumes:\n      - /srv/shared:/shared\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the same host path writable in two services',
      compose: two('      - ./logic:/app\n', '      - ./logic:/app\n'),
      errors: [{ messageId: 'shared', line: 9, column: 9, data: { service: 'web', source: './logic', other: 'app', otherFile: 'compose.yaml', otherLine: 5 } }],
    },
    {
      name: 'the same named volume writable in two services',
      compose: two('      - shared-volume:/app/uploads\n', '      - shared-volume:/uploads\n', 'volumes:\n  shared-volume:\n'),
      errors: [{ messageId: 'shared', line: 9, column: 9, data: { source: 'volume "shared-volume"', other: 'app' } }],
    },
    {
      name: 'a directory and a directory below it',
      compose: two('      - ./data:/data\n', '      - ./data/cache:/var/cache/nginx\n'),
      errors: [{ messageId: 'shared', line: 9, column: 9, data: { source: './data/cache' } }],
    },
    {
      name: 'the same host path written two ways',
      compose: two('      - ./data:/data\n', '      - type: bind\n        source: ./data/\n        target: /data\n'),
      errors: [{ messageId: 'shared', line: 10, column: 17 }],
    },
    { name: 'an absolute host path, explicit rw', compose: two('      - /srv/uploads:/uploads:rw\n', '      - /srv/uploads:/srv:z\n'), errors: [{ messageId: 'shared', line: 9, column: 9 }] },
    {
      name: 'long syntax named volume with read_only false',
      compose: two('      - type: volume\n        source: sites\n        target: /sites\n', '      - type: volume\n        source: sites\n        target: /sites\n        read_only: false\n', 'volumes:\n  sites:\n'),
      errors: [{ messageId: 'shared', line: 12, column: 17 }],
    },
    {
      name: 'every later writer is reported, naming the first',
      compose: 'services:\n  app:\n    image: a:1\n    volumes: [./src:/src]\n  worker:\n    image: a:1\n    volumes: [./src:/src]\n  scheduler:\n    image: a:1\n    volumes: ["./src:/src"]\n',
      errors: [
        { messageId: 'shared', line: 7, column: 15, data: { service: 'worker', other: 'app' } },
        { messageId: 'shared', line: 10, column: 15, data: { service: 'scheduler', other: 'app' } },
      ],
    },
    {
      name: 'a reader in between does not hide the second writer',
      compose: 'services:\n  app:\n    image: a:1\n    volumes: [data:/data]\n  backup:\n    image: b:1\n    volumes: ["data:/data:ro"]\n  cleanup:\n    image: c:1\n    volumes: [data:/data]\nvolumes:\n  data:\n',
      errors: [{ messageId: 'shared', line: 10, column: 15, data: { service: 'cleanup', other: 'app' } }],
    },
    {
      name: 'base is fine, the override makes the reader writable',
      files: {
        'compose.yaml': two('      - uploads:/app/uploads\n', '      - uploads:/usr/share/nginx/html/uploads:ro\n', 'volumes:\n  uploads:\n'),
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - uploads:/usr/share/nginx/html/uploads\n',
      },
      errors: [{ messageId: 'shared', file: 'compose.override.yaml', line: 4, column: 9, data: { otherFile: 'compose.yaml', otherLine: 5 } }],
    },
    {
      name: 'anchored volumes shared through a YAML alias',
      compose: 'x-app: &app\n  image: ghcr.io/acme/app:1.0\n  volumes:\n    - ./sentry:/etc/sentry\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n',
      errors: [{ messageId: 'shared', line: 4, column: 7, data: { service: 'worker', other: 'web', otherLine: 4 } }],
    },
  ],
});
