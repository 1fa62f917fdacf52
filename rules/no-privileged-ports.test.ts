import rule from './no-privileged-ports.js';
import { testRule } from '../test/rule-tester.js';

/** One service `web` whose `ports:` items start on line 5. */
const web = (ports: string) => `services:\n  web:\n    image: nginx:1.27-alpine\n    ports:\n${ports}`;

testRule(rule, {
  valid: [
    { name: 'high host ports', compose: web('      - "8080:8080"\n      - "127.0.0.1:8443:8443"\n') },
    { name: 'a privileged container port behind a high host port', compose: web('      - "8080:80"\n      - "8443:443/tcp"\n') },
    { name: 'container port only: Docker picks a high host port', compose: web('      - "80"\n      - 443\n') },
    { name: 'container port only with a host IP', compose: web('      - "127.0.0.1::80"\n') },
    { name: 'long syntax without published', compose: web('      - target: 80\n        protocol: tcp\n') },
    { name: 'long syntax with a high published port', compose: web('      - target: 80\n        published: "8080"\n') },
    { name: 'a range above 1023', compose: web('      - "1024-1030:80-86"\n') },
    { name: 'an unset variable as the host port is unknown', compose: web('      - "${HTTP_PORT}:80"\n') },
    { name: 'a variable defaulting to a high port', compose: web('      - "${HTTP_PORT:-8080}:80"\n') },
    { name: '.env moves the host port up', files: { 'compose.yaml': web('      - "${HTTP_PORT:-80}:80"\n'), '.env': 'HTTP_PORT=8080\n' } },
    { name: 'allowed ports', compose: web('      - "80:80"\n      - "443:443"\n'), options: { allow: [80, 443] } },
    { name: 'expose is not publishing', compose: 'services:\n  web:\n    image: nginx:1.27-alpine\n    expose:\n      - "80"\n' },
    {
      name: 'the override replaces the ports with high ones',
      files: { 'compose.yaml': web('      - "80:80"\n'), 'compose.override.yaml': 'services:\n  web:\n    ports: !override\n      - "8080:80"\n' },
    },
  ],
  invalid: [
    {
      name: 'short syntax',
      compose: web('      - "80:80"\n'),
      errors: [{ messageId: 'privileged', line: 5, column: 9, data: { service: 'web', port: 80, protocol: 'tcp' } }],
    },
    { name: 'unquoted', compose: web('      - 443:8443\n'), errors: [{ messageId: 'privileged', line: 5, column: 9, data: { port: 443 } }] },
    { name: 'with a host IP', compose: web('      - "127.0.0.1:80:8080"\n'), errors: [{ messageId: 'privileged', line: 5, column: 9 }] },
    { name: 'with an IPv6 host IP', compose: web('      - "[::1]:443:8443"\n'), errors: [{ messageId: 'privileged', line: 5, column: 9 }] },
    { name: 'udp', compose: web('      - "53:5353/udp"\n'), errors: [{ messageId: 'privileged', line: 5, column: 9, data: { port: 53, protocol: 'udp' } }] },
    { name: 'a range reaching into privileged ports', compose: web('      - "1000-1030:1000-1030"\n'), errors: [{ messageId: 'privileged', line: 5, column: 9, data: { port: 1000 } }] },
    {
      name: 'long syntax points at published',
      compose: web('      - target: 8080\n        published: 80\n        protocol: tcp\n'),
      errors: [{ messageId: 'privileged', line: 6, column: 20, data: { port: 80 } }],
    },
    { name: 'long syntax with a quoted range', compose: web('      - target: 80\n        published: "80-81"\n'), errors: [{ messageId: 'privileged', line: 6, column: 20 }] },
    { name: 'a variable defaulting to a privileged port', compose: web('      - "${HTTP_PORT:-80}:8080"\n'), errors: [{ messageId: 'privileged', line: 5, column: 9, data: { port: 80 } }] },
    { name: 'allow does not cover other ports', compose: web('      - "80:80"\n      - "25:25"\n'), options: { allow: [80] }, errors: [{ messageId: 'privileged', line: 6, column: 9, data: { port: 25 } }] },
    { name: 'a range partly allowed', compose: web('      - "80-81:80-81"\n'), options: { allow: [80] }, errors: [{ messageId: 'privileged', line: 5, column: 9, data: { port: 81 } }] },
    {
      name: 'base is fine, the override publishes port 80',
      files: { 'compose.yaml': web('      - "8080:80"\n'), 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "80:80"\n' },
      errors: [{ messageId: 'privileged', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'long syntax in the override',
      files: { 'compose.yaml': web('      - "8080:80"\n'), 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - target: 443\n        published: 443\n' },
      errors: [{ messageId: 'privileged', file: 'compose.override.yaml', line: 5, column: 20 }],
    },
  ],
});
