import rule from './expose-valid-port.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary ports', dockerfile: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: 'the edges of the range', dockerfile: 'FROM alpine:3.20\nEXPOSE 0 65535\n' },
    { name: 'a port below the limit', dockerfile: 'FROM alpine:3.20\nEXPOSE 60000\n' },
    { name: 'protocols in any case', dockerfile: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 9899/sctp 8080/TCP\n' },
    { name: 'a port range', dockerfile: 'FROM alpine:3.20\nEXPOSE 8000-8100/tcp\n' },
    { name: 'a range of one port', dockerfile: 'FROM alpine:3.20\nEXPOSE 7000-7000\n' },
    { name: 'quoted port', dockerfile: 'FROM alpine:3.20\nEXPOSE "8080" \'9090/udp\'\n' },
    { name: 'variable without a known value is not judged', dockerfile: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT ${METRICS_PORT}/tcp\n' },
    { name: 'variable with a valid default', dockerfile: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE ${PORT}\n' },
    { name: 'ENV value split into several ports', dockerfile: 'FROM alpine:3.20\nENV PORTS="80 443"\nEXPOSE $PORTS\n' },
    { name: 'global ARG is not visible without a redeclaration', dockerfile: 'ARG PORT=99999\nFROM alpine:3.20\nEXPOSE $PORT\n' },
    { name: 'ARG set after the EXPOSE does not count', dockerfile: 'FROM alpine:3.20\nEXPOSE $PORT\nARG PORT=99999\n' },
    { name: 'a host mapping with valid ports (expose-format reports the mapping)', dockerfile: 'FROM alpine:3.20\nEXPOSE 8080:80\n' },
    { name: 'ONBUILD EXPOSE is not checked', dockerfile: 'FROM alpine:3.20\nONBUILD EXPOSE 70000\n' },
  ],
  invalid: [
    { name: 'port above 65535', dockerfile: 'FROM alpine:3.20\nEXPOSE 80000\n', errors: [{ messageId: 'outOfRange', line: 2, column: 8, data: { value: '80000', spec: '80000' } }] },
    {
      name: 'the out-of-range port among several points at its argument',
      dockerfile: 'FROM alpine:3.20\nEXPOSE 80 443 65536/udp\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 15, data: { value: '65536', spec: '65536/udp' } }],
    },
    { name: 'range end above 65535', dockerfile: 'FROM alpine:3.20\nEXPOSE 60000-70000\n', errors: [{ messageId: 'outOfRange', line: 2, column: 8, data: { value: '70000' } }] },
    { name: 'reversed range', dockerfile: 'FROM alpine:3.20\nEXPOSE 9000-8000/tcp\n', errors: [{ messageId: 'reversedRange', line: 2, column: 8, data: { value: '9000-8000', spec: '9000-8000/tcp' } }] },
    { name: 'not a number', dockerfile: 'FROM alpine:3.20\nEXPOSE http\n', errors: [{ messageId: 'notANumber', line: 2, column: 8, data: { value: 'http' } }] },
    { name: 'negative port', dockerfile: 'FROM alpine:3.20\nEXPOSE -1\n', errors: [{ messageId: 'notANumber', line: 2, column: 8, data: { value: '-1' } }] },
    { name: 'unknown protocol', dockerfile: 'FROM alpine:3.20\nEXPOSE 53/dns\n', errors: [{ messageId: 'badProtocol', line: 2, column: 8, data: { proto: 'dns' } }] },
    { name: 'protocol without a port', dockerfile: 'FROM alpine:3.20\nEXPOSE /tcp\n', errors: [{ messageId: 'noPort', line: 2, column: 8 }] },
    { name: 'ARG default out of range', dockerfile: 'FROM alpine:3.20\nARG PORT=123456\nEXPOSE ${PORT}/tcp\n', errors: [{ messageId: 'outOfRange', line: 3, column: 8, data: { value: '123456', spec: '${PORT}/tcp (123456/tcp)' } }] },
    { name: 'ENV inherited from the parent stage', dockerfile: 'FROM alpine:3.20 AS base\nENV PORT=70000\nFROM base\nEXPOSE $PORT\n', errors: [{ messageId: 'outOfRange', line: 4, column: 8 }] },
    { name: 'global ARG redeclared in the stage', dockerfile: 'ARG PORT=99999\nFROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n', errors: [{ messageId: 'outOfRange', line: 4, column: 8 }] },
    { name: 'host port out of range in a mapping', dockerfile: 'FROM alpine:3.20\nEXPOSE 80800:80\n', errors: [{ messageId: 'outOfRange', line: 2, column: 8, data: { value: '80800' } }] },
    {
      name: 'on a continuation line',
      dockerfile: 'FROM alpine:3.20\nEXPOSE 80 \\\n  99999\n',
      errors: [{ messageId: 'outOfRange', line: 3, column: 3 }],
    },
    { name: 'every stage is checked', dockerfile: 'FROM alpine:3.20 AS a\nEXPOSE 100000\nFROM alpine:3.20\nEXPOSE 80\n', errors: [{ messageId: 'outOfRange', line: 2, column: 8 }] },
  ],
});
