import rule from './zypper-yes.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM opensuse/leap:15.6\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'global --non-interactive', dockerfile: df('RUN zypper --non-interactive install curl=8.6.0 && zypper clean --all') },
    { name: 'global -n', dockerfile: df('RUN zypper -n in curl=8.6.0') },
    { name: 'command -y', dockerfile: df('RUN zypper install -y curl=8.6.0') },
    { name: 'command --no-confirm', dockerfile: df('RUN zypper remove --no-confirm vim') },
    { name: '-n inside a group of short flags', dockerfile: df('RUN zypper -qn patch') },
    { name: 'source-install with -n', dockerfile: df('RUN zypper -n si curl') },
    { name: 'zypper commands that change no package', dockerfile: df('RUN zypper refresh && zypper search curl && zypper clean --all') },
    { name: 'another program named like zypper', dockerfile: df('RUN notzypper install curl') },
    { name: 'unknown options before the subcommand may hold -n', dockerfile: df('ARG ZYPPER_OPTS=-n', 'RUN zypper $ZYPPER_OPTS install curl=8.6.0') },
    { name: 'exec form with -n', dockerfile: df('RUN ["zypper", "-n", "install", "curl=8.6.0"]') },
    { name: 'ONBUILD RUN with -n', dockerfile: df('ONBUILD RUN zypper -n install curl=8.6.0') },
  ],
  invalid: [
    { name: 'seen through sudo', dockerfile: df('RUN sudo zypper install curl=8.6.0'), errors: [{ messageId: 'missingYes', line: 2, column: 10 }] },
    {
      name: 'install without a non-interactive flag',
      dockerfile: df('RUN zypper install curl=8.6.0 && zypper clean'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endLine: 2, endColumn: 11, data: { subcommand: 'install' } }],
    },
    { name: 'in without a non-interactive flag', dockerfile: df('RUN zypper in curl=8.6.0'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'in' } }] },
    { name: 'remove', dockerfile: df('RUN zypper remove vim'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'remove' } }] },
    { name: 'rm', dockerfile: df('RUN zypper rm vim'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'rm' } }] },
    { name: 'source-install', dockerfile: df('RUN zypper source-install curl'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'source-install' } }] },
    { name: 'si', dockerfile: df('RUN zypper si curl'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'si' } }] },
    { name: 'patch', dockerfile: df('RUN zypper patch'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'patch' } }] },
    { name: 'other flags are not non-interactive', dockerfile: df('RUN zypper --gpg-auto-import-keys install -l curl=8.6.0'), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
    {
      name: 'on a continuation line',
      dockerfile: df('RUN zypper -n refresh \\', '  && zypper install curl=8.6.0'),
      errors: [{ messageId: 'missingYes', line: 3, column: 6 }],
    },
    { name: 'exec form', dockerfile: df('RUN ["zypper", "install", "curl=8.6.0"]'), errors: [{ messageId: 'missingYes', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN zypper in curl=8.6.0'), errors: [{ messageId: 'missingYes', line: 2, column: 13 }] },
    { name: 'zypper called by its path', dockerfile: df('RUN /usr/bin/zypper install curl=8.6.0'), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
  ],
});
