import rule from './quoted-ports.js';
import { testRule } from '../test/rule-tester.js';

const svc = (body: string) => `services:\n  web:\n    image: nginx:1.27-alpine\n${body}`;

testRule(rule, {
  valid: [
    { name: 'single-quoted ports and expose', compose: svc("    ports:\n      - '8080:80'\n      - '127.0.0.1:8443:443/tcp'\n    expose:\n      - '9000'\n") },
    { name: 'double quotes with quoteType double', compose: svc('    ports:\n      - "8080:80"\n    expose:\n      - "9000"\n'), options: { quoteType: 'double' } },
    { name: 'long syntax is not judged', compose: svc('    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n        protocol: tcp\n') },
    { name: 'long syntax with a quoted published range', compose: svc('    ports:\n      - target: 80\n        published: "8080-8081"\n') },
    { name: 'service without ports', compose: svc('    restart: always\n') },
    { name: 'expose left out by portsSections', compose: svc("    ports:\n      - '8080:80'\n    expose:\n      - 9000\n"), options: { portsSections: ['ports'] } },
    { name: 'ports left out by portsSections', compose: svc("    ports:\n      - 8080:80\n    expose:\n      - '9000'\n"), options: { portsSections: ['expose'] } },
    { name: 'quoted interpolated port', compose: svc("    ports:\n      - '${WEB_PORT:-8080}:80'\n") },
    { name: 'flow list of quoted ports', compose: svc("    ports: ['80:80', '443:443']\n") },
    { name: 'unused extension with bare ports', compose: `x-ports: &unused\n  - 80\n${svc("    ports:\n      - '80:80'\n")}` },
    {
      name: 'override adds a quoted port',
      files: { 'compose.yaml': svc("    ports:\n      - '8080:80'\n"), 'compose.override.yaml': "services:\n  web:\n    ports:\n      - '9229:9229'\n" },
    },
  ],
  invalid: [
    { name: 'bare port number', compose: svc('    ports:\n      - 80\n'), errors: [{ messageId: 'unquoted', line: 5, column: 9, data: { section: 'ports', port: '80', fixed: "'80'" } }] },
    { name: 'unquoted host:container', compose: svc('    ports:\n      - 8080:80\n'), errors: [{ messageId: 'unquoted', line: 5, column: 9, data: { port: '8080:80', fixed: "'8080:80'" } }] },
    { name: 'base-60 trap', compose: svc('    ports:\n      - 22:22\n'), errors: [{ messageId: 'unquoted', line: 5, column: 9 }] },
    {
      name: 'double quotes under the single default',
      compose: svc('    ports:\n      - "8080:80"\n'),
      errors: [{ messageId: 'otherQuotes', line: 5, column: 9, data: { port: '"8080:80"', found: 'double', fixed: "'8080:80'" } }],
    },
    {
      name: 'single quotes under quoteType double',
      compose: svc("    ports:\n      - '8080:80'\n    expose:\n      - \"9000\"\n"),
      options: { quoteType: 'double' },
      errors: [{ messageId: 'otherQuotes', line: 5, column: 9, data: { found: 'single', fixed: '"8080:80"' } }],
    },
    {
      name: 'bare number under quoteType double',
      compose: svc('    expose:\n      - 9000\n'),
      options: { quoteType: 'double' },
      errors: [{ messageId: 'unquoted', line: 5, column: 9, data: { section: 'expose', fixed: '"9000"' } }],
    },
    { name: 'bare expose entry', compose: svc('    expose:\n      - 3000\n'), errors: [{ messageId: 'unquoted', line: 5, column: 9, data: { section: 'expose' } }] },
    {
      name: 'flow list with one bare entry',
      compose: svc("    ports: [80, '443:443']\n"),
      errors: [{ messageId: 'unquoted', line: 4, column: 13 }],
    },
    {
      name: 'short syntax beside long syntax',
      compose: svc('    ports:\n      - target: 80\n        published: 8080\n      - 9090:9090\n'),
      errors: [{ messageId: 'unquoted', line: 7, column: 9 }],
    },
    {
      name: 'every offending entry of several services',
      compose: "services:\n  api:\n    image: api:1\n    ports:\n      - 8000:8000\n    expose:\n      - '9000'\n      - 9001\n  db:\n    image: postgres:16\n    expose:\n      - 5432\n",
      errors: [
        { messageId: 'unquoted', line: 5, column: 9 },
        { messageId: 'unquoted', line: 8, column: 9 },
        { messageId: 'unquoted', line: 12, column: 9 },
      ],
    },
    {
      name: 'override file adds a bare port',
      files: { 'compose.yaml': svc("    ports:\n      - '8080:80'\n"), 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - 9229:9229\n' },
      errors: [{ messageId: 'unquoted', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    { name: 'block scalar entry', compose: svc('    ports:\n      - >-\n        8080:80\n'), errors: [{ messageId: 'unquoted', line: 5, column: 9, data: { fixed: "'8080:80'" } }] },
    {
      name: 'ports merged from an extension are reported where written',
      compose: "x-web: &web\n  ports:\n    - 8080:80\nservices:\n  web:\n    <<: *web\n    image: nginx:1.27-alpine\n",
      errors: [{ messageId: 'unquoted', line: 3, column: 7 }],
    },
  ],
});
