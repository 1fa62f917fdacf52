import rule from './apk-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const alpine = (run: string) => `FROM alpine:3.20\n${run}\n`;

testRule(rule, {
  valid: [
    { name: 'package=version', dockerfile: alpine('RUN apk add flex=2.6.4-r6') },
    { name: 'package~version', dockerfile: alpine('RUN apk add --no-cache git~2.45') },
    { name: 'version constraints', dockerfile: alpine("RUN apk add --no-cache 'openssl>=3.3' 'musl<2'") },
    {
      name: 'pinned packages on continuation lines',
      dockerfile: alpine('RUN apk add --no-cache \\\n    flex=2.6.4-r6 \\\n    libffi=3.4.6-r0 \\\n    python3=3.12.7-r0'),
    },
    {
      name: 'the name of a virtual package is not a package to pin',
      dockerfile: alpine('RUN apk add --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 \\\n && pip install -r requirements.txt \\\n && apk del .build-deps'),
    },
    { name: 'short -t virtual name', dockerfile: alpine('RUN apk add -t .deps make=4.4.1-r2') },
    { name: 'repository as the next word', dockerfile: alpine('RUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0') },
    { name: 'repository with an equals sign', dockerfile: alpine('RUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0') },
    { name: 'repository with -X', dockerfile: alpine('RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0') },
    { name: 'a local .apk file', dockerfile: alpine('RUN apk add --allow-untrusted /tmp/mypackage-1.1.1.apk') },
    { name: 'a package list in a variable is unknown', dockerfile: alpine('ARG PKGS\nRUN apk add --no-cache $PKGS') },
    { name: 'other apk subcommands', dockerfile: alpine('RUN apk update && apk upgrade && apk del curl') },
    { name: 'apt-get is another rule', dockerfile: 'FROM debian:12\nRUN apt-get install -y curl\n' },
    { name: 'pinned in the exec form', dockerfile: alpine('RUN ["apk", "add", "--no-cache", "curl=8.9.1-r2"]') },
  ],
  invalid: [
    { name: 'unpinned package points at it', dockerfile: alpine('RUN apk add flex'), errors: [{ messageId: 'unpinned', line: 2, column: 13, data: { package: 'flex' } }] },
    {
      name: 'one missing in a pinned list',
      dockerfile: alpine('RUN apk add --no-cache \\\n    flex=2.6.4-r6 \\\n    libffi \\\n    python3=3.12.7-r0'),
      errors: [{ messageId: 'unpinned', line: 4, column: 5, data: { package: 'libffi' } }],
    },
    {
      name: 'virtual name skipped, its packages judged',
      dockerfile: alpine('RUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0'),
      errors: [{ messageId: 'unpinned', line: 2, column: 46, data: { package: 'gcc' } }],
    },
    {
      name: 'apk add --no-cache is accepted as a form but the package is unpinned',
      dockerfile: alpine('RUN apk add --no-cache curl'),
      errors: [{ messageId: 'unpinned', line: 2, column: 24, data: { package: 'curl' } }],
    },
    {
      name: 'a repository tag is not a version',
      dockerfile: alpine('RUN apk add --no-cache nodejs@edge'),
      errors: [{ messageId: 'unpinned', line: 2, column: 24, data: { package: 'nodejs@edge' } }],
    },
    {
      name: 'each unpinned package',
      dockerfile: alpine('RUN apk --no-cache add curl jq'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 24 },
        { messageId: 'unpinned', line: 2, column: 29 },
      ],
    },
    { name: 'ONBUILD RUN', dockerfile: alpine('ONBUILD RUN apk add --no-cache bash'), errors: [{ messageId: 'unpinned', line: 2, column: 32 }] },
    { name: 'exec form', dockerfile: alpine('RUN ["apk", "add", "--no-cache", "curl"]'), errors: [{ messageId: 'unpinned', line: 2, column: 34 }] },
    { name: 'after set -eux', dockerfile: alpine('RUN set -eux; apk add --no-cache tini'), errors: [{ messageId: 'unpinned', line: 2, column: 34 }] },
    { name: 'through sudo', dockerfile: alpine('RUN sudo apk add --no-cache tini'), errors: [{ messageId: 'unpinned', line: 2, column: 29 }] },
    { name: 'in a heredoc script', dockerfile: alpine('RUN <<EOF\napk add --no-cache tini\nEOF'), errors: [{ messageId: 'unpinned', line: 3, column: 20 }] },
  ],
});
