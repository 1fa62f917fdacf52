import { isScalar } from '../src/parse/yaml-guards.js';
import { defineRule } from '../src/engine/rule.js';
import { alphabetical, misplaced, writtenEntries, writtenServiceMaps } from '../src/model/compose-order.js';

export default defineRule({
  meta: {
    id: 'depends-on-order',
    aliases: ['service-dependencies-alphabetical-order'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: "A service's depends_on entries are listed in alphabetical order.",
    docs: {
      what: "Reads each compose file (each `---` document) as written, without merging override files, and reports a service whose `depends_on` is not in alphabetical order, once per service at its `depends_on` key, naming the first dependency that is out of place. Both forms are read: the list of names and the map of names to `condition`/`restart`/`required`. Names are compared alphabetically as dclint compares them.",
      why: 'An alphabetical dependency list is quick to scan and to compare with the services it names; the order of `depends_on` entries does not change the start order, so keeping them sorted costs nothing and keeps diffs small.',
      example: 'services:\n  api:\n    image: acme/api:1.4\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy',
      fix: 'Sort the dependencies by name:\n\nservices:\n  api:\n    image: acme/api:1.4\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started',
    },
    messages: {
      unsorted: 'Dependency "{{dependency}}" of service "{{service}}" should come before "{{before}}".',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      const y = compose.yaml;
      for (const { service, keys } of writtenServiceMaps(compose)) {
        const dependsOn = keys.find((k) => k.key === 'depends_on');
        if (!dependsOn) continue;
        const names = y.isSeq(dependsOn.value)
          ? y.items(dependsOn.value).map((item) => (isScalar(item) ? String(item.value) : ''))
          : writtenEntries(y, dependsOn.value).map((e) => e.key);
        const first = misplaced(names, alphabetical)[0];
        if (!first) continue;
        report({
          messageId: 'unsorted',
          data: { service: service.key, dependency: names[first.index]!, before: names[first.before]! },
          at: y.at(dependsOn.keyNode),
        });
      }
    }
  },
});
