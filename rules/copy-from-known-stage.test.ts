import rule from './copy-from-known-stage.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'earlier stage', dockerfile: 'FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=build foo .\nRUN baz\n' },
    { name: 'stage names compare case-insensitively', dockerfile: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /out /out\n' },
    { name: 'quoted stage name', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from="build" /out /out\n' },
    { name: 'tagged image', dockerfile: 'FROM alpine:3.20\nCOPY --from=haskell:latest bar .\n' },
    { name: 'image with a registry and a tag', dockerfile: 'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools:1.4 /bin/tool /usr/local/bin/tool\n' },
    { name: 'image by digest', dockerfile: 'FROM alpine:3.20\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /bin/busybox\n' },
    { name: 'earlier stage by index', dockerfile: 'FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n' },
    { name: 'own stage is copy-from-self, not this rule', dockerfile: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n' },
    { name: 'own index is copy-from-self, not this rule', dockerfile: 'FROM node:20\nCOPY --from=0 bar .\n' },
    { name: 'no --from', dockerfile: 'FROM node:20\nCOPY package.json .\n' },
    { name: 'empty --from copies from the context', dockerfile: 'FROM node:20\nCOPY --from= package.json .\n' },
  ],
  invalid: [
    { name: '--from after another flag', dockerfile: 'FROM node:20\nCOPY --chown=1000:1000 --from=assets /a /b\n', errors: [{ messageId: 'unknown', line: 2, column: 31, data: { from: 'assets' } }] },
    { name: 'missing alias', dockerfile: 'FROM node:20\nCOPY --from=foo bar .\n', errors: [{ messageId: 'unknown', line: 2, column: 13, data: { from: 'foo' } }] },
    {
      name: 'alias defined after',
      dockerfile: 'FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz\n',
      errors: [{ messageId: 'later', line: 2, column: 13, data: { from: 'build', line: 3 } }],
    },
    { name: 'index of the first stage before any stage', dockerfile: 'FROM node:20 AS a\nCOPY --from=1 bar .\nFROM node:20 AS b\n', errors: [{ messageId: 'index', line: 2, column: 13, data: { count: 0 } }] },
    { name: 'index beyond the stages', dockerfile: 'FROM node:20 AS a\nFROM node:20\nCOPY --from=5 bar .\n', errors: [{ messageId: 'index', line: 3, column: 13, data: { from: '5', count: 1 } }] },
    { name: 'untagged image', dockerfile: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/\n', errors: [{ messageId: 'unknown', line: 2, column: 13 }] },
    { name: 'untagged image with a registry', dockerfile: 'FROM alpine:3.20\nCOPY --from=gcr.io/distroless/base /etc/passwd /etc/passwd\n', errors: [{ messageId: 'unknown', line: 2, column: 13, data: { from: 'gcr.io/distroless/base' } }] },
    { name: 'misspelt stage', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=buidl /out /out\n', errors: [{ messageId: 'unknown', line: 3, column: 13, data: { from: 'buidl' } }] },
    { name: 'variable', dockerfile: 'ARG BASE=golang:1.22\nFROM alpine:3.20\nCOPY --from=${BASE} /usr/local/go /usr/local/go\n', errors: [{ messageId: 'variable', line: 3, column: 13, data: { from: '${BASE}' } }] },
    {
      name: 'only the COPY with the bad reference',
      dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=tools /b /b\n',
      errors: [{ messageId: 'unknown', line: 4, column: 13 }],
    },
  ],
});
