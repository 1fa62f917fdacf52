import rule from './workdir-instead-of-cd.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM debian:12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'WORKDIR', dockerfile: df('WORKDIR /opt') },
    { name: 'cd in a subshell', dockerfile: df('RUN git clone https://github.com/jpmens/jo.git /tmp/jo && (cd /tmp/jo && autoreconf -i && ./configure && make install) && rm -rf /tmp/jo') },
    { name: 'cd in a command substitution', dockerfile: df('RUN here="$(cd "$(dirname /opt/app/run.sh)" && pwd)" && echo "$here"') },
    { name: 'cd in a pipeline runs in a subshell', dockerfile: df('RUN cd /var/log | true') },
    { name: 'cd in a sh -c string run by the RUN', dockerfile: df("RUN sh -c 'cd /src && make' && make -C /src install") },
    { name: 'cd as an argument', dockerfile: df('RUN echo cd /x && printf "%s\\n" cd') },
    { name: 'make -C instead of cd', dockerfile: df('RUN make -C /src install') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN cd /src && make "') },
    { name: 'cd in CMD is not a RUN', dockerfile: df('CMD cd /srv && ./start.sh') },
  ],
  invalid: [
    { name: 'RUN cd', dockerfile: df('RUN cd /opt'), errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 7, data: { dir: '/opt' } }] },
    {
      name: 'one finding per RUN, at its first cd',
      dockerfile: df('RUN cd /tmp/src && make && cd / && rm -rf /tmp/src'),
      errors: [{ messageId: 'cd', line: 2, column: 5, data: { dir: '/tmp/src' } }],
    },
    { name: 'cd after a subshell', dockerfile: df('RUN (cd /a && make) && cd /b && make'), errors: [{ messageId: 'cd', line: 2, column: 24, data: { dir: '/b' } }] },
    { name: 'cd without a directory', dockerfile: df('RUN cd && ls -la'), errors: [{ messageId: 'cdHome', line: 2, column: 5 }] },
    { name: 'cd back to the previous directory', dockerfile: df('RUN cd - && make'), errors: [{ messageId: 'cdHome', line: 2, column: 5 }] },
    { name: 'cd with an option', dockerfile: df('RUN cd -P /srv/app && ls'), errors: [{ messageId: 'cd', line: 2, column: 5, data: { dir: '/srv/app' } }] },
    { name: 'cd to a variable', dockerfile: df('ENV APP_HOME=/srv/app', 'RUN cd "$APP_HOME" && npm ci'), errors: [{ messageId: 'cd', line: 3, column: 5, data: { dir: '"$APP_HOME"' } }] },
    { name: 'builtin cd', dockerfile: df('RUN builtin cd /src && make'), errors: [{ messageId: 'cd', line: 2, column: 13 }] },
    { name: 'cd in an if body', dockerfile: df('RUN if [ -d /src ]; then cd /src; fi && make'), errors: [{ messageId: 'cd', line: 2, column: 26 }] },
    { name: 'cd on a continuation line', dockerfile: df('RUN git clone https://example.com/r.git /r \\', '    && cd /r \\', '    && make'), errors: [{ messageId: 'cd', line: 3, column: 8 }] },
    { name: 'exec form', dockerfile: df('RUN ["cd", "/app"]'), errors: [{ messageId: 'cd', line: 2, column: 6 }] },
    { name: 'exec form running sh -c', dockerfile: df('RUN ["/bin/sh", "-c", "cd /src && make"]'), errors: [{ messageId: 'cd', line: 2, column: 24, data: { dir: '/src' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN cd /app && npm ci'), errors: [{ messageId: 'cd', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'cd /src', 'make', 'EOF'), errors: [{ messageId: 'cd', line: 4, column: 1 }] },
  ],
});
