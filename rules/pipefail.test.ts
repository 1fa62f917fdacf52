import rule from './pipefail.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no pipe', dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'a pipe character inside quotes is no pipe', dockerfile: 'FROM debian:12\nRUN echo "a|b" && grep -E \'x|y\' /etc/passwd\n' },
    { name: 'SHELL bash -o pipefail', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n' },
    { name: 'SHELL bash -eo pipefail', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com | wc -l\n' },
    { name: 'SHELL bash -e -o pipefail', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com | wc -c\n' },
    { name: 'SHELL bash -o errexit -o pipefail', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN cat /etc/os-release | head -1\n' },
    { name: 'SHELL zsh with pipefail', dockerfile: 'FROM debian:12\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN cat /etc/hosts | head -1\n' },
    { name: 'bash under another directory', dockerfile: 'FROM debian:12\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN cat /etc/issue | head -1\n' },
    { name: 'SHELL ash with pipefail on alpine', dockerfile: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com | sh\n' },
    { name: 'BusyBox sh with -o pipefail is ash', dockerfile: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com | tee /x\n' },
    { name: 'SHELL inherited from the parent stage', dockerfile: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN ls / | sort\n' },
    { name: 'set -o pipefail before the pipe', dockerfile: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com | tar -xz\n' },
    { name: 'set -euxo pipefail before the pipe', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN set -euxo pipefail; curl -fsSL https://example.com/k.asc | gpg --dearmor -o /k.gpg\n' },
    { name: 'set -o pipefail in a heredoc script', dockerfile: 'FROM alpine:3.20\nRUN <<EOF\nset -eo pipefail\nwget -qO- https://example.com | tar -xz\nEOF\n' },
    { name: 'pipefail in the flags of bash -c', dockerfile: 'FROM debian:12\nRUN bash -o pipefail -c "curl -fsSL https://example.com | sh"\n' },
    { name: 'exec form bash -eo pipefail -c', dockerfile: 'FROM debian:12\nRUN ["/bin/bash", "-eo", "pipefail", "-c", "curl -fsSL https://example.com | sh"]\n' },
    { name: 'exec form without a shell', dockerfile: 'FROM debian:12\nRUN ["grep", "-E", "a|b", "/etc/hosts"]\n' },
    { name: 'PowerShell is skipped', dockerfile: 'FROM mcr.microsoft.com/powershell:ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n' },
    { name: 'powershell.exe is skipped', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell.exe", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'cmd is skipped', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n' },
    { name: 'a shell running a script file', dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN bash /tmp/install.sh | tee /log\n' },
    { name: 'sh -c with a variable script is unknown', dockerfile: 'FROM debian:12\nARG CMD\nRUN sh -c "$CMD"\n' },
    { name: 'a syntax error is left to run-shell-syntax', dockerfile: 'FROM debian:12\nRUN echo "open | cat\n' },
  ],
  invalid: [
    {
      name: 'a group before the pipe is named generically, not by the command after it',
      dockerfile: 'FROM debian:12\nRUN { echo a; echo b; } | tee /etc/x.conf\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 25, data: { command: 'the first command' } }],
    },
    {
      name: 'pipe under the default /bin/sh',
      dockerfile: 'FROM debian:12\nRUN wget -O - https://example.com | wc -l > /number\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 35, data: { command: 'wget' } }],
    },
    {
      name: 'scratch image: no shell known, still sh',
      dockerfile: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 33 }],
    },
    {
      name: 'alpine: ash message, no bash',
      dockerfile: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh\n',
      errors: [{ messageId: 'noPipefailAsh', line: 2, column: 46, data: { command: 'wget' } }],
    },
    {
      name: 'node alpine image is BusyBox too',
      dockerfile: 'FROM node:20-alpine\nRUN npm ls --all | grep deduped\n',
      errors: [{ messageId: 'noPipefailAsh', line: 2, column: 18, data: { command: 'npm' } }],
    },
    {
      name: 'SHELL bash without pipefail',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://example.com | bash\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 36 }],
    },
    {
      name: 'plain sh with -o pipefail off BusyBox (dash has no pipefail)',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com | sh\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 36 }],
    },
    {
      name: 'pipefail SHELL does not reach a stage built on another image',
      dockerfile: 'FROM debian:12 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | sort\nFROM debian:12 AS run\nRUN ls | sort -r\n',
      errors: [{ messageId: 'noPipefail', line: 5, column: 8 }],
    },
    {
      name: 'a later SHELL without pipefail',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | sort\nSHELL ["/bin/sh", "-c"]\nRUN ls | wc -l\n',
      errors: [{ messageId: 'noPipefail', line: 5, column: 8 }],
    },
    {
      name: 'set -o pipefail after the pipe is too late',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN ls | sort; set -o pipefail; ls | wc -l\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 8, data: { command: 'ls' } }],
    },
    {
      name: 'set +o pipefail turns it off again',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set +o pipefail; cat /etc/passwd | cut -d: -f1\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 38, data: { command: 'cat' } }],
    },
    {
      name: 'one finding per RUN, at the first pipe',
      dockerfile: 'FROM debian:12\nRUN ls | sort && cat /x | head\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 8 }],
    },
    {
      name: 'pipe on a continuation line',
      dockerfile: 'FROM debian:12\nRUN apt-get update \\\n  && curl -fsSL https://deb.nodesource.com/setup_20.x \\\n     | bash -\n',
      errors: [{ messageId: 'noPipefail', line: 4, column: 6, data: { command: 'curl' } }],
    },
    {
      name: 'pipe inside a heredoc script',
      dockerfile: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nwget -qO- https://example.com | tar -xz\nEOF\n',
      errors: [{ messageId: 'noPipefailAsh', line: 4, column: 31 }],
    },
    {
      name: 'ONBUILD RUN',
      dockerfile: 'FROM debian:12\nONBUILD RUN cat /src/list | xargs echo\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 27, data: { command: 'cat' } }],
    },
    {
      name: 'exec form bash -c script with a pipe',
      dockerfile: 'FROM debian:12\nRUN ["bash", "-c", "curl -fsSL https://example.com | sh"]\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 52, data: { command: 'curl' } }],
    },
    {
      name: 'exec form sh -c on alpine is ash',
      dockerfile: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "apk info | sort"]\n',
      errors: [{ messageId: 'noPipefailAsh', line: 2, column: 33, data: { command: 'apk' } }],
    },
    {
      name: 'bash -c does not inherit the SHELL pipefail',
      dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN bash -c \'ls / | sort\'\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 19, data: { command: 'ls' } }],
    },
    {
      name: 'escaped quotes in a bash -c script: the finding is at the script',
      dockerfile: 'FROM debian:12\nRUN bash -c "echo \\"a b\\" | tr a-z A-Z"\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 13, data: { command: 'echo' } }],
    },
    {
      name: 'pipe in a command substitution',
      dockerfile: 'FROM debian:12\nRUN echo "$(ls /etc | wc -l)" > /count\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 21 }],
    },
  ],
});
