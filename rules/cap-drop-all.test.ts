import rule from './cap-drop-all.js';
import { testRule } from '../test/rule-tester.js';

const base = 'services:\n  app:\n    image: a:1\n';

testRule(rule, {
  valid: [
    { name: 'drops ALL, flow list', compose: `${base}    cap_drop: [ALL]\n` },
    { name: 'drops all in lower case, block list', compose: `${base}    cap_drop:\n      - all\n` },
    { name: 'drops CAP_ALL', compose: `${base}    cap_drop: [CAP_ALL]\n` },
    { name: 'drops ALL and adds a few back', compose: `${base}    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n` },
    { name: 'cap_drop with an unset variable is unknown', compose: `${base}    cap_drop: ["\${DROP_CAPS}"]\n` },
    { name: 'a variable that resolves to ALL', compose: `${base}    cap_drop: ["\${DROP_CAPS:-ALL}"]\n` },
    { name: 'an override fragment checked alone is not judged', files: { 'compose.prod.yaml': 'services:\n  app:\n    image: a:1\n    restart: always\n' } },
    {
      name: 'base lacks it, the override adds cap_drop ALL',
      files: { 'compose.yaml': base, 'compose.override.yaml': 'services:\n  app:\n    cap_drop: [ALL]\n' },
    },
    {
      name: 'ALL from the base and more drops from the override merge',
      files: { 'compose.yaml': `${base}    cap_drop: [ALL]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_drop: [NET_RAW]\n' },
    },
    {
      name: 'inherited through extends',
      compose: 'services:\n  hardened:\n    image: a:1\n    cap_drop: [ALL]\n  app:\n    extends: hardened\n    image: b:1\n',
    },
  ],
  invalid: [
    { name: 'no cap_drop', compose: base, errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'app' } }] },
    {
      name: 'drops only some capabilities, block list',
      compose: `${base}    cap_drop:\n      - NET_RAW\n      - MKNOD\n`,
      errors: [{ messageId: 'notAll', line: 4, column: 5, data: { service: 'app' } }],
    },
    { name: 'empty cap_drop', compose: `${base}    cap_drop: []\n`, errors: [{ messageId: 'notAll', line: 4, column: 5 }] },
    {
      name: 'adds without dropping',
      compose: `${base}    cap_add: [NET_ADMIN]\n  db:\n    image: postgres:16\n    cap_drop: [ALL]\n`,
      errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'app' } }],
    },
    {
      name: 'base drops ALL, the override resets cap_drop',
      files: { 'compose.yaml': `${base}    cap_drop: [ALL]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_drop: !reset []\n' },
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
    {
      name: 'base drops ALL, the override replaces the list without ALL',
      files: { 'compose.yaml': `${base}    cap_drop: [ALL]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_drop: !override [NET_RAW]\n' },
      errors: [{ messageId: 'notAll', file: 'compose.override.yaml', line: 3, column: 5 }],
    },
  ],
});
