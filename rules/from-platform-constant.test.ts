import rule from './from-platform-constant.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no platform flag', dockerfile: 'FROM alpine:3.20 AS base\n' },
    { name: 'meta variable', dockerfile: 'FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base\n' },
    { name: 'target platform variable', dockerfile: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n' },
    { name: 'ARG of your own', dockerfile: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n' },
    { name: 'undeclared variable is not a constant', dockerfile: 'FROM --platform=$PLATFORM alpine:3.20\n' },
    {
      name: 'stage names carry the architecture',
      dockerfile: 'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM build_${TARGETARCH} AS build\n',
    },
    { name: 'stage name carries the OS', dockerfile: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-base\n' },
    { name: 'architecture alias normalized', dockerfile: 'FROM --platform=linux/x86_64 alpine:3.20 AS tools-amd64\n' },
    { name: 'uppercase stage name compared lowercased', dockerfile: 'FROM --platform=linux/arm64 alpine:3.20 AS Builder-ARM64\n' },
    { name: 'invalid platform is left to the build', dockerfile: 'FROM --platform=linux/amd64/v3/extra alpine:3.20\n' },
    { name: 'unknown single platform word is left to the build', dockerfile: 'FROM --platform=potato alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'constant platform',
      dockerfile: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git\n',
      errors: [{ messageId: 'constant', line: 1, column: 6, data: { platform: 'linux/amd64' } }],
    },
    { name: 'constant platform on an unnamed stage', dockerfile: 'FROM --platform=linux/arm64 node:20\n', errors: [{ messageId: 'constant', line: 1, column: 6 }] },
    { name: 'quoted constant', dockerfile: 'FROM --platform="linux/arm/v7" alpine:3.20 AS base\n', errors: [{ messageId: 'constant', line: 1, column: 6, data: { platform: 'linux/arm/v7' } }] },
    { name: 'lone OS', dockerfile: 'FROM --platform=linux alpine:3.20 AS base\n', errors: [{ messageId: 'constant', line: 1, column: 6, data: { platform: 'linux' } }] },
    { name: 'lone architecture', dockerfile: 'FROM --platform=arm64 alpine:3.20 AS base\n', errors: [{ messageId: 'constant', line: 1, column: 6 }] },
    { name: 'stage name about another architecture', dockerfile: 'FROM --platform=linux/amd64 alpine:3.20 AS build_arm64\n', errors: [{ messageId: 'constant', line: 1, column: 6 }] },
  ],
});
