import rule from './expose-format.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'container ports only', dockerfile: 'FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp\n' },
    { name: 'a port range', dockerfile: 'FROM alpine:3.20\nEXPOSE 8000-8100\n' },
    { name: 'unknown variable is not judged', dockerfile: 'FROM alpine:3.20\nARG MAPPING\nEXPOSE ${MAPPING}\n' },
    { name: 'variable resolving to a plain port', dockerfile: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT/tcp\n' },
  ],
  invalid: [
    { name: 'host-port mapping', dockerfile: 'FROM alpine:3.20\nEXPOSE 80:80\n', errors: [{ messageId: 'hostPort', line: 2, column: 8, data: { spec: '80:80', port: '80' } }] },
    {
      name: 'IP address and host-port mapping',
      dockerfile: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\n',
      errors: [{ messageId: 'hostAddress', line: 2, column: 8, data: { spec: '127.0.0.1:80:80', port: '80' } }],
    },
    {
      name: 'IPv6 address with a protocol',
      dockerfile: 'FROM alpine:3.20\nEXPOSE [::1]:8080:8080/udp\n',
      errors: [{ messageId: 'hostAddress', line: 2, column: 8, data: { port: '8080/udp' } }],
    },
    {
      name: 'each offending argument',
      dockerfile: 'FROM nginx:1.27\nEXPOSE 8080:80 443 8443:443/tcp\n',
      errors: [
        { messageId: 'hostPort', line: 2, column: 8, data: { spec: '8080:80' } },
        { messageId: 'hostPort', line: 2, column: 20, data: { spec: '8443:443/tcp', port: '443/tcp' } },
      ],
    },
    { name: 'mapping from an ARG default', dockerfile: 'FROM alpine:3.20\nARG PUBLISH=3000:3000\nEXPOSE $PUBLISH\n', errors: [{ messageId: 'hostPort', line: 3, column: 8, data: { spec: '$PUBLISH (3000:3000)' } }] },
    { name: 'every stage is checked', dockerfile: 'FROM alpine:3.20 AS dev\nEXPOSE 9229:9229\nFROM alpine:3.20\nEXPOSE 80\n', errors: [{ messageId: 'hostPort', line: 2, column: 8 }] },
  ],
});
