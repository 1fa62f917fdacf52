import rule from './apt-get-no-install-recommends.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;
const pkg = 'curl=7.88.1-10+deb12u8';

testRule(rule, {
  valid: [
    { name: '--no-install-recommends after install', dockerfile: deb(`RUN apt-get install -y --no-install-recommends ${pkg}`) },
    { name: '--no-install-recommends before install', dockerfile: deb(`RUN apt-get --no-install-recommends -y install ${pkg}`) },
    { name: '--no-install-recommends after the packages', dockerfile: deb(`RUN apt-get install -y ${pkg} --no-install-recommends`) },
    { name: 'recommends off with -o', dockerfile: deb(`RUN apt-get -o APT::Install-Recommends=false install -y ${pkg}`) },
    { name: 'recommends off with --option and 0', dockerfile: deb(`RUN apt-get install -y --option=APT::Install-Recommends=0 ${pkg}`) },
    { name: '--install-recommends=no', dockerfile: deb(`RUN apt-get install -y --install-recommends=no ${pkg}`) },
    {
      name: 'recommends turned off in the apt configuration by an earlier RUN',
      dockerfile: deb(`RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get update && apt-get install -y ${pkg}`),
    },
    {
      name: 'configuration written by a heredoc in the stage built on',
      dockerfile: `FROM debian:12-slim AS base\nRUN cat > /etc/apt/apt.conf.d/99slim <<EOF\nAPT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nEOF\nFROM base\nRUN apt-get install -y ${pkg}\n`,
    },
    { name: 'options in a variable before the subcommand', dockerfile: deb(`RUN apt-get $APT_OPTS install -y ${pkg}`) },
    { name: 'a variable named like options after the subcommand', dockerfile: deb(`RUN apt-get install -y ${'$'}{INSTALL_OPTS} ${pkg}`) },
    { name: 'exec form with the flag', dockerfile: deb(`RUN ["apt-get", "install", "-y", "--no-install-recommends", "${pkg}"]`) },
    { name: 'upgrade is not an install', dockerfile: deb('RUN apt-get update && apt-get upgrade -y') },
  ],
  invalid: [
    {
      name: 'install without the flag points at apt-get',
      dockerfile: deb(`RUN apt-get update && apt-get install -y ${pkg}`),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 23, data: { tool: 'apt-get' } }],
    },
    { name: '-y before install', dockerfile: deb(`RUN apt-get -y install ${pkg}`), errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 5 }] },
    {
      name: 'recommends turned on with -o',
      dockerfile: deb(`RUN apt-get -o APT::Install-Recommends=true install -y ${pkg}`),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 5 }],
    },
    {
      name: 'suggests off is not recommends off',
      dockerfile: deb(`RUN echo 'APT::Install-Suggests "0";' > /etc/apt/apt.conf.d/99nosuggests\nRUN apt-get install -y ${pkg}`),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 3, column: 5 }],
    },
    {
      name: 'an unknown package list does not excuse it',
      dockerfile: deb('RUN apt-get install -y $PACKAGES'),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 5 }],
    },
    { name: 'ONBUILD RUN', dockerfile: deb(`ONBUILD RUN apt-get install -y ${pkg}`), errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 13 }] },
    { name: 'exec form', dockerfile: deb(`RUN ["apt-get", "install", "-y", "${pkg}"]`), errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 6 }] },
    {
      name: 'through env and eatmydata',
      dockerfile: deb(`RUN env DEBIAN_FRONTEND=noninteractive eatmydata apt-get install -y ${pkg}`),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 50 }],
    },
    { name: 'apt install', dockerfile: deb(`RUN apt install -y ${pkg}`), errors: [{ messageId: 'missingNoInstallRecommends', line: 2, column: 5, data: { tool: 'apt' } }] },
    {
      name: 'in a heredoc script',
      dockerfile: deb(`RUN <<EOF\nset -eux\napt-get update\napt-get install -y ${pkg}\nrm -rf /var/lib/apt/lists/*\nEOF`),
      errors: [{ messageId: 'missingNoInstallRecommends', line: 5, column: 1 }],
    },
  ],
});
