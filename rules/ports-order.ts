import { defineRule } from '../src/engine/rule.js';
import { misplaced, numerical, portLabel, portSortKey, writtenServiceMaps } from '../src/model/compose-order.js';

export default defineRule({
  meta: {
    id: 'ports-order',
    aliases: ['service-ports-alphabetical-order'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: "A service's ports are listed in order of their host port.",
    docs: {
      what: "Reads each compose file (each `---` document) as written, without merging override files, and reports a service whose `ports` list is not sorted, once per list at its `ports` key, naming the first entry that is out of place. Entries are sorted as dclint sorts them: by the host port as written (`8080` of `8080:80` and of `127.0.0.1:8080:80`; a range by its text, `8000-8010`; the container port for an entry that publishes none, such as `\"9229\"`; `published` in the long syntax, empty and so first when it is absent), digits compared as numbers (`9000` before `10000`), the protocol not counted. A host port from a variable (`${WEB_PORT}:80`) sorts by its text, before the numbers.",
      why: 'Sorted port lists are easy to scan for what a service publishes and make a clash with another entry easy to spot; a fixed order keeps diffs small.',
      example: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8443:443"\n      - "8080:80"',
      fix: 'Sort the entries by host port:\n\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "8443:443"',
    },
    messages: {
      unsorted: 'Port "{{port}}" of service "{{service}}" should come before "{{before}}".',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      const y = compose.yaml;
      for (const { service, keys } of writtenServiceMaps(compose)) {
        const ports = keys.find((k) => k.key === 'ports');
        if (!ports || !y.isSeq(ports.value)) continue;
        const items = y.items(ports.value);
        const first = misplaced(items.map((i) => portSortKey(y, i)), numerical)[0];
        if (!first) continue;
        report({
          messageId: 'unsorted',
          data: { service: service.key, port: portLabel(y, items[first.index]), before: portLabel(y, items[first.before]) },
          at: y.at(ports.keyNode),
        });
      }
    }
  },
});
