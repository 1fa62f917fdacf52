import rule from './instruction-order.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'FROM first', dockerfile: 'FROM foo:1\nLABEL foo=bar\n' },
    { name: 'ARG then FROM then LABEL', dockerfile: 'ARG A=B\nFROM foo:1\nLABEL foo=bar\n' },
    { name: 'parser directive before FROM', dockerfile: '# syntax = docker/dockerfile:1\nFROM node:16-alpine3.13\n' },
    { name: 'comments and blank lines before FROM', dockerfile: '# Build the API\n\n# base image\nFROM node:20\n' },
    { name: 'FROM then ARG then RUN', dockerfile: 'FROM foo:1\nARG A=B\nRUN echo bla\n' },
    { name: 'several global ARGs', dockerfile: 'ARG REGISTRY=docker.io\nARG TAG=3.20\nFROM ${REGISTRY}/alpine:${TAG}\n' },
    { name: 'unknown instruction is a parse error, not this rule', dockerfile: 'FORM node:20\nFROM node:20\n' },
    { name: 'empty Dockerfile', dockerfile: '' },
  ],
  invalid: [
    { name: 'LABEL before FROM', dockerfile: 'LABEL foo=bar\nFROM foo:1\n', errors: [{ messageId: 'beforeFrom', line: 1, column: 1, data: { keyword: 'LABEL' } }] },
    { name: 'lowercase env before from', dockerfile: 'ARG A=1\nenv B=2\nfrom foo:1\n', errors: [{ messageId: 'beforeFrom', line: 2, column: 1, data: { keyword: 'ENV' } }] },
    {
      name: 'each instruction before FROM',
      dockerfile: '# syntax=docker/dockerfile:1\nRUN echo hi\nARG X=1\nWORKDIR /app\nFROM alpine:3.20\nRUN echo ok\n',
      errors: [
        { messageId: 'beforeFrom', line: 2, column: 1, data: { keyword: 'RUN' } },
        { messageId: 'beforeFrom', line: 4, column: 1, data: { keyword: 'WORKDIR' } },
      ],
    },
    { name: 'no FROM at all', dockerfile: 'COPY --from=foo bar .\n', errors: [{ messageId: 'beforeFrom', line: 1, column: 1, data: { keyword: 'COPY' } }] },
    { name: 'indented instruction', dockerfile: '  MAINTAINER me@example.org\nFROM foo:1\n', errors: [{ messageId: 'beforeFrom', line: 1, column: 3 }] },
  ],
});
