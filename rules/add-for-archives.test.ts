import rule from './add-for-archives.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM debian:12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'archive copied, never extracted', dockerfile: 'FROM debian:12-slim\nCOPY packaged-app.tar /usr/src/app\nFROM debian:11 AS newstage\nRUN tar -xf /usr/src/app/packaged-app.tar\n' },
    { name: 'not an archive', dockerfile: df('COPY package.json /usr/src/app/', 'RUN tar -xf package.json') },
    { name: 'copied from another stage', dockerfile: df('COPY --from=builder /usr/local/share/some.tar /opt/some.tar', 'RUN tar -xf /opt/some.tar') },
    { name: 'already ADD', dockerfile: df('ADD app.tar.gz /opt/', 'RUN tar -tzf /opt/app.tar.gz') },
    { name: 'extracted before it is copied', dockerfile: df('RUN tar -xf /tmp/app.tar', 'COPY app.tar /tmp/') },
    { name: 'archive listed or created, not extracted', dockerfile: df('COPY app.tar.gz /tmp/', 'RUN tar -tzf /tmp/app.tar.gz && tar -czf /backup/app.tar.gz /opt') },
    { name: 'zip is not a tar archive ADD would extract', dockerfile: df('COPY app.zip /tmp/', 'RUN unzip /tmp/app.zip -d /opt') },
    { name: 'another archive is extracted', dockerfile: df('COPY a.tar.gz /tmp/', 'RUN tar -xzf /tmp/b.tar.gz') },
    { name: 'archive name from an unknown variable', dockerfile: df('ARG ARCHIVE', 'COPY $ARCHIVE /tmp/', 'RUN tar -xzf /tmp/app.tar.gz') },
    { name: 'extracted by an ONBUILD trigger', dockerfile: df('COPY app.tar.gz /tmp/', 'ONBUILD RUN tar -xzf /tmp/app.tar.gz') },
    { name: 'extracted from a variable', dockerfile: df('COPY app.tar.gz /tmp/', 'RUN tar -xzf "$ARCHIVE"') },
    { name: 'heredoc source', dockerfile: df('COPY <<EOF /tmp/notes.tar', 'hello', 'EOF', 'RUN tar -xf /tmp/notes.tar') },
  ],
  invalid: [
    {
      name: 'copied then extracted',
      dockerfile: df('COPY packaged-app.tar /usr/src/app', 'RUN tar -xf /usr/src/app/packaged-app.tar'),
      errors: [{ messageId: 'useAdd', line: 2, column: 6, data: { archive: 'packaged-app.tar', line: 3 } }],
    },
    {
      name: 'extracted among other commands after a WORKDIR',
      dockerfile: df('COPY packaged-app.tar /usr/src/app', 'WORKDIR /usr/src/app', 'RUN foo bar && echo something && tar -xf packaged-app.tar'),
      errors: [{ messageId: 'useAdd', line: 2, column: 6, data: { line: 4 } }],
    },
    {
      name: 'archive destination',
      dockerfile: df('COPY foo/bar/packaged-app.tar /foo.tar', 'RUN tar -xf /foo.tar'),
      errors: [{ messageId: 'useAdd', line: 2, column: 31, data: { archive: 'foo.tar' } }],
    },
    {
      name: 'windows paths, archive source',
      dockerfile: df('COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"', 'RUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"'),
      errors: [{ messageId: 'useAdd', line: 2, column: 6, data: { archive: 'bar.tar.gz' } }],
    },
    {
      name: 'windows paths, archive destination',
      dockerfile: df('COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"', 'RUN tar -xf foo.tar.gz'),
      errors: [{ messageId: 'useAdd', line: 2, column: 39, data: { archive: 'foo.tar.gz' } }],
    },
    { name: 'old-style tar options', dockerfile: df('COPY app.tgz /tmp/', 'RUN tar xzf /tmp/app.tgz -C /opt'), errors: [{ messageId: 'useAdd', line: 2, column: 6 }] },
    { name: 'long options', dockerfile: df('COPY app.tar.xz /tmp/', 'RUN tar --extract --file=/tmp/app.tar.xz --directory /opt'), errors: [{ messageId: 'useAdd', line: 2, column: 6 }] },
    { name: 'gunzip', dockerfile: df('COPY data.gz /data/', 'RUN gunzip /data/data.gz'), errors: [{ messageId: 'useAdd', line: 2, column: 6, data: { archive: 'data.gz' } }] },
    {
      name: 'two archives extracted',
      dockerfile: df('COPY a.tar.gz b.tar.bz2 /tmp/', 'RUN tar -xzf /tmp/a.tar.gz && tar -xjf /tmp/b.tar.bz2'),
      errors: [
        { messageId: 'useAdd', line: 2, column: 6, data: { archive: 'a.tar.gz' } },
        { messageId: 'useAdd', line: 2, column: 15, data: { archive: 'b.tar.bz2' } },
      ],
    },
    {
      name: 'reported once for two extractions',
      dockerfile: df('COPY app.tar /tmp/', 'RUN tar -xf /tmp/app.tar -C /a', 'RUN tar -xf /tmp/app.tar -C /b'),
      errors: [{ messageId: 'useAdd', line: 2, column: 6, data: { line: 3 } }],
    },
    { name: 'JSON COPY and exec-form RUN', dockerfile: df('COPY ["app.tgz", "/tmp/"]', 'RUN ["tar", "-xzf", "/tmp/app.tgz", "-C", "/opt"]'), errors: [{ messageId: 'useAdd', line: 2, column: 7 }] },
    { name: 'heredoc script', dockerfile: df('COPY app.tar.gz /tmp/', 'RUN <<EOF', 'set -e', 'tar -xzf /tmp/app.tar.gz -C /opt', 'rm /tmp/app.tar.gz', 'EOF'), errors: [{ messageId: 'useAdd', line: 2, column: 6 }] },
    { name: 'archive name from a known ARG', dockerfile: df('ARG VERSION=1.2.3', 'COPY dist/app-${VERSION}.tar.gz /tmp/', 'RUN tar -xzf /tmp/app-1.2.3.tar.gz'), errors: [{ messageId: 'useAdd', line: 3, column: 6, data: { archive: 'app-1.2.3.tar.gz' } }] },
  ],
});
