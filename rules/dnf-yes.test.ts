import rule from './dnf-yes.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM fedora:40\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'seen through env, with -y', dockerfile: df('RUN env LANG=C dnf install -y nginx-1.26.1') },
    { name: 'dnf install with -y', dockerfile: df('RUN dnf install -y nginx-1.26.1 && dnf clean all') },
    { name: 'microdnf install with -y', dockerfile: df('RUN microdnf install -y shadow-utils-4.9 && microdnf clean all') },
    { name: 'dnf with --assumeyes before the subcommand', dockerfile: df('RUN dnf --assumeyes install nginx-1.26.1') },
    { name: '-y inside a group of short flags', dockerfile: df('RUN dnf -qy groupinstall "Development Tools"') },
    { name: 'localinstall with -y', dockerfile: df('RUN dnf localinstall -y /tmp/app-1.0-1.x86_64.rpm') },
    { name: 'dnf commands that install nothing', dockerfile: df('RUN dnf makecache && dnf repolist && dnf clean all') },
    { name: 'another program named like dnf', dockerfile: df('RUN notdnf install nginx') },
    { name: 'yum is not judged by this rule', dockerfile: df('RUN yum install nginx') },
    { name: 'unknown options before the subcommand may hold -y', dockerfile: df('ARG DNF_OPTS="-y --nodocs"', 'RUN dnf $DNF_OPTS install nginx-1.26.1') },
    { name: 'exec form with -y', dockerfile: df('RUN ["microdnf", "install", "-y", "tar-1.34"]') },
    { name: 'ONBUILD RUN with -y', dockerfile: df('ONBUILD RUN dnf install -y nginx-1.26.1') },
  ],
  invalid: [
    {
      name: 'dnf install without -y',
      dockerfile: df('RUN dnf install nginx-1.26.1 && dnf clean all'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endLine: 2, endColumn: 8, data: { tool: 'dnf', subcommand: 'install' } }],
    },
    {
      name: 'microdnf install without -y',
      dockerfile: df('RUN microdnf install shadow-utils-4.9 && microdnf clean all'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { tool: 'microdnf', subcommand: 'install' } }],
    },
    { name: 'dnf5 counts as dnf', dockerfile: df('RUN dnf5 install nginx-1.26.1'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { tool: 'dnf5' } }] },
    { name: 'groupinstall without -y', dockerfile: df('RUN dnf groupinstall "Development Tools"'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'groupinstall' } }] },
    { name: 'group install without -y', dockerfile: df('RUN dnf group install "Development Tools"'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'install' } }] },
    { name: 'localinstall without -y', dockerfile: df('RUN dnf localinstall /tmp/app-1.0-1.x86_64.rpm'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'localinstall' } }] },
    { name: 'module install without -y', dockerfile: df('RUN dnf module install nodejs:20'), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
    { name: 'dnf called by its path', dockerfile: df('RUN /usr/bin/dnf install nginx-1.26.1'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { tool: 'dnf' } }] },
    {
      name: 'on a continuation line, after other commands',
      dockerfile: df('RUN dnf install -y dnf-plugins-core-4.4.4 \\', ' && dnf config-manager --set-enabled crb \\', ' && microdnf install --nodocs tar-1.34'),
      errors: [{ messageId: 'missingYes', line: 4, column: 5, data: { tool: 'microdnf' } }],
    },
    { name: 'exec form without -y', dockerfile: df('RUN ["dnf", "install", "nginx-1.26.1"]'), errors: [{ messageId: 'missingYes', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN without -y', dockerfile: df('ONBUILD RUN microdnf install tar-1.34'), errors: [{ messageId: 'missingYes', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF bash', 'dnf install nginx-1.26.1', 'EOF'), errors: [{ messageId: 'missingYes', line: 3, column: 1 }] },
  ],
});
