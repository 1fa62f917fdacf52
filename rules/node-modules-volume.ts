import { exists } from '../src/util/reads.js';
import path from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import { valueOf } from '../src/parse/value.js';
import type { ComposeService } from '../src/model/service.js';

const normalise = (target: string) => path.posix.normalize(target).replace(/\/+$/, '');

/**
 * Targets of `volumes` entries written with a variable that has no value (undefined: the target itself is unknown).
 * What such an entry mounts cannot be known, so a path it may cover is never reported.
 */
function unresolvedTargets(service: ComposeService): (string | undefined)[] {
  const { compose } = service;
  const y = compose.yaml;
  const out: (string | undefined)[] = [];
  for (const item of y.items(y.get(service.node, 'volumes')?.value)) {
    const short = valueOf(compose, item);
    if (short) {
      if (short.value !== undefined) continue;
      // `${NAME}:/app/node_modules:ro`: the target follows the first `:` that is not inside `${...}`.
      const parts = short.raw.replace(/\$\{[^}]*\}/g, (m) => m.replace(/:/g, '\0')).split(':');
      const target = parts.length > 1 ? parts[1]! : parts[0]!;
      out.push(target.includes('$') ? undefined : normalise(target));
      continue;
    }
    const fields = ['type', 'source', 'target'].map((key) => valueOf(compose, y.get(item, key)?.value));
    if (fields.every((f) => f === undefined || f.value !== undefined)) continue;
    const target = fields[2];
    out.push(target?.value === undefined ? undefined : normalise(target.value));
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'node-modules-volume',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['performance', 'correctness', 'invariant'],
    description: 'A bind-mounted Node project keeps its node_modules in a named volume.',
    docs: {
      what: 'For each service that bind-mounts a Node project (a host directory holding `package.json`) at a container path T, checks that `T/node_modules` is mounted as a named volume declared under the top-level `volumes:`. No mount there, a bind mount there, an anonymous volume there, or an undeclared volume name is reported.',
      why: "The bind mount hides the image's node_modules behind the host's: native modules built for the host's OS break in the container, and on macOS and Windows file access through the mount is slow. An anonymous volume is recreated empty by `docker compose down` and piles up as dangling volumes; a named volume is kept and can be listed and removed.",
      example: 'services:\n  web:\n    build: ./frontend\n    volumes:\n      - ./frontend:/app\n      - /app/node_modules',
      fix: 'Mount a named volume over node_modules and declare it:\n\nservices:\n  web:\n    build: ./frontend\n    volumes:\n      - ./frontend:/app\n      - frontend_node_modules:/app/node_modules\nvolumes:\n  frontend_node_modules:',
    },
    messages: {
      missing: 'Service "{{service}}" bind-mounts a Node project at {{target}} but does not mount {{target}}/node_modules as a named volume.',
      bindMount: 'Service "{{service}}" bind-mounts {{target}}: node_modules must be a named volume.',
      anonymous: 'Service "{{service}}" uses an anonymous volume for {{target}}: name it and declare it under top-level `volumes`.',
      undeclared: 'Service "{{service}}" mounts volume "{{volume}}" at {{target}}, but it is not declared under top-level `volumes`.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      const declared = service.declaredVolumes;
      const unknown = unresolvedTargets(service);
      for (const mount of service.volumes) {
        if (mount.type !== 'bind' || !mount.source || !mount.target || !path.isAbsolute(mount.source)) continue;
        if (!exists(path.join(mount.source, 'package.json'))) continue;
        const target = `${normalise(mount.target)}/node_modules`;
        if (unknown.some((t) => t === undefined || t === target)) continue; // cannot tell what is mounted there
        const over = service.volumes.find((v) => v.target !== undefined && normalise(v.target) === target);
        const data = { service: service.name, target: over ? target : normalise(mount.target) };
        if (!over) report({ messageId: 'missing', data, stack: service.stack.name, at: mount.at });
        else if (over.type !== 'volume') report({ messageId: 'bindMount', data, stack: service.stack.name, at: over.at });
        else if (!over.source) report({ messageId: 'anonymous', data, stack: service.stack.name, at: over.at });
        else if (!declared.has(over.source)) report({ messageId: 'undeclared', data: { ...data, volume: over.source }, stack: service.stack.name, at: over.at });
      }
    }
  },
});
