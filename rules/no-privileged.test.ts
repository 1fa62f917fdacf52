import rule from './no-privileged.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'not set', compose: 'services:\n  app:\n    image: a:1\n' },
    { name: 'privileged: false', compose: 'services:\n  app:\n    image: a:1\n    privileged: false\n' },
    { name: 'quoted "false"', compose: 'services:\n  app:\n    image: a:1\n    privileged: "false"\n' },
    { name: 'privileged: no', compose: 'services:\n  app:\n    image: a:1\n    privileged: no\n' },
    { name: 'an unset variable is unknown, not true', compose: 'services:\n  app:\n    image: a:1\n    privileged: ${PRIVILEGED}\n' },
    { name: 'a variable defaulting to false', compose: 'services:\n  app:\n    image: a:1\n    privileged: ${PRIVILEGED:-false}\n' },
    { name: 'build.privileged affects only the build', compose: 'services:\n  app:\n    build:\n      context: .\n      privileged: true\n' },
    { name: 'privileged under another key', compose: 'services:\n  app:\n    image: a:1\n    labels:\n      privileged: "true"\n' },
    {
      name: 'override turns it off',
      files: { 'compose.yaml': 'services:\n  app:\n    image: a:1\n    privileged: true\n', 'compose.override.yaml': 'services:\n  app:\n    privileged: false\n' },
    },
    {
      name: 'override removes it with !reset',
      files: { 'compose.yaml': 'services:\n  app:\n    image: a:1\n    privileged: true\n', 'compose.override.yaml': 'services:\n  app:\n    privileged: !reset null\n' },
    },
  ],
  invalid: [
    {
      name: 'privileged: true',
      compose: 'services:\n  app:\n    image: a:1\n    privileged: true\n',
      errors: [{ messageId: 'privileged', line: 4, column: 17, data: { service: 'app' } }],
    },
    { name: 'quoted "true"', compose: 'services:\n  app:\n    image: a:1\n    privileged: "true"\n', errors: [{ messageId: 'privileged', line: 4, column: 17 }] },
    { name: 'privileged: yes (compose casts it to true)', compose: 'services:\n  app:\n    image: a:1\n    privileged: yes\n', errors: [{ messageId: 'privileged', line: 4, column: 17 }] },
    { name: 'privileged: True', compose: 'services:\n  app:\n    image: a:1\n    privileged: True\n', errors: [{ messageId: 'privileged', line: 4, column: 17 }] },
    {
      name: 'a variable set to true in .env',
      files: { 'compose.yaml': 'services:\n  app:\n    image: a:1\n    privileged: ${PRIVILEGED:-false}\n', '.env': 'PRIVILEGED=true\n' },
      errors: [{ messageId: 'privileged', file: 'compose.yaml', line: 4, column: 17 }],
    },
    {
      name: 'only the privileged one of two services',
      compose: 'services:\n  web:\n    image: w:1\n  agent:\n    image: a:1\n    privileged: true\n',
      errors: [{ messageId: 'privileged', line: 6, column: 17, data: { service: 'agent' } }],
    },
    {
      name: 'base is fine, the override turns it on',
      files: { 'compose.yaml': 'services:\n  app:\n    image: a:1\n    privileged: false\n', 'compose.override.yaml': 'services:\n  app:\n    privileged: true\n' },
      errors: [{ messageId: 'privileged', file: 'compose.override.yaml', line: 3, column: 17 }],
    },
    {
      name: 'inherited through extends: reported where it is written',
      compose: 'services:\n  base:\n    image: a:1\n    privileged: true\n  app:\n    extends: base\n',
      errors: [
        { messageId: 'privileged', line: 4, column: 17, data: { service: 'app' } },
        { messageId: 'privileged', line: 4, column: 17, data: { service: 'base' } },
      ],
    },
  ],
});
