import rule from './undefined-arg-in-from.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared with a default', dockerfile: 'ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\n' },
    { name: 'declared without a default', dockerfile: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'automatic platform ARGs', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM build-${TARGETARCH}${TARGETVARIANT}\nFROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n' },
    { name: 'less common platform ARGs', dockerfile: 'FROM alpine:3.20-${BUILDOS}${BUILDARCH}${BUILDVARIANT}${TARGETOSVERSION}${BUILDOSVERSION}${TARGETSTAGE}${TARGETPLATFORM}\n' },
    { name: 'no variables', dockerfile: 'FROM alpine:3.20\n' },
    { name: 'escaped dollar', dockerfile: 'FROM alpine:3.20\\$X\n' },
    { name: 'declared in a second global ARG line', dockerfile: 'ARG REGISTRY=docker.io\nARG IMAGE=library/alpine\nFROM ${REGISTRY}/${IMAGE}:3.20\n' },
    { name: 'variable in a single-quoted word is literal', dockerfile: "FROM 'alpine:$TAG'\n" },
  ],
  invalid: [
    {
      name: 'inline Dockerfile in a compose file',
      compose: 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22$${VARIANT}\n',
      errors: [{ messageId: 'undeclared', file: 'compose.yaml', line: 6, column: 21 }],
    },
    { name: 'undeclared variable', dockerfile: 'FROM node:22${VARIANT} AS jsbuilder\n', errors: [{ messageId: 'undeclared', line: 1, column: 13, endColumn: 23, data: { name: 'VARIANT' } }] },
    { name: 'bare undeclared variable', dockerfile: 'FROM $BASE\n', errors: [{ messageId: 'undeclared', line: 1, column: 6, endColumn: 11, data: { name: 'BASE' } }] },
    { name: 'default in the substitution still uses the variable', dockerfile: 'FROM alpine:${TAG:-3.20}\n', errors: [{ messageId: 'undeclared', line: 1, column: 13, data: { name: 'TAG' } }] },
    {
      name: 'ARG inside a stage does not reach FROM',
      dockerfile: 'FROM alpine:3.20\nARG TAG=3.19\nFROM alpine:${TAG}\n',
      errors: [{ messageId: 'undeclared', line: 3, column: 13, data: { name: 'TAG' } }],
    },
    {
      name: 'misspelt platform ARG',
      dockerfile: 'FROM --platform=$BUILDPLATFROM golang:1.22 AS build\n',
      errors: [{ messageId: 'undeclaredLike', line: 1, column: 17, data: { name: 'BUILDPLATFROM', suggestion: 'BUILDPLATFORM' } }],
    },
    {
      name: 'misspelt declared ARG',
      dockerfile: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERISON}-alpine\n',
      errors: [{ messageId: 'undeclaredLike', line: 2, column: 11, data: { name: 'NODE_VERISON', suggestion: 'NODE_VERSION' } }],
    },
    { name: 'lowercase spelling of a platform ARG', dockerfile: 'FROM --platform=$buildplatform alpine:3.20\n', errors: [{ messageId: 'undeclaredLike', line: 1, column: 17, data: { suggestion: 'BUILDPLATFORM' } }] },
    {
      name: 'in both the platform and the image',
      dockerfile: 'ARG A=1\nFROM --platform=$P ${IMG}:${A}\n',
      errors: [
        { messageId: 'undeclared', line: 2, column: 17, data: { name: 'P' } },
        { messageId: 'undeclared', line: 2, column: 20, data: { name: 'IMG' } },
      ],
    },
    { name: 'inside double quotes', dockerfile: 'FROM "alpine:${TAG}"\n', errors: [{ messageId: 'undeclared', line: 1, column: 14 }] },
  ],
});
