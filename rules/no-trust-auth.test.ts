import rule from './no-trust-auth.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'postgres with a password from a secret file',
      compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      POSTGRES_HOST_AUTH_METHOD: scram-sha-256
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
    },
    {
      name: 'a trust default overridden by the project .env',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}
      POSTGRES_HOST_AUTH_METHOD: \${PG_AUTH_METHOD:-trust}
`,
        '.env': 'PG_AUTH_METHOD=scram-sha-256\n',
      },
    },
    {
      name: 'an unknown value is not judged',
      compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      - POSTGRES_HOST_AUTH_METHOD=\${PG_AUTH_METHOD}
      - POSTGRES_PASSWORD
`,
    },
    {
      name: 'mysql and mariadb with a root password, a password file or a random root password',
      compose: `services:
  mysql:
    image: mysql:8.4
    environment:
      MYSQL_ALLOW_EMPTY_PASSWORD: "no"
      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/mysql_root
  mariadb:
    image: mariadb:11.4
    environment:
      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1
      - MARIADB_RANDOM_ROOT_PASSWORD=yes
  legacy:
    image: mariadb:10.11
    environment:
      - MYSQL_ALLOW_EMPTY_PASSWORD=
      - MYSQL_RANDOM_ROOT_PASSWORD=yes
`,
    },
    {
      name: 'bitnami images with a password, or the switch off',
      compose: `services:
  redis:
    image: bitnami/redis:7.2
    environment:
      - ALLOW_EMPTY_PASSWORD=no
      - REDIS_PASSWORD_FILE=/run/secrets/redis_password
  pg:
    image: bitnami/postgresql:16
    environment:
      ALLOW_EMPTY_PASSWORD: "yes"
      POSTGRESQL_PASSWORD: \${PG_PASSWORD:?set it}
  zookeeper:
    image: bitnami/zookeeper:3.9
    environment:
      ALLOW_ANONYMOUS_LOGIN: "no"
`,
    },
    {
      name: 'search engines and dashboards with security on',
      compose: `services:
  es:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      - discovery.type=single-node
      - xpack.security.enabled=true
  os:
    image: opensearchproject/opensearch:2.17.0
    environment:
      plugins.security.disabled: "false"
      DISABLE_SECURITY_PLUGIN: "false"
  grafana:
    image: grafana/grafana:11.2.0
    environment:
      GF_AUTH_ANONYMOUS_ENABLED: "true"
      GF_AUTH_ANONYMOUS_ORG_ROLE: Viewer
  neo4j:
    image: neo4j:5.23
    environment:
      NEO4J_AUTH_FILE: /run/secrets/neo4j_auth
`,
    },
    {
      name: 'redis and mongo without a password are not explicit switches',
      compose: `services:
  cache:
    image: redis:7.4-alpine
  mongo:
    image: mongo:7.0
    environment:
      MONGO_INITDB_DATABASE: app
`,
    },
    {
      name: 'the override turns trust off again',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_HOST_AUTH_METHOD: trust
`,
        'compose.override.yaml': `services:
  db:
    environment:
      POSTGRES_HOST_AUTH_METHOD: scram-sha-256
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
`,
      },
    },
    {
      name: 'environment wins over env_file',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    env_file: db.env
    environment:
      POSTGRES_HOST_AUTH_METHOD: md5
`,
        'db.env': 'POSTGRES_HOST_AUTH_METHOD=trust\n',
      },
    },
  ],
  invalid: [
    {
      name: 'postgres trust in map form',
      compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_DB: app
      POSTGRES_HOST_AUTH_METHOD: trust  # local dev only
`,
      errors: [{ messageId: 'postgresTrust', line: 6, column: 34, data: { service: 'db' } }],
    },
    {
      name: 'postgres trust in list form points after KEY=',
      compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      - POSTGRES_HOST_AUTH_METHOD=trust
`,
      errors: [{ messageId: 'postgresTrust', line: 5, column: 35 }],
    },
    {
      name: 'postgres trust from a default points at the default',
      compose: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_HOST_AUTH_METHOD: \${PG_AUTH_METHOD:-trust}
`,
      errors: [{ messageId: 'postgresTrust', line: 5, column: 52 }],
    },
    {
      name: 'postgres trust set by the project .env',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      - POSTGRES_HOST_AUTH_METHOD=\${PG_AUTH_METHOD:-scram-sha-256}
`,
        '.env': 'PG_AUTH_METHOD=trust\n',
      },
      errors: [{ messageId: 'postgresTrust', file: 'compose.yaml', line: 5, column: 35 }],
    },
    {
      name: 'the override turns trust on: the finding points into the override',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
`,
        'compose.override.yaml': `services:
  db:
    environment:
      POSTGRES_HOST_AUTH_METHOD: trust
`,
      },
      errors: [{ messageId: 'postgresTrust', file: 'compose.override.yaml', line: 4, column: 34 }],
    },
    {
      name: 'mysql and mariadb empty root passwords, any non-empty value',
      compose: `services:
  mysql:
    image: mysql:8.4
    environment:
      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"
      MYSQL_DATABASE: app
  mariadb:
    image: mariadb:11.4
    environment:
      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=false
  legacy:
    image: mariadb:10.11
    environment:
      - MYSQL_ALLOW_EMPTY_PASSWORD=1
      - MYSQL_ROOT_PASSWORD=
`,
      errors: [
        { messageId: 'emptyRootPassword', line: 5, column: 35, data: { service: 'mysql', name: 'MYSQL_ALLOW_EMPTY_PASSWORD' } },
        { messageId: 'emptyRootPassword', line: 10, column: 43, data: { service: 'mariadb', name: 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD' } },
        { messageId: 'emptyRootPassword', line: 14, column: 36, data: { service: 'legacy' } },
      ],
    },
    {
      name: 'bitnami empty password and anonymous login',
      compose: `services:
  redis:
    image: bitnami/redis:7.2
    environment:
      - ALLOW_EMPTY_PASSWORD=yes
  zookeeper:
    image: bitnami/zookeeper:3.9
    environment:
      ALLOW_ANONYMOUS_LOGIN: "True"
`,
      errors: [
        { messageId: 'emptyPassword', line: 5, column: 30, data: { service: 'redis' } },
        { messageId: 'anonymousLogin', line: 9, column: 30, data: { service: 'zookeeper' } },
      ],
    },
    {
      name: 'neo4j, elasticsearch, opensearch and grafana switches',
      compose: `services:
  neo4j:
    image: neo4j:5.23
    environment:
      NEO4J_AUTH: none
  es:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      - discovery.type=single-node
      - xpack.security.enabled=false
  es-setting:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      ES_SETTING_XPACK_SECURITY_ENABLED: "false"
  os:
    image: opensearchproject/opensearch:2.17.0
    environment:
      - plugins.security.disabled=true
  os-env:
    image: opensearchproject/opensearch:2.17.0
    environment:
      DISABLE_SECURITY_PLUGIN: "true"
  dashboards:
    image: opensearchproject/opensearch-dashboards:2.17.0
    environment:
      DISABLE_SECURITY_DASHBOARDS_PLUGIN: "true"
  grafana:
    image: grafana/grafana:11.2.0
    environment:
      - GF_AUTH_ANONYMOUS_ENABLED=true
      - GF_AUTH_ANONYMOUS_ORG_ROLE=Admin
`,
      errors: [
        { messageId: 'neo4jNoAuth', line: 5, column: 19, data: { service: 'neo4j' } },
        { messageId: 'securityDisabled', line: 10, column: 32, data: { service: 'es', product: 'Elasticsearch' } },
        { messageId: 'securityDisabled', line: 14, column: 42, data: { service: 'es-setting', name: 'ES_SETTING_XPACK_SECURITY_ENABLED' } },
        { messageId: 'securityDisabled', line: 18, column: 35, data: { service: 'os', product: 'OpenSearch' } },
        { messageId: 'securityDisabled', line: 22, column: 32, data: { service: 'os-env' } },
        { messageId: 'securityDisabled', line: 26, column: 43, data: { product: 'OpenSearch Dashboards' } },
        { messageId: 'anonymousAdmin', line: 30, column: 35, data: { service: 'grafana' } },
      ],
    },
    {
      name: 'a switch in an env_file points into the env file',
      files: {
        'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    env_file:
      - ./config/db.env
`,
        'config/db.env': '# database settings\nPOSTGRES_DB=app\nPOSTGRES_HOST_AUTH_METHOD="trust"\n',
      },
      errors: [{ messageId: 'postgresTrust', file: 'config/db.env', line: 3, column: 27 }],
    },
    {
      name: 'an env_file shared by two services is reported once',
      files: {
        'compose.yaml': `services:
  primary:
    image: postgres:16-alpine
    env_file: pg.env
  replica:
    image: postgres:16-alpine
    env_file: pg.env
`,
        'pg.env': 'POSTGRES_HOST_AUTH_METHOD=trust\n',
      },
      errors: [{ messageId: 'postgresTrust', file: 'pg.env', line: 1, column: 27, data: { service: 'primary' } }],
    },
  ],
});
