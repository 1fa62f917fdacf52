import rule from './port-host-interface.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'short syntax bound to loopback, IPv4 and IPv6',
      compose: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "[::1]:5433:5432"\n      - 127.0.0.1:9000-9001:9000-9001/udp\n      - "127.0.0.1::6060"\n',
    },
    {
      name: 'long syntax with host_ip',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n        protocol: tcp\n      - target: 443\n        host_ip: "[::1]"\n',
    },
    {
      name: 'explicit all interfaces passes by default, as in dclint and KICS',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:443:443"\n      - target: 8443\n        published: 8443\n        host_ip: 0.0.0.0\n',
    },
    {
      name: 'no ports, and expose only',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    expose:\n      - "3000"\n',
    },
    {
      name: 'a port whose text depends on a variable without a value',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n      - "${API_BIND}:3000"\n',
    },
    {
      name: 'a default host IP is judged',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n      - "${BIND_IP:-127.0.0.1}:3000:3000"\n',
    },
    {
      name: 'a host_ip from a variable without a value is unknown',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n      - target: 3000\n        published: 3000\n        host_ip: ${BIND_IP}\n',
    },
    {
      name: 'the override removes the base ports with !reset',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
        'compose.override.yaml': 'services:\n  db:\n    ports: !reset []\n',
      },
    },
    {
      name: 'the override replaces the base ports with !override',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
        'compose.override.yaml': 'services:\n  db:\n    ports: !override\n      - "127.0.0.1:5432:5432"\n',
      },
    },
  ],
  invalid: [
    {
      name: 'short syntax: host and container port, container port alone, numbers and ranges',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "3000"\n      - 9229\n      - 8000-8010:8000-8010/udp\n',
      errors: [
        { messageId: 'unbound', line: 5, column: 9, data: { service: 'web', port: '8080:80' } },
        { messageId: 'unbound', line: 6, column: 9, data: { port: '3000' } },
        { messageId: 'unbound', line: 7, column: 9, data: { port: '9229' } },
        { messageId: 'unbound', line: 8, column: 9, data: { port: '8000-8010:8000-8010/udp' } },
      ],
    },
    {
      name: 'flow sequence',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80", "127.0.0.1:8443:443"]\n',
      errors: [{ messageId: 'unbound', line: 4, column: 13, data: { port: '8080:80' } }],
    },
    {
      name: 'long syntax without host_ip: the published value, or the item without one',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        protocol: tcp\n        mode: host\n      - target: 443\n      - target: 8443\n        published: 8443\n        host_ip: ""\n',
      errors: [
        { messageId: 'unbound', line: 6, column: 20, data: { port: '8080:80' } },
        { messageId: 'unbound', line: 9, column: 9, data: { port: '443' } },
        { messageId: 'unbound', line: 11, column: 20, data: { port: '8443:8443' } },
      ],
    },
    {
      name: 'a literal host port before an unknown container port cannot be an address',
      compose: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    ports:\n      - "8080:${API_PORT}"\n      - "${HTTPS_PORT}:443"\n',
      errors: [{ messageId: 'unbound', line: 5, column: 9, data: { port: '8080:${API_PORT}' } }],
    },
    {
      name: 'a default port without an address is judged',
      compose: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${POSTGRES_PORT:-5432}:5432"\n',
      errors: [{ messageId: 'unbound', line: 5, column: 9, data: { port: '5432:5432' } }],
    },
    {
      name: 'explicit all interfaces with allowAllInterfaces false',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:443:443"\n      - target: 8443\n        published: 8443\n        host_ip: 0.0.0.0\n      - "127.0.0.1:8080:8080"\n',
      options: { allowAllInterfaces: false },
      errors: [
        { messageId: 'allInterfaces', line: 5, column: 9, data: { ip: '0.0.0.0' } },
        { messageId: 'allInterfaces', line: 6, column: 9, data: { ip: '::' } },
        { messageId: 'allInterfaces', line: 8, column: 20, data: { ip: '0.0.0.0' } },
      ],
    },
    {
      name: 'the override adds an unbound port to a bound base',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "15432:5432"\n',
      },
      errors: [{ messageId: 'unbound', file: 'compose.override.yaml', line: 4, column: 9, data: { port: '15432:5432' } }],
    },
  ],
});
