import rule from './no-version-field.js';
import { testRule } from '../test/rule-tester.js';

const web = 'services:\n  web:\n    image: nginx:1.27-alpine\n';

testRule(rule, {
  valid: [
    { name: 'no version key', compose: web },
    { name: 'project name instead of version', compose: `name: shop\n${web}` },
    { name: 'version label on a service', compose: 'services:\n  api:\n    image: api:1.4\n    labels:\n      version: "1.4"\n' },
    { name: 'version key inside an extension field', compose: `x-release:\n  version: 2\n${web}` },
    { name: 'service named version', compose: 'services:\n  version:\n    image: busybox:1.36\n' },
    { name: 'version in environment map', compose: 'services:\n  api:\n    image: api:1\n    environment:\n      version: v2\n' },
    {
      name: 'base and override without version',
      files: { 'compose.yaml': web, 'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "8080:80"\n' },
    },
  ],
  invalid: [
    { name: 'quoted version string', compose: `version: "3.8"\n${web}`, errors: [{ messageId: 'obsolete', line: 1, column: 1 }] },
    { name: 'numeric version', compose: `version: 3\n${web}`, errors: [{ messageId: 'obsolete', line: 1, column: 1 }] },
    { name: 'version without a value', compose: `version:\n${web}`, errors: [{ messageId: 'obsolete', line: 1, column: 1 }] },
    { name: 'version after comments', compose: `# shop\n\nversion: '2.4'\n${web}`, errors: [{ messageId: 'obsolete', line: 3, column: 1 }] },
    { name: 'version written last', compose: `${web}version: "3"\n`, errors: [{ messageId: 'obsolete', line: 4, column: 1 }] },
    { name: 'quoted version key', compose: `"version": "3.9"\n${web}`, errors: [{ messageId: 'obsolete', line: 1, column: 1 }] },
    {
      name: 'top-level version after an extension that has its own version key',
      compose: `x-meta:\n  version: 7\nversion: "3.7"\n${web}`,
      errors: [{ messageId: 'obsolete', line: 3, column: 1 }],
    },
    {
      name: 'version only in the override file',
      files: { 'compose.yaml': web, 'compose.override.yaml': 'version: "3.8"\nservices:\n  web:\n    ports:\n      - "8080:80"\n' },
      errors: [{ messageId: 'obsolete', file: 'compose.override.yaml', line: 1, column: 1 }],
    },
    {
      name: 'version in base and override',
      files: { 'compose.yaml': `version: "3.8"\n${web}`, 'compose.override.yaml': 'version: "3.8"\nservices:\n  web:\n    environment:\n      DEBUG: "1"\n' },
      errors: [
        { messageId: 'obsolete', file: 'compose.override.yaml', line: 1, column: 1 },
        { messageId: 'obsolete', file: 'compose.yaml', line: 1, column: 1 },
      ],
    },
    {
      name: 'second document of a multi-document file',
      compose: `${web}---\nversion: "3"\nservices:\n  db:\n    image: postgres:16\n`,
      errors: [{ messageId: 'obsolete', line: 5, column: 1 }],
    },
    {
      name: 'included file',
      files: { 'compose.yaml': `include:\n  - db/compose.yaml\n${web}`, 'db/compose.yaml': 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n' },
      errors: [{ messageId: 'obsolete', file: 'db/compose.yaml', line: 1, column: 1 }],
    },
  ],
});
