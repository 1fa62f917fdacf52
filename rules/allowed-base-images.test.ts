import rule from './allowed-base-images.js';
import { testRule } from '../test/rule-tester.js';

const only = (...images: string[]) => ({ images });
const DIGEST = `sha256:${'a'.repeat(64)}`;
const MINIMAL = only('*-alpine', '*-slim', 'alpine', 'gcr.io/distroless/*');

testRule(rule, {
  valid: [
    { name: 'no option: nothing is judged', dockerfile: 'FROM ubuntu:24.04\n' },
    { name: 'an empty list judges nothing', dockerfile: 'FROM ubuntu:24.04\n', options: only() },
    {
      name: '*-alpine matches the tag of any image, with a registry or a digest',
      dockerfile: `FROM node:20-alpine AS a\nFROM ghcr.io/acme/api:1.4-alpine AS b\nFROM nginx:1.27-alpine@${DIGEST} AS c\n`,
      options: only('*-alpine'),
    },
    {
      name: 'a pattern without a tag allows every tag and digest of that name',
      dockerfile: `FROM alpine:3.20 AS a\nFROM alpine AS b\nFROM alpine@${DIGEST} AS c\nFROM docker.io/library/alpine:3.20 AS d\n`,
      options: only('alpine'),
    },
    {
      name: 'an exact name:tag in every Docker Hub spelling',
      dockerfile: `FROM python:3.12-slim AS a\nFROM library/python:3.12-slim AS b\nFROM docker.io/library/python:3.12-slim AS c\nFROM index.docker.io/library/python:3.12-slim@${DIGEST} AS d\n`,
      options: only('python:3.12-slim'),
    },
    {
      name: 'a pattern written with docker.io/library/ matches the short spelling',
      dockerfile: 'FROM python:3.12-slim AS a\nFROM docker.io/python:3.12-slim AS b\n',
      options: only('index.docker.io/library/python:3.12-slim'),
    },
    { name: 'nginx:*-alpine allows any alpine tag of nginx', dockerfile: 'FROM nginx:1.27.1-alpine3.20-slim-alpine\nFROM nginx:mainline-alpine\n', options: only('nginx:*-alpine') },
    {
      name: 'a registry path pattern allows every image under it',
      dockerfile: `FROM ghcr.io/acme/base:1 AS a\nFROM ghcr.io/acme/team/runtime@${DIGEST} AS b\nFROM ghcr.io/acme/node AS c\n`,
      options: only('ghcr.io/acme/*'),
    },
    { name: 'a registry with a port and no tag in the pattern', dockerfile: 'FROM registry.internal:5000/base:2024.06\n', options: only('registry.internal:5000/base') },
    { name: 'a pattern without a tag also matches image names', dockerfile: 'FROM acme/tools-slim:2\nFROM ghcr.io/acme/node-alpine\n', options: only('*-slim', '*-alpine') },
    { name: 'a digest-only pattern', dockerfile: `FROM nginx@${DIGEST}\nFROM nginx:1.27@${DIGEST}\n`, options: only('nginx@sha256:*') },
    { name: 'any image pinned by digest', dockerfile: `FROM node:20@${DIGEST} AS a\nFROM quay.io/x/y@${DIGEST} AS b\n`, options: only('*@sha256:*') },
    { name: 'docker.io/* allows Docker Hub images in any spelling', dockerfile: 'FROM ubuntu:24.04 AS a\nFROM acme/tools:1 AS b\n', options: only('docker.io/*') },
    { name: 'an image without tag or digest is read as latest', dockerfile: 'FROM alpine\n', options: only('alpine:latest') },
    { name: 'patterns compare case-insensitively', dockerfile: 'FROM GHCR.io/acme/base:1.0-ALPINE\n', options: only('ghcr.io/acme/*-alpine') },
    { name: 'scratch is always allowed', dockerfile: 'FROM golang:1.23-alpine AS build\nFROM scratch\nCOPY --from=build /app /app\n', options: only('*-alpine') },
    {
      name: 'a stage built on an earlier stage is judged through it',
      dockerfile: 'FROM node:20-slim AS base\nFROM base AS build\nFROM BASE\n',
      options: only('*-slim'),
    },
    { name: 'an ARG without a default is unknown, not wrong', dockerfile: 'ARG BASE\nFROM ${BASE}\nFROM $REGISTRY/node:20 AS two\n', options: only('*-alpine') },
    { name: 'an ARG default that is allowed', dockerfile: 'ARG NODE=20\nARG BASE=node:${NODE}-alpine\nFROM ${BASE}\n', options: only('*-alpine') },
    { name: 'an ARG default naming an earlier stage', dockerfile: 'ARG FROM_STAGE=deps\nFROM node:20-alpine AS deps\nFROM ${FROM_STAGE}\n', options: only('*-alpine') },
    { name: 'a platform ARG is unknown', dockerfile: 'FROM acme/base:${TARGETARCH}\n', options: only('*-alpine') },
    { name: 'the --platform flag is not the image', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build\n', options: only('*-alpine') },
    {
      name: 'finalStageOnly: a builder stage may use any image',
      dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
      options: { ...MINIMAL, finalStageOnly: true },
    },
    {
      name: 'finalStageOnly: the last stage built on an allowed stage',
      dockerfile: 'FROM node:20 AS build\nFROM node:20-slim AS runtime\nFROM runtime AS final\n',
      options: { ...MINIMAL, finalStageOnly: true },
    },
    {
      name: 'finalStageOnly: compose targets and the last stage on allowed bases',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n',
        Dockerfile: 'FROM golang:1.23 AS build\nFROM alpine:3.20 AS api\nFROM node:20 AS tools\nFROM python:3.12-slim AS last\n',
      },
      options: { ...MINIMAL, finalStageOnly: true },
    },
    {
      name: 'compose services that pull an allowed image',
      compose: `services:\n  db:\n    image: postgres:16-alpine\n  cache:\n    image: docker.io/library/redis:7-alpine@${DIGEST}\n`,
      options: MINIMAL,
    },
    {
      name: 'a service that builds is judged through its Dockerfile, not its image name',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    image: acme/app:1.0\n', Dockerfile: 'FROM node:20-alpine\n' },
      options: MINIMAL,
    },
    { name: 'services: false leaves compose images alone', compose: 'services:\n  db:\n    image: postgres:16\n', options: { ...MINIMAL, services: false } },
    { name: 'a compose image from a variable without a value is unknown', compose: 'services:\n  db:\n    image: ${DB_IMAGE}\n  web:\n    image: nginx:${NGINX_TAG}\n', options: MINIMAL },
    { name: 'a compose variable from .env that gives an allowed image', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${NGINX_TAG}\n', '.env': 'NGINX_TAG=1.27-alpine\n' }, options: MINIMAL },
  ],
  invalid: [
    {
      name: '*-alpine does not allow alpine itself or a full image',
      dockerfile: 'FROM alpine:3.20 AS a\nFROM node:20 AS b\n',
      options: only('*-alpine', '*-slim'),
      errors: [
        { messageId: 'notAllowed', line: 1, column: 6, endColumn: 17, data: { image: 'alpine:3.20', stage: '"a"', allowed: '*-alpine, *-slim' } },
        { messageId: 'notAllowed', line: 2, column: 6, data: { image: 'node:20', stage: '"b"' } },
      ],
    },
    {
      name: 'an exact name:tag allows no other tag',
      dockerfile: 'FROM python:3.12-slim-bookworm\nFROM python:3.11-slim\n',
      options: only('python:3.12-slim'),
      errors: [
        { messageId: 'notAllowed', line: 1, column: 6, data: { image: 'python:3.12-slim-bookworm', stage: '#1' } },
        { messageId: 'notAllowed', line: 2, column: 6, data: { image: 'python:3.11-slim', stage: '#2' } },
      ],
    },
    {
      name: 'a pattern with a name does not allow another name',
      dockerfile: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\n',
      options: only('nginx:*-alpine'),
      errors: [{ messageId: 'notAllowed', line: 1, column: 6, data: { image: 'nginxinc/nginx-unprivileged:1.27-alpine' } }],
    },
    {
      name: 'a registry path pattern does not allow a look-alike path',
      dockerfile: 'FROM ghcr.io/acme-evil/base:1\nFROM ghcr.io/acme\n',
      options: only('ghcr.io/acme/*'),
      errors: [
        { messageId: 'notAllowed', line: 1, column: 6, data: { image: 'ghcr.io/acme-evil/base:1' } },
        { messageId: 'notAllowed', line: 2, column: 6, data: { image: 'ghcr.io/acme' } },
      ],
    },
    {
      name: 'a digest is required by *@sha256:*',
      dockerfile: 'FROM node:20-alpine\n',
      options: only('*@sha256:*'),
      errors: [{ messageId: 'notAllowed', line: 1, column: 6, data: { allowed: '*@sha256:*' } }],
    },
    {
      name: 'docker.io/* does not allow another registry',
      dockerfile: 'FROM ghcr.io/acme/base:1\n',
      options: only('docker.io/*'),
      errors: [{ messageId: 'notAllowed', line: 1, column: 6 }],
    },
    {
      name: 'a tagged pattern does not allow another tag of the name',
      dockerfile: 'FROM alpine:3.20\n',
      options: only('alpine:latest'),
      errors: [{ messageId: 'notAllowed', line: 1, column: 6 }],
    },
    {
      name: 'every stage is judged by default, builders included',
      dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM build AS test\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
      options: MINIMAL,
      errors: [{ messageId: 'notAllowed', line: 1, column: 6, data: { image: 'golang:1.23', stage: '"build"' } }],
    },
    {
      name: 'an ARG default is judged',
      dockerfile: 'ARG VARIANT=bookworm\nARG BASE=python:3.12-${VARIANT}\nFROM ${BASE} AS app\n',
      options: MINIMAL,
      errors: [{ messageId: 'notAllowedArg', line: 3, column: 6, data: { written: '${BASE}', image: 'python:3.12-bookworm', stage: '"app"' } }],
    },
    {
      name: 'the image after a --platform flag',
      dockerfile: 'FROM --platform=linux/amd64 ubuntu:24.04\n',
      options: MINIMAL,
      errors: [{ messageId: 'notAllowed', line: 1, column: 29, data: { image: 'ubuntu:24.04' } }],
    },
    {
      name: 'finalStageOnly: the last stage on a disallowed image',
      dockerfile: 'FROM golang:1.23-alpine AS build\nFROM debian:12 AS runtime\nCOPY --from=build /app /app\n',
      options: { ...MINIMAL, finalStageOnly: true },
      errors: [{ messageId: 'notAllowed', line: 2, column: 6, data: { image: 'debian:12', stage: '"runtime"' } }],
    },
    {
      name: 'finalStageOnly: the last stage is judged through the stage it builds on',
      dockerfile: 'FROM node:20 AS base\nFROM base AS build\nRUN npm ci\nFROM base\nCOPY --from=build /app /app\n',
      options: { ...MINIMAL, finalStageOnly: true },
      errors: [{ messageId: 'notAllowedUnder', line: 1, column: 6, data: { image: 'node:20', stage: '"base"', target: '#3' } }],
    },
    {
      name: 'finalStageOnly: an ARG base under the final stage',
      dockerfile: 'ARG BASE=node:20\nFROM $BASE AS base\nFROM base AS final\n',
      options: { ...MINIMAL, finalStageOnly: true },
      errors: [{ messageId: 'notAllowedUnderArg', line: 2, column: 6, data: { written: '$BASE', image: 'node:20', stage: '"base"', target: '"final"' } }],
    },
    {
      name: 'finalStageOnly: a compose target and the last stage, a shared base reported once',
      files: {
        'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: api\n  worker:\n    build:\n      context: .\n      target: worker\n',
        Dockerfile: 'FROM golang:1.23 AS build\nFROM debian:12 AS api\nFROM api AS worker\nFROM python:3.12-slim AS docs\nFROM ubuntu:24.04 AS last\n',
      },
      options: { ...MINIMAL, finalStageOnly: true },
      errors: [
        { messageId: 'notAllowed', file: 'Dockerfile', line: 2, column: 6, data: { image: 'debian:12', stage: '"api"' } },
        { messageId: 'notAllowed', file: 'Dockerfile', line: 5, column: 6, data: { image: 'ubuntu:24.04', stage: '"last"' } },
      ],
    },
    {
      name: 'a compose service that pulls a disallowed image',
      compose: 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7-alpine\n',
      options: MINIMAL,
      errors: [{ messageId: 'service', line: 3, column: 12, data: { service: 'db', image: 'postgres:16', allowed: '*-alpine, *-slim, alpine, gcr.io/distroless/*' } }],
    },
    {
      name: 'a compose image default is judged',
      compose: 'services:\n  web:\n    image: "nginx:${NGINX_TAG:-1.27}"\n',
      options: MINIMAL,
      errors: [{ messageId: 'service', line: 3, column: 12, data: { image: 'nginx:1.27' } }],
    },
    {
      name: 'a Dockerfile and a service of one stack',
      files: {
        'compose.yaml': 'services:\n  app:\n    build: ./app\n  db:\n    image: mysql:8\n',
        'app/Dockerfile': 'FROM node:20-alpine AS build\nFROM node:20\nCOPY --from=build /app /app\n',
      },
      options: MINIMAL,
      errors: [
        { messageId: 'notAllowed', file: 'app/Dockerfile', line: 2, column: 6, data: { image: 'node:20', stage: '#2' } },
        { messageId: 'service', file: 'compose.yaml', line: 5, column: 12, data: { service: 'db', image: 'mysql:8' } },
      ],
    },
    {
      name: 'an inline Dockerfile points into the compose file',
      compose: 'services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM ubuntu:24.04\n        RUN true\n',
      options: MINIMAL,
      errors: [{ messageId: 'notAllowed', line: 6, column: 14, data: { image: 'ubuntu:24.04' } }],
    },
  ],
});
