import rule from './copy-instead-of-add.js';
import { testRule } from '../test/rule-tester.js';

const from = 'FROM alpine:3.20\n';

testRule(rule, {
  valid: [
    { name: 'COPY of local files', dockerfile: `${from}COPY app.py /srv/\n` },
    { name: 'ADD of a tar archive', dockerfile: `${from}ADD rootfs.tar /\n` },
    { name: 'ADD of a gzip file', dockerfile: `${from}ADD data.gz /usr/src/app/\n` },
    { name: 'ADD of a tgz archive', dockerfile: `${from}ADD vendor.tgz /opt/\n` },
    { name: 'ADD of tar.gz, bz2, xz and lzma archives', dockerfile: `${from}ADD a.tar.gz b.bz2 c.xz d.lzma e.tbz2 f.txz g.Z /opt/\n` },
    { name: 'ADD of an http URL', dockerfile: `${from}ADD http://example.com/file.txt /tmp/\n` },
    { name: 'ADD of an https URL with a checksum', dockerfile: `${from}ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool\n` },
    { name: 'ADD of a git repository over https', dockerfile: `${from}ADD https://github.com/moby/buildkit.git#v0.14.0 /src\n` },
    { name: 'ADD of a git@ repository', dockerfile: `${from}ADD git@github.com:moby/buildkit.git /src\n` },
    { name: 'ADD of a git:// repository', dockerfile: `${from}ADD git://example.com/repo.git /src\n` },
    { name: 'quoted archive name', dockerfile: `${from}ADD "file.tgz" /usr/src/app/\n` },
    { name: 'quoted URL', dockerfile: `${from}ADD "http://file.com" /usr/src/app/\n` },
    { name: 'JSON form with an archive', dockerfile: `${from}ADD ["release.tar.xz", "/opt/"]\n` },
    { name: 'source from an ARG without a default is unknown', dockerfile: `${from}ARG ARTIFACT\nADD \${ARTIFACT} /opt/\n` },
    { name: 'source that resolves to nothing is unknown', dockerfile: `${from}ARG ARTIFACT\nADD \${ARTIFACT:-} /opt/\n` },
    { name: 'ARG default resolves to a URL', dockerfile: `${from}ARG SRC=https://example.com/app.bin\nADD $SRC /opt/app.bin\n` },
    { name: 'ADD inside ONBUILD is not checked', dockerfile: `${from}ONBUILD ADD . /app/src\n` },
    { name: 'ADD without a destination is left to the parser', dockerfile: `${from}ADD onlyone\n` },
  ],
  invalid: [
    { name: 'ADD of a local file', dockerfile: `${from}ADD file /usr/src/app/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'file' } }] },
    { name: 'ADD of a zip file (not extracted)', dockerfile: `${from}ADD file.zip /usr/src/app/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'file.zip' } }] },
    { name: 'quoted zip file', dockerfile: `${from}ADD "file.zip" /usr/src/app/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'file.zip' } }] },
    { name: 'ADD of the whole context', dockerfile: `${from}WORKDIR /app\nADD . .\n`, errors: [{ messageId: 'useCopy', line: 3, column: 1, data: { source: '.' } }] },
    {
      name: 'one local source among archives',
      dockerfile: `${from}ADD vendor.tar.gz config.yaml /opt/\n`,
      errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'config.yaml' } }],
    },
    { name: 'lower-case add', dockerfile: `${from}add main.go /src/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1 }] },
    { name: 'JSON form with a local file', dockerfile: `${from}ADD ["my file.txt", "/srv/"]\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'my file.txt' } }] },
    { name: 'ADD with --chown of a folder', dockerfile: `${from}ADD --chown=app:app src/ /srv/src/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: 'src/' } }] },
    { name: 'ARG default resolves to a local file', dockerfile: `${from}ARG JAR=app.jar\nADD \${JAR} /opt/app.jar\n`, errors: [{ messageId: 'useCopy', line: 3, column: 1, data: { source: '${JAR}' } }] },
    { name: 'here-document', dockerfile: `${from}ADD <<EOF /etc/motd\nhello\nEOF\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1, data: { source: '<<EOF' } }] },
    { name: 'ADD of an upper-case TAR name (hadolint matches case)', dockerfile: `${from}ADD BACKUP.TAR /srv/\n`, errors: [{ messageId: 'useCopy', line: 2, column: 1 }] },
    {
      name: 'ADD in a later stage',
      dockerfile: 'FROM golang:1.22 AS build\nCOPY . /src\nFROM alpine:3.20\n  ADD --chmod=755 entrypoint.sh /usr/local/bin/\n',
      errors: [{ messageId: 'useCopy', line: 4, column: 3, data: { source: 'entrypoint.sh' } }],
    },
    {
      name: 'dockerfile_inline',
      compose: 'services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27-alpine\n        ADD site/ /usr/share/nginx/html/\n',
      errors: [{ messageId: 'useCopy', line: 7, column: 9 }],
    },
  ],
});
