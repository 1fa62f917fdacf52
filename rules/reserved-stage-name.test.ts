import rule from './reserved-stage-name.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary name', dockerfile: 'FROM debian:bookworm AS builder\n' },
    { name: 'FROM scratch without a name', dockerfile: 'FROM scratch\nCOPY app /app\n' },
    { name: 'name containing a reserved word', dockerfile: 'FROM debian:bookworm AS scratch-files\nFROM debian:bookworm AS build-context\n' },
  ],
  invalid: [
    { name: 'named context', dockerfile: 'FROM debian:bookworm AS context\n', errors: [{ messageId: 'reserved', line: 1, column: 25, data: { name: 'context' } }] },
    { name: 'named scratch', dockerfile: 'FROM debian:bookworm AS scratch\n', errors: [{ messageId: 'reserved', line: 1, column: 25, data: { name: 'scratch' } }] },
    { name: 'uppercase reserved name', dockerfile: 'FROM alpine:3.20 AS Scratch\nFROM scratch\n', errors: [{ messageId: 'reserved', line: 1, column: 21, data: { name: 'Scratch' } }] },
  ],
});
