import rule from './no-dist-upgrade.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;

testRule(rule, {
  valid: [
    { name: 'apt-get upgrade is not a distribution upgrade', dockerfile: deb('RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*') },
    { name: 'dist-upgrade as an argument of echo', dockerfile: deb('RUN echo "apt-get dist-upgrade" > /notes.txt') },
    { name: 'a package named like it', dockerfile: deb('RUN apt-get install -y dist-upgrade-helper=1.0') },
    { name: 'zypper dist-upgrade is another tool', dockerfile: 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dist-upgrade\n' },
  ],
  invalid: [
    {
      name: 'apt-get dist-upgrade points at the subcommand',
      dockerfile: deb('RUN apt-get update && apt-get dist-upgrade -y'),
      errors: [{ messageId: 'distUpgrade', line: 2, column: 31, data: { tool: 'apt-get', subcommand: 'dist-upgrade' } }],
    },
    { name: 'without other commands', dockerfile: deb('RUN apt-get dist-upgrade'), errors: [{ messageId: 'distUpgrade', line: 2, column: 13 }] },
    { name: 'flags before the subcommand', dockerfile: deb('RUN apt-get -q -y dist-upgrade'), errors: [{ messageId: 'distUpgrade', line: 2, column: 19 }] },
    { name: 'apt full-upgrade', dockerfile: deb('RUN apt full-upgrade -y'), errors: [{ messageId: 'distUpgrade', line: 2, column: 9, data: { tool: 'apt', subcommand: 'full-upgrade' } }] },
    { name: 'ONBUILD RUN', dockerfile: deb('ONBUILD RUN apt-get -y dist-upgrade'), errors: [{ messageId: 'distUpgrade', line: 2, column: 24 }] },
    { name: 'exec form', dockerfile: deb('RUN ["apt-get", "-y", "dist-upgrade"]'), errors: [{ messageId: 'distUpgrade', line: 2, column: 23 }] },
  ],
});
