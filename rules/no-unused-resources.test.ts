import rule from './no-unused-resources.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'every resource used, short syntax',
      compose: `services:
  db:
    image: postgres:16
    volumes:
      - pgdata:/var/lib/postgresql/data
    networks:
      - backend
    secrets:
      - db_password
    configs:
      - pg_conf
networks:
  backend:
volumes:
  pgdata:
secrets:
  db_password:
    file: ./db_password.txt
configs:
  pg_conf:
    file: ./postgresql.conf
`,
    },
    {
      name: 'every resource used, long syntax',
      compose: `services:
  db:
    image: postgres:16
    volumes:
      - type: volume
        source: pgdata
        target: /var/lib/postgresql/data
    networks:
      backend:
        aliases: [database]
    secrets:
      - source: db_password
        target: /run/secrets/pw
    configs:
      - source: pg_conf
        target: /etc/postgresql.conf
networks:
  backend:
volumes:
  pgdata:
secrets:
  db_password:
    environment: DB_PASSWORD
configs:
  pg_conf:
    content: "max_connections = 50"
`,
    },
    {
      name: 'a secret used only by build.secrets',
      compose: 'services:\n  api:\n    build:\n      context: .\n      secrets:\n        - npm_token\nsecrets:\n  npm_token:\n    environment: NPM_TOKEN\n',
    },
    {
      name: 'a top-level default network used by a service without networks',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  default:\n    name: acme-default\n  backend:\n',
    },
    {
      name: 'an empty networks mapping still joins the default network',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    networks: {}\nnetworks:\n  default:\n    name: acme-default\n',
    },
    {
      name: 'a network named by network_mode',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    network_mode: shared\nnetworks:\n  shared:\n    external: true\n',
    },
    {
      name: 'a volume used by a service of a profile',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n  backup:\n    image: ghcr.io/acme/backup:1.0.0\n    profiles: [ops]\n    volumes:\n      - backups:/backups\nvolumes:\n  backups:\n',
    },
    {
      name: 'a volume name from a variable without a value could be any of them',
      compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ${DATA_VOLUME}:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n  pgdata-test:\n',
    },
    {
      name: 'a volume name from a default',
      compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ${DATA_VOLUME:-pgdata}:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    },
    {
      name: 'an override file checked on its own is a fragment',
      files: { 'compose.prod.yaml': 'services:\n  db:\n    restart: always\nvolumes:\n  pgdata:\n' },
    },
    {
      name: 'a stack with no services',
      compose: 'networks:\n  shared:\n    name: acme-shared\n',
    },
    {
      name: 'the override uses a volume the base declares',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\nvolumes:\n  pgdata:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n',
      },
    },
    {
      name: 'a bind mount and an anonymous volume use no declaration, and none is declared',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n      - /var/cache/nginx\n',
    },
  ],
  invalid: [
    {
      name: 'a declared volume the service never mounts (bind mount instead)',
      compose: `services:
  db:
    image: postgres:16
    volumes:
      - ./data/postgres:/var/lib/postgresql/data
volumes:
  postgres-data:
    name: acme-postgres-data
`,
      errors: [{ messageId: 'unused', line: 7, column: 3, data: { kind: 'volume', name: 'postgres-data' } }],
    },
    {
      name: 'an unused network, secret and config',
      compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    networks: [frontend]
networks:
  frontend:
  legacy:
secrets:
  api_key:
    file: ./api_key.txt
configs:
  nginx_conf:
    file: ./nginx.conf
`,
      errors: [
        { messageId: 'unused', line: 7, column: 3, data: { kind: 'network', name: 'legacy' } },
        { messageId: 'unused', line: 9, column: 3, data: { kind: 'secret', name: 'api_key' } },
        { messageId: 'unused', line: 12, column: 3, data: { kind: 'config', name: 'nginx_conf' } },
      ],
    },
    {
      name: 'a top-level default network when every service names its networks',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    networks:\n      - backend\n  db:\n    image: postgres:16\n    network_mode: service:api\nnetworks:\n  default:\n    name: acme-default\n  backend:\n',
      errors: [{ messageId: 'unused', line: 10, column: 3, data: { kind: 'network', name: 'default' } }],
    },
    {
      name: 'network_mode service:x is not a network',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    networks: [backend]\n  sidecar:\n    image: ghcr.io/acme/sidecar:1.0.0\n    network_mode: "service:api"\nnetworks:\n  backend:\n  api:\n',
      errors: [{ messageId: 'unused', line: 10, column: 3, data: { name: 'api' } }],
    },
    {
      name: 'an unused external network',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\nnetworks:\n  proxy:\n    external: true\n',
      errors: [{ messageId: 'unusedExternal', line: 5, column: 3, data: { kind: 'network', name: 'proxy' } }],
    },
    {
      name: 'a secret used by another secret name is still unused',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    secrets:\n      - source: api_key_v2\n        target: api_key\nsecrets:\n  api_key:\n    file: ./api_key.txt\n  api_key_v2:\n    file: ./api_key_v2.txt\n',
      errors: [{ messageId: 'unused', line: 8, column: 3, data: { name: 'api_key' } }],
    },
    {
      name: 'the override declares a volume nothing uses',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
        'compose.override.yaml': 'volumes:\n  pgdata-dev:\n',
      },
      errors: [{ messageId: 'unused', file: 'compose.override.yaml', line: 2, column: 3, data: { name: 'pgdata-dev' } }],
    },
    {
      name: 'the override resets the volumes that used the declaration',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes: !reset []\n',
      },
      errors: [{ messageId: 'unused', file: 'compose.yaml', line: 7, column: 3, data: { name: 'pgdata' } }],
    },
  ],
});
