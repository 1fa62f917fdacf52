import rule from './apt-get-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;

testRule(rule, {
  valid: [
    { name: 'package=version', dockerfile: deb('RUN apt-get install -y python3=3.11.2-1+b1') },
    {
      name: 'flags before the subcommand, pinned package, cleanup',
      dockerfile: deb('RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=18.19.0 \\\n && rm -rf /var/lib/apt/lists/*'),
    },
    {
      name: 'versions with wildcards and epochs on continuation lines',
      dockerfile: deb('RUN apt-get update && apt-get install --no-install-recommends -y \\\n    python3-yaml=6.0* \\\n    wget=1.21.3* \\\n    git=1:2.39.5*'),
    },
    { name: 'a local .deb file', dockerfile: deb('RUN apt-get install -y ./wkhtmltox_0.12.6-1.bookworm_amd64.deb') },
    { name: 'a release pin with a slash', dockerfile: deb('RUN apt-get install -y curl/bookworm-backports') },
    { name: 'the value of -t is a release, not a package', dockerfile: deb('RUN apt-get install -y -t bookworm-backports openjdk-17-jdk=17.0.13+11-2~deb12u1') },
    { name: 'attached and long target-release values', dockerfile: deb('RUN apt-get install -y -tbookworm-backports --target-release=bookworm-backports jq=1.6-2.1') },
    { name: 'the value of -a is an architecture, not a package', dockerfile: deb('RUN apt-get install -y -a arm64 libc6-dev=2.36-9+deb12u9') },
    { name: 'the value of -o is a setting, not a package', dockerfile: deb('RUN apt-get -o Dpkg::Use-Pty=0 install -y --option Acquire::Retries=3 tzdata=2024b-0+deb12u1') },
    { name: 'a package list in a variable is unknown', dockerfile: deb('ARG PKGS="curl git"\nRUN apt-get install -y --no-install-recommends $PKGS') },
    { name: 'a package built from variables is unknown', dockerfile: deb('ARG V\nRUN apt-get install -y "nodejs=${V}" "$EXTRA_PACKAGE"') },
    { name: 'packages from a command substitution are unknown', dockerfile: deb('RUN apt-get install -y $(cat /tmp/packages.txt)') },
    { name: 'other apt-get subcommands are not installs', dockerfile: deb('RUN apt-get update && apt-get remove -y curl && apt-get purge -y --auto-remove wget') },
    { name: 'install as an argument of another command', dockerfile: deb('RUN echo apt-get install curl > /tmp/howto.txt') },
    { name: 'pinned package in the exec form', dockerfile: deb('RUN ["apt-get", "install", "-y", "curl=7.88.1-10+deb12u8"]') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: deb('RUN apt-get install -y curl "') },
    { name: 'PowerShell RUN is not judged', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\n' },
    { name: 'apk add is another rule', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'a dynamic command name is unknown', dockerfile: deb('ARG APT=apt-get\nRUN $APT install -y curl') },
    { name: 'command -v does not run apt-get', dockerfile: deb('RUN command -v apt-get install') },
  ],
  invalid: [
    {
      name: 'unpinned package after update points at the package',
      dockerfile: deb('RUN apt-get update && apt-get install python3'),
      errors: [{ messageId: 'unpinned', line: 2, column: 39, data: { package: 'python3', tool: 'apt-get' } }],
    },
    {
      name: 'one package missing its version on a continuation line',
      dockerfile: deb('RUN apt-get update && apt-get install -y --no-install-recommends \\\n    python3=3.11.2-1+b1 \\\n    curl \\\n    git=1:2.39.5-0+deb12u1'),
      errors: [{ messageId: 'unpinned', line: 4, column: 5, data: { package: 'curl' } }],
    },
    {
      name: 'every unpinned package is reported',
      dockerfile: deb('RUN apt-get install -y curl=7.88.1-10+deb12u8 git wget'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 47, data: { package: 'git' } },
        { messageId: 'unpinned', line: 2, column: 51, data: { package: 'wget' } },
      ],
    },
    {
      name: 'set -eux before apt-get is still seen',
      dockerfile: deb('RUN set -eux; apt-get install -y --no-install-recommends ca-certificates'),
      errors: [{ messageId: 'unpinned', line: 2, column: 58, data: { package: 'ca-certificates' } }],
    },
    {
      name: 'the exec form points at the JSON string',
      dockerfile: deb('RUN ["apt-get", "install", "-y", "curl"]'),
      errors: [{ messageId: 'unpinned', line: 2, column: 34, data: { package: 'curl' } }],
    },
    {
      name: 'ONBUILD RUN',
      dockerfile: deb('ONBUILD RUN apt-get install -y curl'),
      errors: [{ messageId: 'unpinned', line: 2, column: 32 }],
    },
    {
      name: 'through sudo, env and a full path',
      dockerfile: deb('RUN sudo -E env DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y tzdata'),
      errors: [{ messageId: 'unpinned', line: 2, column: 76, data: { package: 'tzdata' } }],
    },
    {
      name: 'a variable prefix does not hide the package',
      dockerfile: deb('RUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata'),
      errors: [{ messageId: 'unpinned', line: 2, column: 55 }],
    },
    {
      name: 'only the value of -t is skipped',
      dockerfile: deb('RUN apt-get install -y -t bookworm-backports golang'),
      errors: [{ messageId: 'unpinned', line: 2, column: 46, data: { package: 'golang' } }],
    },
    {
      name: 'unknown and unpinned packages side by side',
      dockerfile: deb('RUN apt-get install -y $BUILD_DEPS make'),
      errors: [{ messageId: 'unpinned', line: 2, column: 36, data: { package: 'make' } }],
    },
    {
      name: 'apt install counts too',
      dockerfile: deb('RUN apt install -y curl'),
      errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { tool: 'apt' } }],
    },
    {
      name: 'inside a heredoc script',
      dockerfile: deb('RUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nrm -rf /var/lib/apt/lists/*\nEOF'),
      errors: [{ messageId: 'unpinned', line: 5, column: 20, data: { package: 'jq' } }],
    },
    {
      name: 'inside an if and a subshell',
      dockerfile: deb('RUN if [ -n "$DEV" ]; then (apt-get install -y gdb); fi'),
      errors: [{ messageId: 'unpinned', line: 2, column: 48, data: { package: 'gdb' } }],
    },
    {
      name: 'quoted package name',
      dockerfile: deb("RUN apt-get install -y 'libpq-dev'"),
      errors: [{ messageId: 'unpinned', line: 2, column: 24, data: { package: 'libpq-dev' } }],
    },
  ],
});
