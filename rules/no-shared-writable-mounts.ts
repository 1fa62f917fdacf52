import path from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import { contains, describeSource, engineSocket, hostMounts, isUnder, type HostMount } from '../src/model/host-mounts.js';
import type { SourceRef } from '../src/model/location.js';

interface Writer {
  service: string;
  mount: HostMount;
  at: SourceRef;
}

/** Same volume, or host paths where one is the other or lies below it. */
function overlaps(a: HostMount, b: HostMount): boolean {
  if (a.type === 'volume' || b.type === 'volume') return a.type === b.type && a.source === b.source;
  const [p, q] = [a.hostPath!, b.hostPath!];
  return isUnder(p, q) || contains(p, q);
}

export default defineRule({
  meta: {
    id: 'no-shared-writable-mounts',
    aliases: ['Shared Volumes Between Containers'],
    level: 'off',
    target: 'compose',
    tags: ['security'],
    securitySeverity: 2.0,
    description: 'A host path or named volume is mounted writable into at most one service of a stack.',
    docs: {
      what: 'Within each stack (services merged across their override files), finds host paths (bind mounts, short or long syntax, relative paths resolved against the project directory; a path and a directory below it count as the same) and named volumes that two or more services mount writable, and reports every writable mount after the first, naming the service that mounted it first. A read-only mount (`:ro`, `read_only: true`) never counts, so one writer with any number of readers passes. Anonymous volumes, tmpfs, container engine sockets (no-docker-socket) and sources or modes written with an unset variable are not judged.',
      why: 'Two services writing the same files can corrupt them (two databases on one data directory, two caches on one volume), and a compromised service can plant files that the other one serves, loads or executes. Letting only the owner write makes the flow of data one-way and visible.',
      example: 'services:\n  app:\n    build: .\n    volumes:\n      - uploads:/app/uploads\n  nginx:\n    image: nginx:1.27-alpine\n    volumes:\n      - uploads:/usr/share/nginx/html/uploads\nvolumes:\n  uploads:',
      fix: 'Mount it read-only in every service that only reads it:\n\nservices:\n  app:\n    build: .\n    volumes:\n      - uploads:/app/uploads\n  nginx:\n    image: nginx:1.27-alpine\n    volumes:\n      - uploads:/usr/share/nginx/html/uploads:ro\nvolumes:\n  uploads:',
    },
    messages: {
      shared: 'Service "{{service}}" mounts {{source}} writable, and so does service "{{other}}" ({{otherFile}}:{{otherLine}}): mount it read-only where the service only reads it.',
    },
  },
  check({ project, report }) {
    for (const stack of project.stacks) {
      const writers: Writer[] = [];
      for (const service of project.services.filter((s) => s.stack === stack)) {
        const own: Writer[] = [];
        for (const mount of hostMounts(service)) {
          if (mount.readOnly !== false) continue;
          if (mount.type === 'volume' ? !mount.source : mount.type !== 'bind' || !mount.hostPath) continue;
          if (engineSocket(mount)?.kind === 'file') continue; // an API socket is not shared data: no-docker-socket's
          const earlier = writers.find((w) => w.service !== service.name && overlaps(w.mount, mount));
          if (earlier) {
            report({
              messageId: 'shared',
              stack: stack.name,
              at: mount.at,
              data: {
                service: service.name,
                source: describeSource(mount),
                other: earlier.service,
                otherFile: path.relative(project.cwd, earlier.at.file).split(path.sep).join('/'),
                otherLine: earlier.at.range.start.line,
              },
            });
          }
          own.push({ service: service.name, mount, at: mount.at });
        }
        writers.push(...own);
      }
    }
  },
});
