import rule from './apt-get-yes.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;
const pkg = 'curl=7.88.1-10+deb12u8';

testRule(rule, {
  valid: [
    { name: '-y after install', dockerfile: deb(`RUN apt-get install -y ${pkg}`) },
    { name: '-y before install', dockerfile: deb(`RUN apt-get -y install ${pkg}`) },
    { name: '--yes', dockerfile: deb(`RUN apt-get --yes install ${pkg}`) },
    { name: '--assume-yes', dockerfile: deb(`RUN apt-get install --assume-yes ${pkg}`) },
    { name: 'y inside a group of short flags', dockerfile: deb(`RUN apt-get install -qy ${pkg}`) },
    { name: '-y after the packages', dockerfile: deb(`RUN apt-get install ${pkg} -y`) },
    { name: 'quiet level 2 as -qq', dockerfile: deb(`RUN apt-get install -qq ${pkg}`) },
    { name: 'quiet level 2 as -q -q', dockerfile: deb(`RUN apt-get -q install -q ${pkg}`) },
    { name: 'quiet level 2 as -q=2', dockerfile: deb(`RUN apt-get install -q=2 ${pkg}`) },
    { name: 'quiet level 2 as --quiet=2', dockerfile: deb(`RUN apt-get install --quiet=2 ${pkg}`) },
    { name: 'quiet level 3', dockerfile: deb(`RUN apt-get install -qqq ${pkg}`) },
    { name: 'Assume-Yes set with -o', dockerfile: deb(`RUN apt-get -o APT::Get::Assume-Yes=true install ${pkg}`) },
    { name: 'yes piped into apt-get', dockerfile: deb(`RUN yes | apt-get install ${pkg}`) },
    {
      name: 'Assume-Yes written to the apt configuration by an earlier RUN',
      dockerfile: deb(`RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes\nRUN apt-get update && apt-get install ${pkg}`),
    },
    {
      name: 'Assume-Yes configured in the stage built on',
      dockerfile: `FROM debian:12-slim AS base\nRUN printf 'APT::Get::Assume-Yes "1";\\n' > /etc/apt/apt.conf.d/90yes\nFROM base\nRUN apt-get install ${pkg}\n`,
    },
    { name: 'options in a variable before the subcommand may hold -y', dockerfile: deb(`RUN apt-get $APT_OPTS install ${pkg}`) },
    { name: 'a variable named like options may hold -y', dockerfile: deb(`RUN apt-get install "\${APT_FLAGS}" ${pkg}`) },
    { name: 'update needs no -y', dockerfile: deb('RUN apt-get update') },
    { name: 'exec form with -y', dockerfile: deb(`RUN ["apt-get", "install", "-y", "${pkg}"]`) },
    { name: 'other package managers are other rules', dockerfile: 'FROM fedora:40\nRUN dnf install curl\n' },
  ],
  invalid: [
    {
      name: 'install without -y points at apt-get',
      dockerfile: deb(`RUN apt-get update && apt-get install --no-install-recommends ${pkg}`),
      errors: [{ messageId: 'missingYes', line: 2, column: 23, data: { tool: 'apt-get' } }],
    },
    { name: 'a single -q is not enough', dockerfile: deb(`RUN apt-get install -q ${pkg}`), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
    {
      name: 'an unknown package list does not excuse it',
      dockerfile: deb('RUN apt-get install --no-install-recommends $PACKAGES'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5 }],
    },
    {
      name: 'Assume-Yes turned off',
      dockerfile: deb(`RUN apt-get -o APT::Get::Assume-Yes=false install ${pkg}`),
      errors: [{ messageId: 'missingYes', line: 2, column: 5 }],
    },
    {
      name: 'configuration written only after the install does not count',
      dockerfile: deb(`RUN apt-get install ${pkg}\nRUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes`),
      errors: [{ messageId: 'missingYes', line: 2, column: 5 }],
    },
    {
      name: 'configuration in an unrelated stage does not count',
      dockerfile: `FROM debian:12-slim AS other\nRUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes\nFROM debian:12-slim\nRUN apt-get install ${pkg}\n`,
      errors: [{ messageId: 'missingYes', line: 4, column: 5 }],
    },
    { name: 'ONBUILD RUN', dockerfile: deb(`ONBUILD RUN apt-get install ${pkg}`), errors: [{ messageId: 'missingYes', line: 2, column: 13 }] },
    { name: 'exec form', dockerfile: deb(`RUN ["apt-get", "install", "${pkg}"]`), errors: [{ messageId: 'missingYes', line: 2, column: 6 }] },
    { name: 'through sudo', dockerfile: deb(`RUN sudo apt-get install ${pkg}`), errors: [{ messageId: 'missingYes', line: 2, column: 10 }] },
    { name: 'apt install', dockerfile: deb(`RUN apt install ${pkg}`), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { tool: 'apt' } }] },
    {
      name: 'each install of a RUN is judged',
      dockerfile: deb(`RUN apt-get install -y ${pkg} \\\n && apt-get install git=1:2.39.5-0+deb12u1`),
      errors: [{ messageId: 'missingYes', line: 3, column: 5 }],
    },
    {
      name: 'set -eux before apt-get is still seen',
      dockerfile: deb(`RUN set -eux; apt-get install ${pkg}`),
      errors: [{ messageId: 'missingYes', line: 2, column: 15 }],
    },
  ],
});
