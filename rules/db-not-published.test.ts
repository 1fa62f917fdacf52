import rule from './db-not-published.js';
import { testRule } from '../test/rule-tester.js';

// A database on an internal network, published nowhere: the shape every valid case starts from.
const internalNet = 'networks:\n  backend:\n    internal: true\n';
const api = '  api:\n    build: ./api\n    ports:\n      - "8000:8000"\n    networks: [backend]\n';

testRule(rule, {
  valid: [
    { name: 'postgres on an internal network, no ports', compose: `services:\n  db:\n    image: postgres:16\n    networks: [backend]\n${internalNet}` },
    { name: 'a non-database service publishes ports', compose: `services:\n${api}  db:\n    image: postgres:16\n    networks: [backend]\n${internalNet}` },
    { name: 'expose is not publishing', compose: `services:\n  cache:\n    image: redis:7-alpine\n    expose: ["6379"]\n    networks:\n      backend: {}\n${internalNet}` },
    { name: 'look-alike images are not databases', compose: 'services:\n  ui:\n    image: rediscommander/redis-commander:latest\n    ports: ["8081:8081"]\n  exporter:\n    image: prometheuscommunity/postgres-exporter:v0.15.0\n    ports: ["9187:9187"]\n  admin:\n    image: mongo-express:1\n    ports: ["8082:8081"]\n' },
    { name: 'requireInternalNetwork off: default network is fine', compose: 'services:\n  db:\n    image: mysql:8.4\n', options: { requireInternalNetwork: false } },
    { name: 'allowLoopback: 127.0.0.1 short syntax', compose: `services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]\n    networks: [backend]\n${internalNet}`, options: { allowLoopback: true } },
    { name: 'allowLoopback: ::1 long syntax', compose: `services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: "::1"\n    networks: [backend]\n${internalNet}`, options: { allowLoopback: true } },
    { name: 'external network listed in internalNetworks', compose: 'services:\n  db:\n    image: mariadb:11\n    networks: [dbnet]\nnetworks:\n  dbnet:\n    external: true\n', options: { internalNetworks: ['dbnet'] } },
    { name: 'internal from an unset variable is unknown', compose: 'services:\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  backend:\n    internal: ${DB_NET_INTERNAL}\n' },
    { name: 'host port from an unset variable is unknown', compose: `services:\n  db:\n    image: postgres:16\n    ports: ["\${DB_PORT}:5432"]\n    networks: [backend]\n${internalNet}` },
    { name: 'image from an unset variable is unknown', compose: 'services:\n  db:\n    image: ${DB_IMAGE}\n    ports: ["5432:5432"]\n' },
    { name: 'shares another service network namespace', compose: 'services:\n  vpn:\n    image: qmcgaw/gluetun:v3\n  db:\n    image: postgres:16\n    network_mode: service:vpn\n', options: { requireInternalNetwork: true } },
    { name: 'network_mode none', compose: 'services:\n  db:\n    image: redis:7\n    network_mode: none\n' },
    { name: 'the default network declared internal', compose: 'services:\n  db:\n    image: valkey/valkey:8\nnetworks:\n  default:\n    internal: true\n' },
    { name: 'custom images option replaces the defaults', compose: 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n', options: { images: ['acme/ledger-db'] } },
    {
      name: 'base publishes, the override resets ports and makes the network internal',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    networks: [backend]\nnetworks:\n  backend:\n',
        'compose.override.yaml': 'services:\n  db:\n    ports: !reset []\nnetworks:\n  backend:\n    internal: true\n',
      },
    },
  ],
  invalid: [
    {
      name: 'short syntax host:container',
      compose: `services:\n  db:\n    image: postgres:16-alpine\n    ports:\n      - "5432:5432"\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 5, column: 9, data: { service: 'db', image: 'postgres:16-alpine', what: 'host port 5432 publishes container port 5432' } }],
    },
    {
      name: 'short syntax container port only publishes an ephemeral port',
      compose: `services:\n  cache:\n    image: redis:7\n    ports:\n      - "6379"\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 5, column: 9, data: { what: 'container port 6379 is published on an ephemeral host port' } }],
    },
    {
      name: 'short syntax on loopback without allowLoopback',
      compose: `services:\n  db:\n    image: mysql:8.4\n    ports: ["127.0.0.1:3306:3306"]\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 4, column: 13, data: { what: 'host port 3306 on 127.0.0.1 publishes container port 3306' } }],
    },
    {
      name: 'short syntax bracketed IPv6 on all interfaces',
      compose: `services:\n  db:\n    image: mongo:7\n    ports:\n      - "[::]:27017:27017/tcp"\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 5, column: 9, data: { what: 'host port 27017 publishes container port 27017' } }],
    },
    {
      name: 'long syntax points at published',
      compose: `services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: "5433"\n        host_ip: 0.0.0.0\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 6, column: 20, data: { what: 'host port 5433 publishes container port 5432' } }],
    },
    {
      name: 'long syntax without published points at target',
      compose: `services:\n  search:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    ports:\n      - target: 9200\n        protocol: tcp\n    networks: [backend]\n${internalNet}`,
      errors: [{ messageId: 'published', line: 5, column: 17, data: { what: 'container port 9200 is published on an ephemeral host port' } }],
    },
    {
      name: 'network_mode host',
      compose: 'services:\n  cache:\n    image: memcached:1.6\n    network_mode: host\n',
      errors: [{ messageId: 'published', line: 4, column: 19, data: { what: '`network_mode: host` puts every port it listens on on the host' } }],
    },
    {
      name: 'implicit default network points at the service key',
      compose: 'services:\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'notInternal', line: 2, column: 3, data: { network: 'default' } }],
    },
    {
      name: 'named network without internal, list form',
      compose: 'services:\n  db:\n    image: postgres:16\n    networks:\n      - backend\nnetworks:\n  backend:\n    driver: bridge\n',
      errors: [{ messageId: 'notInternal', line: 5, column: 9, data: { network: 'backend' } }],
    },
    {
      name: 'one internal and one public network, map form',
      compose: 'services:\n  db:\n    image: bitnami/postgresql:16\n    networks:\n      backend: {}\n      proxy:\n        aliases: [db]\nnetworks:\n  backend:\n    internal: true\n  proxy:\n',
      errors: [{ messageId: 'notInternal', line: 6, column: 7, data: { network: 'proxy', image: 'bitnami/postgresql:16' } }],
    },
    {
      name: 'external network is not known to be internal',
      compose: 'services:\n  db:\n    image: mariadb:11\n    networks: [npm_proxy]\nnetworks:\n  npm_proxy:\n    external: true\n',
      errors: [{ messageId: 'notInternal', line: 4, column: 16, data: { network: 'npm_proxy' } }],
    },
    {
      name: 'internal: false',
      compose: 'services:\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  backend:\n    internal: false\n',
      errors: [{ messageId: 'notInternal', line: 4, column: 16 }],
    },
    {
      name: 'built from a postgres base image',
      files: {
        'compose.yaml': `services:\n  db:\n    build: ./db\n    ports: ["5432:5432"]\n    networks: [backend]\n${internalNet}`,
        'db/Dockerfile': 'FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      },
      errors: [{ messageId: 'published', file: 'compose.yaml', line: 4, column: 13, data: { image: 'postgres:16-alpine' } }],
    },
    {
      name: 'custom images option',
      compose: 'services:\n  ledger:\n    image: registry.example.com/acme/ledger-db:3\n    ports: ["7000:7000"]\n',
      options: { images: ['acme/ledger-db'], requireInternalNetwork: false },
      errors: [{ messageId: 'published', line: 4, column: 13 }],
    },
    {
      name: 'override adds a published port: points into compose.override.yaml',
      files: {
        'compose.yaml': `services:\n  db:\n    image: postgres:16\n    networks: [backend]\n${internalNet}`,
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      },
      errors: [{ messageId: 'published', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'override attaches a public network',
      files: {
        'compose.yaml': `services:\n  db:\n    image: postgres:16\n    networks: [backend]\n${internalNet}  public:\n`,
        'compose.override.yaml': 'services:\n  db:\n    networks:\n      - public\n',
      },
      errors: [{ messageId: 'notInternal', file: 'compose.override.yaml', line: 4, column: 9, data: { network: 'public' } }],
    },
  ],
});
