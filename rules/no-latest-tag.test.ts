import rule from './no-latest-tag.js';
import { testRule } from '../test/rule-tester.js';

const digest = 'sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb';

testRule(rule, {
  valid: [
    { name: 'version tag', dockerfile: 'FROM debian:bookworm\n' },
    { name: 'version tag with a stage name', dockerfile: 'FROM debian:bookworm AS builder\n' },
    { name: 'digest only', dockerfile: `FROM registry.example.com/debian@${digest}\n` },
    { name: 'no tag is image-tag-explicit, not this rule', dockerfile: 'FROM debian\n' },
    { name: 'a tag that only contains latest', dockerfile: 'FROM example/app:latest-stable\n' },
    { name: 'tag case matters', dockerfile: 'FROM example/app:Latest\n' },
    { name: 'ARG without a default is not guessed', dockerfile: 'ARG TAG\nFROM foo:${TAG}\n' },
    { name: 'stage-level ARG does not reach FROM', dockerfile: 'FROM alpine:3.20\nARG TAG=latest\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'registry port named latest is not a tag', dockerfile: 'FROM latest:5000/app:1.2\n' },
    { name: 'global ARG overridden to a version', dockerfile: 'ARG TAG=latest\nARG TAG=1.2\nFROM foo:${TAG}\n' },
  ],
  invalid: [
    {
      name: 'inline Dockerfile in a compose file',
      compose: 'services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:20 AS deps\n        FROM nginx:latest\n',
      errors: [{ messageId: 'latest', file: 'compose.yaml', line: 7, column: 20 }],
    },
    { name: 'explicit latest', dockerfile: 'FROM debian:latest\n', errors: [{ messageId: 'latest', line: 1, column: 13, endColumn: 19, data: { image: 'debian:latest' } }] },
    { name: 'explicit latest with a stage name', dockerfile: 'FROM debian:latest AS builder\n', errors: [{ messageId: 'latest', line: 1, column: 13 }] },
    { name: 'latest with a registry', dockerfile: 'FROM --platform=$BUILDPLATFORM ghcr.io/acme/base:latest\n', errors: [{ messageId: 'latest', line: 1, column: 50 }] },
    { name: 'latest next to a digest', dockerfile: `FROM alpine:latest@${digest}\n`, errors: [{ messageId: 'latestDigest', line: 1, column: 13 }] },
    {
      name: 'latest from a global ARG default',
      dockerfile: 'ARG TAG="latest"\nFROM foo:${TAG}\n',
      errors: [{ messageId: 'latestArg', line: 2, column: 6, data: { written: 'foo:${TAG}', image: 'foo:latest' } }],
    },
    {
      name: 'latest tag after two ARG-built parts',
      dockerfile: 'ARG REPO=repo\nARG IMAGE=image\nFROM $REPO/$IMAGE:latest\n',
      errors: [{ messageId: 'latestArg', line: 3, column: 6, data: { image: 'repo/image:latest' } }],
    },
    { name: 'quoted image', dockerfile: 'FROM "node:latest"\n', errors: [{ messageId: 'latest', line: 1, column: 6 }] },
    {
      name: 'each stage judged',
      dockerfile: 'FROM node:20 AS build\nFROM nginx:latest\nCOPY --from=build /app /usr/share/nginx/html\nFROM redis:latest AS cache\n',
      errors: [
        { messageId: 'latest', line: 2, column: 12 },
        { messageId: 'latest', line: 4, column: 12 },
      ],
    },
  ],
});
