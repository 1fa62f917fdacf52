import rule from './no-expose-ssh.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'web ports only', dockerfile: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: 'port 2222 is not 22', dockerfile: 'FROM alpine:3.20\nEXPOSE 2222 220\n' },
    { name: 'range without 22', dockerfile: 'FROM alpine:3.20\nEXPOSE 23-25\n' },
    { name: 'host port 22 maps to another container port', dockerfile: 'FROM alpine:3.20\nEXPOSE 22:8022\n' },
    { name: 'unknown variable is not judged', dockerfile: 'FROM alpine:3.20\nARG SSH_PORT\nEXPOSE $SSH_PORT\n' },
    { name: 'ONBUILD EXPOSE is not checked', dockerfile: 'FROM alpine:3.20\nONBUILD EXPOSE 22\n' },
  ],
  invalid: [
    { name: 'EXPOSE 22', dockerfile: 'FROM ubuntu:24.04\nEXPOSE 22\n', errors: [{ messageId: 'ssh', line: 2, column: 8, data: { spec: '22' } }] },
    { name: 'EXPOSE 22/tcp among others', dockerfile: 'FROM ubuntu:24.04\nEXPOSE 8080 22/tcp\n', errors: [{ messageId: 'ssh', line: 2, column: 13, data: { spec: '22/tcp' } }] },
    { name: 'EXPOSE 22/udp', dockerfile: 'FROM ubuntu:24.04\nEXPOSE 22/udp\n', errors: [{ messageId: 'ssh', line: 2, column: 8 }] },
    { name: 'range including 22', dockerfile: 'FROM ubuntu:24.04\nEXPOSE 20-25\n', errors: [{ messageId: 'ssh', line: 2, column: 8, data: { spec: '20-25' } }] },
    { name: 'mapping to container port 22', dockerfile: 'FROM ubuntu:24.04\nEXPOSE 2222:22\n', errors: [{ messageId: 'ssh', line: 2, column: 8 }] },
    { name: 'port from an ARG default', dockerfile: 'FROM ubuntu:24.04\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n', errors: [{ messageId: 'ssh', line: 3, column: 8, data: { spec: '${SSH_PORT} (22)' } }] },
    { name: 'quoted port', dockerfile: 'FROM ubuntu:24.04\nEXPOSE "22"\n', errors: [{ messageId: 'ssh', line: 2, column: 8, data: { spec: '22' } }] },
    { name: 'in a builder stage too', dockerfile: 'FROM ubuntu:24.04 AS debug\nEXPOSE 22\nFROM alpine:3.20\nEXPOSE 80\n', errors: [{ messageId: 'ssh', line: 2, column: 8 }] },
  ],
});
