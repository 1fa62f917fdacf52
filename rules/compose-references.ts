import path from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import { isFragment, isRunnable } from '../src/model/project.js';
import type { Stack } from '../src/model/stack.js';

type Report = Parameters<Parameters<typeof defineRule>[0]['check']>[0]['report'];

/** Top-level networks/secrets/configs that services refer to, `external` conflicts, and container names. */
function checkResources(stack: Stack, report: Report): void {
  const declared: Record<string, Set<string>> = { networks: new Set(['default']), secrets: new Set(), configs: new Set() };
  for (const f of stack.files) {
    for (const section of ['networks', 'volumes', 'secrets', 'configs']) {
      for (const { key, value } of f.yaml.entries(f.yaml.get(f.root, section)?.value)) {
        declared[section]?.add(key);
        if (f.yaml.scalar(f.yaml.get(value, 'external')?.value) !== 'true') continue;
        for (const conflicting of ['driver', 'driver_opts']) {
          const entry = f.yaml.get(value, conflicting);
          if (entry) report({ messageId: 'externalWithDriver', data: { kind: section.slice(0, -1), name: key, key: conflicting }, at: f.yaml.at(entry.keyNode), stack: stack.name });
        }
      }
    }
  }
  const containerNames = new Map<string, string>();
  for (const f of stack.files) {
    for (const { key: service, value: node } of f.yaml.entries(f.yaml.get(f.root, 'services')?.value)) {
      for (const section of ['networks', 'secrets', 'configs'] as const) {
        const field = f.yaml.get(node, section)?.value;
        const refs = f.yaml.isSeq(field)
          ? f.yaml.items(field).map((item) => ({ name: f.yaml.scalar(item) ?? f.yaml.scalar(f.yaml.get(item, 'source')?.value), at: f.yaml.at(item) }))
          : f.yaml.entries(field).map((e) => ({ name: e.key, at: f.yaml.at(e.keyNode) }));
        for (const ref of refs) {
          if (ref.name && !declared[section]!.has(ref.name)) report({ messageId: 'undefinedResource', data: { service, kind: section.slice(0, -1), name: ref.name, section }, at: ref.at, stack: stack.name });
        }
      }
      const name = f.yaml.get(node, 'container_name');
      const value = name && f.yaml.scalar(name.value);
      if (!value || value.includes('$')) continue;
      const other = containerNames.get(value);
      if (other && other !== service) report({ messageId: 'duplicateContainerName', data: { name: value, other }, at: f.yaml.at(name.value), stack: stack.name });
      else containerNames.set(value, service);
    }
  }
}

/** A service Compose can run: it has an image, a build, or a `provider` (Compose's provider services). */

export default defineRule({
  meta: {
    id: 'compose-references',
    aliases: ['no-duplicate-container-names'],
    level: 'error',
    target: 'compose',
    tags: ['correctness'],
    description: 'Services only refer to services that exist, and `extends` does not go round in a cycle.',
    docs: {
      what: 'Checks the references `docker compose config` resolves: each `depends_on` names a service of the same configuration (after merging overrides), each `include` names a file that exists, each `extends` names a service that exists (in the same file or the named file) and does not lead back to itself, every service has an `image` or a `build`, named volumes, networks, secrets and configs that services use are declared at the top level, an `external` resource sets no `driver`, and no two services share a `container_name`. An override file checked on its own (named like `compose.prod.yaml` with services lacking an image, or whose services all lack one) is a fragment: its references are judged in the stack that merges it (`-f base -f override`).',
      why: 'Compose refuses such a configuration at start-up ("service X depends on undefined service Y", "circular reference"), usually on the deployment machine rather than in review.',
      example: 'services:\n  api:\n    build: .\n    depends_on:\n      datbase:\n        condition: service_healthy\n  database:\n    image: postgres:16',
      fix: 'Name the service as it is defined:\n\nservices:\n  api:\n    build: .\n    depends_on:\n      database:\n        condition: service_healthy\n  database:\n    image: postgres:16',
    },
    messages: {
      undefinedDependency: 'Service "{{service}}" depends on "{{dependency}}", which is not defined in this configuration.',
      extendsMissing: 'Service "{{service}}" extends "{{target}}", which is not defined.',
      extendsCycle: 'Service "{{service}}" extends "{{target}}", which leads back to itself.',
      noImage: 'Service "{{service}}" has neither `image` nor `build`.',
      includeMissing: 'Included file {{target}} does not exist.',
      undefinedResource: 'Service "{{service}}" uses {{kind}} "{{name}}", which is not declared under top-level `{{section}}`.',
      externalWithDriver: '{{kind}} "{{name}}" is `external` and also sets `{{key}}`: an external resource is not created, so Compose rejects this.',
      duplicateContainerName: 'Container name "{{name}}" is already used by service "{{other}}": containers need unique names.',
    },
  },
  check({ project, report }) {
    for (const p of project.extendsProblems) {
      const messageId = { cycle: 'extendsCycle', missing: 'extendsMissing', include: 'includeMissing' }[p.kind];
      report({ messageId, data: { service: p.service, target: p.target }, at: p.at });
    }
    for (const stack of project.stacks) {
      const services = project.services.filter((s) => s.stack === stack);
      if (isFragment(stack, services)) continue;
      // Profiles narrow what starts, not what is defined: a dependency on a service of another profile is fine.
      const defined = new Set(stack.files.flatMap((f) => f.yaml.entries(f.yaml.get(f.root, 'services')?.value).map((e) => e.key)));
      for (const service of services) {
        for (const dep of service.dependsOn) {
          if (!defined.has(dep.service)) report({ messageId: 'undefinedDependency', data: { service: service.name, dependency: dep.service }, at: dep.at, stack: stack.name });
        }
        if (!isRunnable(service)) report({ messageId: 'noImage', data: { service: service.name }, at: service.at, stack: stack.name });
        for (const v of service.volumes) {
          if (v.type === 'volume' && v.source && !service.declaredVolumes.has(v.source)) {
            report({ messageId: 'undefinedResource', data: { service: service.name, kind: 'volume', name: v.source, section: 'volumes' }, at: v.at, stack: stack.name });
          }
        }
      }
      checkResources(stack, report);
    }
  },
});
