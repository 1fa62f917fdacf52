import rule from './onbuild-allowed-triggers.js';
import { testRule } from '../test/rule-tester.js';

const from = 'FROM debian:bookworm\n';

testRule(rule, {
  valid: [
    { name: 'ONBUILD ADD', dockerfile: `${from}ONBUILD ADD anything anywhere\n` },
    { name: 'ONBUILD USER', dockerfile: `${from}ONBUILD USER anything\n` },
    { name: 'ONBUILD LABEL', dockerfile: `${from}ONBUILD LABEL bla="blubb"\n` },
    { name: 'ONBUILD STOPSIGNAL', dockerfile: `${from}ONBUILD STOPSIGNAL SIGTERM\n` },
    { name: 'ONBUILD COPY', dockerfile: `${from}ONBUILD COPY anything anywhere\n` },
    { name: 'ONBUILD RUN', dockerfile: `${from}ONBUILD RUN anything\n` },
    { name: 'ONBUILD CMD', dockerfile: `${from}ONBUILD CMD anything\n` },
    { name: 'ONBUILD SHELL', dockerfile: `${from}ONBUILD SHELL ["/bin/bash", "-c"]\n` },
    { name: 'ONBUILD WORKDIR', dockerfile: `${from}ONBUILD WORKDIR /app\n` },
    { name: 'ONBUILD EXPOSE', dockerfile: `${from}ONBUILD EXPOSE 69\n` },
    { name: 'ONBUILD VOLUME', dockerfile: `${from}ONBUILD VOLUME /data\n` },
    { name: 'ONBUILD ENTRYPOINT', dockerfile: `${from}ONBUILD ENTRYPOINT ["app"]\n` },
    { name: 'ONBUILD ENV', dockerfile: `${from}ONBUILD ENV MYVAR="bla"\n` },
    { name: 'ONBUILD ARG', dockerfile: `${from}ONBUILD ARG anything\n` },
    { name: 'ONBUILD HEALTHCHECK', dockerfile: `${from}ONBUILD HEALTHCHECK NONE\n` },
    { name: 'FROM outside ONBUILD', dockerfile: 'FROM debian:bookworm AS a\nFROM a\n' },
    { name: 'MAINTAINER outside ONBUILD', dockerfile: `${from}MAINTAINER "Some Guy"\n` },
    { name: 'ONBUILD without a trigger', dockerfile: `${from}ONBUILD\n` },
    { name: 'ONBUILD RUN that mentions FROM', dockerfile: `${from}ONBUILD RUN echo FROM ONBUILD MAINTAINER\n` },
  ],
  invalid: [
    { name: 'ONBUILD ONBUILD', dockerfile: `${from}ONBUILD ONBUILD RUN anything\n`, errors: [{ messageId: 'chained', line: 2, column: 9 }] },
    { name: 'ONBUILD FROM', dockerfile: `${from}ONBUILD FROM debian:bookworm\n`, errors: [{ messageId: 'forbidden', line: 2, column: 9, data: { trigger: 'FROM' } }] },
    { name: 'ONBUILD MAINTAINER', dockerfile: `${from}ONBUILD MAINTAINER "BoJack Horseman"\n`, errors: [{ messageId: 'forbidden', line: 2, column: 9, data: { trigger: 'MAINTAINER' } }] },
    { name: 'lower-case triggers', dockerfile: `${from}onbuild from alpine\nONBUILD  maintainer me\n`, errors: [{ messageId: 'forbidden', line: 2, column: 9, data: { trigger: 'FROM' } }, { messageId: 'forbidden', line: 3, column: 10, data: { trigger: 'MAINTAINER' } }] },
    { name: 'ONBUILD ONBUILD before any FROM', dockerfile: 'ONBUILD ONBUILD RUN anything\n', errors: [{ messageId: 'chained', line: 1, column: 9 }] },
    {
      name: 'trigger on a continuation line',
      dockerfile: `${from}ONBUILD \\\n  FROM scratch\n`,
      errors: [{ messageId: 'forbidden', line: 3, column: 3 }],
    },
    {
      name: 'in a later stage',
      dockerfile: 'FROM node:20 AS base\nONBUILD COPY . /app\nFROM base\nONBUILD MAINTAINER ops@example.com\n',
      errors: [{ messageId: 'forbidden', line: 4, column: 9 }],
    },
  ],
});
