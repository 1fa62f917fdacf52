import rule from './useradd-large-uid.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM debian:12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'useradd without a UID', dockerfile: df('RUN useradd luser') },
    { name: 'five-digit UID', dockerfile: df('RUN useradd -u 12345 luser') },
    { name: 'long UID with -l', dockerfile: df('RUN useradd -l -u 123456 luser') },
    { name: 'only -l', dockerfile: df('RUN useradd -l luser') },
    { name: 'long UID with --no-log-init', dockerfile: df('RUN useradd --no-log-init --uid 1000010 -m app') },
    { name: '-l in a group of short options', dockerfile: df('RUN useradd -mlu 1000010 app') },
    { name: '-l after the UID', dockerfile: df('RUN useradd -u 1000010 -m -l app') },
    { name: 'system user', dockerfile: df('RUN useradd -r -u 999 -s /usr/sbin/nologin svc') },
    { name: 'UID from an ARG without a value is unknown', dockerfile: df('ARG APP_UID', 'RUN useradd -u "$APP_UID" app') },
    { name: 'UID from a small ARG default', dockerfile: df('ARG APP_UID=10001', 'RUN useradd -u "$APP_UID" app') },
    { name: 'options from an unknown variable may hold -l', dockerfile: df('RUN useradd $USERADD_OPTS -u 1000010 app') },
    { name: 'options variable with -l', dockerfile: df('ENV USERADD_FLAGS="-l -m"', 'RUN useradd $USERADD_FLAGS -u 1000010 app') },
    { name: 'the UID is the value of another option', dockerfile: df('RUN useradd -c 1000010 -G 1000011 app') },
    { name: 'adduser is not useradd', dockerfile: df('RUN adduser --disabled-password --uid 1000010 app') },
    { name: 'ONBUILD UID from an ARG is unknown', dockerfile: df('ARG APP_UID=1000010', 'ONBUILD RUN useradd -u "$APP_UID" app') },
    { name: 'a UID the script computes is unknown', dockerfile: df('ARG APP_UID=1000010', 'RUN APP_UID=$((APP_UID - 1000000)); useradd -u "$APP_UID" app') },
  ],
  invalid: [
    { name: 'six-digit UID without -l', dockerfile: df('RUN useradd -u 123456 luser'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, endLine: 2, endColumn: 12, data: { uid: '123456' } }] },
    { name: 'smallest high UID', dockerfile: df('RUN useradd -u 100000 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, data: { uid: '100000' } }] },
    { name: '--uid with a separate value', dockerfile: df('RUN useradd --uid 1000010 -m app'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, data: { uid: '1000010' } }] },
    { name: '--uid=', dockerfile: df('RUN useradd --uid=1000010 -m app'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, data: { uid: '1000010' } }] },
    { name: 'value attached to -u', dockerfile: df('RUN useradd -u1000010 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, data: { uid: '1000010' } }] },
    { name: '-u at the end of a group', dockerfile: df('RUN useradd -ou 1000010 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 5, data: { uid: '1000010' } }] },
    { name: 'UID from an ARG default', dockerfile: df('ARG APP_UID=1000010', 'RUN useradd -u "$APP_UID" -m app'), errors: [{ messageId: 'noLogInit', line: 3, column: 5, data: { uid: '1000010' } }] },
    { name: 'UID from a global ARG and an ENV', dockerfile: 'ARG BASE_UID=2000000\nFROM debian:12-slim\nARG BASE_UID\nENV APP_UID=${BASE_UID}\nRUN useradd -u ${APP_UID} app\n', errors: [{ messageId: 'noLogInit', line: 5, column: 5, data: { uid: '2000000' } }] },
    { name: 'through sudo', dockerfile: df('RUN sudo useradd -m -u 1000010 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 10 }] },
    { name: 'by its path, after groupadd', dockerfile: df('RUN groupadd -g 1000010 app && /usr/sbin/useradd -g app -u 1000010 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 32 }] },
    { name: 'exec form', dockerfile: df('RUN ["useradd", "-u", "1000010", "app"]'), errors: [{ messageId: 'noLogInit', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN useradd -u 1000010 app'), errors: [{ messageId: 'noLogInit', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'groupadd -g 1000010 app', 'useradd -g app -u 1000010 app', 'EOF'), errors: [{ messageId: 'noLogInit', line: 4, column: 1 }] },
  ],
});
