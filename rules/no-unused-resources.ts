import { defineRule } from '../src/engine/rule.js';
import { entryAt, resourcesOf, scalarAt, type Field, type ResourceSection } from '../src/model/fields.js';
import { isFragment, type LinkedService } from '../src/model/project.js';

const SECTIONS: ResourceSection[] = ['networks', 'volumes', 'secrets', 'configs'];

/** Names a service refers to in one section; `unknown` when a reference depends on a variable without a value. */
interface Uses {
  names: Set<string>;
  unknown: boolean;
}

/** Names in a list of strings or of `{<key>: name}` mappings (short and long syntax), or the keys of a mapping. */
function namesIn(field: Field | undefined, key: string, uses: Uses): void {
  if (!field) return;
  if (field.kind === 'map') {
    for (const name of field.entries.keys()) uses.names.add(name);
    return;
  }
  if (field.kind !== 'seq') return;
  for (const item of field.items) {
    const v = item.kind === 'scalar' ? item.value : scalarAt(item, key);
    if (!v) continue;
    if (v.value === undefined) uses.unknown = true;
    else uses.names.add(v.value);
  }
}

/** Live field of a service: undefined when absent or removed with `!reset`. */
function fieldOf(service: LinkedService, key: string): Field | undefined {
  const entry = entryAt(service.fields, key);
  return entry && entry.tag !== '!reset' ? entry.field : undefined;
}

function usesOf(service: LinkedService, section: ResourceSection, uses: Uses): void {
  if (section === 'networks') {
    const own: Uses = { names: new Set(), unknown: false };
    namesIn(fieldOf(service, 'networks'), 'name', own);
    for (const name of own.names) uses.names.add(name);
    if (own.unknown) uses.unknown = true;
    const mode = scalarAt(service.fields, 'network_mode');
    // A service that names no network and sets no `network_mode` joins the `default` network (as Compose normalises
    // it). `network_mode: service:x`, `host`, `none` are no network; any other value names a network the container
    // joins (counted as a use).
    if (own.names.size === 0 && !own.unknown && !mode) uses.names.add('default');
    if (mode?.value === undefined && mode) uses.unknown = true;
    else if (mode?.value) uses.names.add(mode.value);
    const buildNetwork = scalarAt(service.fields, 'build.network');
    if (buildNetwork?.value) uses.names.add(buildNetwork.value);
    return;
  }
  if (section === 'volumes') {
    for (const mount of service.volumes) if (mount.type === 'volume' && mount.source) uses.names.add(mount.source);
    // The typed volume list leaves out items whose text depends on a variable without a value.
    const list = fieldOf(service, 'volumes');
    if (list?.kind === 'seq') {
      for (const item of list.items) {
        const v = item.kind === 'scalar' ? item.value : scalarAt(item, 'source');
        if (v && v.value === undefined) uses.unknown = true;
      }
    }
    return;
  }
  namesIn(fieldOf(service, section), 'source', uses);
  if (section === 'secrets') namesIn(entryAt(service.fields, 'build.secrets')?.field, 'source', uses);
}

export default defineRule({
  meta: {
    id: 'no-unused-resources',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['maintainability'],
    description: 'Every top-level network, volume, secret and config is used by some service of the stack.',
    docs: {
      what: 'Finds entries under the top-level `networks`, `volumes`, `secrets` and `configs` (merged across the stack\'s files) that no service of the stack uses: service `networks` (list or map), `network_mode: <network>`, `build.network`, named volumes in `volumes` (short `name:/path` and long `type: volume` syntax), `secrets` and `configs` (short and long syntax) and `build.secrets`. A service with neither `networks` nor `network_mode` uses the `default` network, so a top-level `default:` is unused only when every service names its networks or sets `network_mode` (`service:x`, `host`, `none` are not networks). `external` resources are judged like the others: Compose drops every declaration no service uses (external or not), so an unused external declaration does nothing for this or any other stack. Services of every profile count. A stack with no services, a run narrowed with `--profile` that leaves services out, an override file checked on its own (a fragment merged by `-f`), and a section where some service refers to a name through a variable without a value are not judged.',
      why: 'A declaration nothing uses is dead configuration: a volume that was meant to keep the database data but never got mounted (the data then lives in the container and is lost with it), a secret that is still created on every `up`, or a leftover network that misleads the next reader.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - ./data/postgres:/var/lib/postgresql/data\n\nvolumes:\n  postgres-data:',
      fix: 'Use the declaration, or remove it:\n\nservices:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - postgres-data:/var/lib/postgresql/data\n\nvolumes:\n  postgres-data:',
    },
    messages: {
      unused: 'Top-level {{kind}} "{{name}}" is declared but no service uses it.',
      unusedExternal: 'External {{kind}} "{{name}}" is declared but no service uses it: Compose ignores the declaration.',
    },
  },
  check({ project, report }) {
    for (const stack of project.stacks) {
      const services = project.services.filter((s) => s.stack === stack);
      if (services.length === 0 || isFragment(stack, services)) continue;
      // With `--profile`, services of other profiles are left out of the run: what only they use cannot be judged.
      const defined = new Set(stack.files.flatMap((f) => f.yaml.entries(f.yaml.get(f.root, 'services')?.value).map((e) => e.key)));
      if (defined.size > services.length) continue;
      for (const section of SECTIONS) {
        const declared = resourcesOf(stack, section);
        if (declared.size === 0) continue;
        const uses: Uses = { names: new Set(), unknown: false };
        for (const service of services) usesOf(service, section, uses);
        if (uses.unknown) continue;
        for (const resource of declared.values()) {
          if (uses.names.has(resource.name)) continue;
          const external = scalarAt(resource.field, 'external')?.value === 'true' || entryAt(resource.field, 'external')?.field.kind === 'map';
          const data = { kind: section.slice(0, -1), name: resource.name };
          report({ messageId: external ? 'unusedExternal' : 'unused', data, stack: stack.name, at: resource.at });
        }
      }
    }
  },
});
