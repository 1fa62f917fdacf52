import rule from './wget-progress.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM node:20-bookworm AS foo\n${lines.join('\n')}\n`;
const url = 'https://example.com/tool-1.4.2.tar.gz';

testRule(rule, {
  valid: [
    { name: '--progress=dot:giga', dockerfile: df(`RUN wget --progress=dot:giga ${url}`) },
    { name: '--progress=bar:force', dockerfile: df(`RUN wget --progress=bar:force:noscroll ${url}`) },
    { name: '-q', dockerfile: df(`RUN wget -q ${url}`) },
    { name: '--quiet', dockerfile: df(`RUN wget --quiet ${url}`) },
    { name: '-nv', dockerfile: df(`RUN wget -nv ${url}`) },
    { name: '--no-verbose', dockerfile: df(`RUN wget --no-verbose ${url}`) },
    { name: '--output-file=', dockerfile: df(`RUN wget --output-file=/tmp/wget.log ${url}`) },
    { name: '-o', dockerfile: df(`RUN wget -o /tmp/wget.log ${url}`) },
    { name: '--append-output=', dockerfile: df(`RUN wget --append-output=/tmp/wget.log ${url}`) },
    { name: '-a', dockerfile: df(`RUN wget -a /tmp/wget.log ${url}`) },
    { name: '-q in a group with -O', dockerfile: df(`RUN wget -qO- ${url} | tar -xz`) },
    { name: 'options from an ENV', dockerfile: df('ENV WGET_OPTS="-nv --tries=3"', `RUN wget $WGET_OPTS ${url}`) },
    { name: 'options from an unknown variable', dockerfile: df(`RUN wget $WGET_FLAGS ${url}`) },
    { name: 'curl is not judged', dockerfile: df(`RUN curl -fsSLO ${url}`) },
    { name: 'installing wget', dockerfile: df('RUN apt-get update && apt-get install -y --no-install-recommends wget') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df(`RUN wget ${url} "`) },
  ],
  invalid: [
    { name: 'wget without options', dockerfile: df('RUN wget my.xyz'), errors: [{ messageId: 'noProgress', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { name: 'other options only', dockerfile: df(`RUN wget -c --tries=3 -O /tmp/tool.tgz ${url}`), errors: [{ messageId: 'noProgress', line: 2, column: 5 }] },
    { name: '-q as the value of -O is a file name', dockerfile: df(`RUN wget -O -q ${url}`), errors: [{ messageId: 'noProgress', line: 2, column: 5 }] },
    { name: '--verbose', dockerfile: df(`RUN wget --verbose ${url}`), errors: [{ messageId: 'noProgress', line: 2, column: 5 }] },
    { name: 'URL from a variable', dockerfile: df('ARG TOOL_URL', 'RUN wget "$TOOL_URL"'), errors: [{ messageId: 'noProgress', line: 3, column: 5 }] },
    { name: 'unquoted URL variable is an operand', dockerfile: df('ARG TARGET_URL', 'RUN wget -O /tmp/jdk.tgz ${TARGET_URL}'), errors: [{ messageId: 'noProgress', line: 3, column: 5 }] },
    {
      name: 'every wget of a RUN',
      dockerfile: df(`RUN wget -q ${url} && wget ${url}.sha256 && wget ${url}.asc`),
      errors: [
        { messageId: 'noProgress', line: 2, column: 54 },
        { messageId: 'noProgress', line: 2, column: 107 },
      ],
    },
    { name: 'through sudo', dockerfile: df(`RUN sudo wget -P /opt ${url}`), errors: [{ messageId: 'noProgress', line: 2, column: 10 }] },
    { name: 'exec form', dockerfile: df(`RUN ["wget", "${url}"]`), errors: [{ messageId: 'noProgress', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN wget my.xyz'), errors: [{ messageId: 'noProgress', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', `wget ${url}`, 'EOF'), errors: [{ messageId: 'noProgress', line: 4, column: 1 }] },
    { name: 'alpine base with BusyBox wget', dockerfile: `FROM alpine:3.20\nRUN wget ${url}\n`, errors: [{ messageId: 'noProgressBusybox', line: 2, column: 5 }] },
    { name: 'busybox wget', dockerfile: df(`RUN busybox wget ${url}`), errors: [{ messageId: 'noProgressBusybox', line: 2, column: 13 }] },
  ],
});
