import rule from './unused-suppression.js';
import { testRule } from '../test/rule-tester.js';
import { reportEvery } from '../test/fake-rules.js';

const runRule = reportEvery('RUN', 'run-rule', ['DL9001', 'JSONArgsRecommended']);
const offRule = { ...reportEvery('USER', 'off-rule', ['DL9003']), meta: { ...reportEvery('USER', 'off-rule', ['DL9003']).meta, level: 'off' as const } };

testRule(rule, {
  valid: [
    { name: 'a used dockpolicy-ignore', dockerfile: 'FROM alpine:3.20\n# dockpolicy-ignore run-rule\nRUN a\n', with: [runRule] },
    { name: 'a used hadolint pragma, with a ShellCheck code it cannot judge', dockerfile: 'FROM alpine:3.20\n# hadolint ignore=DL9001,SC2086\nRUN a\n', with: [runRule] },
    { name: 'a used check=skip directive', dockerfile: '# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nRUN a\n', with: [runRule] },
    { name: 'a used file suppression', dockerfile: '# dockpolicy-ignore-file DL9001\nFROM alpine:3.20\nRUN a\n', with: [runRule] },
    { name: 'suppressions are not judged when they are not honoured', dockerfile: 'FROM alpine:3.20\n# dockpolicy-ignore run-rule\nCOPY a /a\n', with: [runRule], engine: { inlineSuppressions: false } },
  ],
  invalid: [
    {
      name: 'a suppression of an instruction that has no finding',
      dockerfile: 'FROM alpine:3.20\n# dockpolicy-ignore run-rule -- old\nCOPY a /a\nRUN b\n',
      with: [runRule],
      errors: [{ messageId: 'unused', line: 2, column: 21, data: { name: 'run-rule' } }],
    },
    {
      name: 'an unused name after a code it cannot judge, pointed at by column',
      dockerfile: 'FROM alpine:3.20\n# hadolint ignore=SC2086,DL9001\nCOPY a /a\n',
      with: [runRule],
      errors: [{ messageId: 'unused', line: 2, column: 26, data: { name: 'DL9001' } }],
    },
    {
      name: 'an unknown rule id in a dockpolicy comment',
      dockerfile: 'FROM alpine:3.20\n# dockpolicy-ignore no-such-rule\nRUN a\n',
      with: [runRule],
      errors: [{ messageId: 'unknownRule', line: 2, column: 21, data: { name: 'no-such-rule' } }],
    },
    {
      name: 'an unused file-wide BuildKit skip',
      dockerfile: '# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCOPY a /a\n',
      with: [runRule],
      errors: [{ messageId: 'unused', line: 1, column: 14, data: { name: 'JSONArgsRecommended' } }],
    },
    {
      name: 'a suppression at the end of the file covers nothing',
      dockerfile: 'FROM alpine:3.20\nRUN a\n# dockpolicy-ignore run-rule\n',
      with: [runRule, offRule],
      errors: [{ messageId: 'unused', line: 3, column: 21 }],
    },
  ],
});
