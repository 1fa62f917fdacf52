import rule from './user-defined-networks.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared network, list form', compose: 'services:\n  api:\n    image: api:1\n    networks:\n      - backend\nnetworks:\n  backend:\n' },
    { name: 'declared networks, map form', compose: 'services:\n  api:\n    image: api:1\n    networks:\n      frontend:\n        aliases: [api.local]\n      default: {}\nnetworks:\n  frontend:\n' },
    { name: 'the default network configured at the top level', compose: 'services:\n  api:\n    image: api:1\n    networks: [default]\nnetworks:\n  default:\n    name: shop_net\n    driver: bridge\n' },
    { name: 'network_mode service, host and none are exempt', compose: 'services:\n  vpn:\n    image: vpn:1\n    networks: [edge]\n  torrent:\n    image: t:1\n    network_mode: "service:vpn"\n  agent:\n    image: agent:1\n    network_mode: host\n  batch:\n    image: batch:1\n    network_mode: none\nnetworks:\n  edge:\n' },
    { name: 'network_mode from an unset variable is unknown', compose: 'services:\n  api:\n    image: api:1\n    network_mode: ${NET_MODE}\n' },
    { name: 'an override checked alone is not judged for missing networks', files: { 'compose.prod.yaml': 'services:\n  api:\n    restart: always\n' } },
    {
      name: 'base names no network, the override attaches one',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\nnetworks:\n  backend:\n', 'compose.override.yaml': 'services:\n  api:\n    networks: [backend]\n' },
    },
  ],
  invalid: [
    { name: 'no networks', compose: 'services:\n  auth:\n    build: .\n    restart: on-failure\n', errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'auth' } }] },
    {
      name: 'one service with a network and one without',
      compose: 'services:\n  web:\n    image: web:1\n    networks:\n      - frontend\n  auth:\n    image: auth:1\nnetworks:\n  frontend:\n',
      errors: [{ messageId: 'missing', line: 6, column: 3, data: { service: 'auth' } }],
    },
    { name: 'only the implicit default, list form', compose: 'services:\n  api:\n    image: api:1\n    networks: [default]\n', errors: [{ messageId: 'onlyDefault', line: 4, column: 16 }] },
    { name: 'only the implicit default, map form', compose: 'services:\n  api:\n    image: api:1\n    networks:\n      default:\n        aliases: [api]\n', errors: [{ messageId: 'onlyDefault', line: 5, column: 7 }] },
    { name: 'network_mode bridge', compose: 'services:\n  api:\n    image: api:1\n    network_mode: bridge\n', errors: [{ messageId: 'defaultBridge', line: 4, column: 19, data: { mode: 'bridge' } }] },
    {
      name: 'override switches to the default bridge: points into compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    networks: [backend]\nnetworks:\n  backend:\n', 'compose.override.yaml': 'services:\n  api:\n    networks: !reset []\n    network_mode: bridge\n' },
      errors: [{ messageId: 'defaultBridge', file: 'compose.override.yaml', line: 4, column: 19 }],
    },
  ],
});
