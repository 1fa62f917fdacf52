import rule from './undefined-var.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared as a build argument before use', dockerfile: 'FROM alpine AS base\nARG foo\nCOPY $foo .\n' },
    { name: 'the base image may define the variable', dockerfile: 'FROM python AS base\nARG VERSION=$PYTHON_VERSION\n' },
    { name: 'global ARG declared again in the stage', dockerfile: 'ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n' },
    { name: 'predefined build arg declared in the stage', dockerfile: 'FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /usr/local/bin/app\n' },
    { name: 'RUN command text is left to the shell', dockerfile: 'FROM alpine:3.20\nRUN echo "$undefined_here" && echo ${TARGETARCH}\n' },
    { name: 'CMD and ENTRYPOINT are left to the shell', dockerfile: 'FROM alpine:3.20\nCMD echo $greeting\nENTRYPOINT ["/bin/sh", "-c", "echo $greeting"]\n' },
    { name: 'ENV set in the parent stage', dockerfile: 'FROM alpine:3.20 AS base\nENV app_home=/srv/app\nFROM base\nWORKDIR $app_home\n' },
    { name: 'ARG value carried into a stage built on it', dockerfile: 'FROM alpine:3.20 AS base\nARG channel=stable\nFROM base\nLABEL channel=$channel\n' },
    { name: 'ARG global default carried into a stage built on it', dockerfile: 'ARG channel=stable\nFROM alpine:3.20 AS base\nARG channel\nFROM base\nLABEL channel=$channel\n' },
    { name: 'an earlier ARG of the same instruction', dockerfile: 'FROM alpine:3.20\nARG major=1 version=$major.2\n' },
    { name: 'PATH is always defined', dockerfile: 'FROM scratch\nENV PATH=/app/bin:$PATH\n' },
    { name: 'single quotes keep a reference literal', dockerfile: "FROM alpine:3.20\nLABEL example='$foo'\n" },
    { name: 'escaped dollar', dockerfile: 'FROM alpine:3.20\nLABEL example=\\$foo\n' },
    { name: 'escaped dollar with a backtick escape character', dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nLABEL example=`$foo\n' },
    { name: 'upper-case names may come from the base image', dockerfile: 'FROM node:20-alpine\nWORKDIR $HOME/app\nCOPY --chown=$NODE_USER . .\n' },
    { name: 'COPY --from is not expanded with stage variables', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=$builder /app /app\n' },
    { name: 'quoted here-document delimiter keeps the body literal', dockerfile: "FROM alpine:3.20\nCOPY <<'EOF' /etc/motd\nhello $user\nEOF\n" },
    { name: 'RUN here-document is left to the shell', dockerfile: 'FROM alpine:3.20\nRUN <<EOF\necho $user\nEOF\n' },
    { name: 'a variable of the same ENV is left to env-self-reference', dockerfile: 'FROM golang:1.22\nENV gopath=/go PATH=$gopath/bin:$PATH\n' },
    { name: 'SBOM scan args are never reported', dockerfile: 'FROM scratch\nLABEL scan=$BUILDKIT_SBOM_SCAN_STAGE\n' },
    { name: 'positional parameters in a here-document are not variables', dockerfile: 'FROM alpine:3.20\nCOPY <<EOF /entrypoint.sh\nexec "$@" $1\nEOF\n' },
  ],
  invalid: [
    {
      name: 'undefined build argument in COPY',
      dockerfile: 'FROM alpine AS base\nCOPY $foo .\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 6, endLine: 2, endColumn: 10, data: { name: 'foo', hint: '' } }],
    },
    { name: 'undefined variable in an ARG default', dockerfile: 'FROM alpine AS base\nARG VERSION=$foo\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 13, data: { name: 'foo' } }] },
    {
      name: 'typo of PATH',
      dockerfile: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 10, data: { name: 'PAHT', hint: ' (did you mean $PATH?)' } }],
    },
    {
      name: 'typo of an ARG of the stage',
      dockerfile: 'FROM node:20-alpine\nARG NODE_VERSION=20.11.1\nLABEL node.version=${NODE_VERSON}\n',
      errors: [{ messageId: 'undefinedVar', line: 3, column: 20, endLine: 3, endColumn: 33, data: { name: 'NODE_VERSON', hint: ' (did you mean $NODE_VERSION?)' } }],
    },
    {
      name: 'global ARG not declared again in the stage',
      dockerfile: 'ARG VERSION=1.4.2\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=$VERSION\n',
      errors: [
        {
          messageId: 'undefinedVar',
          line: 3,
          column: 40,
          data: { name: 'VERSION', hint: ': the ARG before FROM (line 1) is visible only in FROM lines; add `ARG VERSION` to this stage' },
        },
      ],
    },
    {
      name: 'predefined build arg not declared in the stage',
      dockerfile: 'FROM alpine:3.20\nCOPY bin/$TARGETARCH/app /usr/local/bin/app\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 10, data: { name: 'TARGETARCH', hint: ': a predefined build arg is visible in a stage only after `ARG TARGETARCH`' } }],
    },
    { name: 'proxy build arg in ENV', dockerfile: 'FROM debian:bookworm\nENV no_proxy=$no_proxy,internal.example.com\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 14, data: { name: 'no_proxy' } }] },
    {
      name: 'ARG default that uses itself',
      dockerfile: 'FROM golang:latest AS builder\nARG BRANCH=${BRANCH:-main}\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 12, data: { name: 'BRANCH', hint: ': an ARG default cannot use the ARG it declares' } }],
    },
    {
      name: 'used before the ENV that sets it',
      dockerfile: 'FROM alpine:3.20\nWORKDIR $APP_HOME\nENV APP_HOME=/srv/app\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 9, data: { name: 'APP_HOME', hint: ': it is declared on line 3, which is not in scope here' } }],
    },
    {
      name: 'ARG of another stage',
      dockerfile: 'FROM golang:1.22 AS build\nARG GIT_SHA\nRUN go build -ldflags "-X main.sha=$GIT_SHA" -o /app .\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision=$GIT_SHA\n',
      errors: [{ messageId: 'undefinedVar', line: 5, column: 41, data: { name: 'GIT_SHA', hint: ': it is declared on line 2, which is not in scope here' } }],
    },
    {
      name: 'ARG without a value is not carried into a stage built on it',
      dockerfile: 'FROM alpine:3.20 AS base\nARG CHANNEL\nFROM base\nLABEL channel=$CHANNEL\n',
      errors: [{ messageId: 'undefinedVar', line: 4, column: 15, data: { name: 'CHANNEL' } }],
    },
    {
      name: 'every undefined name on a stage FROM scratch',
      dockerfile: 'FROM scratch\nCOPY app /app\nWORKDIR $APP_DIR\n',
      errors: [{ messageId: 'undefinedVar', line: 3, column: 9, data: { name: 'APP_DIR', hint: '' } }],
    },
    {
      name: 'a stage built on a scratch stage',
      dockerfile: 'FROM scratch AS files\nCOPY app /app\nFROM files\nUSER $APP_UID\n',
      errors: [{ messageId: 'undefinedVar', line: 4, column: 6, data: { name: 'APP_UID' } }],
    },
    { name: 'a default does not help', dockerfile: 'FROM alpine:3.20\nLABEL channel=${channel:-stable}\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 15, data: { name: 'channel' } }] },
    {
      name: 'a reference inside a default',
      dockerfile: 'FROM alpine:3.20\nARG channel\nLABEL channel=${channel:-$fallback}\n',
      errors: [{ messageId: 'undefinedVar', line: 3, column: 26, data: { name: 'fallback' } }],
    },
    {
      name: 'COPY --chown, source and destination',
      dockerfile: 'FROM alpine:3.20\nCOPY --chown=$uid:$gid src/$dir /srv/$dir\n',
      errors: [
        { messageId: 'undefinedVar', line: 2, column: 14, data: { name: 'uid' } },
        { messageId: 'undefinedVar', line: 2, column: 19, data: { name: 'gid' } },
        { messageId: 'undefinedVar', line: 2, column: 28, data: { name: 'dir' } },
      ],
    },
    { name: 'ADD --checksum', dockerfile: 'FROM alpine:3.20\nADD --checksum=$sha https://example.com/app.tgz /tmp/\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 16, data: { name: 'sha' } }] },
    { name: 'JSON-form COPY', dockerfile: 'FROM alpine:3.20\nCOPY ["$src", "/app/"]\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 8, data: { name: 'src' } }] },
    {
      name: 'unquoted COPY here-document body',
      dockerfile: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello $user\nEOF\n',
      errors: [{ messageId: 'undefinedVar', line: 3, column: 7, data: { name: 'user' } }],
    },
    {
      name: 'RUN --mount options',
      dockerfile: 'FROM golang:1.22\nRUN --mount=type=cache,target=$gocache go build ./...\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 31, data: { name: 'gocache' } }],
    },
    { name: 'USER', dockerfile: 'FROM alpine:3.20\nUSER $app_user\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 6 }] },
    { name: 'VOLUME', dockerfile: 'FROM alpine:3.20\nVOLUME ["$data_dir"]\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 10, data: { name: 'data_dir' } }] },
    { name: 'STOPSIGNAL', dockerfile: 'FROM alpine:3.20\nSTOPSIGNAL $signal\n', errors: [{ messageId: 'undefinedVar', line: 2, column: 12 }] },
    {
      name: 'multi-line LABEL',
      dockerfile: 'FROM alpine:3.20\nARG version\nLABEL version=$version \\\n      revision=$revision\n',
      errors: [{ messageId: 'undefinedVar', line: 4, column: 16, data: { name: 'revision' } }],
    },
    {
      name: 'reported once per instruction and name',
      dockerfile: 'FROM alpine:3.20\nCOPY $dir/a $dir/b /srv/\n',
      errors: [{ messageId: 'undefinedVar', line: 2, column: 6, data: { name: 'dir' } }],
    },
  ],
});
