import rule from './no-host-namespaces.js';
import { testRule } from '../test/rule-tester.js';

const base = 'services:\n  app:\n    image: a:1\n';

testRule(rule, {
  valid: [
    { name: 'nothing shared', compose: base },
    { name: 'bridge and none networks', compose: `${base}    network_mode: bridge\n  b:\n    image: b:1\n    network_mode: "none"\n` },
    { name: "another service's namespaces", compose: `${base}    network_mode: "service:db"\n    pid: "service:db"\n    ipc: "container:db"\n  db:\n    image: d:1\n    ipc: shareable\n` },
    { name: 'private cgroup namespace', compose: `${base}    cgroup: private\n` },
    { name: 'a network named host in networks is not network_mode', compose: `${base}    networks: [host]\nnetworks:\n  host:\n    external: true\n` },
    { name: 'an unset variable is unknown', compose: `${base}    network_mode: \${NETWORK_MODE}\n    cgroup_parent: \${CGROUP_PARENT}\n` },
    { name: 'allowed by option', compose: `${base}    pid: host\n    cgroup_parent: monitoring.slice\n`, options: { allow: ['pid', 'cgroup_parent'] } },
    {
      name: 'base shares the host network, the override resets it',
      files: { 'compose.yaml': `${base}    network_mode: host\n`, 'compose.override.yaml': 'services:\n  app:\n    network_mode: !reset null\n' },
    },
    {
      name: 'base shares the host PID namespace, the override replaces it',
      files: { 'compose.yaml': `${base}    pid: host\n`, 'compose.override.yaml': 'services:\n  app:\n    pid: "service:other"\n' },
    },
  ],
  invalid: [
    { name: 'network_mode: host', compose: `${base}    network_mode: host\n`, errors: [{ messageId: 'network', line: 4, column: 19, data: { service: 'app' } }] },
    {
      name: 'every host namespace, one message each, quoted and plain',
      compose: `${base}    network_mode: "host"\n    pid: host\n    ipc: 'host'\n    userns_mode: host\n    uts: host\n    cgroup: host\n`,
      errors: [
        { messageId: 'network', line: 4, column: 19 },
        { messageId: 'pid', line: 5, column: 10 },
        { messageId: 'ipc', line: 6, column: 10 },
        { messageId: 'userns', line: 7, column: 18 },
        { messageId: 'uts', line: 8, column: 10 },
        { messageId: 'cgroup', line: 9, column: 13 },
      ],
    },
    {
      name: 'cgroup_parent set at all (KICS Cgroup Not Default)',
      compose: `${base}    cgroup_parent: m-executor-abcd\n`,
      errors: [{ messageId: 'cgroupParent', line: 4, column: 20, data: { service: 'app', value: 'm-executor-abcd' } }],
    },
    {
      name: 'a variable resolved from .env',
      files: { 'compose.yaml': `${base}    network_mode: \${NETWORK_MODE:-bridge}\n`, '.env': 'NETWORK_MODE=host\n' },
      errors: [{ messageId: 'network', file: 'compose.yaml', line: 4, column: 19 }],
    },
    {
      name: 'allow one field, the others still reported',
      compose: `${base}    network_mode: host\n    pid: host\n`,
      options: { allow: ['network_mode'] },
      errors: [{ messageId: 'pid', line: 5, column: 10 }],
    },
    {
      name: 'base is fine, the override shares the host IPC namespace',
      files: { 'compose.yaml': `${base}    ipc: private\n`, 'compose.override.yaml': 'services:\n  app:\n    ipc: host\n' },
      errors: [{ messageId: 'ipc', file: 'compose.override.yaml', line: 3, column: 10 }],
    },
  ],
});
