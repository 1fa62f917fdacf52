import rule from './zypper-clean.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM opensuse/leap:15.6\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'zypper clean after the install', dockerfile: df('RUN zypper -n install curl=8.6.0 && zypper clean') },
    { name: 'zypper clean --all', dockerfile: df('RUN zypper -n in curl=8.6.0 && zypper clean --all') },
    { name: 'zypper cc', dockerfile: df('RUN zypper -n install curl=8.6.0 && zypper -n cc -a') },
    { name: 'rm -rf of the cache contents', dockerfile: df('RUN zypper -n install curl=8.6.0 && rm -rf /var/cache/zypp/*') },
    { name: 'remove, patch and source-install, cleaned', dockerfile: df('RUN zypper -n rm vim && zypper -n patch && zypper -n si curl && zypper clean -a') },
    { name: 'cache mount on /var/cache/zypp', dockerfile: df('RUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl=8.6.0') },
    { name: 'tmpfs mount on /var/cache/zypp', dockerfile: df('RUN --mount=type=tmpfs,target=/var/cache/zypp zypper -n install curl=8.6.0') },
    { name: 'zypper commands that change no package', dockerfile: df('RUN zypper -n refresh && zypper search curl') },
    { name: 'another program named like zypper', dockerfile: df('RUN notzypper install curl') },
    { name: 'cleanup in a heredoc script', dockerfile: df('RUN <<EOF', 'zypper -n install curl=8.6.0', 'zypper clean --all', 'EOF') },
    { name: 'ONBUILD RUN that cleans', dockerfile: df('ONBUILD RUN zypper -n install curl=8.6.0 && zypper cc') },
  ],
  invalid: [
    { name: 'install through env without cleanup', dockerfile: df('RUN env ZYPP_LOCK_TIMEOUT=60 zypper -n in curl=8.6.0'), errors: [{ messageId: 'missingClean', line: 2, column: 30 }] },
    {
      name: 'install without cleanup',
      dockerfile: df('RUN zypper install -y mariadb=10.11.8'),
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 11, data: { subcommand: 'install' } }],
    },
    { name: 'in without cleanup', dockerfile: df('RUN zypper -n in curl=8.6.0'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'in' } }] },
    { name: 'remove without cleanup', dockerfile: df('RUN zypper -n remove vim'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'remove' } }] },
    { name: 'source-install without cleanup', dockerfile: df('RUN zypper -n source-install curl'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'source-install' } }] },
    { name: 'patch without cleanup', dockerfile: df('RUN zypper -n patch'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'patch' } }] },
    { name: 'cleanup before the install', dockerfile: df('RUN zypper clean -a && zypper -n install curl=8.6.0'), errors: [{ messageId: 'missingClean', line: 2, column: 24 }] },
    { name: 'rm of another cache', dockerfile: df('RUN zypper -n install curl=8.6.0 && rm -rf /var/cache/yum'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'cleanup in a later RUN', dockerfile: df('RUN zypper -n install curl=8.6.0', 'RUN zypper clean'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'cache mount on another directory', dockerfile: df('RUN --mount=type=cache,target=/var/cache/apt zypper -n install curl=8.6.0'), errors: [{ messageId: 'missingClean', line: 2, column: 46 }] },
    {
      name: 'install on a continuation line',
      dockerfile: df('RUN zypper -n refresh \\', '  && zypper -n install curl=8.6.0'),
      errors: [{ messageId: 'missingClean', line: 3, column: 6 }],
    },
    { name: 'exec form', dockerfile: df('RUN ["zypper", "-n", "install", "curl=8.6.0"]'), errors: [{ messageId: 'missingClean', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN zypper -n in curl=8.6.0'), errors: [{ messageId: 'missingClean', line: 2, column: 13 }] },
  ],
});
