import rule from './copy-dest-slash.js';
import { testRule } from '../test/rule-tester.js';

const from = 'FROM node:20-alpine\n';

testRule(rule, {
  valid: [
    { name: 'one source, file destination', dockerfile: `${from}COPY foo bar\n` },
    { name: 'two sources, destination ends with a slash', dockerfile: `${from}COPY foo bar baz/\n` },
    { name: 'quoted destination ending with a slash', dockerfile: `${from}COPY a.json b.json "/app/"\n` },
    { name: 'JSON form ending with a slash', dockerfile: `${from}COPY ["package.json", "package-lock.json", "/app/"]\n` },
    { name: 'flags are not sources', dockerfile: `${from}COPY --chown=node:node --chmod=644 package.json /app/package.json\n` },
    { name: 'COPY --from with one source', dockerfile: `FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n` },
    { name: 'one wildcard source', dockerfile: `${from}COPY *.json /app\n` },
    { name: 'unknown destination variable', dockerfile: `${from}ARG DEST\nCOPY a b $DEST\n` },
    { name: 'ARG default ending with a slash', dockerfile: `${from}ARG DEST=/app/\nCOPY a b \${DEST}\n` },
    { name: 'ENV ending with a slash', dockerfile: `${from}ENV APP_HOME=/srv/app/\nCOPY a b $APP_HOME\n` },
    { name: 'ADD is not checked', dockerfile: `${from}ADD a.tar b.tar /opt\n` },
    { name: 'ONBUILD COPY is not checked', dockerfile: `${from}ONBUILD COPY a b /app\n` },
    { name: 'one here-document to a file', dockerfile: `${from}COPY <<EOF /etc/app.conf\nkey=value\nEOF\n` },
    { name: 'COPY without destination', dockerfile: `${from}COPY lonely\n` },
  ],
  invalid: [
    { name: 'three arguments', dockerfile: `${from}COPY foo bar baz\n`, errors: [{ messageId: 'needsSlash', line: 2, column: 14, data: { count: 2, dest: 'baz' } }] },
    { name: 'absolute destination without slash', dockerfile: `${from}COPY package.json package-lock.json /app\n`, errors: [{ messageId: 'needsSlash', line: 2, column: 37, data: { dest: '/app' } }] },
    { name: 'dot destination', dockerfile: `${from}WORKDIR /app\nCOPY package.json yarn.lock .\n`, errors: [{ messageId: 'needsSlash', line: 3, column: 29, data: { dest: '.' } }] },
    { name: 'quoted destination without slash', dockerfile: `${from}COPY a b "/app"\n`, errors: [{ messageId: 'needsSlash', line: 2, column: 10, data: { dest: '/app' } }] },
    {
      name: 'JSON form without slash',
      dockerfile: `${from}COPY ["tsconfig.json", "src", "/app/build"]\n`,
      errors: [{ messageId: 'needsSlash', line: 2, column: 31, data: { count: 2, dest: '/app/build' } }],
    },
    {
      name: 'COPY --from with two sources',
      dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /out/cli /usr/local/bin\n',
      errors: [{ messageId: 'needsSlash', line: 3, column: 37 }],
    },
    { name: 'ARG default without a slash', dockerfile: `${from}ARG DEST=/app\nCOPY a b $DEST\n`, errors: [{ messageId: 'needsSlash', line: 3, column: 10, data: { dest: '$DEST' } }] },
    {
      name: 'destination on a continuation line',
      dockerfile: `${from}COPY package.json \\\n     package-lock.json \\\n     /app\n`,
      errors: [{ messageId: 'needsSlash', line: 4, column: 6 }],
    },
    {
      name: 'two here-documents',
      dockerfile: `${from}COPY <<A <<B /etc/conf\na\nA\nb\nB\n`,
      errors: [{ messageId: 'needsSlash', line: 2, column: 14, data: { count: 2 } }],
    },
    { name: 'lower-case copy', dockerfile: 'from alpine:3.20\ncopy a b c\n', errors: [{ messageId: 'needsSlash', line: 2, column: 10 }] },
  ],
});
