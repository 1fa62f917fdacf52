import rule from './dnf-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM fedora:40\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'dnf name-version', dockerfile: df('RUN dnf install -y tomcat-9.0.87 && dnf clean all') },
    { name: 'microdnf name-version', dockerfile: df('RUN microdnf install -y tomcat-9.0.87 && microdnf clean all') },
    { name: 'name with a dash', dockerfile: df('RUN dnf install -y rpm-sign-4.19.1.1') },
    { name: 'version with an epoch', dockerfile: df('RUN microdnf install -y openssl-1:3.1.4') },
    { name: 'version, release and arch', dockerfile: df('RUN dnf install -y bash-5.2.26-3.fc40.x86_64') },
    { name: 'an rpm URL', dockerfile: df('RUN dnf install -y https://example.com/rpms/app-2.1.0-1.x86_64.rpm') },
    { name: 'module with a stream', dockerfile: df('RUN dnf module install -y nodejs:20') },
    { name: 'microdnf module with a stream', dockerfile: df('RUN microdnf module install -y nodejs:20/common') },
    { name: 'version from a variable', dockerfile: df('ENV NGINX_VERSION=1.26.1', 'RUN dnf install -y nginx-${NGINX_VERSION}') },
    { name: 'packages from a variable', dockerfile: df('ARG PKGS', 'RUN dnf install -y ${PKGS}') },
    { name: 'group install has no versions', dockerfile: df('RUN dnf group install -y "Development Tools"') },
    { name: 'option values are not packages', dockerfile: df('RUN dnf install -y --setopt install_weak_deps=False --repo fedora --releasever 40 nginx-1.26.1') },
    { name: 'another program named like dnf', dockerfile: df('RUN notdnf install tomcat') },
    { name: 'yum is not judged by this rule', dockerfile: df('RUN yum install -y tomcat') },
    { name: 'dnf upgrade is not judged', dockerfile: df('RUN dnf upgrade -y bash') },
  ],
  invalid: [
    { name: 'seen through xargs', dockerfile: df('RUN echo tar | xargs dnf install -y nginx'), errors: [{ messageId: 'unpinned', line: 2, column: 37 }] },
    {
      name: 'dnf without a version',
      dockerfile: df('RUN dnf install -y tomcat && dnf clean all'),
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 26, data: { package: 'tomcat', tool: 'dnf' } }],
    },
    { name: 'microdnf without a version', dockerfile: df('RUN microdnf install -y tomcat'), errors: [{ messageId: 'unpinned', line: 2, column: 25, data: { tool: 'microdnf' } }] },
    { name: 'dnf5 without a version', dockerfile: df('RUN dnf5 install -y tomcat'), errors: [{ messageId: 'unpinned', line: 2, column: 21, data: { tool: 'dnf5' } }] },
    { name: 'a dash but no version', dockerfile: df('RUN dnf install -y rpm-sign'), errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { package: 'rpm-sign' } }] },
    { name: 'a provide is not a version', dockerfile: df("RUN dnf install -y 'dnf-command(config-manager)'"), errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { package: 'dnf-command(config-manager)' } }] },
    { name: 'module without a stream', dockerfile: df('RUN dnf module install -y nodejs'), errors: [{ messageId: 'unpinnedModule', line: 2, column: 27, data: { package: 'nodejs' } }] },
    { name: 'microdnf module without a stream', dockerfile: df('RUN microdnf module install -y nodejs'), errors: [{ messageId: 'unpinnedModule', line: 2, column: 32, data: { tool: 'microdnf' } }] },
    {
      name: 'each unpinned package at its word',
      dockerfile: df('RUN dnf install -y \\', '      nginx \\', '      git-core-2.45.2 \\', '      python3-pip'),
      errors: [
        { messageId: 'unpinned', line: 3, column: 7, data: { package: 'nginx' } },
        { messageId: 'unpinned', line: 5, column: 7, data: { package: 'python3-pip' } },
      ],
    },
    { name: 'exec form', dockerfile: df('RUN ["microdnf", "install", "-y", "tar"]'), errors: [{ messageId: 'unpinned', line: 2, column: 35, data: { package: 'tar' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN dnf install -y tar'), errors: [{ messageId: 'unpinned', line: 2, column: 28 }] },
    { name: 'in the body of an if', dockerfile: df('RUN if [ -x /usr/bin/dnf ]; then dnf install -y tar; fi'), errors: [{ messageId: 'unpinned', line: 2, column: 49 }] },
  ],
});
