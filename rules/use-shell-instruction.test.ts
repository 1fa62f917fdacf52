import rule from './use-shell-instruction.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM debian:12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'SHELL instruction', dockerfile: df('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN echo "${BASH_VERSION}"') },
    { name: 'unrelated symlink', dockerfile: df('RUN ln -sf /bin/true /sbin/initctl') },
    { name: '/bin/sh named by another command', dockerfile: df('RUN ln -s foo bar && unrelated && something_with /bin/sh') },
    { name: 'a link to /bin/sh', dockerfile: df('RUN ln -s /bin/sh /usr/local/bin/posix-sh') },
    { name: 'a link into /bin named after its source', dockerfile: df('RUN ln -s /opt/tools/bash /bin/') },
    { name: 'a link named sh elsewhere', dockerfile: df('RUN ln -sf /bin/bash /opt/shells/sh') },
    { name: 'link name from an unknown variable', dockerfile: df('ARG LINK', 'RUN ln -sf /bin/bash "$LINK"') },
    { name: 'copying /bin/sh', dockerfile: df('RUN cp /bin/sh /tmp/sh.orig') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN ln -sf /bin/bash /bin/sh "') },
  ],
  invalid: [
    { name: 'ln -sfv bash over /bin/sh', dockerfile: df('RUN ln -sfv /bin/bash /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5, endLine: 2, endColumn: 7, data: { link: '/bin/sh' } }] },
    { name: 'relative source', dockerfile: df('RUN ln -s bash /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5 }] },
    { name: 'merged /usr path', dockerfile: df('RUN ln -sfT /bin/bash /usr/bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5, data: { link: '/usr/bin/sh' } }] },
    { name: 'a source named sh linked into /bin', dockerfile: df('RUN ln -sf /opt/busybox/sh /bin/'), errors: [{ messageId: 'replaceSh', line: 2, column: 5, data: { link: '/bin/sh' } }] },
    { name: '-t /bin', dockerfile: df('RUN ln -s -t /bin /opt/busybox/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5 }] },
    { name: '--target-directory=', dockerfile: df('RUN ln -sf --target-directory=/usr/bin /opt/busybox/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5, data: { link: '/usr/bin/sh' } }] },
    { name: 'doubled slashes', dockerfile: df('RUN ln -sf /bin/dash //bin//sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5 }] },
    { name: 'after other commands', dockerfile: df('RUN mv /bin/sh /bin/sh.orig && ln -s /bin/bash /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 32 }] },
    { name: 'unknown source, known link', dockerfile: df('RUN ln -sf "$(command -v bash)" /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 5 }] },
    { name: 'link name from an ARG default', dockerfile: df('ARG SH_PATH=/bin/sh', 'RUN ln -sf /bin/bash "$SH_PATH"'), errors: [{ messageId: 'replaceSh', line: 3, column: 5 }] },
    { name: 'through sudo', dockerfile: df('RUN sudo ln -sf /bin/bash /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 10 }] },
    { name: 'exec form', dockerfile: df('RUN ["ln", "-sf", "/bin/bash", "/bin/sh"]'), errors: [{ messageId: 'replaceSh', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN ln -sfv /bin/bash /bin/sh'), errors: [{ messageId: 'replaceSh', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'ln -sf /bin/bash /bin/sh', 'EOF'), errors: [{ messageId: 'replaceSh', line: 3, column: 1 }] },
  ],
});
