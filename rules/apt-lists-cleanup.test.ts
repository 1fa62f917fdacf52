import rule from './apt-lists-cleanup.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;
const install = 'apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8';

testRule(rule, {
  valid: [
    { name: 'lists removed in the same RUN', dockerfile: deb(`RUN apt-get update && ${install} && rm -rf /var/lib/apt/lists/*`) },
    { name: 'lists folder removed without a glob', dockerfile: deb(`RUN apt-get update && ${install} && rm -fr /var/lib/apt/lists`) },
    { name: 'separate -r -f flags and more paths', dockerfile: deb(`RUN apt-get update \\\n && ${install} \\\n && rm -r -f /tmp/* /var/lib/apt/lists/*`) },
    { name: 'find -delete on the lists', dockerfile: deb(`RUN apt-get update && ${install} && find /var/lib/apt/lists -type f -delete`) },
    { name: 'apt-get distclean', dockerfile: deb(`RUN apt-get update && ${install} && apt-get distclean`) },
    { name: 'rm of an unknown path is taken as cleanup', dockerfile: deb(`RUN apt-get update && ${install} && rm -rf "$APT_LISTS"`) },
    { name: 'rm through sudo', dockerfile: deb(`RUN sudo apt-get update && sudo ${install} && sudo rm -rf /var/lib/apt/lists/*`) },
    {
      name: 'a builder stage that no other stage is built on',
      dockerfile: `FROM debian:12-slim AS build\nRUN apt-get update && ${install}\nRUN make\nFROM scratch\nCOPY --from=build /out /out\n`,
    },
    { name: 'cache mount on the lists', dockerfile: deb(`RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && ${install}`) },
    {
      name: 'cache mounts on both apt folders',
      dockerfile: deb(`RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && ${install}`),
    },
    { name: 'tmpfs mount on the lists', dockerfile: deb(`RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && ${install}`) },
    { name: 'install without update', dockerfile: deb('RUN apt-get install -y ./vendor/tool_1.0_amd64.deb') },
    { name: 'heredoc script that cleans up', dockerfile: deb(`RUN <<EOF\nset -e\napt-get update\n${install}\nrm -rf /var/lib/apt/lists/*\nEOF`) },
    { name: 'update as an argument of echo', dockerfile: deb('RUN echo apt-get update') },
  ],
  invalid: [
    {
      name: 'no cleanup in the only stage points at update',
      dockerfile: deb(`RUN apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 13, data: { tool: 'apt-get' } }],
    },
    {
      name: 'a stage another stage is built on',
      dockerfile: `FROM debian:12-slim AS base\nRUN apt-get update && ${install}\nFROM base\nRUN true\n`,
      errors: [{ messageId: 'notCleaned', line: 2, column: 13 }],
    },
    {
      name: 'the last stage of a multi-stage build',
      dockerfile: `FROM golang:1.23 AS build\nRUN apt-get update && apt-get install -y git\nFROM debian:12-slim\nRUN apt-get update \\\n && ${install}\n`,
      errors: [{ messageId: 'notCleaned', line: 4, column: 13 }],
    },
    {
      name: 'a stage a compose service builds',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: dev\n',
        Dockerfile: `FROM debian:12-slim AS dev\nRUN apt-get update && ${install}\nFROM debian:12-slim AS prod\nRUN true\n`,
      },
      errors: [{ messageId: 'notCleaned', file: 'Dockerfile', line: 2, column: 13 }],
    },
    {
      name: 'ONBUILD RUN in a stage nothing is built on',
      dockerfile: `FROM debian:12-slim AS tools\nONBUILD RUN apt-get update && ${install}\nFROM scratch\nCOPY --from=tools /etc/os-release /\n`,
      errors: [{ messageId: 'notCleaned', line: 2, column: 21 }],
    },
    {
      name: 'cache mount on /var/cache/apt only',
      dockerfile: deb(`RUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 3, column: 13 }],
    },
    {
      name: 'cache mount on /var/lib/apt only',
      dockerfile: deb(`RUN --mount=type=cache,target=/var/lib/apt apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 52 }],
    },
    {
      name: 'a bind mount does not keep the lists out',
      dockerfile: deb(`RUN --mount=target=/var/lib/apt/lists apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 47 }],
    },
    {
      name: 'removing the lists before the update does not count',
      dockerfile: deb(`RUN rm -rf /var/lib/apt/lists/* && apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 44 }],
    },
    {
      name: 'removing something else does not count',
      dockerfile: deb(`RUN apt-get update && ${install} && rm -rf /tmp/* && apt-get clean`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 13 }],
    },
    {
      name: 'apt update too',
      dockerfile: deb('RUN apt update && apt install -y curl'),
      errors: [{ messageId: 'notCleaned', line: 2, column: 9, data: { tool: 'apt' } }],
    },
    {
      name: 'update alone in the exec form',
      dockerfile: deb('RUN ["apt-get", "update"]'),
      errors: [{ messageId: 'notCleaned', line: 2, column: 17 }],
    },
    {
      name: 'a second update after the cleanup',
      dockerfile: deb(`RUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get update && ${install}`),
      errors: [{ messageId: 'notCleaned', line: 2, column: 62 }],
    },
    {
      name: 'update in a heredoc script',
      dockerfile: deb(`RUN <<EOF\napt-get update\n${install}\nEOF`),
      errors: [{ messageId: 'notCleaned', line: 3, column: 9 }],
    },
  ],
});
