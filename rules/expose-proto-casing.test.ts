import rule from './expose-proto-casing.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'lowercase protocols', dockerfile: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 9899/sctp\n' },
    { name: 'no protocol', dockerfile: 'FROM alpine:3.20\nEXPOSE 80 443\n' },
    { name: 'unknown protocol is for expose-valid-port', dockerfile: 'FROM alpine:3.20\nEXPOSE 53/DNS\n' },
    { name: 'unknown variable is not judged', dockerfile: 'FROM alpine:3.20\nEXPOSE 80/${PROTO}\n' },
  ],
  invalid: [
    { name: 'mixed case', dockerfile: 'FROM alpine:3.20\nEXPOSE 80/TcP\n', errors: [{ messageId: 'casing', line: 2, column: 8, data: { proto: 'TcP', spec: '80/TcP', fixed: '80/tcp' } }] },
    {
      name: 'upper case among several',
      dockerfile: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/UDP 5000-5010/SCTP\n',
      errors: [
        { messageId: 'casing', line: 2, column: 15, data: { fixed: '53/udp' } },
        { messageId: 'casing', line: 2, column: 22, data: { fixed: '5000-5010/sctp' } },
      ],
    },
    { name: 'protocol from an ARG default', dockerfile: 'FROM alpine:3.20\nARG PROTO=UDP\nEXPOSE 514/$PROTO\n', errors: [{ messageId: 'casing', line: 3, column: 8, data: { spec: '514/$PROTO (514/UDP)', fixed: '514/udp' } }] },
    { name: 'with a host mapping', dockerfile: 'FROM alpine:3.20\nEXPOSE 8080:80/Tcp\n', errors: [{ messageId: 'casing', line: 2, column: 8, data: { fixed: '8080:80/tcp' } }] },
  ],
});
