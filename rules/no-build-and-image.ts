import { defineRule } from '../src/engine/rule.js';
import { entryAt, type Entry } from '../src/model/fields.js';
import type { SourceRef } from '../src/model/location.js';
import type { LinkedService } from '../src/model/project.js';

interface Options {
  checkPullPolicy: boolean;
}

/** The merged entry of a key, unless an override removed it with `!reset`. */
function present(service: LinkedService, key: string): Entry | undefined {
  const entry = entryAt(service.fields, key);
  return entry && entry.tag !== '!reset' ? entry : undefined;
}

/**
 * Where to report: the `build` key of every file (document) whose own mapping of the service writes both keys, as
 * dclint reports each file; when the two keys come from different files (an override adds one, or `extends`), the key
 * written last in the stack's file order, since that file makes the conflict.
 */
function locations(service: LinkedService, build: Entry, image: Entry): SourceRef[] {
  const own: SourceRef[] = [];
  for (const file of service.stack.files) {
    const y = file.yaml;
    const node = y.get(y.get(file.root, 'services')?.value, service.name)?.value;
    const b = y.get(node, 'build');
    const i = y.get(node, 'image');
    const tag = (n: unknown) => (n as { tag?: string } | undefined)?.tag;
    if (b && i && tag(b.value) !== '!reset' && tag(i.value) !== '!reset') own.push(y.at(b.keyNode));
  }
  if (own.length) return own;
  const order = (at: SourceRef) => service.stack.files.findIndex((f) => f.path === at.file);
  return [order(image.keyAt) > order(build.keyAt) ? image.keyAt : build.keyAt];
}

export default defineRule<Options>({
  meta: {
    id: 'no-build-and-image',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['correctness', 'reproducibility'],
    description: 'A service either builds its image or pulls one, unless `pull_policy` says which.',
    docs: {
      what: 'Finds services (merged across override files and `extends`) that set both `build` and `image`. With the option `checkPullPolicy` (default `true`, as in dclint) a service that also sets `pull_policy` (for instance `pull_policy: build`, or `always`) states which of the two wins and is not reported; with `checkPullPolicy: false` it is reported as well. The finding points at the `build` key of each file that writes both keys for the service; when an override file adds the second key, at the key in the file that comes later in the stack.',
      why: 'With both keys and no `pull_policy`, Compose first tries to pull `image` and builds only when the pull fails: whether the container runs the code of this repository or whatever was last pushed under that name depends on the registry and the local cache, so two machines can run different code from the same file.',
      example: 'services:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2',
      fix: 'Keep one of the two, or say which one wins:\n\nservices:\n  api:\n    build: ./api\n    image: ghcr.io/acme/api:1.4.2\n    pull_policy: build',
    },
    messages: {
      both: 'Service "{{service}}" sets both `build` and `image`: Compose pulls "{{image}}" and builds only when the pull fails. Keep one, or set `pull_policy` (e.g. `build`).',
    },
    options: {
      type: 'object',
      properties: { checkPullPolicy: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { checkPullPolicy: true },
  },
  check({ project, options, report }) {
    for (const service of project.services) {
      const build = present(service, 'build');
      const image = present(service, 'image');
      if (!build || !image) continue;
      if (options.checkPullPolicy !== false && present(service, 'pull_policy')) continue;
      const written = image.field.kind === 'scalar' ? (image.field.value?.value ?? image.field.value?.raw ?? '') : '';
      for (const at of locations(service, build, image)) {
        report({ messageId: 'both', data: { service: service.name, image: written }, stack: service.stack.name, at });
      }
    }
  },
});
