import rule from './single-healthcheck.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no HEALTHCHECK', dockerfile: 'FROM scratch\nCOPY app /app\n' },
    { name: 'one HEALTHCHECK', dockerfile: 'FROM scratch\nHEALTHCHECK CMD ["/app", "health"]\n' },
    { name: 'one HEALTHCHECK in each of two stages', dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD /bin/check1\nFROM alpine:3.20\nHEALTHCHECK CMD /bin/check2\n' },
    { name: 'HEALTHCHECK NONE in a child of a stage with a HEALTHCHECK', dockerfile: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD /bin/check\nFROM base\nHEALTHCHECK NONE\n' },
    { name: 'ONBUILD HEALTHCHECK is not counted', dockerfile: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD /child\nHEALTHCHECK CMD /parent\n' },
  ],
  invalid: [
    {
      name: 'two HEALTHCHECKs',
      dockerfile: 'FROM scratch\nHEALTHCHECK CMD /bin/check1\nHEALTHCHECK CMD /bin/check2\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 3, stage: '#1' } }],
    },
    {
      name: 'HEALTHCHECK NONE overrides an earlier HEALTHCHECK',
      dockerfile: 'FROM nginx:1.27-alpine AS web\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost/ || exit 1\nCOPY site /usr/share/nginx/html\nHEALTHCHECK NONE\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, data: { line: 4, stage: '"web"' } }],
    },
    {
      name: 'duplicates in the second stage only',
      dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD /a\nFROM alpine:3.20\nHEALTHCHECK CMD /b\nHEALTHCHECK CMD /c\n',
      errors: [{ messageId: 'overridden', line: 4, column: 1, data: { line: 5, stage: '#2' } }],
    },
  ],
});
