import rule from './yum-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM centos:7\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'name-version', dockerfile: df('RUN yum install -y tomcat-7.0.76 && yum clean all') },
    { name: 'version with an epoch', dockerfile: df('RUN yum install -y openssl-1:1.0.2k') },
    { name: 'name with a dash', dockerfile: df('RUN yum install -y rpm-sign-4.11.3') },
    { name: 'name with a dash and plus signs', dockerfile: df('RUN yum install -y gcc-c++-4.8.5') },
    { name: 'version and release', dockerfile: df('RUN yum install -y httpd-2.4.6-99.el7.centos.1') },
    { name: 'an rpm file', dockerfile: df('RUN yum install -y ./app.rpm') },
    { name: 'an rpm URL', dockerfile: df('RUN yum install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-7.noarch.rpm') },
    { name: 'module with a stream', dockerfile: df('RUN yum module install -y nodejs:18') },
    { name: 'module stream and profile as an @ spec', dockerfile: df('RUN yum install -y @nodejs:18/common') },
    { name: 'version from a variable', dockerfile: df('ARG HTTPD_VERSION=2.4.6', 'RUN yum install -y httpd-${HTTPD_VERSION}') },
    { name: 'packages from a variable', dockerfile: df('ARG PKGS', 'RUN yum install -y $PKGS "$(cat /tmp/pkgs.txt)"') },
    { name: 'group install has no versions', dockerfile: df('RUN yum group install -y "Development Tools"') },
    { name: 'groupinstall is not an install of packages', dockerfile: df('RUN yum groupinstall -y "Development Tools"') },
    { name: 'option values are not packages', dockerfile: df('RUN yum install -y --enablerepo epel --setopt tsflags=nodocs -x kernel nginx-1.20.1') },
    { name: 'a package after --', dockerfile: df('RUN yum install -y -- nginx-1.20.1') },
    { name: 'yum update is not judged', dockerfile: df('RUN yum update -y bash') },
    { name: 'dnf is not judged by this rule', dockerfile: df('RUN dnf install -y nginx') },
    { name: 'exec form, pinned', dockerfile: df('RUN ["yum", "install", "-y", "nginx-1.20.1"]') },
  ],
  invalid: [
    { name: 'seen through sudo', dockerfile: df('RUN sudo yum install -y nginx'), errors: [{ messageId: 'unpinned', line: 2, column: 25 }] },
    {
      name: 'no version',
      dockerfile: df('RUN yum install -y tomcat && yum clean all'),
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 26, data: { package: 'tomcat' } }],
    },
    { name: 'a dash but no version', dockerfile: df('RUN yum install -y rpm-sign'), errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { package: 'rpm-sign' } }] },
    { name: 'python3-pip has no version', dockerfile: df('RUN yum install -y python3-pip'), errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { package: 'python3-pip' } }] },
    { name: 'a glob is not a version', dockerfile: df('RUN yum install -y "nodejs-16*"'), errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { package: 'nodejs-16*' } }] },
    { name: 'module without a stream', dockerfile: df('RUN yum module install -y nodejs'), errors: [{ messageId: 'unpinnedModule', line: 2, column: 27, data: { package: 'nodejs' } }] },
    { name: '@ spec without a stream', dockerfile: df('RUN yum install -y @nodejs'), errors: [{ messageId: 'unpinnedModule', line: 2, column: 20, data: { package: '@nodejs' } }] },
    {
      name: 'each unpinned package at its word',
      dockerfile: df('RUN yum install -y $EXTRA nginx-1.20.1 git \\', '      vim-enhanced'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 40, data: { package: 'git' } },
        { messageId: 'unpinned', line: 3, column: 7, data: { package: 'vim-enhanced' } },
      ],
    },
    { name: 'package after -y and before it', dockerfile: df('RUN yum install tomcat -y'), errors: [{ messageId: 'unpinned', line: 2, column: 17 }] },
    { name: 'exec form', dockerfile: df('RUN ["yum", "install", "-y", "nginx"]'), errors: [{ messageId: 'unpinned', line: 2, column: 30, data: { package: 'nginx' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN yum install -y nginx'), errors: [{ messageId: 'unpinned', line: 2, column: 28 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'yum install -y nginx', 'EOF'), errors: [{ messageId: 'unpinned', line: 3, column: 16 }] },
    { name: 'yum called by its path', dockerfile: df('RUN /usr/bin/yum install -y nginx'), errors: [{ messageId: 'unpinned', line: 2, column: 29 }] },
  ],
});
