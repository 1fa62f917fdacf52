import rule from './service-keys-order.js';
import { testRule } from '../test/rule-tester.js';

const svc = (body: string) => `services:\n  app:\n${body}`;
const networkingFirst = [
  'Core Definitions',
  'Service Dependencies',
  'Networking',
  'Data Management and Configuration',
  'Environment Configuration',
  'Runtime Behavior',
  'Operational Metadata',
  'Security and Execution Context',
];

testRule(rule, {
  valid: [
    {
      name: 'every default group in order',
      compose: svc(
        '    image: acme/app:1.4\n    build: .\n    container_name: app\n    depends_on:\n      - db\n    volumes:\n      - ./data:/data\n    secrets:\n      - token\n    environment:\n      - NODE_ENV=production\n    env_file: .env\n    ports:\n      - "8080:8080"\n    networks:\n      - back\n    command: ["node", "server.js"]\n    restart: unless-stopped\n    healthcheck:\n      test: ["CMD", "true"]\n    logging:\n      driver: local\n    labels:\n      tier: web\n    user: "1000"\n',
      ),
    },
    { name: 'keys no group lists come last, alphabetically', compose: svc('    image: acme/app:1.4\n    user: "1000"\n    cap_drop: [ALL]\n    deploy:\n      replicas: 2\n    init: true\n    x-notes: web tier\n') },
    { name: 'a merge key may stand first', compose: 'x-base: &base\n  restart: always\nservices:\n  app:\n    <<: *base\n    image: acme/app:1.4\n    ports:\n      - "8080:8080"\n' },
    { name: 'a merge key may stand last', compose: 'x-base: &base\n  restart: always\nservices:\n  app:\n    image: acme/app:1.4\n    <<: *base\n' },
    { name: 'custom group order', compose: svc('    image: acme/app:1.4\n    ports:\n      - "8080:8080"\n    volumes:\n      - ./data:/data\n'), options: { groupOrder: networkingFirst } },
    {
      name: 'custom keys of a group',
      compose: svc('    image: acme/app:1.4\n    env_file: .env\n    environment:\n      LOG_LEVEL: info\n    hostname: app\n'),
      options: { groups: { 'Environment Configuration': ['env_file', 'environment'], Networking: ['ports', 'networks', 'hostname'] } },
    },
    {
      name: 'keys of a group left out of the group order are not judged',
      compose: svc('    restart: always\n    image: acme/app:1.4\n    command: serve\n'),
      options: { groupOrder: ['Core Definitions', 'Networking'] },
    },
    {
      name: 'base and override each in order although merged they are not',
      files: {
        'compose.yaml': svc('    image: acme/app:1.4\n    ports:\n      - "8080:8080"\n'),
        'compose.override.yaml': svc('    volumes:\n      - .:/app\n'),
      },
    },
    { name: 'a service that is not a mapping', compose: 'services:\n  app:\n' },
  ],
  invalid: [
    {
      name: 'container_name before image, volumes after environment',
      compose: svc('    container_name: my_container\n    image: acme/app:1.4\n    environment:\n      - NODE_ENV=production\n    volumes:\n      - ./data:/data\n    ports:\n      - "8080:8080"\n'),
      errors: [
        { messageId: 'misplaced', line: 4, column: 5, data: { key: 'image', service: 'app', before: 'container_name' } },
        { messageId: 'misplaced', line: 7, column: 5, data: { key: 'volumes', service: 'app', before: 'environment' } },
      ],
    },
    {
      name: 'each key is compared with the key before it',
      compose: svc('    image: acme/app:1.4\n    ports:\n      - "8080:8080"\n    volumes:\n      - ./data:/data\n    environment:\n      - A=1\n'),
      errors: [{ messageId: 'misplaced', line: 6, column: 5, data: { key: 'volumes', before: 'ports' } }],
    },
    {
      name: 'a grouped key after a key no group lists',
      compose: svc('    image: acme/app:1.4\n    deploy:\n      replicas: 2\n    restart: always\n'),
      errors: [{ messageId: 'misplaced', line: 6, column: 5, data: { key: 'restart', before: 'deploy' } }],
    },
    {
      name: 'keys no group lists out of alphabetical order',
      compose: svc('    image: acme/app:1.4\n    x-notes: web tier\n    init: true\n'),
      errors: [{ messageId: 'misplaced', line: 5, column: 5, data: { key: 'init', before: 'x-notes' } }],
    },
    {
      name: 'a key with a flow value is pointed at by the key',
      compose: svc('    ports: ["8080:8080"]\n    image: acme/app:1.4\n    labels: {tier: web}\n    networks: [back]\n'),
      errors: [
        { messageId: 'misplaced', line: 4, column: 5, data: { key: 'image', before: 'ports' } },
        { messageId: 'misplaced', line: 6, column: 5, data: { key: 'networks', before: 'labels' } },
      ],
    },
    {
      name: 'a comment between the key and its value does not move the finding',
      compose: svc('    command: serve\n    build:\n      # the app itself\n      context: .\n'),
      errors: [{ messageId: 'misplaced', line: 4, column: 5, data: { key: 'build', before: 'command' } }],
    },
    {
      name: 'custom group order puts networking first',
      compose: svc('    image: acme/app:1.4\n    volumes:\n      - ./data:/data\n    ports:\n      - "8080:8080"\n'),
      options: { groupOrder: networkingFirst },
      errors: [{ messageId: 'misplaced', line: 6, column: 5, data: { key: 'ports', before: 'volumes' } }],
    },
    {
      name: 'custom keys of a group change their order',
      compose: svc('    image: acme/app:1.4\n    environment:\n      LOG_LEVEL: info\n    env_file: .env\n'),
      options: { groups: { 'Environment Configuration': ['env_file', 'environment'] } },
      errors: [{ messageId: 'misplaced', line: 6, column: 5, data: { key: 'env_file', before: 'environment' } }],
    },
    {
      name: 'a key two groups list takes the place of the first',
      compose: svc('    ports:\n      - "8080:8080"\n    image: acme/app:1.4\n'),
      options: { groups: { Networking: ['ports', 'networks', 'image'] } },
      errors: [{ messageId: 'misplaced', line: 5, column: 5, data: { key: 'image', before: 'ports' } }],
    },
    {
      name: 'each service of the file',
      compose: `${svc('    user: "1000"\n    image: acme/app:1.4\n')}  db:\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n    environment:\n      POSTGRES_DB: app\n`,
      errors: [
        { messageId: 'misplaced', line: 4, column: 5, data: { service: 'app', key: 'image' } },
        { messageId: 'misplaced', line: 8, column: 5, data: { service: 'db', key: 'environment' } },
      ],
    },
    {
      name: 'the override file out of order',
      files: {
        'compose.yaml': svc('    image: acme/app:1.4\n'),
        'compose.override.yaml': svc('    ports:\n      - "9229:9229"\n    volumes:\n      - .:/app\n'),
      },
      errors: [{ messageId: 'misplaced', file: 'compose.override.yaml', line: 5, column: 5, data: { key: 'volumes', before: 'ports' } }],
    },
  ],
});
