import rule from './compose-schema.js';
import { testRule } from '../test/rule-tester.js';

/** 90 services merging a block that itself holds 12 aliases: yaml's default alias limit refuses it, Compose does not. */
const manyMerges = [
  'x-h: &h\n  condition: service_started\nx-d: &d\n  image: nginx\n  depends_on:\n',
  ...Array.from({ length: 12 }, (_, j) => `    db${j}: *h\n`),
  'services:\n',
  ...Array.from({ length: 12 }, (_, j) => `  db${j}:\n    image: postgres\n`),
  ...Array.from({ length: 90 }, (_, i) => `  s${i}:\n    <<: *d\n`),
  '  last:\n    <<: *d\n    imagee: nginx\n',
].join('');

testRule(rule, {
  valid: [
    { name: 'an image-only service', compose: 'services:\n  web:\n    image: nginx:1.27\n' },
    {
      name: 'long syntax ports, volumes, depends_on and a healthcheck',
      compose:
        'services:\n  api:\n    build:\n      context: ./api\n      target: prod\n    ports:\n      - target: 8000\n        published: "8080"\n        protocol: tcp\n      - "127.0.0.1:9000:9000"\n      - 9229\n    volumes:\n      - type: bind\n        source: ./src\n        target: /app/src\n        read_only: true\n      - data:/var/lib/data\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n      interval: 10s\n      retries: 3\n  db:\n    image: postgres:16\nvolumes:\n  data:\n',
    },
    {
      name: '${VAR} without a value in typed fields is not judged',
      compose: 'services:\n  web:\n    image: nginx\n    ports: ["${PORT}:80"]\n    cpus: ${CPUS}\n    use_api_socket: ${SOCKET}\n    gpus: ${GPUS}\n    cgroup: ${CGROUP}\n    depends_on:\n      db:\n        condition: ${CONDITION}\n  db:\n    image: postgres\n',
    },
    {
      name: 'defaults are interpolated and cast to the type Compose casts them to',
      compose: 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: ${REPLICAS:-3}\n    healthcheck:\n      retries: ${RETRIES:-5}\n    depends_on:\n      db:\n        condition: service_started\n        required: ${DB_REQUIRED:-false}\n  db:\n    image: postgres\n',
    },
    {
      name: 'values from the .env file',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n    cpus: ${CPUS}\n    depends_on:\n      db:\n        condition: ${CONDITION}\n        required: ${REQUIRED}\n  db:\n    image: postgres\n',
        '.env': 'CPUS=0.5\nCONDITION=service_healthy\nREQUIRED=true\n',
      },
    },
    {
      name: 'a quoted boolean where Compose casts it',
      compose: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_started\n        required: "true"\n  db:\n    image: postgres\n',
    },
    {
      name: 'anchors, aliases and merge keys',
      compose: 'x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options: {max-size: 10m}\nx-env: &env\n  TZ: UTC\nservices:\n  web:\n    <<: *defaults\n    image: nginx\n    environment: *env\n  worker:\n    <<: [*defaults]\n    image: worker:1\n    environment:\n      <<: *env\n      QUEUE: jobs\n',
    },
    {
      name: 'x- extension fields wherever the schema allows them',
      compose: 'x-project: {owner: team}\nservices:\n  web:\n    x-docs: the web front\n    image: nginx\n    build:\n      context: .\n      x-cache: true\n    ports:\n      - target: 80\n        x-public: yes\n    deploy:\n      x-tier: front\n      resources:\n        limits:\n          x-note: tuned\n          cpus: "0.5"\nvolumes:\n  data:\n    x-backup: daily\n',
    },
    {
      name: 'top-level resources declared with empty values',
      compose: 'services:\n  web:\n    image: nginx\n    networks:\n      front:\n      back: null\nnetworks:\n  front:\n  back:\nvolumes:\n  data:\n',
    },
    {
      name: '!reset and !override',
      compose: 'services:\n  web:\n    image: nginx\n    ports: !override ["8080:80"]\n    environment: !reset\n    labels: !reset {}\n',
    },
    {
      name: 'repeated ports and environment entries, which Compose merges before it validates',
      compose: 'services:\n  web:\n    image: nginx\n    ports: ["80:80", "80:80"]\n    environment: ["A=1", "A=1"]\n',
    },
    {
      name: 'an override file may leave out required keys its base file holds',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres\n',
        'compose.override.yaml': 'services:\n  web:\n    depends_on:\n      db:\n        restart: true\n',
      },
    },
    {
      name: 'several documents in one file',
      compose: 'services:\n  web:\n    image: nginx\n---\nservices:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'escaped dollar and short build and extends forms',
      compose: 'services:\n  base:\n    image: alpine\n    command: echo $$HOME\n  web:\n    build: .\n    extends: base\n',
    },
  ],
  invalid: [
    {
      name: 'a file with many merges is still checked (no alias limit beyond the parser\'s limits.maxAliasNodes)',
      compose: manyMerges,
      errors: [{ messageId: 'unknownKeySuggest', line: 225, column: 5, data: { path: 'services.last', key: 'imagee', suggestion: 'image' } }],
    },
    {
      name: 'unknown service key, with a suggestion',
      compose: 'services:\n  web:\n    imagee: nginx\n',
      errors: [{ messageId: 'unknownKeySuggest', line: 3, column: 5, endLine: 3, endColumn: 11, data: { path: 'services.web', key: 'imagee', suggestion: 'image' } }],
    },
    {
      name: 'unknown top-level key',
      compose: 'servces:\n  web:\n    image: nginx\n',
      errors: [{ messageId: 'unknownKeySuggest', line: 1, column: 1, data: { path: 'top level', key: 'servces', suggestion: 'services' } }],
    },
    {
      name: 'unknown key in a long-syntax port',
      compose: 'services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        protocole: tcp\n',
      errors: [{ messageId: 'unknownKeySuggest', line: 6, column: 9, data: { path: 'services.web.ports[0]', key: 'protocole', suggestion: 'protocol' } }],
    },
    {
      name: 'unknown key without a close match, deep in deploy',
      compose: 'services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits:\n          gpu: 1\n',
      errors: [{ messageId: 'unknownKey', line: 7, column: 11, data: { path: 'services.web.deploy.resources.limits', key: 'gpu' } }],
    },
    {
      name: 'x- keys are not allowed where the schema does not allow them',
      compose: 'services:\n  web:\n    image: nginx\n    blkio_config:\n      x-note: slow disk\n',
      errors: [{ messageId: 'unknownKey', line: 5, column: 7, data: { path: 'services.web.blkio_config', key: 'x-note' } }],
    },
    {
      name: 'a list where a port belongs: one message for the failed oneOf',
      compose: 'services:\n  web:\n    image: nginx\n    ports:\n      - [8080, 80]\n',
      errors: [{ messageId: 'wrongType', line: 5, column: 9, data: { path: 'services.web.ports[0]', expected: 'a number, a string or a mapping', actual: 'a list' } }],
    },
    {
      name: 'a block mapping where a list belongs points at its key',
      compose: 'services:\n  web:\n    image: nginx\n    volumes:\n      data: /data\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 5, data: { path: 'services.web.volumes', expected: 'a list', actual: 'a mapping' } }],
    },
    {
      name: 'a number where a string belongs',
      compose: 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 30\n',
      errors: [{ messageId: 'wrongType', line: 6, column: 17, data: { path: 'services.web.healthcheck.interval', expected: 'a string', actual: 'an integer' } }],
    },
    {
      name: 'a condition that is not one of the three',
      compose: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: healthy\n  db:\n    image: postgres\n',
      errors: [{ messageId: 'notAllowed', line: 6, column: 20, data: { path: 'services.web.depends_on.db.condition', allowed: '"service_started", "service_healthy", "service_completed_successfully"', actual: '"healthy"' } }],
    },
    {
      name: 'a bad enum value in a volume type, quoted',
      compose: 'services:\n  web:\n    image: nginx\n    volumes:\n      - type: "bnd"\n        source: ./src\n        target: /src\n',
      errors: [{ messageId: 'notAllowed', line: 5, column: 15, data: { path: 'services.web.volumes[0].type', actual: '"bnd"' } }],
    },
    {
      name: 'a dependency without condition',
      compose: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        restart: true\n  db:\n    image: postgres\n',
      errors: [{ messageId: 'missingKey', line: 5, column: 7, data: { path: 'services.web.depends_on.db', key: 'condition' } }],
    },
    {
      name: 'a service name with a space',
      compose: 'services:\n  "my app":\n    image: nginx\n',
      errors: [{ messageId: 'invalidName', line: 2, column: 3, data: { path: 'services', key: 'my app', pattern: '/^[a-zA-Z0-9._-]+$/' } }],
    },
    {
      name: 'a repeated capability',
      compose: 'services:\n  web:\n    image: nginx\n    cap_add:\n      - NET_ADMIN\n      - SYS_TIME\n      - NET_ADMIN\n',
      errors: [{ messageId: 'duplicate', line: 7, column: 9, data: { path: 'services.web.cap_add[2]', other: 0 } }],
    },
    {
      name: 'a number below the minimum',
      compose: 'services:\n  web:\n    image: nginx\n    cpu_count: -1\n',
      errors: [{ messageId: 'outOfRange', line: 4, column: 16, data: { path: 'services.web.cpu_count', comparison: '>=', limit: 0, actual: '-1' } }],
    },
    {
      name: 'an interpolated default that Compose cannot cast',
      compose: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_started\n        required: ${DB_REQUIRED:-maybe}\n  db:\n    image: postgres\n',
      errors: [{ messageId: 'wrongType', line: 7, column: 19, data: { path: 'services.web.depends_on.db.required', expected: 'a boolean', actual: 'a string' } }],
    },
    {
      name: 'an unknown key in an anchor used twice is reported once, where it is written',
      compose: 'x-base: &base\n  image: nginx\n  restartt: always\nservices:\n  web:\n    <<: *base\n  api:\n    <<: *base\n',
      errors: [{ messageId: 'unknownKeySuggest', line: 3, column: 3, data: { path: 'services.web', key: 'restartt' } }],
    },
    {
      name: 'an alias to a mapping where a list belongs points at the key that uses it',
      compose: 'x-env: &env {A: "1"}\nservices:\n  web:\n    image: nginx\n    ports: *env\n',
      errors: [{ messageId: 'wrongType', line: 5, column: 5, data: { path: 'services.web.ports', expected: 'a list', actual: 'a mapping' } }],
    },
    {
      name: 'a number where a keyword belongs: the type, not also the enum',
      compose: 'services:\n  web:\n    image: nginx\n    cgroup: 1\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 13, data: { path: 'services.web.cgroup', expected: 'a string', actual: 'an integer' } }],
    },
    {
      name: 'a pattern mismatch',
      compose: 'services:\n  web:\n    image: nginx\n    container_name: "-a"\n',
      errors: [{ messageId: 'pattern', line: 4, column: 21, data: { path: 'services.web.container_name', actual: '"-a"' } }],
    },
    {
      name: 'a service that is not a mapping',
      compose: 'services:\n  web: nginx\n',
      errors: [{ messageId: 'wrongType', line: 2, column: 8, data: { path: 'services.web', expected: 'a mapping', actual: 'a string' } }],
    },
    {
      name: 'unknown keys are still reported in an override file',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n',
        'compose.override.yaml': 'services:\n  web:\n    enviroment:\n      DEBUG: "1"\n',
      },
      errors: [{ messageId: 'unknownKeySuggest', file: 'compose.override.yaml', line: 3, column: 5, data: { suggestion: 'environment' } }],
    },
    {
      name: 'a list item in an override file must still be complete',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n',
        'compose.override.yaml': 'services:\n  web:\n    develop:\n      watch:\n        - path: ./src\n',
      },
      errors: [{ messageId: 'missingKey', file: 'compose.override.yaml', line: 5, column: 11, data: { path: 'services.web.develop.watch[0]', key: 'action' } }],
    },
    {
      name: 'every violation of a document is reported',
      compose:
        'services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        published: [8080]\n    restart: always\n    cgroup: shared\n    healthcheck:\n      test: ["CMD", "true"]\n      retries: many times\n      timeoutt: 5s\n  worker:\n    command: [run, 1]\nvolumes:\n  data:\n    driverr: local\n',
      errors: [
        { messageId: 'wrongType', line: 6, column: 9, data: { path: 'services.web.ports[0].published', expected: 'a string or an integer', actual: 'a list' } },
        { messageId: 'notAllowed', line: 8, column: 13, data: { path: 'services.web.cgroup' } },
        { messageId: 'unknownKeySuggest', line: 12, column: 7, data: { key: 'timeoutt', suggestion: 'timeout' } },
        { messageId: 'wrongType', line: 14, column: 20, data: { path: 'services.worker.command[1]', expected: 'a string', actual: 'an integer' } },
        { messageId: 'unknownKeySuggest', line: 17, column: 5, data: { path: 'volumes.data', key: 'driverr', suggestion: 'driver' } },
      ],
    },
  ],
});
