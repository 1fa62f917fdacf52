import rule from './services-order.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'services in alphabetical order', compose: 'services:\n  api:\n    image: acme/api:1.4\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n' },
    { name: 'a single service', compose: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'no services key', compose: 'name: shop\nvolumes:\n  data: {}\n' },
    { name: 'case does not come before letters', compose: 'services:\n  alpha:\n    image: a:1\n  Beta:\n    image: b:1\n  gamma:\n    image: c:1\n' },
    {
      name: 'underscore and hyphen sort before letters and digits',
      compose: 'services:\n  web:\n    image: a:1\n  web_api:\n    image: b:1\n  web-admin:\n    image: c:1\n  web2:\n    image: d:1\n  webapp:\n    image: e:1\n',
    },
    {
      name: 'services mapped through an x- fragment are judged where written',
      compose: 'x-base: &base\n  restart: unless-stopped\nservices:\n  api:\n    <<: *base\n    image: acme/api:1.4\n  worker:\n    <<: *base\n    image: acme/worker:1.4\n',
    },
    {
      name: 'each file is judged as written, not the merged stack',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
        'compose.override.yaml': 'services:\n  api:\n    image: acme/api:1.4\n',
      },
    },
    { name: 'each document of a file on its own', compose: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  api:\n    image: acme/api:1.4\n' },
  ],
  invalid: [
    {
      name: 'service written after one that sorts later',
      compose: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: acme/api:1.4\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3, data: { service: 'api', before: 'web' } }],
    },
    {
      name: 'every misplaced service, each named before the smallest earlier service after it',
      compose: 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n  api:\n    image: acme/api:1.4\n  web:\n    image: nginx:1.27\n',
      errors: [
        { messageId: 'misplaced', line: 4, column: 3, data: { service: 'cache', before: 'db' } },
        { messageId: 'misplaced', line: 6, column: 3, data: { service: 'api', before: 'cache' } },
      ],
    },
    {
      name: 'lower case after upper case of a later letter',
      compose: 'services:\n  Web:\n    image: nginx:1.27\n  api:\n    image: acme/api:1.4\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3, data: { service: 'api', before: 'Web' } }],
    },
    {
      name: 'a service whose body is a flow mapping is pointed at by its key',
      compose: 'services:\n  web:\n    image: nginx:1.27\n  api: {image: "acme/api:1.4"}\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3 }],
    },
    {
      name: 'a comment between the service key and its body does not move the finding',
      compose: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    # the backend\n    image: acme/api:1.4\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3 }],
    },
    {
      name: 'a service without a body still counts',
      compose: 'services:\n  web:\n    image: nginx:1.27\n  api:\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3, data: { service: 'api', before: 'web' } }],
    },
    {
      name: 'the override file is judged as written',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: acme/api:1.4\n  web:\n    image: nginx:1.27\n',
        'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "8080:80"\n  api:\n    ports:\n      - "9000:9000"\n',
      },
      errors: [{ messageId: 'misplaced', file: 'compose.override.yaml', line: 5, column: 3, data: { service: 'api', before: 'web' } }],
    },
    {
      name: 'a later document of a multi-document file',
      compose: 'services:\n  api:\n    image: acme/api:1.4\n---\nservices:\n  worker:\n    image: acme/worker:1.4\n  queue:\n    image: rabbitmq:3\n',
      errors: [{ messageId: 'misplaced', line: 8, column: 3, data: { service: 'queue', before: 'worker' } }],
    },
  ],
});
