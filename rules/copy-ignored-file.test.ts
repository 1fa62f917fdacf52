import rule from './copy-ignored-file.js';
import { testRule } from '../test/rule-tester.js';

const app = { 'package.json': '{}', 'src/index.js': '', 'README.md': '# app', 'docs/guide.md': '', 'docs/README.md': '', 'config/app.yaml': 'a: 1' };
const df = (body: string) => `FROM node:20-alpine\nWORKDIR /app\n${body}`;

testRule(rule, {
  valid: [
    { name: 'no .dockerignore', files: { ...app, Dockerfile: df('COPY config/ ./config/\n') } },
    { name: 'COPY . . with excluded node_modules', files: { ...app, '.dockerignore': 'node_modules\n', Dockerfile: df('COPY . .\n') } },
    {
      name: 'exclude everything, re-include what is needed, COPY . (BuildKit issue 6512)',
      files: { ...app, 'go.mod': '', 'main.go': '', '.dockerignore': '*\n!go.*\n!*.go\n!src/\n', Dockerfile: df('COPY . /src/\n') },
    },
    { name: 'directory re-included after a catch-all', files: { ...app, '.dockerignore': '*\n!src/\n!package.json\n', Dockerfile: df('COPY package.json ./\nCOPY src ./src\n') } },
    { name: 'excluded directory with a re-included file', files: { ...app, '.dockerignore': 'docs\n!docs/README.md\n', Dockerfile: df('COPY docs /usr/share/doc/app/\n') } },
    { name: 'source not matched by any pattern', files: { ...app, '.dockerignore': '*.log\ncoverage/\n', Dockerfile: df('COPY package.json src ./\n') } },
    { name: 'COPY --from is not a context file', files: { ...app, '.dockerignore': 'dist\n', Dockerfile: 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' } },
    { name: 'ADD of a URL', files: { ...app, '.dockerignore': 'https:\n', Dockerfile: df('ADD https://example.com/app.tar.gz /opt/\n') } },
    { name: 'here-document', files: { ...app, '.dockerignore': 'EOF\n<<EOF\n', Dockerfile: df('COPY <<EOF /etc/motd\nhi\nEOF\n') } },
    { name: 'source from an unknown variable', files: { ...app, '.dockerignore': 'config\n', Dockerfile: df('ARG CONFIG_DIR\nCOPY $CONFIG_DIR /etc/app/\n') } },
    { name: 'a lone dollar sign is not a path we can read', files: { ...app, '.dockerignore': '*\n', Dockerfile: df('COPY $ ${ /etc/app/\n') } },
    { name: 'ADD of a git@ repository', files: { ...app, '.dockerignore': '*\n', Dockerfile: df('ADD git@github.com:moby/buildkit.git /src\n') } },
    { name: 'wildcard that also matches sent files', files: { ...app, '.dockerignore': 'docs/guide.md\n', Dockerfile: df('COPY docs/*.md /docs/\n') } },
    { name: 'wildcard that matches nothing on disk', files: { ...app, '.dockerignore': '*.txt\n', Dockerfile: df('COPY *.txt /notes/\n') } },
    { name: 'ONBUILD COPY runs in another build', files: { ...app, '.dockerignore': 'config\n', Dockerfile: df('ONBUILD COPY config /etc/app\n') } },
    { name: 'pattern with a directory level does not match a top-level path', files: { ...app, 'tmp/helloworld.txt': '', '.dockerignore': '*/tmp/*\n', Dockerfile: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n' } },
    {
      name: '<Dockerfile>.dockerignore wins over .dockerignore',
      files: { ...app, '.dockerignore': 'config\n', 'Dockerfile.dockerignore': 'node_modules\n', Dockerfile: df('COPY config ./config\n') },
    },
    { name: 'comment and negation lines only', files: { ...app, '.dockerignore': '# nothing excluded\n!config\n', Dockerfile: df('COPY config ./config\n') } },
  ],
  invalid: [
    {
      name: 'excluded directory',
      files: { ...app, '.dockerignore': 'node_modules\nconfig/\n', Dockerfile: df('COPY package.json ./\nCOPY config/ ./config/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 4, column: 6, data: { keyword: 'COPY', source: 'config/', ignoreFile: '.dockerignore' } }],
    },
    {
      name: 'file excluded by an extension pattern',
      files: { ...app, '.dockerignore': '*.md\n', Dockerfile: df('COPY README.md ./\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6, data: { source: 'README.md' } }],
    },
    {
      name: 'file under an excluded directory',
      files: { ...app, '.dockerignore': 'docs\n', Dockerfile: df('COPY docs/guide.md /usr/share/doc/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6, data: { source: 'docs/guide.md' } }],
    },
    {
      name: 'dot-slash source excluded by a nested pattern',
      files: { ...app, 'app/tmp/helloworld.txt': '', '.dockerignore': '*/tmp/*\n', Dockerfile: 'FROM scratch\nCOPY ./app/tmp/helloworld.txt /helloworld.txt\n' },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 2, column: 6, data: { source: './app/tmp/helloworld.txt' } }],
    },
    {
      name: 'wildcard whose every match is excluded',
      files: { ...app, 'CHANGELOG.md': '', '.dockerignore': '*.md\n', Dockerfile: df('COPY *.md /docs/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6, data: { source: '*.md' } }],
    },
    {
      name: 'ADD of an excluded archive',
      files: { ...app, 'vendor.tar.gz': '', '.dockerignore': '*.tar.gz\n', Dockerfile: df('ADD vendor.tar.gz /opt/vendor/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 5, data: { keyword: 'ADD', source: 'vendor.tar.gz' } }],
    },
    {
      name: 'one excluded source among several',
      files: { ...app, '.env': 'A=1', '.dockerignore': '.env\n', Dockerfile: df('COPY package.json .env src/ ./\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 19, data: { source: '.env' } }],
    },
    {
      name: 'excluded path that does not exist on disk (matched by pattern, as BuildKit does)',
      files: { ...app, '.dockerignore': 'secrets/\n', Dockerfile: df('COPY secrets/db.txt /run/secrets/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6 }],
    },
    {
      name: 'JSON form',
      files: { ...app, '.dockerignore': 'config\n', Dockerfile: df('COPY ["config/app.yaml", "/etc/app/"]\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 7, data: { source: 'config/app.yaml' } }],
    },
    {
      name: 'leading slash is the context root',
      files: { ...app, '.dockerignore': 'config\n', Dockerfile: df('COPY /config/app.yaml /etc/app/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6, data: { source: '/config/app.yaml' } }],
    },
    {
      name: 'variable with a known default',
      files: { ...app, '.dockerignore': 'config\n', Dockerfile: df('ARG CONFIG_DIR=config\nCOPY ${CONFIG_DIR} /etc/app/\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 4, column: 6, data: { source: '${CONFIG_DIR}' } }],
    },
    {
      name: '<Dockerfile>.dockerignore excludes what .dockerignore allows',
      files: { ...app, '.dockerignore': 'node_modules\n', 'Dockerfile.dockerignore': 'docs\n', Dockerfile: df('COPY docs /docs\n') },
      errors: [{ messageId: 'ignored', file: 'Dockerfile', line: 3, column: 6, data: { ignoreFile: 'Dockerfile.dockerignore' } }],
    },
    {
      name: 'compose service context with its own .dockerignore',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n',
        'api/package.json': '{}',
        'api/.dockerignore': '*.json\n',
        'api/Dockerfile': df('COPY package.json ./\n'),
      },
      errors: [{ messageId: 'ignored', file: 'api/Dockerfile', line: 3, column: 6, data: { ignoreFile: 'api/.dockerignore' } }],
    },
    {
      name: 'excluded in only one of two service contexts',
      files: {
        'compose.yaml': 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: ../docker/Dockerfile\n  admin:\n    build:\n      context: ./admin\n      dockerfile: ../docker/Dockerfile\n',
        'docker/Dockerfile': df('COPY public ./public\n'),
        'web/public/index.html': '',
        'admin/public/index.html': '',
        'admin/.dockerignore': 'public\n',
      },
      errors: [{ messageId: 'ignoredIn', file: 'docker/Dockerfile', line: 3, column: 6, data: { contexts: 'service "admin"', ignoreFile: 'admin/.dockerignore' } }],
    },
    {
      name: 'excluded in every service context',
      files: {
        'compose.yaml': 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: ../docker/Dockerfile\n  admin:\n    build:\n      context: ./admin\n      dockerfile: ../docker/Dockerfile\n',
        'docker/Dockerfile': df('COPY public ./public\n'),
        'web/public/index.html': '',
        'web/.dockerignore': 'public/\n',
        'admin/public/index.html': '',
        'admin/.dockerignore': 'public\n',
      },
      errors: [{ messageId: 'ignored', file: 'docker/Dockerfile', line: 3, column: 6, data: { source: 'public' } }],
    },
  ],
});
