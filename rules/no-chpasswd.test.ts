import rule from './no-chpasswd.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'user without a password', dockerfile: 'FROM ubuntu:24.04\nRUN useradd --create-home app\nUSER app\n' },
    { name: 'chpasswd as a word, not a command', dockerfile: 'FROM ubuntu:24.04\nRUN echo "do not use chpasswd" && apt-get install -y passwd\n' },
    { name: 'chpasswd in a python heredoc is not shell', dockerfile: 'FROM python:3.12\nRUN <<EOF python3\nprint("chpasswd")\nEOF\n' },
    { name: 'PowerShell RUN is not parsed', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN chpasswd\n' },
  ],
  invalid: [
    {
      name: 'echo piped into chpasswd',
      dockerfile: 'FROM ubuntu:24.04\nRUN useradd -m app && echo "app:changeme" | chpasswd\n',
      errors: [{ messageId: 'chpasswd', line: 2, column: 45 }],
    },
    {
      name: 'chpasswd with a full path and flags, on a continuation line',
      dockerfile: 'FROM debian:12\nRUN apt-get update \\\n && echo "root:$ROOT_HASH" | /usr/sbin/chpasswd -e\n',
      errors: [{ messageId: 'chpasswd', line: 3, column: 30 }],
    },
    {
      name: 'chpasswd first in the RUN',
      dockerfile: 'FROM alpine:3.20\nRUN chpasswd < /tmp/passwords && rm /tmp/passwords\n',
      errors: [{ messageId: 'chpasswd', line: 2, column: 5 }],
    },
    {
      name: 'through sudo',
      dockerfile: 'FROM ubuntu:24.04\nUSER app\nRUN echo "app:x" | sudo chpasswd\n',
      errors: [{ messageId: 'chpasswd', line: 3, column: 25 }],
    },
    {
      name: 'exec form, sh -c, heredoc and ONBUILD',
      dockerfile:
        'FROM ubuntu:24.04\nRUN ["chpasswd"]\nRUN ["sh", "-c", "echo root:x | chpasswd"]\nRUN <<EOF\necho "app:x" | chpasswd\nEOF\nONBUILD RUN echo "app:y" | chpasswd\n',
      errors: [
        { messageId: 'chpasswd', line: 2, column: 6 },
        { messageId: 'chpasswd', line: 3, column: 33 },
        { messageId: 'chpasswd', line: 5, column: 16 },
        { messageId: 'chpasswd', line: 7, column: 28 },
      ],
    },
  ],
});
