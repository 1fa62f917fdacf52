import rule from './workdir-not-system-dir.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'application directory', dockerfile: 'FROM node:20\nWORKDIR /app\n' },
    { name: 'directories under /usr and /var', dockerfile: 'FROM node:20\nWORKDIR /usr/src/app\nFROM php:8.3-apache\nWORKDIR /var/www/html\n' },
    { name: 'a directory under /etc', dockerfile: 'FROM nginx:1.27\nWORKDIR /etc/nginx/conf.d\n' },
    { name: 'a name that only starts like a system tree', dockerfile: 'FROM alpine:3.20\nWORKDIR /development\nWORKDIR /devtools\n' },
    { name: 'unknown variable', dockerfile: 'FROM alpine:3.20\nWORKDIR $APP_DIR\n' },
    { name: 'relative WORKDIR onto an unknown base directory', dockerfile: 'FROM node:20\nWORKDIR etc\n' },
    { name: 'ARG default resolves to an application directory', dockerfile: 'FROM alpine:3.20\nARG DIR=/opt/app\nWORKDIR ${DIR}\n' },
    { name: 'Windows path', dockerfile: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\Windows\n' },
    { name: 'option: / removed from the directories', dockerfile: 'FROM scratch\nWORKDIR /\n', options: { directories: ['/etc'] } },
  ],
  invalid: [
    { name: 'WORKDIR /', dockerfile: 'FROM alpine:3.20\nWORKDIR /\nCOPY . .\n', errors: [{ messageId: 'systemDir', line: 2, column: 9, data: { path: '/', dir: '/' } }] },
    { name: 'WORKDIR /usr with a trailing slash', dockerfile: 'FROM python:3.12-slim\nWORKDIR /usr/\n', errors: [{ messageId: 'systemDir', line: 2, column: 9, data: { path: '/usr/', dir: '/usr' } }] },
    { name: 'WORKDIR /etc quoted', dockerfile: 'FROM alpine:3.20\nWORKDIR "/etc"\n', errors: [{ messageId: 'systemDir', line: 2, column: 9, data: { dir: '/etc' } }] },
    { name: 'a path that normalizes to /bin', dockerfile: 'FROM alpine:3.20\nWORKDIR /usr/../bin/.\n', errors: [{ messageId: 'systemDir', line: 2, column: 9, data: { dir: '/bin' } }] },
    { name: 'inside /proc', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nWORKDIR /proc/self/fd/1\n', errors: [{ messageId: 'systemTree', line: 3, column: 9, data: { path: '/proc/self/fd/1', dir: '/proc' } }] },
    { name: 'inside /proc, quoted', dockerfile: 'FROM alpine:3.20\nWORKDIR "/proc/self/fd/1"\n', errors: [{ messageId: 'systemTree', line: 2, column: 9 }] },
    { name: '/sys itself', dockerfile: 'FROM alpine:3.20\nWORKDIR /sys\n', errors: [{ messageId: 'systemTree', line: 2, column: 9, data: { dir: '/sys' } }] },
    { name: 'inside /dev', dockerfile: 'FROM alpine:3.20\nWORKDIR /dev/shm\n', errors: [{ messageId: 'systemTree', line: 2, column: 9, data: { dir: '/dev' } }] },
    { name: 'inside /boot', dockerfile: 'FROM alpine:3.20\nWORKDIR /boot/grub\n', errors: [{ messageId: 'systemTree', line: 2, column: 9, data: { dir: '/boot' } }] },
    { name: 'inside /lost+found', dockerfile: 'FROM alpine:3.20\nWORKDIR /lost+found/x\n', errors: [{ messageId: 'systemTree', line: 2, column: 9, data: { dir: '/lost+found' } }] },
    { name: 'inside /proc before an unknown variable', dockerfile: 'FROM alpine:3.20\nWORKDIR /proc/${PID}\n', errors: [{ messageId: 'systemTree', line: 2, column: 9 }] },
    { name: 'relative WORKDIR resolving to /etc', dockerfile: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR ../etc\n', errors: [{ messageId: 'systemDir', line: 3, column: 9, data: { path: '../etc', dir: '/etc' } }] },
    { name: 'relative WORKDIR in a scratch stage starts at /', dockerfile: 'FROM scratch\nWORKDIR usr\n', errors: [{ messageId: 'systemDir', line: 2, column: 9, data: { dir: '/usr' } }] },
    { name: 'relative onto the parent stage\'s WORKDIR', dockerfile: 'FROM alpine:3.20 AS base\nWORKDIR /var/lib\nFROM base\nWORKDIR ..\n', errors: [{ messageId: 'systemDir', line: 4, column: 9, data: { dir: '/var' } }] },
    { name: 'ARG default is a system directory', dockerfile: 'FROM alpine:3.20\nARG DIR=/usr/bin\nWORKDIR $DIR\n', errors: [{ messageId: 'systemDir', line: 3, column: 9, data: { path: '$DIR', dir: '/usr/bin' } }] },
    {
      name: 'option: extra directories and trees',
      dockerfile: 'FROM alpine:3.20\nWORKDIR /root\nWORKDIR /run/secrets/x\n',
      options: { directories: ['/root'], trees: ['/run/'] },
      errors: [
        { messageId: 'systemDir', line: 2, column: 9, data: { dir: '/root' } },
        { messageId: 'systemTree', line: 3, column: 9, data: { dir: '/run' } },
      ],
    },
  ],
});
