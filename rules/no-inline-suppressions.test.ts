import rule from './no-inline-suppressions.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ordinary comments', dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n# install curl\nRUN apk add --no-cache curl\n' },
    { name: 'a parser directive other than check', dockerfile: '# escape=`\nFROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'every kind of suppression comment',
      dockerfile: '# check=skip=StageNameCasing\n# hadolint global ignore=DL3006\nFROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n# dockpolicy-ignore apk-pin-versions -- reviewed\nRUN apk add git\n# dockpolicy-ignore-file no-latest-tag\n',
      errors: [
        { messageId: 'inline', line: 1, column: 1, data: { names: 'StageNameCasing' } },
        { messageId: 'inline', line: 2, column: 1, data: { names: 'DL3006' } },
        { messageId: 'inline', line: 4, column: 1, data: { names: 'DL3018' } },
        { messageId: 'inline', line: 6, column: 1 },
        { messageId: 'inline', line: 8, column: 1 },
      ],
    },
    {
      name: 'reported even when not honoured',
      dockerfile: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n',
      engine: { inlineSuppressions: false },
      errors: [{ messageId: 'inline', line: 2, column: 1 }],
    },
  ],
});
