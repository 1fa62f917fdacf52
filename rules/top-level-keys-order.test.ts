import rule from './top-level-keys-order.js';
import { testRule } from '../test/rule-tester.js';

const services = 'services:\n  web:\n    image: nginx:1.27\n';

testRule(rule, {
  valid: [
    {
      name: 'every default key in order',
      compose: `x-logging: &logging\n  driver: local\nversion: "3.9"\nname: shop\ninclude:\n  - ./db/compose.yaml\n${services}networks:\n  back: {}\nvolumes:\n  data: {}\nsecrets:\n  token:\n    file: ./token.txt\nconfigs:\n  nginx:\n    file: ./nginx.conf\n`,
    },
    { name: 'x- keys first, alphabetically', compose: `x-alpha: 1\nx-beta: 2\n${services}` },
    { name: 'only services', compose: services },
    { name: 'some keys left out', compose: `name: shop\n${services}volumes:\n  data: {}\n` },
    { name: 'a merge key may stand anywhere', compose: `x-top: &top\n  name: shop\n${services}<<: *top\n` },
    {
      name: 'custom order with models and x- keys after services',
      compose: `${services}name: shop\nx-note: 1\nmodels:\n  llm:\n    model: ai/smollm2\n`,
      options: { customOrder: ['services', 'name', 'x-properties', 'models'] },
    },
    {
      name: 'an override file that sets only some keys, in order',
      files: { 'compose.yaml': `name: shop\n${services}`, 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - data:/data\nvolumes:\n  data: {}\n' },
    },
  ],
  invalid: [
    {
      name: 'name after services',
      compose: `${services}name: shop\n`,
      errors: [{ messageId: 'misplaced', line: 4, column: 1, data: { key: 'name', before: 'services' } }],
    },
    {
      name: 'x- keys after services',
      compose: `${services}x-beta: 2\nx-alpha: 1\n`,
      errors: [
        { messageId: 'misplaced', line: 4, column: 1, data: { key: 'x-beta', before: 'services' } },
        { messageId: 'misplaced', line: 5, column: 1, data: { key: 'x-alpha', before: 'services' } },
      ],
    },
    {
      name: 'x- keys out of alphabetical order',
      compose: `x-beta: 2\nx-alpha: 1\n${services}`,
      errors: [{ messageId: 'misplaced', line: 2, column: 1, data: { key: 'x-alpha', before: 'x-beta' } }],
    },
    {
      name: 'every key after one that should follow it',
      compose: `${services}version: "3.9"\nname: shop\nvolumes:\n  data: {}\nnetworks:\n  back: {}\n`,
      errors: [
        { messageId: 'misplaced', line: 4, column: 1, data: { key: 'version', before: 'services' } },
        { messageId: 'misplaced', line: 5, column: 1, data: { key: 'name', before: 'services' } },
        { messageId: 'misplaced', line: 8, column: 1, data: { key: 'networks', before: 'volumes' } },
      ],
    },
    {
      name: 'the top-level key is reported, not a service key of the same name',
      compose: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - data:/data\n    networks:\n      - back\nvolumes:\n  data: {}\nnetworks:\n  back: {}\n',
      errors: [{ messageId: 'misplaced', line: 10, column: 1, data: { key: 'networks', before: 'volumes' } }],
    },
    {
      name: 'models is not in the default order',
      compose: `${services}models:\n  llm:\n    model: ai/smollm2\n`,
      errors: [{ messageId: 'notListed', line: 4, column: 1, data: { key: 'models' } }],
    },
    {
      name: 'a custom order without x-properties lists no x- key',
      compose: `x-note: 1\n${services}`,
      options: { customOrder: ['name', 'services'] },
      errors: [{ messageId: 'notListed', line: 1, column: 1, data: { key: 'x-note', order: 'name, services' } }],
    },
    {
      name: 'custom order puts services before name',
      compose: `name: shop\n${services}`,
      options: { customOrder: ['x-properties', 'services', 'name'] },
      errors: [{ messageId: 'misplaced', line: 2, column: 1, data: { key: 'services', before: 'name' } }],
    },
    {
      name: 'a later document of a multi-document file',
      compose: `name: shop\n${services}---\n${services}name: other\n`,
      errors: [{ messageId: 'misplaced', line: 9, column: 1, data: { key: 'name' } }],
    },
    {
      name: 'the override file out of order',
      files: { 'compose.yaml': `name: shop\n${services}`, 'compose.override.yaml': `${services}volumes:\n  data: {}\nname: shop-dev\n` },
      errors: [{ messageId: 'misplaced', file: 'compose.override.yaml', line: 6, column: 1, data: { key: 'name', before: 'services' } }],
    },
  ],
});
