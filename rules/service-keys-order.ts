import { defineRule } from '../src/engine/rule.js';
import { alphabetical, writtenServiceMaps } from '../src/model/compose-order.js';

interface Options {
  groups: Record<string, string[]>;
  groupOrder: string[];
}

/** dclint's default groups, by the names its `groups`/`groupOrder` options use. */
const DEFAULT_GROUPS: Record<string, string[]> = {
  'Core Definitions': ['image', 'build', 'container_name'],
  'Service Dependencies': ['depends_on'],
  'Data Management and Configuration': ['volumes', 'volumes_from', 'configs', 'secrets'],
  'Environment Configuration': ['environment', 'env_file'],
  Networking: ['ports', 'networks', 'network_mode', 'extra_hosts'],
  'Runtime Behavior': ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  'Operational Metadata': ['logging', 'labels'],
  'Security and Execution Context': ['user', 'isolation'],
  Other: [],
};

const DEFAULT_GROUP_ORDER = Object.keys(DEFAULT_GROUPS);

export default defineRule<Options>({
  meta: {
    id: 'service-keys-order',
    aliases: [], // the id is dclint's rule name; an alias repeating it would not be unique
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: 'Keys inside each service follow a fixed grouped order.',
    docs: {
      what: "Reads each compose file (each `---` document) as written, without merging override files, and reports a key of a service that is written after a key it should precede, comparing each key with the key before it. The order is dclint's: the groups of `groupOrder` in turn, each group's keys in its listed order (by default: `image`, `build`, `container_name`; `depends_on`; `volumes`, `volumes_from`, `configs`, `secrets`; `environment`, `env_file`; `ports`, `networks`, `network_mode`, `extra_hosts`; `command`, `entrypoint`, `working_dir`, `restart`, `healthcheck`; `logging`, `labels`; `user`, `isolation`), then every key no group lists, alphabetically (`x-` extensions included). Options as dclint takes them: `groups` (group name → keys) replaces the keys of the groups it names and adds new groups; `groupOrder` lists the groups in order. A key listed only in a group that `groupOrder` leaves out is not judged. A `<<` merge key may stand anywhere.",
      why: 'When every service lists what it runs first, then what it needs, its data, environment, network and runtime settings, a reader finds a setting in the same place in every service and reviews see the same shape everywhere.',
      example: 'services:\n  api:\n    environment:\n      LOG_LEVEL: info\n    image: acme/api:1.4\n    ports:\n      - "8080:8080"\n    volumes:\n      - ./data:/data',
      fix: 'Reorder the keys:\n\nservices:\n  api:\n    image: acme/api:1.4\n    volumes:\n      - ./data:/data\n    environment:\n      LOG_LEVEL: info\n    ports:\n      - "8080:8080"',
    },
    messages: {
      misplaced: 'Key "{{key}}" in service "{{service}}" should come before "{{before}}".',
    },
    options: {
      type: 'object',
      properties: {
        groups: {
          type: 'object',
          description: 'Keys of each group in order, by group name; named groups replace the default ones, others keep their defaults (dclint `groups`).',
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
        groupOrder: {
          type: 'array',
          description: 'Group names in order (dclint `groupOrder`). Keys no group lists come last, alphabetically.',
          items: { type: 'string' },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { groups: DEFAULT_GROUPS, groupOrder: DEFAULT_GROUP_ORDER },
  },
  check({ project, options, report }) {
    const { grouped, ranks, others: base } = orderOf(options);
    for (const compose of project.composeFiles) {
      for (const { service, keys } of writtenServiceMaps(compose)) {
        // The keys no group lists come after every grouped one, alphabetically.
        let others: string[] | undefined;
        let last: { index: number; key: string } | undefined;
        for (const entry of keys) {
          let index = ranks.get(entry.key);
          if (index === undefined) {
            if (grouped.has(entry.key)) continue; // listed only in a group that groupOrder leaves out
            others ??= keys.map((k) => k.key).filter((k) => !grouped.has(k)).sort(alphabetical);
            index = base + others.indexOf(entry.key);
          }
          if (last && index < last.index) {
            report({ messageId: 'misplaced', data: { key: entry.key, service: service.key, before: last.key }, at: compose.yaml.at(entry.keyNode) });
          }
          last = { index, key: entry.key };
        }
      }
    }
  },
});

interface Order {
  /** Every key some group lists. */
  grouped: Set<string>;
  /** The place of each key of the groups in groupOrder (its first, if listed twice). */
  ranks: Map<string, number>;
  /** Where the keys no group lists start. */
  others: number;
}

/** Worked out once per options object (the same for every unit of a run), not for each compose file. */
const orders = new WeakMap<Options, Order>();
function orderOf(options: Options): Order {
  let order = orders.get(options);
  if (order) return order;
  const groups: Record<string, string[]> = { ...DEFAULT_GROUPS, ...options.groups };
  const groupOrder = options.groupOrder ?? DEFAULT_GROUP_ORDER;
  const orderOfGroups = groupOrder.flatMap((g) => (Object.hasOwn(groups, g) ? groups[g]! : []));
  const ranks = new Map<string, number>();
  orderOfGroups.forEach((key, i) => {
    if (!ranks.has(key)) ranks.set(key, i);
  });
  order = { grouped: new Set(Object.values(groups).flat()), ranks, others: orderOfGroups.length };
  orders.set(options, order);
  return order;
}
