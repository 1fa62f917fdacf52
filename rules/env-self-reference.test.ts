import rule from './env-self-reference.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'variable set in an earlier ENV', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n' },
    { name: 'longer name that starts with the variable (braced)', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${BLAFOO}/blubb"\n' },
    { name: 'longer name that ends with the variable (braced)', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${FOOBLA}/blubb"\n' },
    { name: 'longer name that ends with the variable', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="$FOOBLA/blubb"\n' },
    { name: 'longer name that starts with the variable', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n' },
    { name: 'the name as plain text', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n' },
    { name: 'defined earlier by ARG', dockerfile: 'FROM alpine:3.20\nARG BLA\nENV BLA=${BLA} OTHER=$BLA\n' },
    { name: 'defined earlier by a legacy ENV', dockerfile: 'FROM alpine:3.20\nENV BLA blubb\nENV BLA=x OTHER=${BLA}\n' },
    { name: 'defined by a global ARG', dockerfile: 'ARG VERSION=1.0\nFROM alpine:3.20\nENV VERSION=2.0 URL=https://example.com/$VERSION\n' },
    { name: 'a pair extends its own variable', dockerfile: 'FROM alpine:3.20\nENV PATH=/opt/app/bin:${PATH}\n' },
    { name: 'the same variable extended in two ENVs', dockerfile: 'FROM alpine:3.20\nENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n' },
    { name: 'single quotes keep the reference literal', dockerfile: "FROM alpine:3.20\nENV A=1 B='$A'\n" },
    { name: 'escaped dollar', dockerfile: 'FROM alpine:3.20\nENV A=1 B=\\$A\n' },
    { name: 'modifier forms are not matched (as hadolint)', dockerfile: 'FROM alpine:3.20\nENV A=1 B=${A:-x}\n' },
  ],
  invalid: [
    {
      name: 'braced reference to a variable of the same ENV',
      dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${BLA}/blubb"\n',
      errors: [{ messageId: 'selfReference', line: 2, column: 24, endLine: 2, endColumn: 30, data: { name: 'BLA' } }],
    },
    {
      name: 'bare reference',
      dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="$BLA/blubb"\n',
      errors: [{ messageId: 'selfReference', line: 2, column: 24, endLine: 2, endColumn: 28, data: { name: 'BLA' } }],
    },
    { name: 'the whole value is the reference', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="$BLA"\n', errors: [{ messageId: 'selfReference', line: 2, column: 24 }] },
    { name: 'the whole value is the braced reference', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB=${BLA}\n', errors: [{ messageId: 'selfReference', line: 2, column: 23 }] },
    { name: 'one exact among longer names', dockerfile: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', errors: [{ messageId: 'selfReference', line: 2, column: 24, data: { name: 'BLA' } }] },
    {
      name: 'the same variable set twice in one ENV',
      dockerfile: 'FROM alpine:3.20\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n',
      errors: [
        { messageId: 'selfReference', line: 2, column: 15, data: { name: 'PATH' } },
        { messageId: 'selfReference', line: 2, column: 35, data: { name: 'PATH' } },
      ],
    },
    {
      name: 'GOPATH on the PATH',
      dockerfile: 'FROM golang:1.22\nENV GOPATH=/go \\\n    PATH=$GOPATH/bin:$PATH\n',
      errors: [{ messageId: 'selfReference', line: 3, column: 10, data: { name: 'GOPATH' } }],
    },
    {
      name: 'reference to a pair set later in the same ENV',
      dockerfile: 'FROM alpine:3.20\nENV URL=https://example.com/$VERSION VERSION=2.0\n',
      errors: [{ messageId: 'selfReference', line: 2, column: 29, data: { name: 'VERSION' } }],
    },
    {
      name: 'reported once per pair and variable',
      dockerfile: 'FROM alpine:3.20\nENV HOME=/home/app APP=$HOME/app:$HOME/lib\n',
      errors: [{ messageId: 'selfReference', line: 2, column: 24, data: { name: 'HOME' } }],
    },
  ],
});
