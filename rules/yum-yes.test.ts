import rule from './yum-yes.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM rockylinux:9\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'install with -y', dockerfile: df('RUN yum install -y httpd-2.4.57 && yum clean all') },
    { name: 'install with --assumeyes', dockerfile: df('RUN yum install --assumeyes httpd-2.4.57') },
    { name: '-y inside a group of short flags', dockerfile: df('RUN yum -qy install httpd-2.4.57') },
    { name: '--assumeyes with a value', dockerfile: df('RUN yum --assumeyes=1 localinstall ./app-1.0.rpm') },
    { name: '-y before the subcommand', dockerfile: df('RUN yum -y groupinstall "Development Tools"') },
    { name: 'yum commands that install nothing', dockerfile: df('RUN yum makecache && yum list installed && yum clean all') },
    { name: 'another program named like yum', dockerfile: df('RUN notyum install httpd') },
    { name: 'dnf is not judged by this rule', dockerfile: df('RUN dnf install httpd') },
    { name: 'unknown options before the subcommand may hold -y', dockerfile: df('ARG YUM_OPTS=-y', 'RUN yum $YUM_OPTS install httpd-2.4.57') },
    { name: 'exec form with -y', dockerfile: df('RUN ["yum", "install", "-y", "httpd-2.4.57"]') },
    { name: 'ONBUILD RUN with -y', dockerfile: df('ONBUILD RUN yum install -y httpd-2.4.57') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN yum install httpd "') },
    { name: 'a PowerShell RUN is not judged', dockerfile: df('SHELL ["pwsh", "-Command"]', 'RUN yum install httpd') },
  ],
  invalid: [
    { name: 'seen through sudo', dockerfile: df('RUN sudo -E yum install httpd-2.4.57'), errors: [{ messageId: 'missingYes', line: 2, column: 13 }] },
    {
      name: 'install without -y',
      dockerfile: df('RUN yum install httpd-2.4.57 && yum clean all'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endLine: 2, endColumn: 8, data: { subcommand: 'install' } }],
    },
    { name: 'groupinstall without -y', dockerfile: df('RUN yum groupinstall "Development Tools"'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'groupinstall' } }] },
    { name: 'localinstall without -y', dockerfile: df('RUN yum localinstall /tmp/app-1.0.rpm'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'localinstall' } }] },
    { name: 'module install without -y', dockerfile: df('RUN yum module install nodejs:18'), errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'install' } }] },
    { name: 'yum called by its path', dockerfile: df('RUN /usr/bin/yum install httpd-2.4.57'), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
    { name: 'other flags are not -y', dockerfile: df('RUN yum -q --nogpgcheck install httpd-2.4.57'), errors: [{ messageId: 'missingYes', line: 2, column: 5 }] },
    { name: 'packages from a variable do not excuse the prompt', dockerfile: df('ARG PKGS', 'RUN yum install $PKGS'), errors: [{ messageId: 'missingYes', line: 3, column: 5 }] },
    {
      name: 'command on a continuation line',
      dockerfile: df('RUN set -eux; \\', '    yum makecache; \\', '    yum install httpd-2.4.57'),
      errors: [{ messageId: 'missingYes', line: 4, column: 5 }],
    },
    {
      name: 'each command of a RUN is judged',
      dockerfile: df('RUN yum install -y epel-release-9 && yum install nginx-1.20.1 && yum install nodejs-16.20.2'),
      errors: [
        { messageId: 'missingYes', line: 2, column: 38 },
        { messageId: 'missingYes', line: 2, column: 66 },
      ],
    },
    { name: 'exec form without -y', dockerfile: df('RUN ["yum", "install", "httpd-2.4.57"]'), errors: [{ messageId: 'missingYes', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN without -y', dockerfile: df('ONBUILD RUN yum install httpd-2.4.57'), errors: [{ messageId: 'missingYes', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'yum install httpd-2.4.57', 'EOF'), errors: [{ messageId: 'missingYes', line: 4, column: 1 }] },
    { name: 'inside a subshell', dockerfile: df('RUN (cd /tmp && yum install httpd-2.4.57)'), errors: [{ messageId: 'missingYes', line: 2, column: 17 }] },
  ],
});
