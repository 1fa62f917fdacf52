import rule from './no-maintainer.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no MAINTAINER', dockerfile: 'FROM debian:bookworm-slim\nRUN true\n' },
    { name: 'authors label instead', dockerfile: 'FROM debian:bookworm-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
    { name: 'maintainer label', dockerfile: 'FROM debian:bookworm-slim\nLABEL maintainer="jane@example.com"\n' },
    { name: 'the word in a RUN command', dockerfile: 'FROM debian:bookworm-slim\nRUN echo "MAINTAINER Lukas" > /etc/motd\n' },
  ],
  invalid: [
    {
      name: 'MAINTAINER with an email address',
      dockerfile: 'FROM busybox:1.36\nMAINTAINER hudu@mail.com\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1, endLine: 2, endColumn: 11, data: { maintainer: 'hudu@mail.com' } }],
    },
    {
      name: 'MAINTAINER with a name and address',
      dockerfile: 'FROM debian:bookworm-slim\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1, data: { maintainer: 'Jane Doe <jane@example.com>' } }],
    },
    { name: 'MAINTAINER before FROM', dockerfile: 'MAINTAINER Lukas\nFROM debian:bookworm-slim\n', errors: [{ messageId: 'maintainer', line: 1, column: 1 }] },
    { name: 'lower-case instruction', dockerfile: 'from debian:bookworm-slim\nmaintainer Lukas\n', errors: [{ messageId: 'maintainer', line: 2, column: 1, data: { maintainer: 'Lukas' } }] },
    {
      name: 'one per stage',
      dockerfile: 'FROM golang:1.22 AS build\nMAINTAINER "ops"\nFROM alpine:3.20\n  MAINTAINER ops@example.com\n',
      errors: [
        { messageId: 'maintainer', line: 2, column: 1, data: { maintainer: '\\"ops\\"' } },
        { messageId: 'maintainer', line: 4, column: 3 },
      ],
    },
  ],
});
