import rule from './node-modules-volume.js';
import { testRule } from '../test/rule-tester.js';

const PACKAGE_JSON = '{\n  "name": "web",\n  "private": true,\n  "scripts": { "dev": "vite --host 0.0.0.0" }\n}\n';
const API_PACKAGE_JSON = '{\n  "name": "api",\n  "private": true,\n  "type": "module",\n  "scripts": { "dev": "node --watch src/index.js" }\n}\n';

testRule(rule, {
  valid: [
    {
      name: 'named volume declared at top level (short syntax)',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    working_dir: /app
    command: ["npm", "run", "dev"]
    volumes:
      - ./web:/app
      - web_node_modules:/app/node_modules
volumes:
  web_node_modules:
`,
        'web/package.json': PACKAGE_JSON,
      },
    },
    {
      name: 'long syntax bind paired with a declared long syntax volume',
      files: {
        'compose.yaml': `services:
  api:
    image: node:20-alpine
    working_dir: /srv/api
    volumes:
      - type: bind
        source: ./api
        target: /srv/api
      - type: volume
        source: api_node_modules
        target: /srv/api/node_modules
volumes:
  api_node_modules: {}
`,
        'api/package.json': API_PACKAGE_JSON,
      },
    },
    {
      name: 'bind mount of a directory without package.json',
      files: {
        'compose.yaml': `services:
  api:
    image: python:3.12-slim
    volumes:
      - ./config:/srv/config:ro
      - ./src:/app
`,
        'config/app.yaml': 'log_level: debug\n',
        'src/main.py': 'print("hello")\n',
      },
    },
    {
      name: 'a bind mount of the package.json file itself is not a project directory',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web/package.json:/app/package.json:ro
      - ./web/src:/app/src
`,
        'web/package.json': PACKAGE_JSON,
        'web/src/index.js': 'console.log("hi");\n',
      },
    },
    {
      name: 'trailing slashes in sources and targets',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web/:/app/
      - web_node_modules:/app/node_modules/
volumes:
  web_node_modules:
`,
        'web/package.json': PACKAGE_JSON,
      },
    },
    {
      name: 'mode suffixes on both mounts',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - "./web:/app:cached"
      - "web_node_modules:/app/node_modules:delegated"
volumes:
  web_node_modules:
    name: acme_web_node_modules
`,
        'web/package.json': PACKAGE_JSON,
      },
    },
    {
      name: 'the project root bind-mounted with an external named volume',
      files: {
        'compose.yaml': `services:
  app:
    build: .
    volumes:
      - .:/usr/src/app
      - node_modules:/usr/src/app/node_modules
volumes:
  node_modules:
    external: true
`,
        'package.json': PACKAGE_JSON,
        Dockerfile: 'FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY . .\n',
      },
    },
    {
      name: 'only a subdirectory of a Node project is bind-mounted',
      files: {
        'compose.yaml': `services:
  worker:
    build: ./worker
    command: ["node", "--watch", "src/index.js"]
    volumes:
      - ./worker/src:/home/node/app/src
`,
        'worker/package.json': API_PACKAGE_JSON,
        'worker/src/index.js': 'console.log("worker");\n',
        'worker/Dockerfile': 'FROM node:20-alpine\nWORKDIR /home/node/app\nCOPY . .\n',
      },
    },
    {
      name: 'a named volume whose name matches a directory is not a bind mount',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - web:/app
volumes:
  web:
`,
        'web/package.json': PACKAGE_JSON,
      },
    },
    {
      name: 'a path under the home directory cannot be looked into',
      compose: `services:
  web:
    image: node:20-alpine
    volumes:
      - ~/src/web:/app
`,
    },
    {
      name: 'volumes carried by a merge key',
      files: {
        'compose.yaml': `x-node: &node
  image: node:20-alpine
  volumes:
    - ./web:/app
    - web_node_modules:/app/node_modules

services:
  web:
    <<: *node
    command: ["npm", "run", "dev"]
  storybook:
    <<: *node
    command: ["npm", "run", "storybook"]

volumes:
  web_node_modules:
`,
        'web/package.json': PACKAGE_JSON,
      },
    },
    {
      name: 'an unresolved volume name at node_modules cannot be judged',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app
      - \${NODE_MODULES_VOLUME}:/app/node_modules
  api:
    image: node:20-alpine
    volumes:
      - ./api:/srv/api
      - type: volume
        source: \${API_MODULES_VOLUME}
        target: /srv/api/node_modules
`,
        'web/package.json': PACKAGE_JSON,
        'api/package.json': API_PACKAGE_JSON,
      },
    },
  ],
  invalid: [
    {
      name: 'bind mount of a Node project with no node_modules mount',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    working_dir: /app
    volumes:
      - ./frontend:/app
    ports:
      - "5173:5173"
`,
        'frontend/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 6, column: 9, endLine: 6, endColumn: 24, data: { service: 'web', target: '/app' } }],
    },
    {
      name: 'anonymous volume at node_modules',
      files: {
        'compose.yaml': `services:
  frontend:
    build: ./frontend
    volumes:
      - ./frontend:/app
      - /app/node_modules
      - /app/.next
`,
        'frontend/package.json': PACKAGE_JSON,
        'frontend/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n',
      },
      errors: [{ messageId: 'anonymous', file: 'compose.yaml', line: 6, column: 9, data: { service: 'frontend', target: '/app/node_modules' } }],
    },
    {
      name: 'node_modules bind-mounted from the host',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app
      - ./web/node_modules:/app/node_modules
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'bindMount', file: 'compose.yaml', line: 6, column: 9, data: { service: 'web', target: '/app/node_modules' } }],
    },
    {
      name: 'named volume not declared under top-level volumes',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app
      - "node_modules:/app/node_modules"
volumes:
  pgdata:
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'undeclared', file: 'compose.yaml', line: 6, column: 9, data: { service: 'web', volume: 'node_modules', target: '/app/node_modules' } }],
    },
    {
      name: 'long syntax bind with no node_modules mount points at the source',
      files: {
        'compose.yaml': `services:
  api:
    image: node:20-alpine
    volumes:
      - type: bind
        source: ./api
        target: /srv/api
        read_only: false
`,
        'api/package.json': API_PACKAGE_JSON,
      },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 6, column: 17, data: { service: 'api', target: '/srv/api' } }],
    },
    {
      name: 'long syntax anonymous volume at node_modules',
      files: {
        'compose.yaml': `services:
  api:
    image: node:20-alpine
    volumes:
      - type: bind
        source: ./api
        target: /srv/api
      - type: volume
        target: /srv/api/node_modules
`,
        'api/package.json': API_PACKAGE_JSON,
      },
      errors: [{ messageId: 'anonymous', file: 'compose.yaml', line: 8, column: 9, data: { service: 'api', target: '/srv/api/node_modules' } }],
    },
    {
      name: 'long syntax bind mount at node_modules',
      files: {
        'compose.yaml': `services:
  api:
    image: node:20-alpine
    volumes:
      - type: bind
        source: ./api
        target: /srv/api
      - type: bind
        source: ./api/node_modules
        target: /srv/api/node_modules
`,
        'api/package.json': API_PACKAGE_JSON,
      },
      errors: [{ messageId: 'bindMount', file: 'compose.yaml', line: 9, column: 17, data: { service: 'api', target: '/srv/api/node_modules' } }],
    },
    {
      name: 'long syntax named volume not declared',
      files: {
        'compose.yaml': `services:
  api:
    image: node:20-alpine
    volumes:
      - type: bind
        source: ./api
        target: /srv/api
      - type: volume
        source: api_node_modules
        target: /srv/api/node_modules
`,
        'api/package.json': API_PACKAGE_JSON,
      },
      errors: [{ messageId: 'undeclared', file: 'compose.yaml', line: 9, column: 17, data: { service: 'api', volume: 'api_node_modules' } }],
    },
    {
      name: 'read-only bind mount still hides node_modules',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app:ro
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 5, column: 9, data: { service: 'web', target: '/app' } }],
    },
    {
      name: 'cached bind mount with a trailing slash and an anonymous volume with one',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app/:cached
      - /app/node_modules/
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'anonymous', file: 'compose.yaml', line: 6, column: 9, data: { service: 'web', target: '/app/node_modules' } }],
    },
    {
      name: 'the project root bind-mounted with nothing over node_modules',
      files: {
        'docker-compose.yml': `services:
  app:
    build: .
    command: npm run dev
    volumes:
      - .:/usr/src/app
`,
        'package.json': PACKAGE_JSON,
        Dockerfile: 'FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY . .\n',
      },
      errors: [{ messageId: 'missing', file: 'docker-compose.yml', line: 6, column: 9, data: { service: 'app', target: '/usr/src/app' } }],
    },
    {
      name: 'bind sources resolve against the compose file directory',
      files: {
        'deploy/compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ../web:/app
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'missing', file: 'deploy/compose.yaml', line: 5, column: 9, data: { service: 'web', target: '/app' } }],
    },
    {
      name: 'an unresolved mount elsewhere does not hide the finding',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - \${HOME}/.aws:/root/.aws:ro
      - ./web:/app
      - type: bind
        source: \${CERTS_DIR}
        target: /etc/ssl/private
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 6, column: 9, data: { service: 'web', target: '/app' } }],
    },
    {
      name: 'only the service without a named volume is reported',
      files: {
        'compose.yaml': `services:
  web:
    image: node:20-alpine
    volumes:
      - ./web:/app
      - web_node_modules:/app/node_modules
  api:
    image: node:20-alpine
    volumes:
      - ./api:/srv/api
      - ./shared:/srv/shared
volumes:
  web_node_modules:
`,
        'web/package.json': PACKAGE_JSON,
        'api/package.json': API_PACKAGE_JSON,
        'shared/README.md': '# shared assets\n',
      },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 10, column: 9, data: { service: 'api', target: '/srv/api' } }],
    },
    {
      name: 'two Node projects in one service, each judged on its own',
      files: {
        'compose.yaml': `services:
  dev:
    image: node:20-alpine
    volumes:
      - ./web:/workspace/web
      - ./api:/workspace/api
      - /workspace/web/node_modules
`,
        'web/package.json': PACKAGE_JSON,
        'api/package.json': API_PACKAGE_JSON,
      },
      errors: [
        { messageId: 'missing', file: 'compose.yaml', line: 6, column: 9, data: { service: 'dev', target: '/workspace/api' } },
        { messageId: 'anonymous', file: 'compose.yaml', line: 7, column: 9, data: { service: 'dev', target: '/workspace/web/node_modules' } },
      ],
    },
    {
      name: 'an anonymous volume carried by a merge key, once per service',
      files: {
        'compose.yaml': `x-node: &node
  image: node:20-alpine
  volumes:
    - ./web:/app
    - /app/node_modules

services:
  web:
    <<: *node
    command: ["npm", "run", "dev"]
  storybook:
    <<: *node
    command: ["npm", "run", "storybook"]
`,
        'web/package.json': PACKAGE_JSON,
      },
      errors: [
        { messageId: 'anonymous', file: 'compose.yaml', line: 5, column: 7, data: { service: 'storybook', target: '/app/node_modules' } },
        { messageId: 'anonymous', file: 'compose.yaml', line: 5, column: 7, data: { service: 'web', target: '/app/node_modules' } },
      ],
    },
  ],
});
