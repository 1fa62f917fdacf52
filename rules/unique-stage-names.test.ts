import rule from './unique-stage-names.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'unique names', dockerfile: 'FROM scratch AS build\nRUN foo\nFROM node:20 AS run\nRUN baz\n' },
    { name: 'unnamed stages', dockerfile: 'FROM node:20\nFROM node:20\n' },
    { name: 'one name', dockerfile: 'FROM node:20 AS app\n' },
    { name: 'names that only share a prefix', dockerfile: 'FROM node:20 AS build\nFROM node:20 AS build-test\n' },
  ],
  invalid: [
    {
      name: 'duplicate name',
      dockerfile: 'FROM node:20 AS foo\nRUN something\nFROM scratch AS foo\nRUN something\n',
      errors: [{ messageId: 'duplicate', line: 3, column: 17, data: { name: 'foo', line: 1 } }],
    },
    { name: 'same name in another case', dockerfile: 'FROM node:20 AS build\nFROM golang:1.22 AS Build\n', errors: [{ messageId: 'duplicate', line: 2, column: 21, data: { name: 'Build', line: 1 } }] },
    { name: 'lowercase as keyword', dockerfile: 'from node:20 as app\nfrom node:20 as app\n', errors: [{ messageId: 'duplicate', line: 2, column: 17 }] },
    {
      name: 'three times',
      dockerfile: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM --platform=$BUILDPLATFORM c:1 AS x\n',
      errors: [
        { messageId: 'duplicate', line: 2, column: 13, data: { line: 1 } },
        { messageId: 'duplicate', line: 3, column: 39, data: { line: 1 } },
      ],
    },
    { name: 'name on a continuation line', dockerfile: 'FROM a:1 AS x\nFROM b:1 \\\n  AS x\n', errors: [{ messageId: 'duplicate', line: 3, column: 6 }] },
  ],
});
