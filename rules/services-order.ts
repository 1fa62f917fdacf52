import { defineRule } from '../src/engine/rule.js';
import { alphabetical, misplaced, writtenServices } from '../src/model/compose-order.js';

export default defineRule({
  meta: {
    id: 'services-order',
    aliases: ['services-alphabetical-order'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: 'Services are listed in alphabetical order in each compose file.',
    docs: {
      what: 'Reads each compose file (each `---` document) as written, without merging override files, and reports every service whose name sorts before a service written above it, naming the earlier service it should come before. Names are compared alphabetically as dclint compares them (case does not decide before letters do: `Beta` sorts after `alpha`; `_` and `-` sort before letters and digits). Services brought in by `<<` merge keys are not judged.',
      why: 'In a long compose file an alphabetical list of services is quick to scan and to keep free of duplicates, and new services have an obvious place, which keeps diffs small.',
      example: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: acme/api:1.4',
      fix: 'Move each service to its alphabetical place:\n\nservices:\n  api:\n    image: acme/api:1.4\n  web:\n    image: nginx:1.27',
    },
    messages: {
      misplaced: 'Service "{{service}}" should come before "{{before}}".',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      const services = writtenServices(compose);
      for (const { index, before } of misplaced(services.map((s) => s.key), alphabetical)) {
        const service = services[index]!;
        report({ messageId: 'misplaced', data: { service: service.key, before: services[before]!.key }, at: compose.yaml.at(service.keyNode) });
      }
    }
  },
});
