import rule from './no-unconfined-profiles.js';
import { testRule } from '../test/rule-tester.js';

const base = 'services:\n  app:\n    image: a:1\n';

testRule(rule, {
  valid: [
    { name: 'no security_opt', compose: base },
    { name: 'custom profiles, block list', compose: `${base}    security_opt:\n      - seccomp=./seccomp.json\n      - apparmor:docker-default\n      - label:type:container_t\n` },
    { name: 'no-new-privileges only, flow list', compose: `${base}    security_opt: [no-new-privileges:true]\n` },
    { name: 'a label option mentioning seccomp is not a seccomp setting', compose: `${base}    security_opt: ["label:seccomp:unconfined"]\n` },
    { name: 'an unset variable is unknown', compose: `${base}    security_opt: ["seccomp=\${SECCOMP_PROFILE}"]\n` },
    { name: 'unconfined elsewhere (a label value) is not security_opt', compose: `${base}    labels:\n      seccomp: unconfined\n` },
    {
      name: 'base unconfined, the override resets security_opt',
      files: { 'compose.yaml': `${base}    security_opt: [seccomp:unconfined]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt: !reset []\n' },
    },
    {
      name: 'base unconfined, the override replaces the list',
      files: { 'compose.yaml': `${base}    security_opt: [apparmor:unconfined]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt: !override [apparmor=docker-default]\n' },
    },
  ],
  invalid: [
    {
      name: 'seccomp:unconfined, block list',
      compose: `${base}    security_opt:\n      - seccomp:unconfined\n`,
      errors: [{ messageId: 'seccomp', line: 5, column: 9, data: { service: 'app', option: 'seccomp:unconfined' } }],
    },
    { name: 'seccomp=unconfined, flow list', compose: `${base}    security_opt: ["seccomp=unconfined"]\n`, errors: [{ messageId: 'seccomp', line: 4, column: 20 }] },
    {
      name: 'apparmor in both separators',
      compose: `${base}    security_opt:\n      - apparmor:unconfined\n  other:\n    image: b:1\n    security_opt:\n      - apparmor=unconfined\n`,
      errors: [
        { messageId: 'apparmor', line: 5, column: 9, data: { service: 'app' } },
        { messageId: 'apparmor', line: 9, column: 9, data: { service: 'other' } },
      ],
    },
    {
      name: 'SELinux label disable and systempaths unconfined',
      compose: `${base}    security_opt:\n      - label:disable\n      - label=disable\n      - systempaths=unconfined\n`,
      errors: [
        { messageId: 'selinux', line: 5, column: 9 },
        { messageId: 'selinux', line: 6, column: 9 },
        { messageId: 'systempaths', line: 7, column: 9 },
      ],
    },
    {
      name: 'several in one list, next to a good option',
      compose: `${base}    security_opt: [no-new-privileges:true, seccomp:unconfined, apparmor:unconfined]\n`,
      errors: [
        { messageId: 'seccomp', line: 4, column: 44 },
        { messageId: 'apparmor', line: 4, column: 64 },
      ],
    },
    {
      name: 'a variable resolved from .env',
      files: { 'compose.yaml': `${base}    security_opt: ["seccomp=\${SECCOMP_PROFILE:-default.json}"]\n`, '.env': 'SECCOMP_PROFILE=unconfined\n' },
      errors: [{ messageId: 'seccomp', file: 'compose.yaml', line: 4, column: 20, data: { option: 'seccomp=unconfined' } }],
    },
    {
      name: 'base is fine, the override adds seccomp:unconfined',
      files: { 'compose.yaml': `${base}    security_opt: [no-new-privileges:true]\n`, 'compose.override.yaml': 'services:\n  app:\n    security_opt:\n      - seccomp:unconfined\n' },
      errors: [{ messageId: 'seccomp', file: 'compose.override.yaml', line: 4, column: 9 }],
    },
  ],
});
