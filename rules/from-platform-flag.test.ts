import rule from './from-platform-flag.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no platform flag', dockerfile: 'FROM debian:12\n' },
    { name: 'build platform', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'quoted build platform', dockerfile: 'FROM --platform="$BUILDPLATFORM" debian:12\n' },
    { name: 'braced build platform', dockerfile: 'FROM --platform=${BUILDPLATFORM} debian:12\n' },
    { name: 'build platform with an empty default', dockerfile: 'FROM --platform=${BUILDPLATFORM:-} debian:12\n' },
    { name: 'quoted braced build platform with a default', dockerfile: 'FROM --platform="${BUILDPLATFORM:-}" debian:12\n' },
    { name: 'target platform', dockerfile: 'FROM --platform=$TARGETPLATFORM debian:12\n' },
    { name: 'target OS and architecture', dockerfile: 'FROM --platform=$TARGETOS/$TARGETARCH debian:12\n' },
    { name: 'build architecture', dockerfile: 'FROM --platform=linux/${BUILDARCH} debian:12\n' },
    { name: '--platform without a value is not judged', dockerfile: 'FROM --platform debian:12\n' },
  ],
  invalid: [
    { name: 'constant platform', dockerfile: 'FROM --platform=linux debian:12\n', errors: [{ messageId: 'fixed', line: 1, column: 6, data: { platform: 'linux' } }] },
    { name: 'constant platform with an architecture', dockerfile: 'FROM --platform=linux/amd64 node:20 AS build_amd64\n', errors: [{ messageId: 'fixed', line: 1, column: 6, data: { platform: 'linux/amd64' } }] },
    { name: 'platform from an ARG of your own', dockerfile: 'ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM node:20\n', errors: [{ messageId: 'fixed', line: 2, column: 6, data: { platform: '$PLATFORM' } }] },
    {
      name: 'platform ARG redeclared with a constant default',
      dockerfile: 'ARG TARGETARCH=amd64\nFROM --platform=linux/$TARGETARCH node:20\n',
      errors: [{ messageId: 'fixed', line: 2, column: 6 }],
    },
    { name: 'empty platform', dockerfile: 'FROM alpine:3.20\nFROM --platform= alpine:3.20\n', errors: [{ messageId: 'fixed', line: 2, column: 6, data: { platform: '' } }] },
  ],
});
