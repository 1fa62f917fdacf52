import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'no-version-field',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['style', 'deprecated'],
    description: 'A compose file does not set the obsolete top-level `version` key.',
    docs: {
      what: 'Reports the top-level `version` key of every compose file (each `---` document of a file, override files and included files too), whatever its value. Only the top level counts: a `version` key inside a service, an `x-` extension or a label is not the file format version. The finding points at the `version` key.',
      why: 'The Compose Specification dropped the file format version: `docker compose` ignores it and prints "the attribute `version` is obsolete, it will be ignored" on every run. It misleads readers into thinking features are gated by it (they are not: Compose validates against the latest schema).',
      example: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27-alpine',
      fix: 'Delete the line; set `name:` instead if the key was there to identify the project:\n\nservices:\n  web:\n    image: nginx:1.27-alpine',
    },
    messages: {
      obsolete: 'The top-level `version` key is obsolete: Compose ignores it and warns "the attribute `version` is obsolete"; remove it.',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      const entry = compose.yaml.get(compose.root, 'version');
      if (entry) report({ messageId: 'obsolete', at: compose.yaml.at(entry.keyNode) });
    }
  },
});
