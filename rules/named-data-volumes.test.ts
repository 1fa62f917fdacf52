import rule from './named-data-volumes.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'postgres with a named volume, short syntax', compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' },
    { name: 'mysql with a named volume, long syntax', compose: 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - type: volume\n        source: mysqldata\n        target: /var/lib/mysql/\nvolumes:\n  mysqldata:\n' },
    { name: 'config and init scripts may be bind mounts', compose: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - redisdata:/data\n      - ./redis.conf:/usr/local/etc/redis/redis.conf:ro\n  db:\n    image: postgres:16\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - ./pg_hba.conf:/var/lib/postgresql/data/pg_hba.conf:ro\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  redisdata:\n  pgdata:\n' },
    { name: 'tmpfs field: a throw-away database', compose: 'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      - /var/lib/postgresql/data:size=512m\n' },
    { name: 'tmpfs volume entry', compose: 'services:\n  cache:\n    image: valkey/valkey:8\n    volumes:\n      - type: tmpfs\n        target: /data\n' },
    { name: 'requireVolume off: no volume is fine', compose: 'services:\n  cache:\n    image: redis:7\n', options: { requireVolume: false } },
    { name: 'a non-database service may bind-mount /data', compose: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/data\n' },
    { name: 'memcached keeps no data', compose: 'services:\n  cache:\n    image: memcached:1.6\n' },
    { name: 'volume source from an unset variable is unknown', compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ${PG_VOLUME}:/var/lib/postgresql/data\n' },
    { name: 'PGDATA elsewhere, on a named volume', compose: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata\n    volumes:\n      - pgdata:/pgdata\nvolumes:\n  pgdata:\n' },
    { name: 'a named volume over the parent directory', compose: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pgdata:/var/lib/postgresql\nvolumes:\n  pgdata:\n' },
    { name: 'an override checked alone is not judged for a missing volume', files: { 'compose.prod.yaml': 'services:\n  db:\n    environment:\n      POSTGRES_DB: app\n' } },
    { name: 'a job on a database image with its own entrypoint keeps no data', compose: 'services:\n  backup:\n    image: postgres:16\n    entrypoint: ["/backup.sh"]\n' },
    { name: 'a built setup job whose stage sets ENTRYPOINT', files: { 'compose.yaml': 'services:\n  setup:\n    build: ./setup\n', 'setup/Dockerfile': 'FROM docker.elastic.co/elasticsearch/elasticsearch:9.1.0\nENTRYPOINT ["/entrypoint.sh"]\n' } },
    { name: 'custom paths replace the defaults', compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./data:/var/lib/postgresql/data\n', options: { paths: { 'acme/ledger': ['/srv/ledger'] } } },
    {
      name: 'base bind-mounts, the override puts a named volume at the same target',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./data/postgres:/var/lib/postgresql/data\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
      },
    },
  ],
  invalid: [
    {
      name: 'short syntax bind mount',
      compose: 'services:\n  db:\n    image: postgres:15-alpine\n    volumes:\n      - ./data/postgres:/var/lib/postgresql/data\n',
      errors: [{ messageId: 'bindMount', line: 5, column: 9, data: { service: 'db', image: 'postgres:15-alpine', path: '/var/lib/postgresql/data', target: '/var/lib/postgresql/data' } }],
    },
    {
      name: 'long syntax bind mount points at the source',
      compose: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: bind\n        source: ./mysql\n        target: /var/lib/mysql\n',
      errors: [{ messageId: 'bindMount', line: 6, column: 17, data: { path: '/var/lib/mysql' } }],
    },
    {
      name: 'bind mount over a parent of the data directory',
      compose: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "/srv/pg:/var/lib/postgresql:rw"\n',
      errors: [{ messageId: 'bindMount', line: 5, column: 9, data: { path: '/var/lib/postgresql/data', target: '/var/lib/postgresql' } }],
    },
    {
      name: 'home-directory bind mount',
      compose: 'services:\n  search:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    volumes:\n      - ~/es:/usr/share/elasticsearch/data\n',
      errors: [{ messageId: 'bindMount', line: 5, column: 9 }],
    },
    {
      name: 'anonymous volume, short syntax',
      compose: 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - /data/db\n',
      errors: [{ messageId: 'anonymous', line: 5, column: 9, data: { path: '/data/db' } }],
    },
    {
      name: 'anonymous volume, long syntax',
      compose: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - type: volume\n        target: /data\n',
      errors: [{ messageId: 'anonymous', line: 5, column: 9 }],
    },
    {
      name: 'no volume at all points at the service key',
      compose: 'services:\n  cache:\n    image: redis:7-alpine\n    command: redis-server --appendonly yes\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'cache', path: '/data' } }],
    },
    {
      name: 'bitnami image keeps data under /bitnami',
      compose: 'services:\n  cache:\n    image: bitnami/redis:7.4\n    volumes:\n      - ./redis:/bitnami/redis/data\n',
      errors: [{ messageId: 'bindMount', line: 5, column: 9, data: { path: '/bitnami/redis/data' } }],
    },
    {
      name: 'built from a mongo base image',
      files: {
        'compose.yaml': 'services:\n  db:\n    build: ./db\n    volumes:\n      - ./mongo:/data/db\n',
        'db/Dockerfile': 'FROM mongo:7\nCOPY mongod.conf /etc/mongod.conf\n',
      },
      errors: [{ messageId: 'bindMount', file: 'compose.yaml', line: 5, column: 9, data: { image: 'mongo:7' } }],
    },
    {
      name: 'PGDATA elsewhere, bind-mounted',
      compose: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - PGDATA=/pgdata\n    volumes:\n      - ./pgdata:/pgdata\n',
      errors: [{ messageId: 'bindMount', line: 7, column: 9, data: { path: '/pgdata' } }],
    },
    {
      name: 'override replaces the named volume with a bind mount: points into compose.override.yaml',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - type: bind\n        source: ./pg\n        target: /var/lib/postgresql/data\n',
      },
      errors: [{ messageId: 'bindMount', file: 'compose.override.yaml', line: 5, column: 17 }],
    },
  ],
});
