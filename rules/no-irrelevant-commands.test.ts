import rule from './no-irrelevant-commands.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM debian:12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'installing the tools', dockerfile: df('RUN apt-get update && apt-get install -y --no-install-recommends openssh-client vim procps') },
    { name: 'asking whether a tool exists', dockerfile: df('RUN command -v ps || echo "procps is missing"') },
    { name: 'names as arguments', dockerfile: df('RUN echo top && grep -q service /etc/services') },
    { name: 'commands with similar names', dockerfile: df('RUN ssh-keygen -A && pkill -0 init || killall -q x || systemctl enable nginx') },
    { name: 'git over the ssh mount', dockerfile: df('RUN --mount=type=ssh git clone git@github.com:acme/app.git /src') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN service nginx start "') },
    { name: 'the commands in CMD are not RUNs', dockerfile: df('CMD service nginx start && top') },
  ],
  invalid: [
    { name: 'top', dockerfile: df('RUN top'), errors: [{ messageId: 'irrelevant', line: 2, column: 5, endLine: 2, endColumn: 8, data: { command: 'top' } }] },
    { name: 'service start', dockerfile: df('RUN apt-get update && apt-get install -y nginx && service nginx start'), errors: [{ messageId: 'irrelevant', line: 2, column: 51, data: { command: 'service' } }] },
    {
      name: 'every listed command',
      dockerfile: df('RUN free -m; ifconfig; kill 1; mount; ps aux; shutdown -h now; ssh host; vim /etc/hosts'),
      errors: [
        { messageId: 'irrelevant', line: 2, column: 5, data: { command: 'free' } },
        { messageId: 'irrelevant', line: 2, column: 14, data: { command: 'ifconfig' } },
        { messageId: 'irrelevant', line: 2, column: 24, data: { command: 'kill' } },
        { messageId: 'irrelevant', line: 2, column: 32, data: { command: 'mount' } },
        { messageId: 'irrelevant', line: 2, column: 39, data: { command: 'ps' } },
        { messageId: 'irrelevant', line: 2, column: 47, data: { command: 'shutdown' } },
        { messageId: 'irrelevant', line: 2, column: 64, data: { command: 'ssh' } },
        { messageId: 'irrelevant', line: 2, column: 74, data: { command: 'vim' } },
      ],
    },
    { name: 'by its path', dockerfile: df('RUN /usr/sbin/service postgresql start'), errors: [{ messageId: 'irrelevant', line: 2, column: 5, data: { command: 'service' } }] },
    { name: 'through sudo', dockerfile: df('RUN sudo service postgresql start'), errors: [{ messageId: 'irrelevant', line: 2, column: 10, data: { command: 'service' } }] },
    { name: 'top in batch mode', dockerfile: df('RUN top -b -n 1'), errors: [{ messageId: 'irrelevant', line: 2, column: 5 }] },
    { name: 'in a pipeline', dockerfile: df('RUN ps aux | grep -v grep'), errors: [{ messageId: 'irrelevant', line: 2, column: 5, data: { command: 'ps' } }] },
    { name: 'exec form', dockerfile: df('RUN ["service", "ssh", "start"]'), errors: [{ messageId: 'irrelevant', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN top'), errors: [{ messageId: 'irrelevant', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'service redis-server start', 'EOF'), errors: [{ messageId: 'irrelevant', line: 3, column: 1 }] },
    { name: 'sh -c string', dockerfile: df("RUN bash -c 'mount -t tmpfs none /mnt'"), errors: [{ messageId: 'irrelevant', line: 2, column: 14, data: { command: 'mount' } }] },
  ],
});
