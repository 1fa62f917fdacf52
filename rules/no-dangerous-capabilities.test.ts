import rule from './no-dangerous-capabilities.js';
import { testRule } from '../test/rule-tester.js';

const base = 'services:\n  app:\n    image: a:1\n';

testRule(rule, {
  valid: [
    { name: 'no cap_add', compose: base },
    { name: 'harmless capabilities, block list', compose: `${base}    cap_drop: [ALL]\n    cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n` },
    { name: 'IPC_LOCK (vault) is not dangerous', compose: `${base}    cap_add: [IPC_LOCK]\n` },
    { name: 'dropping a dangerous capability is not adding it', compose: `${base}    cap_drop: [SYS_ADMIN, NET_ADMIN]\n` },
    { name: 'an unset variable is unknown', compose: `${base}    cap_add: ["\${EXTRA_CAP}"]\n` },
    { name: 'allowed by option', compose: `${base}    cap_add: [NET_ADMIN]\n`, options: { allowed: ['net_admin'] } },
    {
      name: 'override removes cap_add with !reset',
      files: { 'compose.yaml': `${base}    cap_add: [SYS_ADMIN]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_add: !reset []\n' },
    },
    {
      name: 'override replaces cap_add with !override',
      files: { 'compose.yaml': `${base}    cap_add: [SYS_ADMIN]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_add: !override [CHOWN]\n' },
    },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN in a block list',
      compose: `${base}    cap_add:\n      - SYS_ADMIN\n`,
      errors: [{ messageId: 'dangerous', line: 5, column: 9, data: { service: 'app', capability: 'SYS_ADMIN' } }],
    },
    { name: 'ALL in a flow list', compose: `${base}    cap_add: [ALL]\n`, errors: [{ messageId: 'all', line: 4, column: 15, data: { service: 'app' } }] },
    { name: 'lower case all', compose: `${base}    cap_add: [all]\n`, errors: [{ messageId: 'all', line: 4, column: 15 }] },
    {
      name: 'lower case and CAP_ prefix are the same capability',
      compose: `${base}    cap_add:\n      - sys_ptrace\n      - CAP_SYS_MODULE\n      - "cap_dac_read_search"\n`,
      errors: [
        { messageId: 'dangerous', line: 5, column: 9, data: { capability: 'SYS_PTRACE' } },
        { messageId: 'dangerous', line: 6, column: 9, data: { capability: 'SYS_MODULE' } },
        { messageId: 'dangerous', line: 7, column: 9, data: { capability: 'DAC_READ_SEARCH' } },
      ],
    },
    {
      name: 'only the dangerous items of a mixed list, even after dropping ALL',
      compose: `${base}    cap_drop: [ALL]\n    cap_add: [CHOWN, NET_ADMIN, SETUID]\n`,
      errors: [{ messageId: 'dangerous', line: 5, column: 22, data: { capability: 'NET_ADMIN' } }],
    },
    {
      name: 'additional capability from the options',
      compose: `${base}    cap_add: [SYS_NICE, SYS_ADMIN]\n`,
      options: { additional: ['CAP_SYS_NICE'], allowed: ['SYS_ADMIN'] },
      errors: [{ messageId: 'listed', line: 4, column: 15, data: { capability: 'SYS_NICE' } }],
    },
    {
      name: 'a variable resolved from .env',
      files: { 'compose.yaml': `${base}    cap_add: ["\${EXTRA_CAP:-CHOWN}"]\n`, '.env': 'EXTRA_CAP=SYS_ADMIN\n' },
      errors: [{ messageId: 'dangerous', file: 'compose.yaml', line: 4, column: 15 }],
    },
    {
      name: 'base is fine, the override adds NET_ADMIN',
      files: { 'compose.yaml': `${base}    cap_add: [CHOWN]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_add:\n      - NET_ADMIN\n' },
      errors: [{ messageId: 'dangerous', file: 'compose.override.yaml', line: 4, column: 9, data: { capability: 'NET_ADMIN' } }],
    },
    {
      name: 'base adds SYS_ADMIN, an override that only adds more does not remove it',
      files: { 'compose.yaml': `${base}    cap_add: [SYS_ADMIN]\n`, 'compose.override.yaml': 'services:\n  app:\n    cap_add: [CHOWN]\n' },
      errors: [{ messageId: 'dangerous', file: 'compose.yaml', line: 4, column: 15 }],
    },
  ],
});
