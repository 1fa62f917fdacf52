import rule from './consecutive-run.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no RUN at all', dockerfile: 'FROM debian:12\nCMD ["bash"]\n' },
    { name: 'one RUN', dockerfile: 'FROM debian:12\nRUN /foo.sh\n' },
    { name: 'RUNs separated by another instruction', dockerfile: 'FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n' },
    { name: 'comment before a single RUN', dockerfile: 'FROM debian:12\n# a comment\nRUN /foo.sh\n' },
    { name: 'different mount flags', dockerfile: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n' },
    { name: 'two different secret mounts', dockerfile: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n' },
    { name: 'different network flags', dockerfile: 'FROM debian:12\nRUN --network=none make test\nRUN make install\n' },
    { name: 'chained with && first', dockerfile: 'FROM debian:12\nRUN foo && bar\nRUN foobar\n' },
    { name: 'chained with ; first', dockerfile: 'FROM debian:12\nRUN foo; bar\nRUN foobar\n' },
    { name: 'chained with && second', dockerfile: 'FROM debian:12\nRUN foobar\nRUN foo && bar\n' },
    { name: 'chained with ; second', dockerfile: 'FROM debian:12\nRUN foobar\nRUN foo; bar\n' },
    { name: 'both chained', dockerfile: 'FROM debian:12\nRUN foo && bar\nRUN foo; bar\n' },
    { name: 'a pipe is two commands', dockerfile: 'FROM debian:12\nRUN make\nRUN make check | tee /log\n' },
    { name: 'heredoc RUN then a single RUN', dockerfile: 'FROM debian:12\nRUN cat <<EOF > /etc/motd\nHere is a heredoc.\nEOF\nRUN echo there\n' },
    { name: 'single RUN then a heredoc RUN', dockerfile: 'FROM debian:12\nRUN echo first\nRUN <<EOF\napt-get update\nEOF\n' },
    { name: 'RUNs in different stages', dockerfile: 'FROM debian:12 AS a\nRUN make\nFROM debian:12 AS b\nRUN make\n' },
    { name: 'ONBUILD RUN is not a RUN here', dockerfile: 'FROM debian:12\nRUN make\nONBUILD RUN make\nRUN make install\n' },
    { name: 'a RUN with a syntax error is not judged', dockerfile: 'FROM debian:12\nRUN echo "open\nRUN echo closed\n' },
    { name: 'PowerShell RUNs that chain', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host a; Write-Host b\nRUN Write-Host c\n' },
  ],
  invalid: [
    {
      name: 'two consecutive RUNs',
      dockerfile: 'FROM debian:12\nRUN /foo.sh\nRUN /bar.sh\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1, data: { previous: 2 } }],
    },
    {
      name: 'separated by a comment',
      dockerfile: 'FROM debian:12\nRUN apk update\n# install my editor\nRUN apk add vim\n',
      errors: [{ messageId: 'consecutive', line: 4, column: 1, data: { previous: 2 } }],
    },
    {
      name: 'separated by two comments and a blank line',
      dockerfile: 'FROM debian:12\nRUN /foo.sh\n# a comment\n\n# another comment\nRUN /bar.sh\n',
      errors: [{ messageId: 'consecutive', line: 6, column: 1 }],
    },
    {
      name: 'same mount flags',
      dockerfile: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1 }],
    },
    {
      name: 'same flags in another order',
      dockerfile: 'FROM debian:12\nRUN --network=none --mount=type=cache,target=/root/.cache make\nRUN --mount=type=cache,target=/root/.cache --network=none make test\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1 }],
    },
    {
      name: 'a chained RUN, then two single ones',
      dockerfile: 'FROM debian:12\nRUN foo && bar\nRUN foo\nRUN bar\n',
      errors: [{ messageId: 'consecutive', line: 4, column: 1, data: { previous: 3 } }],
    },
    {
      name: 'a run of four single RUNs',
      dockerfile: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nRUN curl -fsSLO https://example.com/x.tar\nRUN tar -xf x.tar\n',
      errors: [
        { messageId: 'consecutive', line: 3, column: 1 },
        { messageId: 'consecutive', line: 4, column: 1 },
        { messageId: 'consecutive', line: 5, column: 1 },
      ],
    },
    {
      name: 'exec form RUNs',
      dockerfile: 'FROM debian:12\nRUN ["apt-get", "update"]\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1 }],
    },
    {
      name: 'multi-line RUN of one command',
      dockerfile: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    git\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'consecutive', line: 5, column: 1, data: { previous: 2 } }],
    },
    {
      name: 'PowerShell single commands',
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Write-Host a\nRUN Write-Host "b; c"\n',
      errors: [{ messageId: 'consecutive', line: 4, column: 1 }],
    },
  ],
});
