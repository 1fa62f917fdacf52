import rule from './zypper-no-dist-upgrade.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM opensuse/leap:15.6\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'installing packages', dockerfile: df('RUN zypper -n install curl=8.6.0 && zypper clean --all') },
    { name: 'zypper update is not a dist-upgrade', dockerfile: df('RUN zypper -n update && zypper clean --all') },
    { name: 'zypper patch is not a dist-upgrade', dockerfile: df('RUN zypper -n patch') },
    { name: 'another program with a dup argument', dockerfile: df('RUN notzypper dup') },
    { name: 'a dist-upgrade word outside zypper', dockerfile: df('RUN echo zypper dist-upgrade') },
  ],
  invalid: [
    { name: 'seen through sudo', dockerfile: df('RUN sudo zypper -n dup'), errors: [{ messageId: 'distUpgrade', line: 2, column: 20 }] },
    {
      name: 'dist-upgrade',
      dockerfile: df('RUN zypper --non-interactive dist-upgrade && zypper clean --all'),
      errors: [{ messageId: 'distUpgrade', line: 2, column: 30, endLine: 2, endColumn: 42, data: { subcommand: 'dist-upgrade' } }],
    },
    { name: 'dup', dockerfile: df('RUN zypper -n dup'), errors: [{ messageId: 'distUpgrade', line: 2, column: 15, data: { subcommand: 'dup' } }] },
    { name: 'dup with options after it', dockerfile: df('RUN zypper dup --no-recommends -y'), errors: [{ messageId: 'distUpgrade', line: 2, column: 12 }] },
    {
      name: 'on a continuation line',
      dockerfile: df('RUN zypper -n refresh \\', '    && zypper -n dup \\', '    && zypper clean --all'),
      errors: [{ messageId: 'distUpgrade', line: 3, column: 18 }],
    },
    { name: 'exec form', dockerfile: df('RUN ["zypper", "-n", "dist-upgrade"]'), errors: [{ messageId: 'distUpgrade', line: 2, column: 22 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN zypper -n dup'), errors: [{ messageId: 'distUpgrade', line: 2, column: 23 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'zypper -n dup', 'EOF'), errors: [{ messageId: 'distUpgrade', line: 3, column: 11 }] },
  ],
});
