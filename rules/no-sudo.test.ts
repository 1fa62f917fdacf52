import rule from './no-sudo.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM ubuntu:24.04\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'root steps without sudo', dockerfile: df('RUN apt-get update && apt-get install -y --no-install-recommends curl', 'USER 1001') },
    { name: 'installing the sudo package', dockerfile: df('RUN apt-get update && apt-get install -y --no-install-recommends sudo') },
    { name: 'asking whether sudo exists', dockerfile: df('RUN command -v sudo || echo "no sudo here"') },
    { name: 'sudo as an argument', dockerfile: df('RUN echo sudo && grep -q sudo /etc/group') },
    { name: 'writing a sudoers file', dockerfile: df("RUN echo 'app ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/app") },
    { name: 'gosu at run time', dockerfile: df('RUN gosu nobody true') },
    { name: 'sudo in CMD is not a RUN', dockerfile: df('CMD ["sudo", "-E", "/usr/local/bin/app"]') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN sudo apt-get update "') },
    { name: 'a PowerShell RUN is not judged', dockerfile: df('SHELL ["pwsh", "-Command"]', 'RUN sudo Get-Process') },
    { name: 'a command named like sudo', dockerfile: df('RUN pseudo-tool --run && sudoedit-helper x') },
    { name: 'commands named like object keys', dockerfile: df('RUN toString x && constructor y && __proto__ z') },
  ],
  invalid: [
    { name: 'sudo apt-get', dockerfile: df('RUN sudo apt-get update'), errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { name: 'sudo later in a chain', dockerfile: df('RUN apt-get update && sudo apt-get install -y curl'), errors: [{ messageId: 'sudo', line: 2, column: 23 }] },
    {
      name: 'every sudo of a RUN',
      dockerfile: df('RUN sudo apt-get update && sudo apt-get install -y curl'),
      errors: [
        { messageId: 'sudo', line: 2, column: 5 },
        { messageId: 'sudo', line: 2, column: 28 },
      ],
    },
    { name: 'sudo by its path', dockerfile: df('RUN /usr/bin/sudo make install'), errors: [{ messageId: 'sudo', line: 2, column: 5 }] },
    { name: 'sudo with options', dockerfile: df('RUN sudo -u app -E make install'), errors: [{ messageId: 'sudo', line: 2, column: 5 }] },
    { name: 'sudo without a command', dockerfile: df('RUN sudo -i'), errors: [{ messageId: 'sudo', line: 2, column: 5 }] },
    { name: 'sudo behind env', dockerfile: df('RUN env DEBIAN_FRONTEND=noninteractive sudo apt-get install -y tzdata'), errors: [{ messageId: 'sudo', line: 2, column: 40 }] },
    { name: 'sudo in a pipeline', dockerfile: df('RUN echo "Welcome" | sudo tee /etc/motd'), errors: [{ messageId: 'sudo', line: 2, column: 22 }] },
    { name: 'sudo in a subshell', dockerfile: df('RUN (cd /src && sudo make install)'), errors: [{ messageId: 'sudo', line: 2, column: 17 }] },
    { name: 'sudo on a continuation line', dockerfile: df('RUN set -eux; \\', '    sudo chown -R app /srv'), errors: [{ messageId: 'sudo', line: 3, column: 5 }] },
    { name: 'exec form', dockerfile: df('RUN ["sudo", "make", "install"]'), errors: [{ messageId: 'sudo', line: 2, column: 6 }] },
    { name: 'exec form running sh -c', dockerfile: df('RUN ["/bin/sh", "-c", "sudo make install"]'), errors: [{ messageId: 'sudo', line: 2, column: 24 }] },
    { name: 'sh -c string', dockerfile: df("RUN sh -c 'sudo make install'"), errors: [{ messageId: 'sudo', line: 2, column: 12 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN sudo apt-get update'), errors: [{ messageId: 'sudo', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'sudo apt-get update', 'EOF'), errors: [{ messageId: 'sudo', line: 4, column: 1 }] },
  ],
});
