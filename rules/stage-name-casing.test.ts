import rule from './stage-name-casing.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'lowercase name', dockerfile: 'FROM alpine:3.20 AS builder-base\n' },
    { name: 'no name', dockerfile: 'FROM alpine:3.20\n' },
    { name: 'lowercase with digits and separators', dockerfile: 'FROM alpine:3.20 AS build_arm64.v2\n' },
    { name: 'uppercase AS keyword is not the name', dockerfile: 'FROM scratch AS base3\n' },
  ],
  invalid: [
    { name: 'mixed case', dockerfile: 'FROM alpine:3.20 AS BuilderBase\n', errors: [{ messageId: 'casing', line: 1, column: 21, data: { name: 'BuilderBase', lower: 'builderbase' } }] },
    { name: 'all uppercase', dockerfile: 'FROM scratch AS BadStageName\nFROM scratch AS BASE\n', errors: [{ messageId: 'casing', line: 1, column: 17 }, { messageId: 'casing', line: 2, column: 17, data: { name: 'BASE' } }] },
  ],
});
