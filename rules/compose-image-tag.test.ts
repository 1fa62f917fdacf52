import rule from './compose-image-tag.js';
import { testRule } from '../test/rule-tester.js';

const DIGEST = 'sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7';

testRule(rule, {
  valid: [
    {
      name: 'version tags on Docker Hub, a registry with a port and a namespaced image',
      compose: 'services:\n  web:\n    image: nginx:1.27-alpine\n  api:\n    image: registry.example.com:5000/acme/api:2.3.1\n  db:\n    image: library/postgres:16.4\n',
    },
    {
      name: 'a digest pins the image, with or without a tag',
      compose: `services:\n  web:\n    image: nginx@${DIGEST}\n  cache:\n    image: redis:latest@${DIGEST}\n`,
    },
    {
      name: 'a tag from a variable without a value is unknown',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG}\n  worker:\n    image: ${WORKER_IMAGE}\n',
    },
    {
      name: 'a default that names a version',
      compose: 'services:\n  db:\n    image: postgres:${PG_VERSION:-16.4}\n',
    },
    {
      name: 'a service that only builds',
      compose: 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
    },
    {
      name: 'tags close to floating ones are versions',
      compose: 'services:\n  web:\n    image: nginx:stable-alpine\n  node:\n    image: node:lts-alpine3.20\n  app:\n    image: acme/app:latest-1\n',
    },
    {
      name: 'floating tags compare case-sensitively',
      compose: 'services:\n  web:\n    image: acme/web:Latest\n',
    },
    {
      name: 'the override pins the image of the base',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:latest\n',
        'compose.override.yaml': 'services:\n  db:\n    image: postgres:16.4\n',
      },
    },
    {
      name: 'a custom prohibitedTags list replaces the default one',
      compose: 'services:\n  web:\n    image: nginx:latest\n',
      options: { prohibitedTags: ['unstable', 'preview'] },
    },
    {
      name: 'a build never pulled over: pull_policy build or never',
      compose: 'services:\n  api:\n    build: .\n    image: acme-api-local\n    pull_policy: build\n  worker:\n    build: ./worker\n    image: acme-worker:latest\n    pull_policy: never\n',
    },
    {
      name: 'a tag from .env',
      files: { 'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG}\n', '.env': 'TAG=1.4.2\n' },
    },
  ],
  invalid: [
    {
      name: 'no tag: Docker Hub, library namespace, registry, registry with a port',
      compose: 'services:\n  a:\n    image: nginx\n  b:\n    image: library/nginx\n  c:\n    image: docker.io/library/nginx\n  d:\n    image: my_private.registry:5000/nginx\n',
      errors: [
        { messageId: 'untagged', line: 3, column: 12, data: { service: 'a', image: 'nginx' } },
        { messageId: 'untagged', line: 5, column: 12, data: { image: 'library/nginx' } },
        { messageId: 'untagged', line: 7, column: 12, data: { image: 'docker.io/library/nginx' } },
        { messageId: 'untagged', line: 9, column: 12, data: { image: 'my_private.registry:5000/nginx' } },
      ],
    },
    {
      name: 'latest, stable and lts',
      compose: 'services:\n  a:\n    image: nginx:latest\n  b:\n    image: "nginx:stable"\n  c:\n    image: node:lts\n',
      errors: [
        { messageId: 'floating', line: 3, column: 12, data: { tag: 'latest' } },
        { messageId: 'floating', line: 5, column: 12, data: { tag: 'stable' } },
        { messageId: 'floating', line: 7, column: 12, data: { tag: 'lts' } },
      ],
    },
    {
      name: 'the other floating tags dclint lists',
      compose:
        'services:\n  a:\n    image: nginx:edge\n  b:\n    image: nginx:test\n  c:\n    image: nginx:nightly\n  d:\n    image: nginx:dev\n  e:\n    image: nginx:beta\n  f:\n    image: nginx:canary\n',
      errors: ['edge', 'test', 'nightly', 'dev', 'beta', 'canary'].map((tag, i) => ({ messageId: 'floating', line: 3 + 2 * i, column: 12, data: { tag } })),
    },
    {
      name: 'a default of latest is judged',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG:-latest}\n',
      errors: [{ messageId: 'floating', line: 3, column: 12, data: { image: 'ghcr.io/acme/api:latest', tag: 'latest' } }],
    },
    {
      name: 'an unknown registry does not give the image a tag',
      compose: 'services:\n  api:\n    image: ${REGISTRY}/acme-api\n',
      errors: [{ messageId: 'untagged', line: 3, column: 12, data: { image: '${REGISTRY}/acme-api' } }],
    },
    {
      name: 'custom prohibitedTags',
      compose: 'services:\n  a:\n    image: nginx:unstable\n  b:\n    image: library/nginx:preview\n  c:\n    image: nginx:1.21.0\n  d:\n    image: nginx\n',
      options: { prohibitedTags: ['unstable', 'preview'] },
      errors: [
        { messageId: 'floating', line: 3, column: 12, data: { tag: 'unstable' } },
        { messageId: 'floating', line: 5, column: 12, data: { tag: 'preview' } },
        { messageId: 'untagged', line: 9, column: 12 },
      ],
    },
    {
      name: 'a service that builds and names its image without a tag (as dclint)',
      compose: 'services:\n  api:\n    build: .\n    image: acme/api\n',
      errors: [{ messageId: 'untagged', line: 4, column: 12 }],
    },
    {
      name: 'a build with pull_policy always still pulls the image first',
      compose: 'services:\n  api:\n    build: .\n    image: acme/api:latest\n    pull_policy: always\n  db:\n    image: postgres\n    pull_policy: never\n',
      errors: [
        { messageId: 'floating', line: 4, column: 12, data: { service: 'api' } },
        { messageId: 'untagged', line: 7, column: 12, data: { service: 'db' } },
      ],
    },
    {
      name: 'the override sets a floating tag',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n',
        'compose.override.yaml': 'services:\n  db:\n    image: postgres:latest\n',
      },
      errors: [{ messageId: 'floating', file: 'compose.override.yaml', line: 3, column: 12 }],
    },
    {
      name: 'a tag from .env that floats',
      files: { 'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG}\n', '.env': 'TAG=nightly\n' },
      errors: [{ messageId: 'floating', file: 'compose.yaml', line: 3, column: 12, data: { tag: 'nightly' } }],
    },
  ],
});
