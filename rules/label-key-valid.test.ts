import rule from './label-key-valid.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'OCI keys', dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/api" org.opencontainers.image.version="1.4.2"\n' },
    { name: 'digits and dashes inside a key', dockerfile: 'FROM alpine:3.20\nLABEL org.valid-key.label3="foo"\n' },
    { name: 'a single lower-case word', dockerfile: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"\n' },
    { name: 'quoted key', dockerfile: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"\n' },
    { name: 'key ending in a digit', dockerfile: 'FROM alpine:3.20\nLABEL com.example.v2=yes\n' },
    { name: 'legacy form with a valid key', dockerfile: 'FROM alpine:3.20\nLABEL description A small image\n' },
    { name: 'ONBUILD LABEL is not checked (as hadolint)', dockerfile: 'FROM alpine:3.20\nONBUILD LABEL Invalid_Key=1\n' },
    { name: 'docker.com in the middle is not a reserved prefix', dockerfile: 'FROM alpine:3.20\nLABEL org.example.com.docker.flag=1\n' },
  ],
  invalid: [
    {
      name: 'reserved com.docker namespace',
      dockerfile: 'FROM alpine:3.20\nLABEL com.docker.label="foo"\n',
      errors: [{ messageId: 'invalidKey', line: 2, column: 7, endLine: 2, endColumn: 23, data: { key: 'com.docker.label', reason: 'the com.docker namespace is reserved for Docker' } }],
    },
    { name: 'reserved io.docker namespace', dockerfile: 'FROM alpine:3.20\nLABEL io.docker.label="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: 'the io.docker namespace is reserved for Docker' } }] },
    {
      name: 'reserved org.dockerproject namespace',
      dockerfile: 'FROM alpine:3.20\nLABEL org.dockerproject.label="foo"\n',
      errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: 'the org.dockerproject namespace is reserved for Docker' } }],
    },
    {
      name: 'invalid character',
      dockerfile: 'FROM alpine:3.20\nLABEL invalid$character="foo"\n',
      errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { key: 'invalid$character', reason: '"$" is not allowed: only lower-case letters, digits, "." and "-"' } }],
    },
    { name: 'starts with a dot', dockerfile: 'FROM alpine:3.20\nLABEL .invalid="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: 'it must start with a lower-case letter' } }] },
    { name: 'starts with a dash', dockerfile: 'FROM alpine:3.20\nLABEL -invalid="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { key: '-invalid' } }] },
    { name: 'starts with a digit', dockerfile: 'FROM alpine:3.20\nLABEL 1invalid="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { key: '1invalid' } }] },
    { name: 'ends with a dot', dockerfile: 'FROM alpine:3.20\nLABEL com.example.="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: 'it must end with a lower-case letter or a digit' } }] },
    { name: 'consecutive dots', dockerfile: 'FROM alpine:3.20\nLABEL invalid..character="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: '"..": separators must not repeat' } }] },
    { name: 'consecutive dashes', dockerfile: 'FROM alpine:3.20\nLABEL invalid--character="foo"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: '"--": separators must not repeat' } }] },
    {
      name: 'upper-case letters',
      dockerfile: 'FROM alpine:3.20\nLABEL Maintainer="ops@example.com" org.example.buildDate="2024-05-01"\n',
      errors: [
        { messageId: 'invalidKey', line: 2, column: 7, data: { key: 'Maintainer', reason: 'it must start with a lower-case letter' } },
        { messageId: 'invalidKey', line: 2, column: 36, data: { key: 'org.example.buildDate', reason: '"D" is not allowed: only lower-case letters, digits, "." and "-"' } },
      ],
    },
    { name: 'underscore', dockerfile: 'FROM alpine:3.20\nLABEL build_date="2024-05-01"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { reason: '"_" is not allowed: only lower-case letters, digits, "." and "-"' } }] },
    { name: 'quoted key with a space', dockerfile: 'FROM alpine:3.20\nLABEL "build date"="2024-05-01"\n', errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { key: 'build date' } }] },
    {
      name: 'second line of a multi-line LABEL',
      dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="api" \\\n      com.docker.extension.api-version=">= 0.2"\n',
      errors: [{ messageId: 'invalidKey', line: 3, column: 7, data: { key: 'com.docker.extension.api-version' } }],
    },
    {
      name: 'every stage is checked',
      dockerfile: 'FROM golang:1.22 AS build\nLABEL Stage=build\nFROM alpine:3.20\nLABEL stage=final\n',
      errors: [{ messageId: 'invalidKey', line: 2, column: 7, data: { key: 'Stage' } }],
    },
  ],
});
