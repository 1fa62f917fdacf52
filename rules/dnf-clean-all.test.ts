import rule from './dnf-clean-all.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM fedora:40\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'cleanup through sudo', dockerfile: df('RUN sudo dnf install -y nginx-1.26.1 && sudo dnf clean all') },
    { name: 'dnf clean all after dnf install', dockerfile: df('RUN dnf install -y nginx-1.26.1 && dnf clean all') },
    { name: 'microdnf clean all after microdnf install', dockerfile: df('RUN microdnf install -y tar-1.34 && microdnf clean all') },
    { name: 'short subcommand in, cleaned', dockerfile: df('RUN dnf in -y nginx-1.26.1 && dnf clean all') },
    { name: 'upgrade variants, cleaned', dockerfile: df('RUN dnf -y upgrade && dnf -y up-min && dnf -y reinstall bash && dnf clean all') },
    { name: 'rm -rf of the yum cache', dockerfile: df('RUN microdnf install -y tar-1.34 && rm -rf /var/cache/yum/*') },
    { name: 'rm -rf of the dnf 4 cache', dockerfile: df('RUN dnf install -y nginx-1.26.1 && rm -rf /var/cache/dnf') },
    { name: 'rm -rf of the dnf 5 cache', dockerfile: df('RUN dnf install -y nginx-1.26.1 && rm -rf /var/cache/libdnf5*') },
    { name: 'each tool cleans its own', dockerfile: df('RUN dnf install -y nginx-1.26.1 && microdnf install -y tar-1.34 && microdnf clean all && dnf clean all') },
    { name: 'cache mount on the dnf 5 cache', dockerfile: df('RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y nginx-1.26.1') },
    { name: 'cache mount on the user dnf 5 cache', dockerfile: df('RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y nginx-1.26.1') },
    { name: 'tmpfs mount on the dnf 4 cache', dockerfile: df('RUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y nginx-1.26.1') },
    { name: 'cache mount on the microdnf cache', dockerfile: df('RUN --mount=type=cache,target=/var/cache/yum microdnf install -y tar-1.34') },
    { name: 'dnf commands that install nothing', dockerfile: df('RUN dnf makecache && dnf config-manager --set-enabled crb && dnf remove -y vim-minimal') },
    { name: 'another program named like dnf', dockerfile: df('RUN notdnf install nginx') },
    { name: 'yum is not judged by this rule', dockerfile: df('RUN yum install -y nginx-1.26.1') },
    { name: 'cleanup in a heredoc script', dockerfile: df('RUN <<EOF', 'dnf install -y nginx-1.26.1', 'dnf clean all', 'EOF') },
  ],
  invalid: [
    {
      name: 'dnf install without cleanup',
      dockerfile: df('RUN dnf install -y nginx-1.26.1'),
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 8, data: { tool: 'dnf', subcommand: 'install' } }],
    },
    { name: 'microdnf install without cleanup', dockerfile: df('RUN microdnf install -y tar-1.34'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { tool: 'microdnf' } }] },
    { name: 'dnf5 install without cleanup', dockerfile: df('RUN dnf5 install -y nginx-1.26.1'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { tool: 'dnf5' } }] },
    { name: 'dnf in', dockerfile: df('RUN dnf in -y nginx-1.26.1'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'in' } }] },
    { name: 'dnf upgrade', dockerfile: df('RUN dnf -y upgrade'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'upgrade' } }] },
    { name: 'dnf up', dockerfile: df('RUN dnf -y up'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'up' } }] },
    { name: 'dnf upgrade-minimal', dockerfile: df('RUN dnf -y upgrade-minimal'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'upgrade-minimal' } }] },
    { name: 'dnf up-min', dockerfile: df('RUN dnf -y up-min'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'up-min' } }] },
    { name: 'dnf reinstall', dockerfile: df('RUN dnf -y reinstall bash'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'reinstall' } }] },
    { name: 'dnf rei', dockerfile: df('RUN dnf -y rei bash'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'rei' } }] },
    { name: 'dnf install-nevra', dockerfile: df('RUN dnf -y install-nevra bash-5.2.26-3.fc40.x86_64'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'install-nevra' } }] },
    { name: 'microdnf reinstall', dockerfile: df('RUN microdnf -y reinstall bash'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { tool: 'microdnf', subcommand: 'reinstall' } }] },
    { name: 'group install', dockerfile: df('RUN dnf -y group install "Development Tools"'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { subcommand: 'install' } }] },
    { name: 'the other tool cleans', dockerfile: df('RUN dnf install -y nginx-1.26.1 && microdnf clean all'), errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { tool: 'dnf' } }] },
    { name: 'cleanup before the install', dockerfile: df('RUN microdnf clean all && dnf install -y nginx-1.26.1'), errors: [{ messageId: 'missingClean', line: 2, column: 27 }] },
    { name: 'rm of the dnf 5 cache before the install', dockerfile: df('RUN rm -rf /var/cache/libdnf5 && dnf install -y nginx-1.26.1'), errors: [{ messageId: 'missingClean', line: 2, column: 34 }] },
    { name: 'dnf clean without all', dockerfile: df('RUN dnf install -y nginx-1.26.1 && dnf clean metadata'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'rm of another cache', dockerfile: df('RUN dnf install -y nginx-1.26.1 && rm -rf /var/lib/apt/lists/*'), errors: [{ messageId: 'missingClean', line: 2, column: 5 }] },
    { name: 'cache mount on another directory', dockerfile: df('RUN --mount=type=cache,target=/root/.npm dnf install -y nodejs-20.15.0'), errors: [{ messageId: 'missingClean', line: 2, column: 42 }] },
    {
      name: 'both tools without cleanup: one finding each',
      dockerfile: df('RUN dnf install -y nginx-1.26.1 \\', ' && microdnf install -y tar-1.34'),
      errors: [
        { messageId: 'missingClean', line: 2, column: 5, data: { tool: 'dnf' } },
        { messageId: 'missingClean', line: 3, column: 5, data: { tool: 'microdnf' } },
      ],
    },
    { name: 'exec form', dockerfile: df('RUN ["microdnf", "install", "-y", "tar-1.34"]'), errors: [{ messageId: 'missingClean', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN dnf install -y nginx-1.26.1 && microdnf clean all'), errors: [{ messageId: 'missingClean', line: 2, column: 13 }] },
  ],
});
