import rule from './ports-order.js';
import { testRule } from '../test/rule-tester.js';

const svc = (ports: string) => `services:\n  web:\n    image: nginx:1.27\n    ports:\n${ports}`;

testRule(rule, {
  valid: [
    { name: 'short syntax in order', compose: svc('      - "80:80"\n      - "443:443"\n      - "8080:8080"\n') },
    { name: 'digits compared as numbers', compose: svc('      - "9000:9000"\n      - "10000:10000"\n') },
    { name: 'the same host port with two protocols', compose: svc('      - "53:53/udp"\n      - "53:53/tcp"\n') },
    { name: 'host IPs do not count, the host port does', compose: svc('      - "127.0.0.1:8080:80"\n      - "0.0.0.0:9090:90"\n      - "[::1]:9100:91"\n') },
    {
      name: 'long syntax in order of published',
      compose: svc('      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n      - target: 443\n        published: 8443\n'),
    },
    { name: 'a long-syntax entry without published sorts first', compose: svc('      - target: 9229\n      - target: 80\n        published: "8080"\n') },
    { name: 'a host port from a variable sorts before numbers', compose: svc('      - "${WEB_PORT:-8080}:80"\n      - "9090:90"\n') },
    { name: 'an entry that publishes no host port sorts by its container port', compose: svc('      - "3000"\n      - "8080:80"\n      - 9229\n') },
    { name: 'ranges sort by their text', compose: svc('      - "8000-8010:8000-8010"\n      - "8011:8011"\n') },
    { name: 'a single port', compose: svc('      - "8080:80"\n') },
    { name: 'a service without ports', compose: 'services:\n  web:\n    image: nginx:1.27\n    expose:\n      - "9000"\n      - "80"\n' },
    {
      name: 'base and override each in order although merged they are not',
      files: {
        'compose.yaml': svc('      - "8080:80"\n'),
        'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "3000:3000"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'short syntax out of order',
      compose: svc('      - "8443:443"\n      - "8080:80"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { service: 'web', port: '8080:80', before: '8443:443' } }],
    },
    {
      name: 'one finding per list, naming its first misplaced entry',
      compose: svc('      - "9090:90"\n      - "8080:80"\n      - "7070:70"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '8080:80', before: '9090:90' } }],
    },
    {
      name: 'digits compared as numbers, not as text',
      compose: svc('      - "10000:10000"\n      - "9000:9000"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '9000:9000', before: '10000:10000' } }],
    },
    {
      name: 'long syntax out of order',
      compose: svc('      - target: 443\n        published: 8443\n      - target: 80\n        published: 8080\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '8080:80', before: '8443:443' } }],
    },
    {
      name: 'a long-syntax entry without published after one with it',
      compose: svc('      - target: 80\n        published: 8080\n      - target: 9229\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: 'target 9229', before: '8080:80' } }],
    },
    {
      name: 'host IP entries ordered by their host port',
      compose: svc('      - "127.0.0.1:9090:90"\n      - "[::1]:8080:80"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '[::1]:8080:80', before: '127.0.0.1:9090:90' } }],
    },
    {
      name: 'a variable host port after a number',
      compose: svc('      - "9090:90"\n      - "${WEB_PORT}:80"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
    },
    {
      name: 'a range starting before an earlier port',
      compose: svc('      - "8005:8005"\n      - "8000-8010:8000-8010"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '8000-8010:8000-8010', before: '8005:8005' } }],
    },
    {
      name: 'container-port-only entries by their number',
      compose: svc('      - 9229\n      - "3000"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { port: '3000', before: '9229' } }],
    },
    {
      name: 'a flow list is pointed at by its ports key',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["9090:90", "8080:80"]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
    },
    {
      name: 'a comment between the ports key and its items does not move the finding',
      compose: svc('      # public\n      - "9090:90"\n      - "8080:80"\n'),
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
    },
    {
      name: 'each service of the file',
      compose: `${svc('      - "443:443"\n      - "80:80"\n')}  api:\n    image: acme/api:1.4\n    ports:\n      - "9000:9000"\n      - "8000:8000"\n`,
      errors: [
        { messageId: 'unsorted', line: 4, column: 5, data: { service: 'web' } },
        { messageId: 'unsorted', line: 9, column: 5, data: { service: 'api' } },
      ],
    },
    {
      name: 'the override file out of order',
      files: {
        'compose.yaml': svc('      - "8080:80"\n'),
        'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "9229:9229"\n      - "3000:3000"\n',
      },
      errors: [{ messageId: 'unsorted', file: 'compose.override.yaml', line: 3, column: 5, data: { port: '3000:3000', before: '9229:9229' } }],
    },
  ],
});
