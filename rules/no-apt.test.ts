import rule from './no-apt.js';
import { testRule } from '../test/rule-tester.js';

const ubuntu = (run: string) => `FROM ubuntu:24.04\n${run}\n`;

testRule(rule, {
  valid: [
    { name: 'apt-get and apt-cache', dockerfile: ubuntu('RUN apt-get update && apt-cache policy curl && apt-get install -y curl') },
    { name: 'apt-mark and apt-key are other programs', dockerfile: ubuntu('RUN apt-mark hold tzdata && apt-key list') },
    { name: 'apt as an argument', dockerfile: ubuntu('RUN which apt && echo apt install curl') },
    { name: 'a path that mentions apt', dockerfile: ubuntu('RUN ls /etc/apt/sources.list.d/') },
    { name: 'a RUN with a syntax error is not judged', dockerfile: ubuntu("RUN apt install 'curl") },
    { name: 'command -v looks apt up without running it', dockerfile: ubuntu('RUN command -v apt') },
  ],
  invalid: [
    { name: 'apt install points at apt', dockerfile: ubuntu('RUN apt install -y curl'), errors: [{ messageId: 'useAptGet', line: 2, column: 5 }] },
    {
      name: 'every apt command is reported',
      dockerfile: ubuntu('RUN apt update \\\n && apt install -y curl'),
      errors: [
        { messageId: 'useAptGet', line: 2, column: 5 },
        { messageId: 'useAptGet', line: 3, column: 5 },
      ],
    },
    { name: 'apt with another subcommand', dockerfile: ubuntu('RUN apt list --installed > /packages.txt'), errors: [{ messageId: 'useAptGet', line: 2, column: 5 }] },
    { name: 'a full path', dockerfile: ubuntu('RUN /usr/bin/apt upgrade -y'), errors: [{ messageId: 'useAptGet', line: 2, column: 5 }] },
    { name: 'through sudo', dockerfile: ubuntu('RUN sudo apt install -y curl'), errors: [{ messageId: 'useAptGet', line: 2, column: 10 }] },
    { name: 'after set -eux', dockerfile: ubuntu('RUN set -eux; apt-get update; apt install -y curl'), errors: [{ messageId: 'useAptGet', line: 2, column: 31 }] },
    { name: 'ONBUILD RUN', dockerfile: ubuntu('ONBUILD RUN apt install -y curl'), errors: [{ messageId: 'useAptGet', line: 2, column: 13 }] },
    { name: 'exec form', dockerfile: ubuntu('RUN ["apt", "install", "-y", "curl"]'), errors: [{ messageId: 'useAptGet', line: 2, column: 6 }] },
    { name: 'in a heredoc script', dockerfile: ubuntu('RUN <<EOF\napt update\nEOF'), errors: [{ messageId: 'useAptGet', line: 3, column: 1 }] },
  ],
});
