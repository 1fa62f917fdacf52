import rule from './invalid-default-arg-in-from.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'default for the ARG', dockerfile: 'ARG TAG=latest\nFROM busybox:${TAG}\n' },
    { name: 'ARG can be empty when the image stays valid', dockerfile: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n' },
    { name: 'fallback in the substitution', dockerfile: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n' },
    { name: 'stage chosen by the target architecture', dockerfile: 'FROM alpine:3.20 AS build_amd64\nFROM alpine:3.20 AS build_arm\nFROM build_${TARGETARCH} AS build\n' },
    { name: 'variant that is empty on some platforms only', dockerfile: 'FROM example/base-${TARGETVARIANT}:1\n' },
    { name: 'plain image', dockerfile: 'FROM alpine:3.20\n' },
    { name: 'registry with a port and a digest', dockerfile: 'FROM localhost:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'default chained through another ARG', dockerfile: 'ARG V=3.20\nARG IMAGE=alpine:${V}\nFROM ${IMAGE}\n' },
    { name: 'uppercase registry host', dockerfile: 'FROM Registry.Example.com/team/app:1.0\n' },
    { name: 'FROM without an image is not judged', dockerfile: 'FROM\n' },
  ],
  invalid: [
    {
      name: 'ARG without a default leaves the tag empty',
      dockerfile: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [{ messageId: 'invalid', line: 2, column: 6, data: { written: 'busybox:${TAG}', value: 'busybox:' } }],
    },
    { name: 'image from an ARG without a default', dockerfile: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\n', errors: [{ messageId: 'empty', line: 2, column: 6, data: { written: '$BASE_IMAGE' } }] },
    { name: 'undeclared variable is empty too', dockerfile: 'FROM ${IMAGE}:1.0\n', errors: [{ messageId: 'invalid', line: 1, column: 6, data: { value: ':1.0' } }] },
    {
      name: 'empty digest part',
      dockerfile: 'ARG UPSTREAM_IMAGE=ghcr.io/hotio/base\nARG UPSTREAM_DIGEST\nFROM ${UPSTREAM_IMAGE}@${UPSTREAM_DIGEST}\n',
      errors: [{ messageId: 'invalid', line: 3, column: 6, data: { value: 'ghcr.io/hotio/base@' } }],
    },
    { name: 'default with an uppercase repository', dockerfile: 'ARG IMAGE=MyApp\nFROM ${IMAGE}:1\n', errors: [{ messageId: 'invalid', line: 2, column: 6, data: { value: 'MyApp:1' } }] },
    { name: 'literal uppercase image', dockerfile: 'FROM Alpine:3.20\n', errors: [{ messageId: 'invalidName', line: 1, column: 6, data: { written: 'Alpine:3.20' } }] },
    { name: 'literal tag with a bad character', dockerfile: 'FROM alpine:3.20+1\n', errors: [{ messageId: 'invalidName', line: 1, column: 6 }] },
    { name: 'literal digest of the wrong length', dockerfile: 'FROM alpine@sha256:abc\n', errors: [{ messageId: 'invalidName', line: 1, column: 6 }] },
  ],
});
