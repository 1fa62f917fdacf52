import rule from './no-build-and-image.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'build only and image only',
      compose: 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16-alpine\n',
    },
    {
      name: 'build in long syntax only',
      compose: 'services:\n  api:\n    build:\n      context: ./api\n      target: production\n',
    },
    {
      name: 'pull_policy build says the build wins',
      compose: 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n    pull_policy: build\n',
    },
    {
      name: 'any pull_policy states the intent (dclint checkPullPolicy)',
      compose: 'services:\n  api:\n    build:\n      context: ./api\n    image: ghcr.io/acme/api:1.4.2\n    pull_policy: always\n',
    },
    {
      name: 'the override removes image with !reset',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n',
        'compose.override.yaml': 'services:\n  api:\n    image: !reset null\n',
      },
    },
    {
      name: 'the override adds pull_policy to a base that sets both',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n',
        'compose.override.yaml': 'services:\n  api:\n    pull_policy: build\n',
      },
    },
    {
      name: 'two services, each with one of the keys',
      compose: 'services:\n  api:\n    build: ./api\n  worker:\n    image: ghcr.io/acme/api:1.4.2\n    command: ["worker"]\n',
    },
  ],
  invalid: [
    {
      name: 'build and image in short syntax',
      compose: 'services:\n  web:\n    build: .\n    image: nginx\n',
      errors: [{ messageId: 'both', line: 3, column: 5, data: { service: 'web', image: 'nginx' } }],
    },
    {
      name: 'build mapping after image: the build key is reported',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:${TAG:-1.4.2}\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n',
      errors: [{ messageId: 'both', line: 4, column: 5, data: { service: 'api', image: 'ghcr.io/acme/api:1.4.2' } }],
    },
    {
      name: 'pull_policy does not help with checkPullPolicy false',
      compose: 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n    pull_policy: always\n',
      options: { checkPullPolicy: false },
      errors: [{ messageId: 'both', line: 3, column: 5 }],
    },
    {
      name: 'the override adds image to a service the base builds',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:8000:8000"\n',
        'compose.override.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n',
      },
      errors: [{ messageId: 'both', file: 'compose.override.yaml', line: 3, column: 5 }],
    },
    {
      name: 'the override adds build to an image-only service',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n',
        'compose.override.yaml': 'services:\n  api:\n    build:\n      context: ./api\n',
      },
      errors: [{ messageId: 'both', file: 'compose.override.yaml', line: 3, column: 5 }],
    },
    {
      name: 'the base writes both and the override changes the build: reported in the base',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    build: ./api\n',
        'compose.override.yaml': 'services:\n  api:\n    build:\n      target: dev\n',
      },
      errors: [{ messageId: 'both', file: 'compose.yaml', line: 4, column: 5 }],
    },
    {
      name: 'the override removes pull_policy with !reset',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n    pull_policy: build\n',
        'compose.override.yaml': 'services:\n  api:\n    pull_policy: !reset null\n',
      },
      errors: [{ messageId: 'both', file: 'compose.yaml', line: 3, column: 5 }],
    },
    {
      name: 'a service extending one that builds, adding an image',
      compose: 'services:\n  base:\n    build: ./api\n  api:\n    extends: base\n    image: ghcr.io/acme/api:1.4.2\n',
      errors: [{ messageId: 'both', line: 3, column: 5, data: { service: 'api' } }],
    },
  ],
});
