import path from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import { pointRange } from '../src/model/location.js';
import { scalarAt, scalarsAt } from '../src/model/fields.js';
import { isRunnable, type LinkedService, type Project } from '../src/model/project.js';
import type { Stack } from '../src/model/stack.js';
import type { ComposeFile } from '../src/parse/compose.js';

const BASE_NAME = /^(?:docker-)?compose\.ya?ml$/;

/** Services that the given ones name in `depends_on`, `links`, `volumes_from` and `network_mode`/`ipc`/`pid: service:x`. */
function referencedServices(services: LinkedService[]): string[] {
  return services.flatMap((s) => [
    ...s.dependsOn.map((d) => d.service),
    ...scalarsAt(s.fields, 'links').map((v) => v.value?.split(':')[0]),
    ...scalarsAt(s.fields, 'volumes_from').map((v) => (v.value?.startsWith('container:') ? undefined : v.value?.split(':')[0])),
    ...['network_mode', 'ipc', 'pid'].map((k) => scalarAt(s.fields, k)?.value).map((v) => (v?.startsWith('service:') ? v.slice(8) : undefined)),
  ]).filter((name): name is string => !!name);
}

/**
 * The file a stack starts from, when it is one: the first of its own files (not one it includes). A file checked
 * alone under another name than compose.yaml / docker-compose.yml is a base only when it stands on its own: it has
 * an `include`, or services that all have an image, a build or a provider and that name no service the file does
 * not define. Otherwise it is an override fragment, meant for `-f base -f fragment`.
 */
function baseFile(project: Project, stack: Stack, pulled: ReadonlyMap<string, unknown>): ComposeFile | undefined {
  const own = stack.files.filter((f) => !pulled.has(f.path));
  const first = own[0];
  if (!first) return undefined;
  const paths = new Set(own.map((f) => f.path));
  if (paths.size > 1 || BASE_NAME.test(path.basename(first.path))) return first;
  if (first.yaml.get(first.root, 'include')) return first;
  const services = project.services.filter((s) => s.stack === stack);
  const defined = new Set(services.map((s) => s.name));
  const standsAlone = services.length > 0 && services.every(isRunnable) && referencedServices(services).every((name) => defined.has(name));
  return standsAlone ? first : undefined;
}

export default defineRule({
  meta: {
    id: 'project-name',
    aliases: ['require-project-name-field'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: 'The base compose file of a project sets the project name with a top-level `name`.',
    docs: {
      what: "Reports a compose file that starts a project (compose.yaml / docker-compose.yml, the first file of a stack given with `-f`, or a differently named file that stands on its own: every service has an image, a build or a provider, and it names no service it does not define in `depends_on`, `links`, `volumes_from` or `network_mode: service:`) when none of its documents has a top-level `name` and the stack's env file does not set `COMPOSE_PROJECT_NAME`. Override files (compose.override.yaml, a partial compose.prod.yaml), files pulled in with `include` and `extends.file` sources are not judged: the project's name belongs in the file every invocation reads first. The finding points at the file's first line.",
      why: 'Without a name, Compose names the project after the directory the file sits in: two checkouts (or two apps both in a `docker/` directory) then share containers, networks and volumes, and `docker compose down` in one removes the other.',
      example: 'services:\n  web:\n    image: nginx:1.27-alpine',
      fix: 'Name the project at the top of the base file:\n\nname: shop\nservices:\n  web:\n    image: nginx:1.27-alpine',
    },
    messages: {
      missing: 'The project has no name: add a top-level `name:` (Compose otherwise names it after its directory, "{{directory}}").',
    },
  },
  check({ project, report }) {
    const pulled = project.pulledIn;
    const judged = new Set<string>();
    for (const stack of project.stacks) {
      const base = baseFile(project, stack, pulled);
      if (!base || judged.has(base.path)) continue;
      judged.add(base.path);
      const documents = stack.files.filter((f) => f.path === base.path);
      if (documents.every((d) => d.root === undefined)) continue; // an empty file: nothing to name
      if (documents.some((d) => d.yaml.get(d.root, 'name'))) continue;
      if (stack.env.get('COMPOSE_PROJECT_NAME')) continue;
      report({ messageId: 'missing', data: { directory: path.basename(stack.dir) }, at: { file: base.path, range: pointRange(1, 1) } });
    }
  },
});
