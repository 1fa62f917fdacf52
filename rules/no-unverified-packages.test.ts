import rule from './no-unverified-packages.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain installs', dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'apk with a trusted key', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache --keys-dir /etc/apk/keys curl\n' },
    { name: 'dnf with gpgcheck on', dockerfile: 'FROM rockylinux:9\nRUN dnf install -y --setopt=gpgcheck=1 git && yum-config-manager --setopt=myrepo.gpgcheck=true --save\n' },
    { name: 'apt option set to false', dockerfile: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install -y curl\n' },
    { name: 'signed-by in sources.list', dockerfile: 'FROM debian:12\nRUN echo "deb [signed-by=/usr/share/keyrings/v.gpg] https://vendor.example.com/apt stable main" > /etc/apt/sources.list.d/v.list\n' },
    { name: 'sed turning gpgcheck back on', dockerfile: 'FROM rockylinux:9\nRUN sed -i \'s/gpgcheck=0/gpgcheck=1/\' /etc/yum.repos.d/vendor.repo\n' },
    { name: 'rpm import and verify', dockerfile: 'FROM rockylinux:9\nRUN rpm --import https://vendor.example.com/key.asc && rpm -K /tmp/pkg.rpm && rpm -i /tmp/pkg.rpm\n' },
    { name: 'flag after -- is a package name', dockerfile: 'FROM alpine:3.20\nRUN apk add -- --allow-untrusted\n' },
    { name: 'flag from a variable is unknown', dockerfile: 'FROM alpine:3.20\nARG APK_FLAGS\nRUN apk add $APK_FLAGS curl\n' },
    { name: 'other commands with the same flags', dockerfile: 'FROM debian:12\nRUN mytool --allow-unauthenticated --nogpgcheck && echo done\n' },
  ],
  invalid: [
    {
      name: 'apk --allow-untrusted',
      dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk\n',
      errors: [{ messageId: 'flag', line: 2, column: 24, data: { tool: 'apk', flag: '--allow-untrusted' } }],
    },
    {
      name: 'apt-get flags',
      dockerfile: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\nRUN apt-get update --allow-insecure-repositories\nRUN apt-get install -y --force-yes curl\nRUN apt install --allow-unauthenticated curl\n',
      errors: [
        { messageId: 'flag', line: 2, column: 24, data: { tool: 'apt-get', flag: '--allow-unauthenticated' } },
        { messageId: 'flag', line: 3, column: 20, data: { flag: '--allow-insecure-repositories' } },
        { messageId: 'flag', line: 4, column: 24, data: { flag: '--force-yes' } },
        { messageId: 'flag', line: 5, column: 17, data: { tool: 'apt' } },
      ],
    },
    {
      name: 'apt -o options',
      dockerfile: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl\nRUN apt-get update -oAcquire::AllowInsecureRepositories=1\n',
      errors: [
        { messageId: 'setting', line: 2, column: 16, data: { setting: 'APT::Get::AllowUnauthenticated=true' } },
        { messageId: 'setting', line: 3, column: 20, data: { setting: 'Acquire::AllowInsecureRepositories=1' } },
      ],
    },
    {
      name: 'yum, dnf and microdnf',
      dockerfile: 'FROM rockylinux:9\nRUN yum install -y --nogpgcheck /tmp/vendor.rpm\nRUN dnf install -y --setopt=gpgcheck=0 vendor\nRUN microdnf install --nogpgcheck vendor\nRUN yum-config-manager --setopt=vendor.gpgcheck=false --save\n',
      errors: [
        { messageId: 'flag', line: 2, column: 20, data: { tool: 'yum', flag: '--nogpgcheck' } },
        { messageId: 'setting', line: 3, column: 20, data: { tool: 'dnf', setting: 'gpgcheck=0' } },
        { messageId: 'flag', line: 4, column: 22, data: { tool: 'microdnf' } },
        { messageId: 'setting', line: 5, column: 24, data: { tool: 'yum-config-manager', setting: 'vendor.gpgcheck=false' } },
      ],
    },
    {
      name: 'zypper and rpm',
      dockerfile: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y vendor\nRUN rpm -i --nosignature /tmp/a.rpm && rpm -Uvh --nodigest /tmp/b.rpm\n',
      errors: [
        { messageId: 'flag', line: 2, column: 12, data: { tool: 'zypper' } },
        { messageId: 'flag', line: 3, column: 12, data: { tool: 'rpm', flag: '--nosignature' } },
        { messageId: 'flag', line: 3, column: 49, data: { flag: '--nodigest' } },
      ],
    },
    {
      name: 'settings written to configuration files',
      dockerfile:
        'FROM debian:12\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99unauth\nRUN echo "deb [trusted=yes] http://repo.example.com/ ./" > /etc/apt/sources.list.d/repo.list\nRUN printf \'[vendor]\\nbaseurl=https://vendor.example.com\\ngpgcheck=0\\n\' > /etc/yum.repos.d/vendor.repo\nRUN sed -i \'s/^gpgcheck=1/gpgcheck=0/\' /etc/dnf/dnf.conf\n',
      errors: [
        { messageId: 'setting', line: 2, column: 10, data: { tool: 'apt', setting: 'APT::Get::AllowUnauthenticated "true"' } },
        { messageId: 'setting', line: 3, column: 10, data: { tool: 'apt', setting: '[trusted=yes]' } },
        { messageId: 'setting', line: 4, column: 12, data: { tool: 'yum/dnf', setting: 'gpgcheck=0' } },
        { messageId: 'setting', line: 5, column: 12, data: { setting: 'gpgcheck=0' } },
      ],
    },
    {
      name: 'through sudo, in exec form, in sh -c, in ONBUILD',
      dockerfile:
        'FROM debian:12\nRUN sudo apt-get install -y --force-yes curl\nRUN ["apk", "add", "--allow-untrusted", "/tmp/x.apk"]\nRUN ["sh", "-c", "apt-get install -y --allow-unauthenticated curl"]\nONBUILD RUN rpm -i --noverify /tmp/x.rpm\n',
      errors: [
        { messageId: 'flag', line: 2, column: 29 },
        { messageId: 'flag', line: 3, column: 20, data: { tool: 'apk' } },
        { messageId: 'flag', line: 4, column: 38, data: { tool: 'apt-get' } },
        { messageId: 'flag', line: 5, column: 20, data: { tool: 'rpm', flag: '--noverify' } },
      ],
    },
    {
      name: 'heredoc script',
      dockerfile: 'FROM alpine:3.20\nRUN <<EOF\napk add --allow-untrusted /tmp/pkg.apk\nEOF\n',
      errors: [{ messageId: 'flag', line: 3, column: 9 }],
    },
  ],
});
