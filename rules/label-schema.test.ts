import rule from './label-schema.js';
import { testRule } from '../test/rule-tester.js';

const foo = { schema: { foo: 'text' } };
const oci = {
  schema: {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.version': 'semver',
    'org.opencontainers.image.authors': 'email',
  },
};
const ociLabels = (overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    'org.opencontainers.image.source': 'https://github.com/acme/api',
    'org.opencontainers.image.created': '2021-03-10T10:26:33.564595127+01:00',
    'org.opencontainers.image.licenses': 'Apache-2.0',
    'org.opencontainers.image.revision': '3f786850e387550fdab836ed7e6dc881de23001b',
    'org.opencontainers.image.version': '2.0.1-rc1',
    'org.opencontainers.image.authors': 'abcd@google.com',
    ...overrides,
  };
  return 'FROM alpine:3.20\nLABEL ' + Object.entries(values).map(([k, v]) => `${k}="${v}"`).join(' \\\n      ') + '\n';
};

testRule(rule, {
  valid: [
    { name: 'without a schema nothing is reported', dockerfile: 'FROM alpine:3.20\nLABEL Bad..Key=""\n', options: { strict: true } },
    { name: 'single stage with the label', dockerfile: 'FROM alpine:3.20\nLABEL foo="bar"\n', options: foo },
    { name: 'label inherited from the parent stage', dockerfile: 'FROM alpine:3.20 AS base\nLABEL foo="bar"\nFROM base\nRUN true\n', options: foo },
    { name: 'label inherited through two stages', dockerfile: 'FROM alpine:3.20 AS base\nLABEL foo="bar"\nFROM base AS mid\nFROM mid\n', options: foo },
    { name: 'parent completed by the stage built on it', dockerfile: 'FROM alpine:3.20 AS base\nFROM base\nLABEL foo="bar"\n', options: foo },
    {
      name: 'parent completed by a named stage built on it',
      dockerfile: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base AS final\nLABEL foo="bar"\n',
      options: foo,
    },
    {
      name: 'builder stage read by COPY --from',
      dockerfile: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nLABEL foo="bar"\nCOPY --from=build /app /app\n',
      options: foo,
    },
    {
      name: 'builder stage named in another case',
      dockerfile: 'FROM golang:1.22 AS Build\nRUN go build -o /app .\nFROM alpine:3.20\nLABEL foo="bar"\nCOPY --from=build /app /app\n',
      options: foo,
    },
    { name: 'builder stage read by COPY --from=<index>', dockerfile: 'FROM golang:1.22\nRUN go build -o /app .\nFROM alpine:3.20\nLABEL foo="bar"\nCOPY --from=0 /app /app\n', options: foo },
    {
      name: 'builder stage read by RUN --mount from=',
      dockerfile: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nLABEL foo="bar"\nRUN --mount=type=bind,from=deps,source=/node_modules,target=/mnt cp -r /mnt /app\n',
      options: foo,
    },
    { name: 'label that is not in the schema, not strict', dockerfile: 'FROM alpine:3.20\nLABEL foo="bar" other="x"\n', options: foo },
    { name: 'strict with schema labels only', dockerfile: 'FROM alpine:3.20\nLABEL foo="bar"\n', options: { ...foo, strict: true } },
    { name: 'every format valid', dockerfile: ociLabels(), options: oci },
    {
      name: 'other valid forms: short hash, SPDX expression, git+ssh URL, leap second with an offset without colon, build metadata',
      dockerfile: ociLabels({
        'org.opencontainers.image.revision': 'abc1234',
        'org.opencontainers.image.licenses': '(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0',
        'org.opencontainers.image.source': 'git+ssh://git@github.com/acme/api.git',
        'org.opencontainers.image.created': '2024-02-29t23:59:60+0100',
        'org.opencontainers.image.version': '1.0.0+build.7',
        'org.opencontainers.image.authors': 'ops.team+docker@example.co.uk',
      }),
      options: oci,
    },
    {
      name: 'values from build arguments are not judged',
      dockerfile:
        'FROM alpine:3.20\nARG VERSION\nARG BUILD_DATE\nARG GIT_SHA\nLABEL version=$VERSION created="${BUILD_DATE}" revision=${GIT_SHA:-unknown} url=$URL\n',
      options: { schema: { version: 'semver', created: 'rfc3339', revision: 'hash', url: 'url' } },
    },
    { name: 'text accepts any non-empty value', dockerfile: 'FROM alpine:3.20\nLABEL description="Anything at all, even: symbols!"\n', options: { schema: { description: 'text' } } },
  ],
  invalid: [
    {
      name: 'single stage without the label',
      dockerfile: 'FROM alpine:3.20\nRUN true\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 1, column: 1, data: { stage: '#1', labels: 'the label "foo"' } }],
    },
    { name: 'single stage with another label', dockerfile: 'FROM alpine:3.20\nLABEL bar="baz"\n', options: foo, errors: [{ messageId: 'missing', line: 1, column: 1 }] },
    {
      name: 'two stages without labels',
      dockerfile: 'FROM alpine:3.20 AS one\nFROM alpine:3.20 AS two\n',
      options: foo,
      errors: [
        { messageId: 'missing', line: 1, column: 1, data: { stage: '"one"' } },
        { messageId: 'missing', line: 2, column: 1, data: { stage: '"two"' } },
      ],
    },
    {
      name: 'label in the first stage only, no inheritance',
      dockerfile: 'FROM alpine:3.20\nLABEL foo="bar"\nFROM debian:bookworm-slim\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 3, column: 1, data: { stage: '#2' } }],
    },
    {
      name: 'label in the second stage only, no connection',
      dockerfile: 'FROM alpine:3.20 AS base\nFROM debian:bookworm-slim\nLABEL foo="bar"\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 1, column: 1, data: { stage: '"base"' } }],
    },
    {
      name: 'inheritance without labels reports both stages',
      dockerfile: 'FROM alpine:3.20 AS base\nFROM base\n',
      options: foo,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'missing', line: 2, column: 1 },
      ],
    },
    {
      name: 'two results, one without the label',
      dockerfile: 'FROM golang:1.22 AS base\nFROM alpine:3.20\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n\nFROM alpine:3.20\nCOPY --from=base /bar /baz\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 6, column: 1, data: { stage: '#3' } }],
    },
    {
      name: 'two stages built on base, one with the label',
      dockerfile: 'FROM alpine:3.20 AS base\nFROM base\nLABEL foo="bar"\n\nFROM base\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 5, column: 1, data: { stage: '#3' } }],
    },
    {
      name: 'a stage built on base without the label, another with it',
      dockerfile: 'FROM alpine:3.20 AS base\nFROM base\n\nFROM base\nLABEL foo="bar"\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 2, column: 1, data: { stage: '#2' } }],
    },
    {
      name: 'one finding per stage names every missing label',
      dockerfile: 'FROM alpine:3.20\nLABEL b=1\n',
      options: { schema: { a: 'text', b: 'text', c: 'semver' } },
      errors: [{ messageId: 'missing', line: 1, column: 1, data: { stage: '#1', labels: 'the labels "a", "c"' } }],
    },
    {
      name: 'an ONBUILD LABEL does not set the label',
      dockerfile: 'FROM alpine:3.20\nONBUILD LABEL foo="bar"\n',
      options: foo,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'each missing label of the schema',
      dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"\n',
      options: { schema: { 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.source': 'url' } },
      errors: [{ messageId: 'missing', line: 1, column: 1, data: { labels: 'the label "org.opencontainers.image.source"' } }],
    },
    {
      name: 'strict: a label outside the schema',
      dockerfile: 'FROM alpine:3.20\nLABEL other="bar"\n',
      options: { schema: { required: 'text' }, strict: true },
      errors: [
        { messageId: 'missing', line: 1, column: 1, data: { labels: 'the label "required"' } },
        { messageId: 'superfluous', line: 2, column: 7, data: { label: 'other' } },
      ],
    },
    {
      name: 'strict: a required label and another',
      dockerfile: 'FROM alpine:3.20\nLABEL required="foo" other="bar"\n',
      options: { schema: { required: 'text' }, strict: true },
      errors: [{ messageId: 'superfluous', line: 2, column: 22, data: { label: 'other' } }],
    },
    {
      name: 'empty values',
      dockerfile: 'FROM alpine:3.20\nLABEL foo="" bar=\n',
      options: { schema: { foo: 'text', bar: 'url' } },
      errors: [
        { messageId: 'empty', line: 2, column: 7, data: { label: 'foo' } },
        { messageId: 'empty', line: 2, column: 14, data: { label: 'bar' } },
      ],
    },
    {
      name: 'not a URL',
      dockerfile: 'FROM alpine:3.20\nLABEL urllabel="not-url"\n',
      options: { schema: { urllabel: 'url' } },
      errors: [{ messageId: 'notUrl', line: 2, column: 16, data: { label: 'urllabel', value: 'not-url' } }],
    },
    {
      name: 'a host without a scheme is not a URL',
      dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.url=github.com/acme/api\n',
      options: { schema: { 'org.opencontainers.image.url': 'url' } },
      errors: [{ messageId: 'notUrl', line: 2, column: 36 }],
    },
    {
      name: 'not an RFC 3339 date-time',
      dockerfile: 'FROM alpine:3.20\nLABEL datelabel="not-date" day="2024-05-01" local="2024-05-01 10:00:00" feb="2023-02-29T00:00:00Z"\n',
      options: { schema: { datelabel: 'rfc3339', day: 'rfc3339', local: 'rfc3339', feb: 'rfc3339' } },
      errors: [
        { messageId: 'notRfc3339', line: 2, column: 17, data: { value: 'not-date' } },
        { messageId: 'notRfc3339', line: 2, column: 32, data: { value: '2024-05-01' } },
        { messageId: 'notRfc3339', line: 2, column: 51, data: { value: '2024-05-01 10:00:00' } },
        { messageId: 'notRfc3339', line: 2, column: 77, data: { value: '2023-02-29T00:00:00Z' } },
      ],
    },
    {
      name: 'not an SPDX license',
      dockerfile: 'FROM alpine:3.20\nLABEL spdxlabel="not-spdx" other="MIT OR" third="Apache 2.0"\n',
      options: { schema: { spdxlabel: 'spdx', other: 'spdx', third: 'spdx' } },
      errors: [
        { messageId: 'notSpdx', line: 2, column: 17, data: { value: 'not-spdx' } },
        { messageId: 'notSpdx', line: 2, column: 34, data: { value: 'MIT OR' } },
        { messageId: 'notSpdx', line: 2, column: 49, data: { value: 'Apache 2.0' } },
      ],
    },
    {
      name: 'not a git hash',
      dockerfile: 'FROM alpine:3.20\nLABEL a=abc12345 b=ABC1234 c=main\n',
      options: { schema: { a: 'hash', b: 'hash', c: 'hash' } },
      errors: [
        { messageId: 'notHash', line: 2, column: 9, data: { label: 'a' } },
        { messageId: 'notHash', line: 2, column: 20, data: { label: 'b' } },
        { messageId: 'notHash', line: 2, column: 30, data: { label: 'c' } },
      ],
    },
    {
      name: 'not a semantic version',
      dockerfile: 'FROM alpine:3.20\nLABEL semver="not-sem-ver" v=v1.2.3 short=1.2\n',
      options: { schema: { semver: 'semver', v: 'semver', short: 'semver' } },
      errors: [
        { messageId: 'notSemver', line: 2, column: 14, data: { value: 'not-sem-ver' } },
        { messageId: 'notSemver', line: 2, column: 30, data: { value: 'v1.2.3' } },
        { messageId: 'notSemver', line: 2, column: 43, data: { value: '1.2' } },
      ],
    },
    {
      name: 'not an email address',
      dockerfile: 'FROM alpine:3.20\nLABEL maintainer="not-email" authors="Jane Doe <jane@example.com>"\n',
      options: { schema: { maintainer: 'email', authors: 'email' } },
      errors: [
        { messageId: 'notEmail', line: 2, column: 18, data: { value: 'not-email' } },
        { messageId: 'notEmail', line: 2, column: 38, data: { label: 'authors' } },
      ],
    },
    {
      name: 'a value in single quotes is literal, not a variable',
      dockerfile: "FROM alpine:3.20\nLABEL version='$VERSION'\n",
      options: { schema: { version: 'semver' } },
      errors: [{ messageId: 'notSemver', line: 2, column: 15, data: { value: '$VERSION' } }],
    },
    {
      name: 'values are checked in every stage, and a wrong value still counts as present',
      dockerfile: 'FROM golang:1.22 AS build\nLABEL version=dev\nFROM alpine:3.20\nLABEL version=1.0.0\nCOPY --from=build /app /app\n',
      options: { schema: { version: 'semver' } },
      errors: [{ messageId: 'notSemver', line: 2, column: 15, data: { value: 'dev' } }],
    },
  ],
});
