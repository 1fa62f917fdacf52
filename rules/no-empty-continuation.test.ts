import rule from './no-empty-continuation.js';
import { testRule } from '../test/rule-tester.js';

const from = 'FROM alpine:3.20\n';

testRule(rule, {
  valid: [
    { name: 'continuation without empty lines', dockerfile: `${from}RUN apk add \\\n    gnupg \\\n    curl\n` },
    { name: 'comment line inside a continuation', dockerfile: `${from}EXPOSE \\\n# Port\n80\n` },
    { name: 'indented comment lines', dockerfile: `${from}RUN apk add \\\n    # for signatures\n    gnupg \\\n    # for downloads\n    curl\n` },
    { name: 'empty lines between instructions', dockerfile: `${from}\nRUN true\n\n\nCMD ["sh"]\n` },
    { name: 'empty lines inside a here-document', dockerfile: `${from}RUN <<EOF\nset -e\n\necho hello\n\nEOF\n` },
    { name: 'empty lines in a COPY here-document', dockerfile: `${from}COPY <<EOF /etc/motd\nWelcome\n\nBe nice\nEOF\n` },
    { name: 'line with only a continuation character', dockerfile: `${from}RUN a \\\n   \\\n  b\n` },
    { name: 'continuation to the end of the file', dockerfile: `${from}RUN echo done \\\n` },
    // dockerfile-ast's getHeredocs throws on this (found by test/fuzz.test.ts): the rule must not crash.
    { name: 'a continued RUN whose next line is a comment with a backslash', dockerfile: `${from}RUN \\\n#\\--\n` },
    {
      name: 'backtick escape with Windows paths',
      dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir c:\\app `\n    && echo ok\n',
    },
  ],
  invalid: [
    {
      name: 'documented example with two empty lines',
      dockerfile: `${from}RUN apk add \\\n\n    gnupg \\\n\n    curl\n`,
      errors: [{ messageId: 'emptyLine', line: 3, column: 1, data: { keyword: 'RUN', more: ' (and 1 more)' } }],
    },
    { name: 'EXPOSE with an empty line', dockerfile: `${from}EXPOSE \\\n\n80\n`, errors: [{ messageId: 'emptyLine', line: 3, column: 1, data: { keyword: 'EXPOSE', more: '' } }] },
    { name: 'whitespace-only line counts as empty', dockerfile: `${from}RUN a \\\n  \t \n  b\n`, errors: [{ messageId: 'emptyLine', line: 3, column: 1 }] },
    { name: 'CRLF line endings', dockerfile: 'FROM alpine:3.20\r\nRUN a \\\r\n\r\n  b\r\n', errors: [{ messageId: 'emptyLine', line: 3, column: 1 }] },
    { name: 'empty line after a comment line', dockerfile: `${from}RUN a \\\n  # c\n\n  b\n`, errors: [{ messageId: 'emptyLine', line: 4, column: 1 }] },
    {
      name: 'empty line swallows the next instruction',
      dockerfile: `${from}RUN make \\\n\nRUN make install\n`,
      errors: [{ messageId: 'emptyLine', line: 3, column: 1 }],
    },
    { name: 'empty lines up to the end of the file', dockerfile: `${from}RUN make \\\n\n\n`, errors: [{ messageId: 'emptyLine', line: 3, column: 1, data: { more: ' (and 1 more)' } }] },
    {
      name: 'one finding per instruction',
      dockerfile: `${from}ENV A=1 \\\n\n    B=2\nLABEL a=b \\\n\n      c=d\n`,
      errors: [
        { messageId: 'emptyLine', line: 3, column: 1, data: { keyword: 'ENV' } },
        { messageId: 'emptyLine', line: 6, column: 1, data: { keyword: 'LABEL' } },
      ],
    },
    {
      name: 'empty line before a here-document body',
      dockerfile: `${from}RUN <<EOF \\\n\n  bash\necho hi\n\nEOF\n`,
      errors: [{ messageId: 'emptyLine', line: 3, column: 1 }],
    },
    {
      name: 'backtick escape',
      dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir c:\\app `\n\n    && echo ok\n',
      errors: [{ messageId: 'emptyLine', line: 4, column: 1 }],
    },
    { name: 'inside ONBUILD', dockerfile: `${from}ONBUILD RUN a \\\n\n  b\n`, errors: [{ messageId: 'emptyLine', line: 3, column: 1, data: { keyword: 'ONBUILD' } }] },
    { name: 'lower-case instruction', dockerfile: 'from alpine:3.20\nrun a \\\n\n  b\n', errors: [{ messageId: 'emptyLine', line: 3, column: 1, data: { keyword: 'RUN' } }] },
  ],
});
