import rule from './project-name.js';
import { testRule } from '../test/rule-tester.js';

const web = 'services:\n  web:\n    image: nginx:1.27-alpine\n';

testRule(rule, {
  valid: [
    { name: 'name set', compose: `name: shop\n${web}` },
    { name: 'name after comments and other keys', compose: `# the shop\nx-env: &env\n  TZ: UTC\nname: shop\n${web}` },
    { name: 'name from a variable', compose: `name: \${PROJECT:-shop}\n${web}` },
    {
      name: 'override file without name is not judged',
      files: { 'compose.yaml': `name: shop\n${web}`, 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "8080:80"\n' },
    },
    {
      name: 'partial override checked alone is a fragment',
      files: { 'compose.yaml': `name: shop\n${web}`, 'compose.prod.yaml': 'services:\n  web:\n    restart: always\n' },
    },
    {
      name: 'included file does not need a name',
      files: { 'compose.yaml': `name: shop\ninclude:\n  - db/compose.yaml\n${web}`, 'db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n' },
    },
    {
      name: 'included file in the long form does not need a name',
      files: { 'compose.yaml': `name: shop\ninclude:\n  - path: ./cache.yaml\n${web}`, 'cache.yaml': 'services:\n  cache:\n    image: redis:7\n' },
    },
    {
      name: 'extends source file does not need a name',
      files: {
        'compose.yaml': 'name: shop\nservices:\n  api:\n    extends:\n      file: compose.common.yaml\n      service: base\n',
        'compose.common.yaml': 'services:\n  base:\n    image: python:3.12-slim\n',
      },
    },
    {
      name: 'override that adds a complete service depending on a base service',
      files: {
        'compose.yaml': `name: shop\n${web}`,
        'compose.migrate.yaml': 'services:\n  migrate:\n    image: shop/migrate:1.2\n    depends_on:\n      web:\n        condition: service_started\n',
      },
    },
    {
      name: 'override that shares the network of a base service',
      files: { 'compose.yaml': `name: shop\n${web}`, 'compose.debug.yaml': 'services:\n  debug:\n    image: nicolaka/netshoot:v0.13\n    network_mode: service:web\n' },
    },
    { name: 'COMPOSE_PROJECT_NAME in the env file', files: { 'compose.yaml': web, '.env': 'COMPOSE_PROJECT_NAME=shop\n' } },
    { name: 'name in the second document of the file', compose: `${web}---\nname: shop\n` },
    { name: 'empty compose file', compose: '' },
    { name: 'networks-only fragment with another name', files: { 'compose.yaml': `name: shop\n${web}`, 'compose.networks.yaml': 'networks:\n  edge:\n    external: true\n' } },
  ],
  invalid: [
    { name: 'no name', compose: web, errors: [{ messageId: 'missing', line: 1, column: 1 }] },
    { name: 'no name, file starts with a comment', compose: `# shop\n\n${web}`, errors: [{ messageId: 'missing', line: 1, column: 1 }] },
    { name: 'version is not a name', compose: `version: "3.8"\n${web}`, errors: [{ messageId: 'missing', line: 1, column: 1 }] },
    { name: 'empty env value does not name it', files: { 'compose.yaml': web, '.env': 'COMPOSE_PROJECT_NAME=\n' }, errors: [{ messageId: 'missing', file: 'compose.yaml', line: 1, column: 1 }] },
    {
      name: 'name set only in the override: the base file is reported',
      files: { 'compose.yaml': web, 'compose.override.yaml': 'name: shop\nservices:\n  web:\n    ports:\n      - "8080:80"\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 1, column: 1 }],
    },
    {
      name: 'base and override both without name: only the base',
      files: { 'docker-compose.yml': web, 'docker-compose.override.yml': 'services:\n  web:\n    environment:\n      - DEBUG=1\n' },
      errors: [{ messageId: 'missing', file: 'docker-compose.yml', line: 1, column: 1 }],
    },
    {
      name: 'standalone file under another name',
      files: { 'docker-compose.prod.yml': 'services:\n  web:\n    image: nginx:1.27-alpine\n    restart: always\n' },
      errors: [{ messageId: 'missing', file: 'docker-compose.prod.yml', line: 1, column: 1 }],
    },
    {
      name: 'standalone file whose services depend on each other',
      files: { 'docker-compose.postgres.yml': 'services:\n  app:\n    image: temporalio/auto-setup:1.25\n    depends_on:\n      - postgresql\n  postgresql:\n    image: postgres:16\n' },
      errors: [{ messageId: 'missing', file: 'docker-compose.postgres.yml', line: 1, column: 1 }],
    },
    {
      name: 'included file name does not name the including project',
      files: { 'compose.yaml': `include:\n  - db/compose.yaml\n${web}`, 'db/compose.yaml': 'name: db\nservices:\n  db:\n    image: postgres:16\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 1, column: 1 }],
    },
    {
      name: 'message names the directory',
      files: { 'shop/compose.yaml': web },
      errors: [{ messageId: 'missing', file: 'shop/compose.yaml', line: 1, column: 1, data: { directory: 'shop' } }],
    },
  ],
});
