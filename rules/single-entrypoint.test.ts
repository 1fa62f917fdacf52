import rule from './single-entrypoint.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'one ENTRYPOINT', dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/app"]\n' },
    { name: 'no ENTRYPOINT', dockerfile: 'FROM busybox:1.36\nCMD ["sh"]\n' },
    { name: 'one ENTRYPOINT in each of two stages', dockerfile: 'FROM debian:12 AS distro1\nENTRYPOINT bash\nRUN foo\nFROM debian:12 AS distro2\nENTRYPOINT another\n' },
    { name: 'ENTRYPOINT in the parent and in the child stage', dockerfile: 'FROM alpine:3.20 AS base\nENTRYPOINT ["/base.sh"]\nFROM base\nENTRYPOINT ["/child.sh"]\n' },
    { name: 'ONBUILD ENTRYPOINT is not counted', dockerfile: 'FROM alpine:3.20\nONBUILD ENTRYPOINT ["/child.sh"]\nENTRYPOINT ["/parent.sh"]\n' },
    { name: 'ENTRYPOINT and CMD together', dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["app"]\nCMD ["app", "--debug"]\n' },
  ],
  invalid: [
    {
      name: 'two ENTRYPOINTs in one stage',
      dockerfile: 'FROM debian:12\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 4, stage: '#1' } }],
    },
    {
      name: 'duplicates in the first of two stages',
      dockerfile: 'FROM debian:12 AS distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian:12 AS distro2\nENTRYPOINT another\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 4, stage: '"distro1"' } }],
    },
    {
      name: 'three ENTRYPOINTs',
      dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]\nUSER 1000\nENTRYPOINT ["/c"]\n',
      errors: [
        { messageId: 'overridden', line: 2, column: 1, data: { line: 3 } },
        { messageId: 'overridden', line: 3, column: 1, data: { line: 5 } },
      ],
    },
  ],
});
