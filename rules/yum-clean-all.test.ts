import rule from './yum-clean-all.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM centos:7\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'install and cleanup through sudo', dockerfile: df('RUN sudo yum install -y httpd-2.4.6 && sudo rm -rf /var/cache/yum') },
    { name: 'yum clean all after the install', dockerfile: df('RUN yum install -y httpd-2.4.6 && yum clean all') },
    { name: 'yum clean all with options', dockerfile: df('RUN yum install -y httpd-2.4.6 && yum -q clean all --enablerepo=*') },
    { name: 'rm -rf of the cache contents', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*') },
    { name: 'rm -fr of the cache directory', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -fr /var/cache/yum') },
    { name: 'rm -r -f of all of /var/cache', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -r -f /var/cache/*') },
    { name: 'cleanup on a later line of the RUN', dockerfile: df('RUN yum install -y \\', '      httpd-2.4.6 \\', '  && yum clean all \\', '  && rm -rf /tmp/*') },
    { name: 'cleanup in a heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'yum install -y httpd-2.4.6', 'yum clean all', 'EOF') },
    { name: 'cache mount on /var/cache/yum', dockerfile: df('RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6') },
    { name: 'tmpfs mount on /var/cache/yum', dockerfile: df('RUN --mount=type=tmpfs,dst=/var/cache/yum,sharing=locked yum install -y httpd-2.4.6') },
    { name: 'cache mount on an unknown target', dockerfile: df('ARG YUM_CACHE=/var/cache/yum', 'RUN --mount=type=cache,target=${YUM_CACHE} yum install -y httpd-2.4.6') },
    { name: 'exec form with a cache mount', dockerfile: df('RUN --mount=type=cache,target=/var/cache/yum ["yum", "install", "-y", "httpd-2.4.6"]') },
    { name: 'yum commands that install nothing', dockerfile: df('RUN yum makecache && yum repolist') },
    { name: 'dnf is not judged by this rule', dockerfile: df('RUN dnf install -y httpd-2.4.6') },
    { name: 'ONBUILD RUN that cleans', dockerfile: df('ONBUILD RUN yum install -y httpd-2.4.6 && yum clean all') },
    { name: 'not a yum command', dockerfile: df('RUN bash -c "echo no yum here"') },
  ],
  invalid: [
    { name: 'install through sudo without cleanup', dockerfile: df('RUN sudo yum install -y httpd-2.4.6'), errors: [{ messageId: 'missingClean', line: 2, column: 10 }] },
    {
      name: 'install without cleanup',
      dockerfile: df('RUN yum install -y httpd-2.4.6'),
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 8 }],
    },
    { name: 'cleanup before the install', dockerfile: df('RUN yum clean all && yum install -y httpd-2.4.6'), errors: [{ messageId: 'missingClean', line: 2, column: 22 }] },
    {
      name: 'an install after the last cleanup',
      dockerfile: df('RUN yum install -y epel-release-7 && yum clean all && yum install -y nginx-1.20.1'),
      errors: [{ messageId: 'missingClean', line: 2, column: 55 }],
    },
    { name: 'yum clean without all', dockerfile: df('RUN yum install -y httpd-2.4.6 && yum clean'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'yum clean packages only', dockerfile: df('RUN yum install -y httpd-2.4.6 && yum clean packages'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'rm of another cache', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -rf /var/lib/apt/lists/*'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'rm of the dnf 5 cache', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/libdnf5'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'rm without -r', dockerfile: df('RUN yum install -y httpd-2.4.6 && rm -f /var/cache/yum/*'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'cleanup in a later RUN', dockerfile: df('RUN yum install -y httpd-2.4.6', 'RUN yum clean all'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'cache mount on another directory', dockerfile: df('RUN --mount=type=cache,target=/root/.cache/pip yum install -y python3-pip-9.0.3'), errors: [{ messageId: 'missingClean', line: 2, column: 48 }] },
    { name: 'bind mount on the cache', dockerfile: df('RUN --mount=type=bind,target=/var/cache/yum yum install -y httpd-2.4.6'), errors: [{ messageId: 'missingClean', line: 2, column: 45 }] },
    { name: 'module install', dockerfile: df('RUN yum module install -y nodejs:18'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    {
      name: 'install on a continuation line',
      dockerfile: df('RUN set -eux; \\', '    yum install -y httpd-2.4.6; \\', '    echo done'),
      errors: [{ messageId: 'missingClean', line: 3, column: 5 }],
    },
    { name: 'exec form', dockerfile: df('RUN ["yum", "install", "-y", "httpd-2.4.6"]'), errors: [{ messageId: 'missingClean', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN yum install -y httpd-2.4.6'), errors: [{ messageId: 'missingClean', line: 2, column: 13 }] },
    {
      name: 'one finding per RUN',
      dockerfile: df('RUN yum install -y httpd-2.4.6 && yum install -y mod_ssl-2.4.6', 'RUN yum install -y git-1.8.3'),
      errors: [
        { messageId: 'missingClean', line: 2, column: 5 },
        { messageId: 'missingClean', line: 3, column: 5 },
      ],
    },
  ],
});
