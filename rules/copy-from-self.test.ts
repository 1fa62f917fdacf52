import rule from './copy-from-self.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'copy from another stage', dockerfile: 'FROM scratch AS build\nRUN foo\nFROM node:20 AS run\nCOPY --from=build foo .\nRUN baz\n' },
    { name: 'copy from an earlier index', dockerfile: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=0 /app /srv\n' },
    { name: 'unnamed stage copying from an image', dockerfile: 'FROM node:20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
    { name: 'name of a later stage', dockerfile: 'FROM node:20 AS a\nCOPY --from=b /x /x\nFROM node:20 AS b\n' },
    { name: 'plain COPY', dockerfile: 'FROM node:20 AS app\nCOPY . .\n' },
  ],
  invalid: [
    { name: '--from after --link', dockerfile: 'FROM node:20 AS web\nCOPY --link --from=web /a /b\n', errors: [{ messageId: 'self', line: 2, column: 20 }] },
    { name: 'copy from the same stage', dockerfile: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n', errors: [{ messageId: 'self', line: 2, column: 13, data: { from: 'foo', stage: '"foo"' } }] },
    { name: 'same stage in another case', dockerfile: 'FROM node:20 AS Build\nRUN make\nCOPY --from=build /out /srv\n', errors: [{ messageId: 'self', line: 3, column: 13, data: { stage: '"build"' } }] },
    {
      name: 'own index in a later stage',
      dockerfile: 'FROM node:20 AS deps\nFROM node:20\nCOPY --from=1 /app /app\n',
      errors: [{ messageId: 'self', line: 3, column: 13, data: { from: '1', stage: '#2' } }],
    },
    { name: 'quoted own name', dockerfile: 'FROM node:20 AS web\nCOPY --from="web" /a /b\n', errors: [{ messageId: 'self', line: 2, column: 13 }] },
  ],
});
