import rule from './unquoted-volumes.js';
import { testRule } from '../test/rule-tester.js';

const db = (body: string) => `services:\n  db:\n    image: postgres:16\n    volumes:\n${body}volumes:\n  db-data: {}\n`;

testRule(rule, {
  valid: [
    { name: 'plain short syntax', compose: db('      - db-data:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n') },
    {
      name: 'long syntax with quoted values is not judged',
      compose: db('      - type: bind\n        source: "./init.sql"\n        target: \'/docker-entrypoint-initdb.d/init.sql\'\n        read_only: true\n'),
    },
    { name: 'quotes needed for a comment sign', compose: db('      - "./my #1 dir:/data"\n') },
    { name: 'quotes needed for colon and space', compose: db('      - "./notes: old:/notes"\n') },
    { name: 'quotes needed for a leading indicator', compose: db('      - "*cache:/cache"\n') },
    { name: 'quotes needed for a flow indicator in a flow list', compose: 'services:\n  db:\n    image: postgres:16\n    volumes: ["./a,b:/data"]\n' },
    { name: 'quotes needed for trailing space', compose: db('      - "./data:/data "\n') },
    { name: 'plain interpolated volume', compose: db('      - ${DATA_DIR:-./data}:/var/lib/postgresql/data\n') },
    { name: 'quoted top-level volume options are not service volumes', compose: db('      - db-data:/data\n').replace('db-data: {}', 'db-data:\n    name: "shop-db"') },
    { name: 'quoted volumes_from is another key', compose: 'services:\n  db:\n    image: postgres:16\n  backup:\n    image: alpine:3.20\n    volumes_from:\n      - "db:ro"\n' },
    {
      name: 'override adds a plain volume',
      files: { 'compose.yaml': db('      - db-data:/data\n'), 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./dump:/dump\n' },
    },
  ],
  invalid: [
    {
      name: 'double-quoted bind mount',
      compose: db('      - "./init.sql:/docker-entrypoint-initdb.d/init.sql:ro"\n'),
      errors: [{ messageId: 'quoted', line: 5, column: 9, data: { volume: '"./init.sql:/docker-entrypoint-initdb.d/init.sql:ro"', fixed: './init.sql:/docker-entrypoint-initdb.d/init.sql:ro' } }],
    },
    { name: 'single-quoted named volume', compose: db("      - 'db-data:/var/lib/postgresql/data'\n"), errors: [{ messageId: 'quoted', line: 5, column: 9, data: { fixed: 'db-data:/var/lib/postgresql/data' } }] },
    { name: 'quoted anonymous volume', compose: db('      - "/var/lib/postgresql/data"\n'), errors: [{ messageId: 'quoted', line: 5, column: 9 }] },
    { name: 'quoted path with a space', compose: db('      - "./my data:/data"\n'), errors: [{ messageId: 'quoted', line: 5, column: 9 }] },
    { name: 'quoted interpolated volume', compose: db('      - "${DATA_DIR:-./data}:/data"\n'), errors: [{ messageId: 'quoted', line: 5, column: 9 }] },
    { name: 'block scalar', compose: db('      - >-\n        ./data:/data\n'), errors: [{ messageId: 'block', line: 6, column: 9, data: { fixed: './data:/data' } }] },
    {
      name: 'quoted entry beside long syntax and plain entries',
      compose: db('      - type: volume\n        source: db-data\n        target: /data\n      - ./conf:/etc/conf:ro\n      - "./logs:/logs"\n'),
      errors: [{ messageId: 'quoted', line: 9, column: 9 }],
    },
    { name: 'flow list', compose: "services:\n  db:\n    image: postgres:16\n    volumes: [./a:/a, './b:/b']\n", errors: [{ messageId: 'quoted', line: 4, column: 23 }] },
    {
      name: 'same quoted entry in two services is reported at each',
      compose: 'services:\n  a:\n    image: alpine:3.20\n    volumes:\n      - "./shared:/shared"\n  b:\n    image: alpine:3.20\n    volumes:\n      - "./shared:/shared"\n',
      errors: [
        { messageId: 'quoted', line: 5, column: 9 },
        { messageId: 'quoted', line: 9, column: 9 },
      ],
    },
    {
      name: 'override file adds a quoted volume',
      files: { 'compose.yaml': db('      - db-data:/data\n'), 'compose.override.yaml': "services:\n  db:\n    volumes:\n      - './dump:/dump'\n" },
      errors: [{ messageId: 'quoted', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'volumes merged from an extension are reported where written',
      compose: 'x-app: &app\n  volumes:\n    - "./src:/app/src"\nservices:\n  api:\n    <<: *app\n    image: api:1\n',
      errors: [{ messageId: 'quoted', line: 3, column: 7 }],
    },
  ],
});
