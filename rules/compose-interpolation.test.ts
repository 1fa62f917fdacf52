import rule from './compose-interpolation.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'defaults and alternatives', compose: 'services:\n  a:\n    image: "nginx:${TAG:-1.27}"\n    ports:\n      - "${PORT-8080}:80"\n    environment:\n      X: ${UNSET:+alt}\n' },
    { name: 'required variable set in .env', files: { 'compose.yaml': 'services:\n  a:\n    image: app:${TAG:?set TAG}\n', '.env': 'TAG=1.0\n' } },
    { name: 'escaped dollar', compose: 'services:\n  a:\n    image: a:1\n    command: echo $$HOME and $${PATH}\n' },
    { name: 'plain unset variable is unknown, not a finding', compose: 'services:\n  a:\n    image: app:${TAG}\n' },
    { name: 'nested default', compose: 'services:\n  a:\n    image: app:${TAG:-${FALLBACK:-1}}\n' },
    { name: 'required variable from an env file passed on the command line is the CLI tests\' business; empty .env value with ? (not :?) is set', files: { 'compose.yaml': 'services:\n  a:\n    image: app:1${SUFFIX?must be defined}\n', '.env': 'SUFFIX=\n' } },
  ],
  invalid: [
    {
      name: 'required variable unset',
      compose: 'services:\n  a:\n    image: app:${TAG:?set TAG to the release}\n',
      errors: [{ messageId: 'required', line: 3, column: 16, data: { name: 'TAG', message: 'set TAG to the release' } }],
    },
    {
      name: 'required without a message, in a quoted port',
      compose: 'services:\n  a:\n    image: a:1\n    ports:\n      - "${PORT?}:80"\n',
      errors: [{ messageId: 'required', line: 5, column: 10, data: { name: 'PORT', message: 'it has no value' } }],
    },
    {
      name: 'empty value does not satisfy :?',
      files: { 'compose.yaml': 'services:\n  a:\n    image: app:${TAG:?required}\n', '.env': 'TAG=\n' },
      errors: [{ messageId: 'required', file: 'compose.yaml', line: 3, column: 16 }],
    },
    {
      name: 'unclosed template',
      compose: 'services:\n  a:\n    image: a:1\n    ports:\n      - "${PORT:-8000:8000"\n',
      errors: [{ messageId: 'malformed', line: 5, column: 10 }],
    },
    {
      name: 'bad modifier',
      compose: 'services:\n  a:\n    image: app:${TAG%%.*}\n',
      errors: [{ messageId: 'malformed', line: 3, column: 16 }],
    },
    {
      name: 'two required variables in one value',
      compose: 'services:\n  db:\n    image: postgres:16\n    environment:\n      URL: postgres://${USER:?}:${PASS:?no password}@db/x\n',
      errors: [
        { messageId: 'required', line: 5, column: 23, data: { name: 'USER' } },
        { messageId: 'required', line: 5, column: 33, data: { name: 'PASS', message: 'no password' } },
      ],
    },
  ],
});
