import rule from './image-tag-explicit.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'tagged image', dockerfile: 'FROM ruby:3.3\n' },
    { name: 'digest without a tag', dockerfile: 'FROM ruby@sha256:f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9abcd\n' },
    { name: 'tag and digest', dockerfile: 'FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'scratch needs no tag', dockerfile: 'FROM scratch\nCOPY app /app\n' },
    { name: 'earlier stage named without a tag', dockerfile: 'FROM golang:1.22-alpine AS build\nRUN go build\nFROM build AS unit-test\nRUN go test\nFROM alpine:3.20\n' },
    { name: 'earlier stage named in another case', dockerfile: 'FROM golang:1.22 AS Build\nFROM build\n' },
    { name: 'registry with a port and a tag', dockerfile: 'FROM localhost:5000/team/app:1.4\n' },
    { name: 'ARG without a default is not guessed', dockerfile: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'undeclared variable is not guessed', dockerfile: 'FROM ${VALUE}\n' },
    { name: 'tag from an ARG default', dockerfile: 'ARG NODE_VERSION=20.15\nFROM node:${NODE_VERSION}\n' },
    { name: 'ARG default with a tag', dockerfile: 'ARG BASE=python:3.12-slim\nFROM $BASE\n' },
    { name: 'default chained through another ARG', dockerfile: 'ARG V=3.20\nARG IMAGE=alpine:${V}\nFROM ${IMAGE}\n' },
    { name: 'stage picked by a platform ARG is not guessed', dockerfile: 'FROM alpine:3.20 AS build-amd64\nFROM alpine:3.20 AS build-arm64\nFROM build-${TARGETARCH}\n' },
    { name: 'default in the substitution', dockerfile: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'a FROM without an image is not judged', dockerfile: 'FROM\n' },
  ],
  invalid: [
    { name: 'no tag', dockerfile: 'FROM debian\n', errors: [{ messageId: 'untagged', line: 1, column: 6, data: { image: 'debian' } }] },
    { name: 'no tag with a stage name', dockerfile: 'FROM debian AS builder\n', errors: [{ messageId: 'untagged', line: 1, column: 6 }] },
    {
      name: 'untagged image among stages',
      dockerfile: 'FROM golang:1.22-alpine AS build\nRUN go build\nFROM node AS unit-test\nRUN npm test\nFROM alpine:3.20\n',
      errors: [{ messageId: 'untagged', line: 3, column: 6, data: { image: 'node' } }],
    },
    { name: 'registry image without a tag', dockerfile: 'FROM --platform=$BUILDPLATFORM ghcr.io/acme/tools\n', errors: [{ messageId: 'untagged', line: 1, column: 32, data: { image: 'ghcr.io/acme/tools' } }] },
    { name: 'registry port is not a tag', dockerfile: 'FROM localhost:5000/app\n', errors: [{ messageId: 'untagged', line: 1, column: 6 }] },
    { name: 'stage defined later is an image', dockerfile: 'FROM base\nFROM alpine:3.20 AS base\n', errors: [{ messageId: 'untagged', line: 1, column: 6 }] },
    { name: 'FROM naming its own stage is an image', dockerfile: 'FROM app AS app\n', errors: [{ messageId: 'untagged', line: 1, column: 6 }] },
    {
      name: 'ARG default without a tag',
      dockerfile: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/app\n',
      errors: [{ messageId: 'untaggedArg', line: 2, column: 6, data: { written: '${REGISTRY}/app', image: 'registry.example.com/app' } }],
    },
    { name: 'quoted image', dockerfile: 'FROM "nginx"\n', errors: [{ messageId: 'untagged', line: 1, column: 6, data: { image: 'nginx' } }] },
    { name: 'lowercase from', dockerfile: 'from redis\n', errors: [{ messageId: 'untagged', line: 1, column: 6 }] },
  ],
});
