import rule from './from-as-casing.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'both uppercase', dockerfile: 'FROM debian:12 AS deb-builder\n' },
    { name: 'both lowercase', dockerfile: 'from debian:12 as deb-builder\n' },
    { name: 'no stage name', dockerfile: 'FROM debian:12\n' },
    { name: 'mixed-case FROM is not judged', dockerfile: 'From scratch as base\n' },
    { name: 'with a platform flag', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
  ],
  invalid: [
    { name: 'uppercase FROM, lowercase as', dockerfile: 'FROM debian:12 as builder\n', errors: [{ messageId: 'casing', line: 1, column: 16, data: { as: 'as', from: 'FROM', expected: 'AS' } }] },
    { name: 'lowercase from, uppercase AS', dockerfile: 'from scratch AS base\n', errors: [{ messageId: 'casing', line: 1, column: 14, data: { as: 'AS', from: 'from', expected: 'as' } }] },
    { name: 'mixed-case As', dockerfile: 'FROM scratch As base\n', errors: [{ messageId: 'casing', line: 1, column: 14, data: { expected: 'AS' } }] },
    { name: 'as on a continuation line', dockerfile: 'FROM --platform=$BUILDPLATFORM golang:1.22 \\\n    as build\n', errors: [{ messageId: 'casing', line: 2, column: 5 }] },
  ],
});
