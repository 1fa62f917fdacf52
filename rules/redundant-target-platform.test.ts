import rule from './redundant-target-platform.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no platform flag', dockerfile: 'FROM alpine:3.20\n' },
    { name: 'some other variable', dockerfile: 'FROM --platform=$FOOBAR alpine:3.20\n' },
    { name: 'a constant', dockerfile: 'FROM --platform=foobar alpine:3.20\n' },
    { name: 'a constant with an architecture', dockerfile: 'FROM --platform=foobar/arm64 alpine:3.20\n' },
    { name: 'build platform', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'target platform with more text', dockerfile: 'FROM --platform=${TARGETPLATFORM}/v2 alpine:3.20\n' },
    { name: 'target platform cut down', dockerfile: 'FROM --platform=${TARGETPLATFORM%/*} alpine:3.20\n' },
    { name: 'two variables', dockerfile: 'FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n' },
    { name: 'target platform replaced by a global default', dockerfile: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' },
    { name: 'target platform with an undeclared fallback variable', dockerfile: 'FROM --platform=${TARGETPLATFORM:-$OTHER} alpine:3.20\n' },
  ],
  invalid: [
    { name: 'bare variable', dockerfile: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', errors: [{ messageId: 'redundant', line: 1, column: 6, data: { platform: '$TARGETPLATFORM' } }] },
    { name: 'braced variable', dockerfile: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS base\n', errors: [{ messageId: 'redundant', line: 1, column: 6 }] },
    { name: 'quoted variable', dockerfile: 'FROM --platform="${TARGETPLATFORM}" alpine:3.20\n', errors: [{ messageId: 'redundant', line: 1, column: 6 }] },
    { name: 'variable with a default', dockerfile: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n', errors: [{ messageId: 'redundant', line: 1, column: 6 }] },
    { name: 'declared without a default keeps the automatic value', dockerfile: 'ARG TARGETPLATFORM\nFROM alpine:3.20 AS a\nFROM --platform=$TARGETPLATFORM alpine:3.20 AS b\n', errors: [{ messageId: 'redundant', line: 3, column: 6 }] },
  ],
});
