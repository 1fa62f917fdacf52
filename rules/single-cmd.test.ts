import rule from './single-cmd.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'one CMD', dockerfile: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' },
    { name: 'no CMD at all', dockerfile: 'FROM busybox:1.36\nRUN true\n' },
    { name: 'one CMD in each of two stages', dockerfile: 'FROM debian:12 AS one\nCMD ["bash"]\nRUN true\nFROM debian:12 AS two\nCMD ["sh"]\n' },
    { name: 'CMD in a parent stage and in the child stage', dockerfile: 'FROM alpine:3.20 AS base\nCMD ["sh"]\nFROM base\nCMD ["app"]\n' },
    { name: 'HEALTHCHECK CMD is not a second CMD', dockerfile: 'FROM python:3.12-alpine\nHEALTHCHECK --interval=1s CMD wget -qO- http://localhost:8080 || exit 1\nCMD ["python", "-m", "http.server", "8080"]\n' },
    { name: 'ONBUILD CMD is not counted', dockerfile: 'FROM alpine:3.20\nONBUILD CMD ["child"]\nCMD ["parent"]\n' },
    { name: 'CMD and ENTRYPOINT together', dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["serve"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs in one stage: the first is overridden',
      dockerfile: 'FROM debian:12\nCMD bash\nRUN apt-get update\nCMD another\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 4, stage: '#1' } }],
    },
    {
      name: 'three CMDs: each one but the last',
      dockerfile: 'FROM alpine:3.20 AS app\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n',
      errors: [
        { messageId: 'overridden', line: 2, column: 1, data: { line: 3, stage: '"app"' } },
        { messageId: 'overridden', line: 3, column: 1, data: { line: 4, stage: '"app"' } },
      ],
    },
    {
      name: 'duplicates in the first stage only',
      dockerfile: 'FROM debian:12 AS distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian:12 AS distro2\nCMD another\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 4, stage: '"distro1"' } }],
    },
    {
      name: 'duplicates in the second stage',
      dockerfile: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-alpine\nCMD ["node", "a.js"]\nCMD ["node", "b.js"]\n',
      errors: [{ messageId: 'overridden', line: 4, column: 1, data: { line: 5, stage: '#2' } }],
    },
    {
      name: 'inline Dockerfile in compose: reported once, lines of the compose file',
      compose: 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM alpine:3.20\n        CMD ["a"]\n        CMD ["b"]\n',
      errors: [{ messageId: 'overridden', line: 7, column: 9, data: { line: 8 } }],
    },
    {
      name: 'lowercase and indented CMD',
      dockerfile: 'FROM alpine:3.20\n  cmd ["a"]\ncmd ["b"]\n',
      errors: [{ messageId: 'overridden', line: 2, column: 3 }],
    },
  ],
});
