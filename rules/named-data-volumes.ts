import { defineRule } from '../src/engine/rule.js';
import { containerPath, DATA_PATHS, isComplete, mountCovers, serviceImageMatch } from '../src/model/compose-production.js';
import { entryAt, scalarsAt } from '../src/model/fields.js';
import { inherited } from '../src/model/stage.js';

interface Options {
  paths: Record<string, string[]>;
  requireVolume: boolean;
}

const patternLists = new WeakMap<object, string[]>();

export default defineRule<Options>({
  meta: {
    id: 'named-data-volumes',
    aliases: [],
    level: 'off',
    target: 'compose',
    tags: ['production', 'reliability'],
    description: 'Database services keep their data directory in a named volume, not a bind mount.',
    docs: {
      what: "Finds stateful services by image (`image`, or for a built service the base image of the stage it runs), with the data directories each image keeps its state in, from `paths` (PostgreSQL `/var/lib/postgresql/data`, MySQL and MariaDB `/var/lib/mysql`, MongoDB `/data/db`, Redis and Valkey `/data`, Elasticsearch `/usr/share/elasticsearch/data`, Bitnami images under `/bitnami/...` and more by default; a service's `PGDATA` adds its value). A `volumes` entry (short `./data:/var/lib/mysql` or long `{type: bind, source, target}`) that bind-mounts a host path over a data directory, or over a parent of it, is reported, and so is an anonymous volume there. With `requireVolume` (default true) a runnable service whose data directory is not covered by a named volume or a tmpfs (an explicitly throw-away database) is reported at its key, unless it replaces the image's entrypoint (compose `entrypoint`, or an ENTRYPOINT in the stage it builds): a setup or backup job built on a database image runs no database. Entries whose paths come from unset variables are not judged.",
      why: "A bind mount ties the database to one directory on one host: it takes the host user's ownership and permissions (the database's UID may not be able to write it, or leaves root-owned files), is slow on Docker Desktop's file sharing, and is easily deleted or committed by accident. An anonymous volume, or none (the image's VOLUME), is orphaned by `docker compose down` and the next `up` starts an empty database. A named volume is created with the right ownership, survives recreation and is listed, backed up and removed by name.",
      example: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./data/postgres:/var/lib/postgresql/data',
      fix: 'Mount a named volume at the data directory and declare it:\n\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:',
    },
    messages: {
      bindMount: 'Service "{{service}}" ({{image}}) bind-mounts a host path at {{target}}, over its data directory {{path}}: use a named volume.',
      anonymous: 'Service "{{service}}" ({{image}}) keeps its data directory {{path}} in an anonymous volume: name it and declare it under top-level `volumes`.',
      missing: 'Service "{{service}}" ({{image}}) mounts no named volume at its data directory {{path}}: the data is lost when the container is removed.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string', pattern: '^/' }, minItems: 1 },
          description: 'Image pattern → its data directories (replaces the default map).',
        },
        requireVolume: { type: 'boolean', description: 'Report a stateful service whose data directory has no named volume at all.' },
      },
    },
    defaultOptions: { paths: DATA_PATHS, requireVolume: true },
  },
  check({ project, options, report }) {
    // One list per options object (the same for every unit of a run): matchImage keeps its answers per list.
    let patterns = patternLists.get(options.paths);
    if (!patterns) patternLists.set(options.paths, (patterns = Object.keys(options.paths)));
    for (const service of project.services) {
      const match = serviceImageMatch(service, patterns);
      if (!match) continue;
      const dirs = [...options.paths[match.pattern]!];
      const pgdata = service.environment.find((e) => e.name === 'PGDATA')?.value?.value;
      if (pgdata?.startsWith('/') && dirs.some((d) => d.includes('postgres'))) dirs.unshift(containerPath(pgdata));
      const stack = service.stack.name;
      const base = { service: service.name, image: match.image };
      let covered = false;
      let reported = false;
      for (const mount of service.volumes) {
        if (!mount.target || mount.target.includes('$')) continue;
        const dir = dirs.find((d) => mountCovers(mount.target!, d));
        if (!dir) continue;
        const data = { ...base, path: dir, target: containerPath(mount.target) };
        if (mount.type === 'bind') {
          report({ messageId: 'bindMount', data, at: mount.at, stack });
          reported = true;
        } else if (mount.type === 'volume' && !mount.source) {
          report({ messageId: 'anonymous', data, at: mount.at, stack });
          reported = true;
        } else covered = true;
      }
      if (covered || reported || !options.requireVolume || !isComplete(project, service)) continue;
      // A service that replaces the image's entrypoint (a setup or backup job built on the database image) does not
      // run the database server, so it keeps no data of its own.
      if (entryAt(service.fields, 'entrypoint') || (service.dockerfile && service.stage && inherited(service.dockerfile, service.stage, 'ENTRYPOINT', () => ''))) continue;
      // `tmpfs: /var/lib/postgresql/data`: a database thrown away on purpose (a test stack).
      const tmpfs = scalarsAt(service.fields, 'tmpfs').map((v) => v.value?.split(':')[0]);
      if (tmpfs.some((t) => t === undefined || dirs.some((d) => mountCovers(t, d)))) continue;
      // An entry written with an unset variable may well be the data volume.
      const written = entryAt(service.fields, 'volumes')?.field;
      const unknown = written?.kind === 'seq' && written.items.some((i) => (i.kind === 'scalar' ? i.value?.value === undefined : i.kind === 'map' && [...i.entries.values()].some((e) => e.field.kind === 'scalar' && e.field.value !== undefined && e.field.value.value === undefined)));
      if (unknown) continue;
      report({ messageId: 'missing', data: { ...base, path: dirs[0]! }, at: service.at, stack });
    }
  },
});
