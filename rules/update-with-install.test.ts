import rule from './update-with-install.js';
import { testRule } from '../test/rule-tester.js';

const deb = (run: string) => `FROM debian:12-slim\n${run}\n`;
const install = 'apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8';

testRule(rule, {
  valid: [
    { name: 'update and install in one RUN', dockerfile: deb(`RUN apt-get update && ${install} && rm -rf /var/lib/apt/lists/*`) },
    { name: 'separated by a semicolon', dockerfile: deb(`RUN apt-get update -y ; ${install}`) },
    { name: 'update then upgrade then install', dockerfile: deb('RUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl') },
    { name: 'apt-get update then apt upgrade', dockerfile: deb('RUN test -d /etc/apt && apt-get update && apt upgrade --yes') },
    { name: 'apk update then add', dockerfile: 'FROM alpine:3.20\nRUN apk update && apk add git=2.45.2-r0 ca-certificates=20240705-r0\n' },
    { name: 'apk add --update refreshes inside the install', dockerfile: 'FROM alpine:3.20\nRUN apk --update add easy-rsa=3.2.0-r0\n' },
    { name: 'apk add -U', dockerfile: 'FROM alpine:3.20\nRUN apk add -U tini=0.19.0-r3\n' },
    { name: 'update as an argument of a script', dockerfile: deb('RUN /bin/sh /scripts/someScript.sh update') },
    { name: 'update of another tool', dockerfile: 'FROM hseeberger/scala-sbt:17.0.2_1.6.2_3.1.1\nRUN sbt update\n' },
    { name: 'yum update upgrades packages: it is an install', dockerfile: 'FROM centos:7\nRUN yum update -y && yum clean all\n' },
    { name: 'dnf makecache then install', dockerfile: 'FROM fedora:40\nRUN dnf makecache && dnf install -y dnf-plugins-core && dnf clean all\n' },
    { name: 'zypper refresh then install', dockerfile: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh && zypper --non-interactive install -y curl && zypper clean -a\n' },
    { name: 'zypper up is an upgrade', dockerfile: 'FROM opensuse/tumbleweed\nRUN zypper up -y\n' },
    { name: 'update and install in a heredoc script', dockerfile: deb(`RUN <<EOF\nset -e\napt-get update\n${install}\nEOF`) },
    { name: 'install in the if branch after the update', dockerfile: deb('RUN apt-get update && if [ "$DEV" = 1 ]; then apt-get install -y gdb; fi') },
    { name: 'a RUN with a syntax error is not judged', dockerfile: deb('RUN apt-get update "') },
  ],
  invalid: [
    {
      name: 'update alone, install in the next RUN, points at update',
      dockerfile: deb(`RUN apt-get update\nRUN ${install} && rm -rf /var/lib/apt/lists/*`),
      errors: [{ messageId: 'updateAlone', line: 2, column: 13, data: { tool: 'apt-get', subcommand: 'update' } }],
    },
    { name: 'exec form', dockerfile: deb('RUN ["apt-get", "update"]'), errors: [{ messageId: 'updateAlone', line: 2, column: 17 }] },
    { name: 'chained with something else', dockerfile: deb('RUN apt-get update && adduser --system app'), errors: [{ messageId: 'updateAlone', line: 2, column: 13 }] },
    { name: 'install before the update', dockerfile: deb(`RUN ${install} && apt-get update`), errors: [{ messageId: 'updateAlone', line: 2, column: 82 }] },
    { name: 'apt update', dockerfile: deb('RUN apt update'), errors: [{ messageId: 'updateAlone', line: 2, column: 9, data: { tool: 'apt' } }] },
    { name: 'apk update alone', dockerfile: 'FROM alpine:3.20\nRUN apk update\n', errors: [{ messageId: 'updateAlone', line: 2, column: 9, data: { tool: 'apk' } }] },
    { name: 'dnf makecache alone', dockerfile: 'FROM fedora:40\nRUN dnf makecache\n', errors: [{ messageId: 'updateAlone', line: 2, column: 9, data: { subcommand: 'makecache' } }] },
    { name: 'yum check-update alone', dockerfile: 'FROM centos:7\nRUN yum -q check-update || true\n', errors: [{ messageId: 'updateAlone', line: 2, column: 12 }] },
    { name: 'zypper refresh alone', dockerfile: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive ref\n', errors: [{ messageId: 'updateAlone', line: 2, column: 30 }] },
    {
      name: 'an install of another package manager does not count',
      dockerfile: deb('RUN apt-get update && pip install --no-cache-dir requests==2.32.3'),
      errors: [{ messageId: 'updateAlone', line: 2, column: 13 }],
    },
    { name: 'ONBUILD RUN', dockerfile: deb('ONBUILD RUN apt-get update'), errors: [{ messageId: 'updateAlone', line: 2, column: 21 }] },
    { name: 'through sudo', dockerfile: deb('RUN sudo apt-get update'), errors: [{ messageId: 'updateAlone', line: 2, column: 18 }] },
    { name: 'after set -eux', dockerfile: deb('RUN set -eux; apt-get update'), errors: [{ messageId: 'updateAlone', line: 2, column: 23 }] },
  ],
});
