import rule from './no-new-privileges.js';
import { testRule } from '../test/rule-tester.js';

const base = 'services:\n  app:\n    image: a:1\n';

testRule(rule, {
  valid: [
    { name: 'no-new-privileges:true, block list', compose: `${base}    security_opt:\n      - no-new-privileges:true\n` },
    { name: 'no-new-privileges alone, flow list', compose: `${base}    security_opt: [no-new-privileges]\n` },
    { name: 'no-new-privileges=true', compose: `${base}    security_opt: ["no-new-privileges=true"]\n` },
    { name: 'no-new-privileges:1 (a Go boolean)', compose: `${base}    security_opt: ["no-new-privileges:1"]\n` },
    { name: 'among other options', compose: `${base}    security_opt:\n      - label:type:svirt_apache_t\n      - no-new-privileges:true\n` },
    { name: 'false then true: the last one wins', compose: `${base}    security_opt: ["no-new-privileges:false", "no-new-privileges:true"]\n` },
    { name: 'an unset variable is unknown', compose: `${base}    security_opt: ["\${SECURITY_OPT}"]\n` },
    { name: 'an override fragment checked alone is not judged', files: { 'compose.prod.yaml': 'services:\n  app:\n    restart: always\n' } },
    {
      name: 'base lacks it, the override sets it',
      files: { 'compose.yaml': base, 'compose.override.yaml': 'services:\n  app:\n    security_opt: [no-new-privileges:true]\n' },
    },
    {
      name: 'the override adds options to a base that sets it',
      files: { 'compose.yaml': `${base}    security_opt: [no-new-privileges:true]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt: ["apparmor=docker-default"]\n' },
    },
  ],
  invalid: [
    { name: 'no security_opt', compose: base, errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'app' } }] },
    {
      name: 'security_opt without it, block list',
      compose: `${base}    security_opt:\n      - apparmor:docker-default\n`,
      errors: [{ messageId: 'notSet', line: 4, column: 5, data: { service: 'app' } }],
    },
    {
      name: 'no-new-privileges:false',
      compose: `${base}    security_opt:\n      - no-new-privileges:false\n`,
      errors: [{ messageId: 'disabled', line: 5, column: 9, data: { service: 'app' } }],
    },
    { name: 'no-new-privileges=false in a flow list', compose: `${base}    security_opt: [no-new-privileges=false]\n`, errors: [{ messageId: 'disabled', line: 4, column: 20 }] },
    {
      name: 'true then false: the last one wins',
      compose: `${base}    security_opt:\n      - no-new-privileges:true\n      - no-new-privileges:false\n`,
      errors: [{ messageId: 'disabled', line: 6, column: 9 }],
    },
    {
      name: 'base sets it, the override turns it off',
      files: { 'compose.yaml': `${base}    security_opt: [no-new-privileges:true]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt:\n      - no-new-privileges:false\n' },
      errors: [{ messageId: 'disabled', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
    {
      name: 'base sets it, the override replaces security_opt without it',
      files: { 'compose.yaml': `${base}    security_opt: [no-new-privileges:true]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt: !override [seccomp=profile.json]\n' },
      errors: [{ messageId: 'notSet', file: 'compose.override.yaml', line: 3, column: 5 }],
    },
    {
      name: 'an override that disables it in a fragment checked alone',
      files: { 'compose.prod.yaml': 'services:\n  app:\n    security_opt: [no-new-privileges:false]\n' },
      errors: [{ messageId: 'disabled', file: 'compose.prod.yaml', line: 3, column: 20 }],
    },
  ],
});
