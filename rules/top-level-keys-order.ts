import { defineRule } from '../src/engine/rule.js';
import { alphabetical, writtenEntries } from '../src/model/compose-order.js';

interface Options {
  customOrder: string[];
}

/** Stands in `customOrder` for every `x-` key of the file, sorted alphabetically (as in dclint). */
const X_PROPERTIES = 'x-properties';
const DEFAULT_ORDER = [X_PROPERTIES, 'version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

export default defineRule<Options>({
  meta: {
    id: 'top-level-keys-order',
    aliases: ['top-level-properties-order'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: 'Top-level keys of a compose file follow a fixed order.',
    docs: {
      what: "Reads each compose file (each `---` document) as written and reports a top-level key written after a key it should follow, and a top-level key the order does not list. The order is dclint's `customOrder` option, by default `x-properties` (every `x-` extension key, alphabetically), `version`, `name`, `include`, `services`, `networks`, `volumes`, `secrets`, `configs`. As in dclint, a key missing from the order is reported wherever it stands: `models` is not in the default order, so a file that uses it needs a `customOrder` that lists it; when `customOrder` leaves out `x-properties`, the `x-` keys are reported the same way. A `<<` merge key may stand anywhere.",
      why: 'With extension fragments first and the sections in the same order in every compose file, anchors are defined before they are used and a reader finds `services`, `networks` and `volumes` where they expect them.',
      example: 'services:\n  web:\n    image: nginx:1.27\nname: shop\nx-logging: &logging\n  driver: local',
      fix: 'Reorder the top-level keys:\n\nx-logging: &logging\n  driver: local\nname: shop\nservices:\n  web:\n    image: nginx:1.27',
    },
    messages: {
      misplaced: 'Top-level key "{{key}}" should come before "{{before}}".',
      notListed: 'Top-level key "{{key}}" is not in the configured order ({{order}}).',
    },
    options: {
      type: 'object',
      properties: {
        customOrder: {
          type: 'array',
          description: 'Top-level keys in order; `x-properties` stands for every `x-` key, alphabetically (dclint `customOrder`).',
          items: { type: 'string' },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { customOrder: DEFAULT_ORDER },
  },
  check({ project, options, report }) {
    const customOrder = options.customOrder ?? DEFAULT_ORDER;
    for (const compose of project.composeFiles) {
      const keys = writtenEntries(compose.yaml, compose.root);
      const extensions = keys.map((k) => k.key).filter((k) => k.startsWith('x-')).sort(alphabetical);
      const order = customOrder.flatMap((k) => (k === X_PROPERTIES ? extensions : [k]));
      const placed: { index: number; key: string }[] = [];
      let max = -1;
      for (const entry of keys) {
        const index = order.indexOf(entry.key);
        const at = compose.yaml.at(entry.keyNode);
        if (index < 0) {
          report({ messageId: 'notListed', data: { key: entry.key, order: customOrder.join(', ') }, at });
        } else if (index < max) {
          report({ messageId: 'misplaced', data: { key: entry.key, before: placed.find((p) => p.index > index)!.key }, at });
        } else {
          max = index;
          placed.push({ index, key: entry.key });
        }
      }
    }
  },
});
