import rule from './no-secrets-in-env-files.js';
import { testNeverShows, testRule, type Case, type InvalidCase } from '../test/rule-tester.js';

// Fake credentials are assembled at runtime so secret scanners never see a token-shaped literal in this file.
const ALNUM = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ';
const body = (n: number) => Array.from({ length: n }, (_, i) => ALNUM[(i * 7) % ALNUM.length]).join('');
const GH = 'ghp' + '_' + body(36);

const API = `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file: .env
`;

const valid: Case[] = [
  {
    name: 'the project .env is ignored',
    files: {
      'compose.yaml': API,
      '.env': 'POSTGRES_PASSWORD=s3cr3t-db-pass\nSESSION_SECRET=f3a9c1d27b6e\n',
      '.gitignore': 'node_modules/\n.env\n',
    },
  },
  {
    name: 'env files ignored by a .gitignore in their own directory',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file:
      - path: ./config/api.env
        required: true
`,
      'config/api.env': 'DB_PASSWORD=hunter2secret\n',
      'config/.gitignore': '*.env\n',
    },
  },
  {
    name: 'a file under an ignored directory cannot be re-included',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file: secrets/app.env
`,
      'secrets/app.env': 'API_TOKEN=tok3n-v4lue-xyz\n',
      '.gitignore': 'secrets/\n!secrets/app.env\n',
    },
  },
  {
    name: 'ignored by .git/info/exclude at the repository root',
    files: {
      'app/compose.yaml': API,
      'app/.env': 'JWT_SECRET=hunter2-prod\n',
      '.git/info/exclude': '.env\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    },
  },
  {
    name: 'a committed template with placeholders and references',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file: .env.example
`,
      '.env.example': `# Copy to .env and fill in
DATABASE_URL=postgres://app:changeme@db:5432/app
POSTGRES_PASSWORD=
SESSION_SECRET=change-me
OPENAI_API_KEY=your-openai-api-key-here
JWT_SECRET=\${JWT_SECRET}
LOG_LEVEL=debug
ACCESS_TOKEN_EXPIRE_MINUTES=60
`,
    },
  },
  {
    name: 'an optional env_file that does not exist',
    compose: `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file:
      - path: ./local.env
        required: false
`,
  },
  {
    name: 'an env file no compose file reads is not judged',
    files: {
      'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n',
      'scripts/deploy.env': 'DEPLOY_TOKEN=tok3n-v4lue-xyz\n',
    },
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'an --env-file used for interpolation (not the project .env) is judged too',
    files: {
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
      '.dev.env': '# dev values\nPOSTGRES_PASSWORD=s3cr3t-db-pass\n',
    },
    load: { envFiles: ['.dev.env'] },
    errors: [{ messageId: 'secretValue', file: '.dev.env', line: 2, column: 19 }],
  },
  {
    name: 'the project .env read for interpolation, not ignored',
    files: {
      'compose.yaml': `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
`,
      '.env': '# local settings\nPOSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\n',
      '.gitignore': 'node_modules/\n',
    },
    errors: [{ messageId: 'secretValue', file: '.env', line: 3, column: 19, data: { file: '.env', name: 'POSTGRES_PASSWORD', masked: '… (8 chars)' } }],
  },
  {
    name: 'env_file values: quotes, export, URL credentials, tokens and defaults',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file:
      - ./api.env
`,
      'api.env': `export SESSION_SECRET='f3a9c1d27b6e'
DATABASE_URL="postgres://app:s3cr3t-db-pass@db:5432/app"
GH_CLI_TOKEN_HOST=github.com ${GH}
JWT_SECRET=\${JWT_SECRET:-dev-secret-key-change-in-production}  # dev default
`,
    },
    errors: [
      { messageId: 'secretValue', file: 'api.env', line: 1, column: 23, data: { name: 'SESSION_SECRET', file: 'api.env' } },
      { messageId: 'credential', file: 'api.env', line: 2, column: 30, data: { kind: 'password in URL' } },
      { messageId: 'credential', file: 'api.env', line: 3, column: 30, data: { kind: 'GitHub token', masked: 'ghp_… (40 chars)' } },
      { messageId: 'secretDefault', file: 'api.env', line: 4, column: 26, data: { variable: 'JWT_SECRET' } },
    ],
  },
  {
    name: 'a negation re-includes one env file',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file: [dev.env, prod.env]
`,
      'dev.env': 'DB_PASSWORD=hunter2secret\n',
      'prod.env': 'DB_PASSWORD=hunter2-prod\n',
      '.gitignore': '*.env\n!prod.env\n',
    },
    errors: [{ messageId: 'secretValue', file: 'prod.env', line: 1, column: 13 }],
  },
  {
    name: 'a deeper .gitignore re-includes what the root one ignores',
    files: {
      'services/api/compose.yaml': API,
      'services/api/.env': 'REDIS_PASSWORD=r3dis-Pw-553\n',
      '.gitignore': '.env\n',
      'services/api/.gitignore': '!.env\n',
    },
    errors: [{ messageId: 'secretValue', file: 'services/api/.env', line: 1, column: 16, data: { file: 'services/api/.env' } }],
  },
  {
    name: 'a .gitignore beside the env file directory does not apply to it',
    files: {
      'compose.yaml': `services:
  api:
    image: ghcr.io/acme/api:1.4.2
    env_file: config/api.env
`,
      'config/api.env': 'RABBITMQ_DEFAULT_PASS=rabbit-Pw-77\n',
      'other/.gitignore': '*.env\n',
    },
    errors: [{ messageId: 'secretValue', file: 'config/api.env', line: 1, column: 23 }],
  },
  {
    name: 'an env_file added by the override file',
    files: {
      'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n',
      'compose.override.yaml': 'services:\n  api:\n    env_file:\n      - local.env\n',
      'local.env': 'NODE_ENV=development\nSTRIPE_SECRET_KEY="okta-cl1ent-s3cret"\n',
    },
    errors: [{ messageId: 'secretValue', file: 'local.env', line: 2, column: 19 }],
  },
];

testRule(rule, { valid, invalid });

testNeverShows(rule, invalid, ['postgres', 'f3a9c1d27b6e', 's3cr3t-db-pass', GH, 'dev-secret-key-change-in-production', 'hunter2-prod', 'r3dis-Pw-553', 'rabbit-Pw-77', 'okta-cl1ent-s3cret']);
