import rule from './run-shell-syntax.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain commands', dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    {
      name: 'if, case, for, functions, substitutions and expansions',
      dockerfile:
        'FROM debian:12\nRUN if [ "$(uname -m)" = x86_64 ]; then A=amd64; else A=arm64; fi && case "$A" in amd64) echo x ;; *) echo y ;; esac\nRUN for i in 1 2; do echo "$i" ${A:-none} ${A%%.*} $((i * 2)); done; f() { :; }; f\n',
    },
    { name: 'continuation lines with a comment line between', dockerfile: 'FROM debian:12\nRUN apt-get update \\\n  # the compilers\n  && apt-get install -y gcc\n' },
    { name: 'heredoc script', dockerfile: 'FROM debian:12\nRUN <<EOF\nset -e\nif true; then\n  echo ok\nfi\nEOF\n' },
    { name: 'heredoc body fed to python is not shell', dockerfile: 'FROM python:3.12\nRUN <<EOF python3\nif True:\n    print("unclosed (")\nEOF\n' },
    { name: 'exec form is not shell', dockerfile: 'FROM debian:12\nRUN ["echo", "if (", "\\"quoted"]\n' },
    { name: 'exec form sh -c with a valid script', dockerfile: 'FROM debian:12\nRUN ["sh", "-c", "if true; then echo ok; fi"]\n' },
    { name: 'sh -c with a variable script is unknown', dockerfile: 'FROM debian:12\nARG SCRIPT\nRUN sh -c "$SCRIPT"\n' },
    { name: 'PowerShell is not judged', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN if ($true) { Write-Host "ok" }\n' },
    { name: 'cmd is not judged', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN if exist C:\\x (echo "yes)\n' },
    { name: 'zsh is not judged', dockerfile: 'FROM debian:12\nSHELL ["/bin/zsh", "-c"]\nRUN for f in /etc/*(.); do echo $f; done\n' },
    { name: 'backtick escape directive', dockerfile: '# escape=`\nFROM debian:12\nRUN echo a `\n  && echo b\n' },
  ],
  invalid: [
    {
      name: 'unclosed double quote',
      dockerfile: 'FROM debian:12\nRUN echo "unterminated\n',
      errors: [{ messageId: 'syntax', line: 2, column: 10, data: { message: 'reached EOF without closing quote "' } }],
    },
    {
      name: 'if without fi',
      dockerfile: 'FROM debian:12\nRUN if [ -f /x ]; then echo yes; else echo no\n',
      errors: [{ messageId: 'syntax', line: 2, column: 5, data: { message: 'if statement must end with "fi"' } }],
    },
    {
      name: 'unclosed subshell on a continuation line',
      dockerfile: 'FROM debian:12\nRUN apt-get update \\\n    && (cd /src && make\n',
      errors: [{ messageId: 'syntax', line: 3, column: 8 }],
    },
    {
      name: 'bad arithmetic',
      dockerfile: 'FROM debian:12\nRUN echo $((1+\n',
      errors: [{ messageId: 'syntax', line: 2, column: 14 }],
    },
    {
      name: 'error inside a heredoc script',
      dockerfile: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nfor f in a b; do\n  echo $f\nEOF\n',
      errors: [{ messageId: 'syntax', line: 4, column: 1 }],
    },
    {
      name: 'ONBUILD RUN',
      dockerfile: 'FROM debian:12\nONBUILD RUN echo \'open\n',
      errors: [{ messageId: 'syntax', line: 2, column: 18 }],
    },
    {
      name: 'exec form sh -c script',
      dockerfile: 'FROM debian:12\nRUN ["/bin/sh", "-c", "if true; then echo ok"]\n',
      errors: [{ messageId: 'innerSyntax', line: 2, column: 24, data: { shell: 'sh' } }],
    },
    {
      name: 'bash -c script in shell form',
      dockerfile: 'FROM debian:12\nRUN bash -c \'for x in 1 2; do echo $x\'\n',
      errors: [{ messageId: 'innerSyntax', line: 2, column: 14, data: { shell: 'bash' } }],
    },
  ],
});
