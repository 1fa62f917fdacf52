import rule from './depends-on-order.js';
import { testRule } from '../test/rule-tester.js';

const others = '  cache:\n    image: redis:7\n  db:\n    image: postgres:16\n  queue:\n    image: rabbitmq:3\n';
const api = (dependsOn: string) => `services:\n  api:\n    image: acme/api:1.4\n    depends_on:\n${dependsOn}${others}`;

testRule(rule, {
  valid: [
    { name: 'list form in order', compose: api('      - cache\n      - db\n      - queue\n') },
    {
      name: 'map form in order',
      compose: api('      cache:\n        condition: service_started\n      db:\n        condition: service_healthy\n        restart: true\n'),
    },
    { name: 'flow list in order', compose: api('      [cache, db]\n') },
    { name: 'a single dependency', compose: api('      - db\n') },
    { name: 'a service without depends_on', compose: `services:\n  api:\n    image: acme/api:1.4\n    links:\n      - queue\n      - db\n${others}` },
    {
      name: 'case and punctuation compared as dclint compares them',
      compose: 'services:\n  api:\n    image: acme/api:1.4\n    depends_on:\n      - db\n      - DB-replica\n      - db2\n  db:\n    image: postgres:16\n  DB-replica:\n    image: postgres:16\n  db2:\n    image: postgres:16\n',
    },
    {
      name: 'base and override each in order although merged they are not',
      files: {
        'compose.yaml': api('      - queue\n'),
        'compose.override.yaml': 'services:\n  api:\n    depends_on:\n      - db\n',
      },
    },
  ],
  invalid: [
    {
      name: 'list form out of order',
      compose: api('      - db\n      - cache\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { service: 'api', dependency: 'cache', before: 'db' } }],
    },
    {
      name: 'map form out of order',
      compose: api('      queue:\n        condition: service_started\n      db:\n        condition: service_healthy\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { service: 'api', dependency: 'db', before: 'queue' } }],
    },
    {
      name: 'one finding per service, naming the first misplaced dependency',
      compose: api('      - queue\n      - db\n      - cache\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { dependency: 'db', before: 'queue' } }],
    },
    {
      name: 'a flow list is pointed at by its depends_on key',
      compose: 'services:\n  api:\n    image: acme/api:1.4\n    depends_on: [queue, db]\n' + others,
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { dependency: 'db', before: 'queue' } }],
    },
    {
      name: 'a comment between the key and the entries does not move the finding',
      compose: api('      # start order does not follow this list\n      - queue\n      - cache\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
    },
    {
      name: 'each service of the file',
      compose: `${api('      - db\n      - cache\n')}  worker:\n    image: acme/worker:1.4\n    depends_on:\n      queue:\n        condition: service_started\n      cache:\n        condition: service_started\n`,
      errors: [
        { messageId: 'unsorted', line: 4, column: 5, data: { service: 'api' } },
        { messageId: 'unsorted', line: 15, column: 5, data: { service: 'worker' } },
      ],
    },
    {
      name: 'the override file out of order',
      files: {
        'compose.yaml': api('      - cache\n'),
        'compose.override.yaml': 'services:\n  api:\n    depends_on:\n      queue:\n        condition: service_started\n      db:\n        condition: service_healthy\n',
      },
      errors: [{ messageId: 'unsorted', file: 'compose.override.yaml', line: 3, column: 5, data: { dependency: 'db', before: 'queue' } }],
    },
  ],
});
