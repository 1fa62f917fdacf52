import rule from './zypper-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM opensuse/leap:15.6\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'name=version', dockerfile: df('RUN zypper -n install tomcat=9.0.85 && zypper clean') },
    { name: 'name>=version, escaped', dockerfile: df('RUN zypper -n install tomcat\\>=9.0 && zypper clean') },
    { name: 'name>version, quoted', dockerfile: df('RUN zypper -n in "tomcat>9.0"') },
    { name: 'name<=version', dockerfile: df("RUN zypper -n in 'tomcat<=9.0'") },
    { name: 'name<version', dockerfile: df('RUN zypper -n in "tomcat<10"') },
    { name: 'an rpm file', dockerfile: df('RUN zypper -n install tomcat-9.0.39-1.rpm') },
    { name: 'version from a variable', dockerfile: df('ARG CURL_VERSION=8.6.0', 'RUN zypper -n install curl=${CURL_VERSION}') },
    { name: 'packages from a variable', dockerfile: df('ARG PKGS', 'RUN zypper -n install $PKGS') },
    { name: 'option values are not packages', dockerfile: df('RUN zypper --root /target -n install --repo repo-oss --from repo-oss curl=8.6.0') },
    { name: 'zypper commands that install nothing', dockerfile: df('RUN zypper -n refresh && zypper -n remove vim && zypper -n update') },
    { name: 'another program named like zypper', dockerfile: df('RUN notzypper install tomcat') },
    { name: 'exec form, pinned', dockerfile: df('RUN ["zypper", "-n", "install", "curl=8.6.0"]') },
  ],
  invalid: [
    { name: 'seen through env', dockerfile: df('RUN env LANG=C zypper -n in curl'), errors: [{ messageId: 'unpinned', line: 2, column: 29 }] },
    {
      name: 'no version',
      dockerfile: df('RUN zypper install -y tomcat && zypper clean'),
      errors: [{ messageId: 'unpinned', line: 2, column: 23, endLine: 2, endColumn: 29, data: { package: 'tomcat' } }],
    },
    { name: 'in without a version', dockerfile: df('RUN zypper -n in curl'), errors: [{ messageId: 'unpinned', line: 2, column: 18, data: { package: 'curl' } }] },
    { name: 'a dashed version is not a zypper pin', dockerfile: df('RUN zypper -n in curl-8.6.0'), errors: [{ messageId: 'unpinned', line: 2, column: 18, data: { package: 'curl-8.6.0' } }] },
    { name: 'a pattern after -t', dockerfile: df('RUN zypper -n install -t pattern devel_basis'), errors: [{ messageId: 'unpinned', line: 2, column: 34, data: { package: 'devel_basis' } }] },
    {
      name: 'each unpinned package at its word',
      dockerfile: df('RUN zypper -n install \\', '      curl=8.6.0 \\', '      git-core \\', '      vim'),
      errors: [
        { messageId: 'unpinned', line: 4, column: 7, data: { package: 'git-core' } },
        { messageId: 'unpinned', line: 5, column: 7, data: { package: 'vim' } },
      ],
    },
    { name: 'exec form', dockerfile: df('RUN ["zypper", "-n", "in", "curl"]'), errors: [{ messageId: 'unpinned', line: 2, column: 28, data: { package: 'curl' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN zypper -n in curl'), errors: [{ messageId: 'unpinned', line: 2, column: 26 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'zypper -n in curl', 'EOF'), errors: [{ messageId: 'unpinned', line: 3, column: 14 }] },
  ],
});
