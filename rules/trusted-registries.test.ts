import rule from './trusted-registries.js';
import { testRule } from '../test/rule-tester.js';

const only = (...registries: string[]) => ({ registries });

testRule(rule, {
  valid: [
    { name: 'no option: nothing is judged', dockerfile: 'FROM random.com/debian:12\n' },
    { name: 'empty list: nothing is judged', dockerfile: 'FROM random.com/debian:12\nCOPY --from=other.io/x:1 /a /b\n', options: only() },
    { name: 'listed registry', dockerfile: 'FROM random.com/debian:12\n', options: only('x.com', 'random.com') },
    { name: 'scratch is not pulled', dockerfile: 'FROM scratch\n', options: only('x.com') },
    {
      name: 'every form of Docker Hub when docker.io is trusted',
      dockerfile: 'FROM ubuntu:24.04 AS one\nFROM zemanlx/ubuntu:24.04 AS two\nFROM docker.io/zemanlx/ubuntu:24.04 AS three\nFROM index.docker.io/library/ubuntu:24.04 AS four\n',
      options: only('docker.io'),
    },
    { name: 'hub.docker.com trusts Docker Hub images', dockerfile: 'FROM ubuntu:24.04\n', options: only('hub.docker.com') },
    { name: 'earlier stage', dockerfile: 'FROM random.com/foo:1 AS builder1\nFROM builder1 AS builder2\n', options: only('random.com') },
    { name: 'wildcard subdomain', dockerfile: 'FROM foo.random.com/debian:12\n', options: only('x.com', '*.random.com') },
    { name: 'star trusts everything', dockerfile: 'FROM ubuntu:24.04\nFROM quay.io/x/y:1\n', options: only('*') },
    { name: 'prefix wildcard', dockerfile: 'FROM registry.internal:5000/app:1\n', options: only('registry.internal*') },
    { name: 'registry names are case-insensitive', dockerfile: 'FROM Registry.Example.com/app:1\n', options: only('registry.example.com') },
    { name: 'ARG without a default is not guessed', dockerfile: 'ARG REGISTRY\nFROM ${REGISTRY}/app:1\n', options: only('registry.example.com') },
    { name: 'ARG default on a trusted registry', dockerfile: 'ARG BASE=registry.example.com/python:3.12\nFROM ${BASE}\n', options: only('registry.example.com') },
    {
      name: 'COPY --from a stage, an index and a trusted image',
      dockerfile: 'FROM registry.example.com/go:1 AS build\nFROM registry.example.com/alpine:3\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=registry.example.com/tools:1 /c /c\n',
      options: only('registry.example.com'),
    },
    {
      name: 'mounts from stages, trusted images, and mounts without from',
      dockerfile: 'FROM registry.example.com/go:1 AS deps\nFROM registry.example.com/go:1\nRUN --mount=type=bind,from=deps,target=/d --mount=type=cache,target=/root/.cache --mount=type=cache,from=registry.example.com/cache:1,target=/c go build\nRUN --mount=type=secret,id=npm cat /run/secrets/npm\n',
      options: only('registry.example.com'),
    },
    { name: 'COPY --from with a variable is not guessed', dockerfile: 'FROM registry.example.com/a:1\nCOPY --from=$IMG /a /a\n', options: only('registry.example.com') },
  ],
  invalid: [
    {
      name: 'COPY --from after --chmod',
      dockerfile: 'FROM trusted.com/base:1\nCOPY --chmod=755 --from=quay.io/x/tool:1 /tool /tool\n',
      options: only('trusted.com'),
      errors: [{ messageId: 'untrusted', line: 2, column: 25, data: { registry: 'quay.io' } }],
    },
    {
      name: 'registry not listed',
      dockerfile: 'FROM random.com/debian:12\n',
      options: only('docker.io'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, data: { image: 'random.com/debian:12', registry: 'random.com', trusted: 'docker.io' } }],
    },
    { name: 'wildcard does not match another domain', dockerfile: 'FROM x.com/debian:12\n', options: only('*.random.com'), errors: [{ messageId: 'untrusted', line: 1, column: 6 }] },
    { name: 'wildcard subdomain does not match the bare domain', dockerfile: 'FROM random.com/debian:12\n', options: only('*.random.com'), errors: [{ messageId: 'untrusted', line: 1, column: 6 }] },
    {
      name: 'Docker Hub images when only a private registry is trusted',
      dockerfile: 'FROM ubuntu:24.04 AS one\nFROM zemanlx/ubuntu:24.04 AS two\nFROM docker.io/zemanlx/ubuntu:24.04 AS three\n',
      options: only('trusted.com'),
      errors: [
        { messageId: 'untrusted', line: 1, column: 6, data: { registry: 'docker.io' } },
        { messageId: 'untrusted', line: 2, column: 6, data: { registry: 'docker.io' } },
        { messageId: 'untrusted', line: 3, column: 6, data: { registry: 'docker.io' } },
      ],
    },
    {
      name: 'COPY --from an untrusted image',
      dockerfile: 'FROM trusted.com/base:1\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n',
      options: only('trusted.com'),
      errors: [{ messageId: 'untrusted', line: 2, column: 13, data: { image: 'untrusted.com/repo/image:tag' } }],
    },
    {
      name: 'bind mount from an untrusted image',
      dockerfile: 'FROM trusted.com/base:1\nRUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      options: only('trusted.com'),
      errors: [{ messageId: 'untrusted', line: 2, column: 28 }],
    },
    {
      name: 'cache mount from an untrusted image',
      dockerfile: 'FROM trusted.com/base:1\nRUN --mount=type=cache,target=/foo,from=untrusted.com/repo/image:tag foobar\n',
      options: only('trusted.com'),
      errors: [{ messageId: 'untrusted', line: 2, column: 41 }],
    },
    {
      name: 'mount without a type is a bind mount',
      dockerfile: 'FROM trusted.com/base:1\nRUN --mount=from=alpine:3,target=/x ls /x\n',
      options: only('trusted.com'),
      errors: [{ messageId: 'untrusted', line: 2, column: 18, data: { registry: 'docker.io' } }],
    },
    {
      name: 'ARG default on an untrusted registry',
      dockerfile: 'ARG REGISTRY=ghcr.io\nFROM ${REGISTRY}/acme/app:1\n',
      options: only('registry.example.com'),
      errors: [{ messageId: 'untrustedArg', line: 2, column: 6, data: { image: 'ghcr.io/acme/app:1', registry: 'ghcr.io' } }],
    },
    {
      name: 'a stage defined later is an image',
      dockerfile: 'FROM base\nFROM registry.example.com/x:1 AS base\n',
      options: only('registry.example.com'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, data: { image: 'base' } }],
    },
  ],
});
