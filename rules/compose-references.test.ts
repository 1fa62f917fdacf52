import rule from './compose-references.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'dependencies defined', compose: 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:16\n' },
    { name: 'extends in the same file', compose: 'services:\n  base:\n    image: a:1\n  api:\n    extends: base\n' },
    {
      name: 'extends another file, relative to the extending file',
      files: { 'compose.yaml': 'services:\n  api:\n    extends:\n      file: common/services.yaml\n      service: web\n', 'common/services.yaml': 'services:\n  web:\n    image: w:1\n' },
    },
    { name: 'dependency on a service of another profile is defined', compose: 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:16\n    profiles: [db]\n' },
    {
      name: 'a dependency defined in an included file',
      files: { 'compose.yaml': 'include: [db/compose.yaml]\nservices:\n  api:\n    image: a:1\n    depends_on: [db]\n', 'db/compose.yaml': 'services:\n  db:\n    image: p:1\n' },
    },
    { name: 'provider service', compose: 'services:\n  model:\n    provider:\n      type: model\n  api:\n    image: a:1\n' },
    { name: 'override fragment checked on its own', files: { 'compose.prod.yaml': 'services:\n  api:\n    restart: always\n    depends_on: [db]\n' } },
    { name: 'remote extends is unknown, not missing', compose: 'services:\n  api:\n    extends:\n      file: oci://registry.example.com/base:1\n      service: api\n' },
    {
      name: 'declared networks, volumes, secrets and configs',
      compose:
        'services:\n  api:\n    image: a:1\n    networks: [back, default]\n    volumes: [data:/data, ./src:/src, /tmp/x]\n    secrets: [token]\n    configs:\n      - source: app\n        target: /etc/app.conf\nnetworks:\n  back: {}\nvolumes:\n  data:\nsecrets:\n  token:\n    file: ./token.txt\nconfigs:\n  app:\n    file: ./app.conf\n',
    },
    { name: 'external network without a driver', compose: 'services:\n  api:\n    image: a:1\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n' },
    {
      name: 'base and .override pair: the dependency is defined in the base',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n', 'compose.override.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n' },
    },
  ],
  invalid: [
    {
      name: 'undefined dependency, map form',
      compose: 'services:\n  api:\n    image: a:1\n    depends_on:\n      datbase:\n        condition: service_healthy\n  database:\n    image: postgres:16\n',
      errors: [{ messageId: 'undefinedDependency', line: 5, column: 7, data: { dependency: 'datbase' } }],
    },
    {
      name: 'undefined dependency, list form',
      compose: 'services:\n  api:\n    image: a:1\n    depends_on:\n      - cache\n',
      errors: [{ messageId: 'undefinedDependency', line: 5, column: 9 }],
    },
    { name: 'neither image nor build', compose: 'services:\n  api:\n    image: a:1\n  worker:\n    command: work\n', errors: [{ messageId: 'noImage', line: 4, column: 3, data: { service: 'worker' } }] },
    {
      name: 'extends a missing service',
      compose: 'services:\n  api:\n    extends: bsae\n  base:\n    image: a:1\n',
      errors: [{ messageId: 'noImage', line: 2, column: 3 }, { messageId: 'extendsMissing', line: 3, column: 14, data: { target: 'bsae' } }],
    },
    {
      name: 'extends a service of a missing file',
      compose: 'services:\n  api:\n    image: a:1\n    extends:\n      file: nowhere.yaml\n      service: web\n',
      errors: [{ messageId: 'extendsMissing', line: 6, column: 16, data: { target: 'nowhere.yaml:web' } }],
    },
    {
      name: 'extends cycle',
      compose: 'services:\n  a:\n    image: x:1\n    extends: b\n  b:\n    extends: a\n',
      errors: [{ messageId: 'extendsCycle', line: 6, column: 14, data: { service: 'b', target: 'a' } }],
    },
    {
      name: 'a dependency the override removes with !reset is still defined, one it never defines is not',
      files: { 'compose.yaml': 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: p:1\n', 'compose.override.yaml': 'services:\n  api:\n    depends_on: [queue]\n' },
      errors: [{ messageId: 'undefinedDependency', file: 'compose.override.yaml', line: 3, column: 18, data: { dependency: 'queue' } }],
    },
    {
      name: 'undeclared network, volume, secret and config',
      compose: 'services:\n  api:\n    image: a:1\n    networks:\n      back: {}\n    volumes:\n      - data:/data\n    secrets:\n      - source: token\n    configs: [app]\n',
      errors: [
        { messageId: 'undefinedResource', line: 5, column: 7, data: { kind: 'network', name: 'back' } },
        { messageId: 'undefinedResource', line: 7, column: 9, data: { kind: 'volume', name: 'data' } },
        { messageId: 'undefinedResource', line: 9, column: 9, data: { kind: 'secret', name: 'token' } },
        { messageId: 'undefinedResource', line: 10, column: 15, data: { kind: 'config', name: 'app' } },
      ],
    },
    {
      name: 'external network with a driver',
      compose: 'services:\n  api:\n    image: a:1\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n    driver: bridge\n',
      errors: [{ messageId: 'externalWithDriver', line: 8, column: 5, data: { name: 'proxy', key: 'driver' } }],
    },
    {
      name: 'include of a missing file',
      compose: 'include:\n  - path: ./db/compose.yaml\nservices:\n  api:\n    image: a:1\n',
      errors: [{ messageId: 'includeMissing', line: 2, column: 11, data: { target: './db/compose.yaml' } }],
    },
    {
      name: 'duplicate container_name',
      compose: 'services:\n  api:\n    image: a:1\n    container_name: app\n  worker:\n    image: a:1\n    container_name: app\n',
      errors: [{ messageId: 'duplicateContainerName', line: 7, column: 21, data: { name: 'app', other: 'api' } }],
    },
  ],
});
