import { defineRule } from '../src/engine/rule.js';
import { DATABASE_IMAGES, isComplete, networkMode, serviceImageMatch } from '../src/model/compose-production.js';
import { entryAt, resourcesOf, scalarAt, type Field } from '../src/model/fields.js';
import type { SourceRef } from '../src/model/location.js';

interface Options {
  images: string[];
  requireInternalNetwork: boolean;
  internalNetworks: string[];
  allowLoopback: boolean;
}

interface Publication {
  /** Host IP as written ('' = all interfaces). */
  hostIp: string;
  /** Host port as written; '' when Docker picks an ephemeral one. */
  hostPort: string;
  target: string;
  at: SourceRef;
}

/** `[ip:][host:]container[/proto]` → its parts; undefined when the text is not a port mapping we can read. */
function parseShort(text: string): { hostIp: string; hostPort: string; target: string } | undefined {
  let rest = text.trim().replace(/\/\w+$/, '');
  let hostIp = '';
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracket) {
    hostIp = bracket[1]!;
    rest = bracket[2]!;
  }
  const parts = rest.split(':');
  const port = /^\d+(?:-\d+)?$/;
  const target = parts.pop()!;
  const hostPort = parts.pop() ?? '';
  if (!port.test(target) || (hostPort !== '' && !port.test(hostPort))) return undefined;
  if (!bracket && parts.length) hostIp = parts.join(':');
  return { hostIp: normaliseIp(hostIp), hostPort, target };
}

/** Every port the service publishes on the host, read from the merged `ports` (short and long syntax). */
function publications(fields: Field): Publication[] {
  const ports = entryAt(fields, 'ports')?.field;
  if (ports?.kind !== 'seq') return [];
  return ports.items.flatMap((item): Publication[] => {
    if (item.kind === 'scalar') {
      const text = item.value?.value;
      if (text === undefined) return []; // unknown (a variable without a value)
      const short = parseShort(text);
      return short ? [{ ...short, at: item.value!.at }] : [];
    }
    if (item.kind !== 'map') return [];
    const published = scalarAt(item, 'published');
    const target = scalarAt(item, 'target');
    const hostIp = scalarAt(item, 'host_ip');
    if ((published && published.value === undefined) || (hostIp && hostIp.value === undefined)) return [];
    return [{ hostIp: normaliseIp(hostIp?.value ?? ''), hostPort: published?.value ?? '', target: target?.value ?? '?', at: published?.at ?? target?.at ?? item.at }];
  });
}

const normaliseIp = (ip: string) => (ip === '0.0.0.0' || ip === '::' ? '' : ip);
const isLoopback = (ip: string) => /^127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1' || ip === 'localhost';

export default defineRule<Options>({
  meta: {
    id: 'db-not-published',
    aliases: [],
    level: 'off',
    target: 'compose',
    tags: ['production', 'security'],
    securitySeverity: 6.5,
    description: 'Database services publish no host port and sit only on internal networks.',
    docs: {
      what: "Finds database services: those whose `image` (or, for a built service, the base image of the stage it runs) matches one of the `images` patterns (PostgreSQL, MySQL, MariaDB, MongoDB, Redis, Valkey, Memcached, Elasticsearch, OpenSearch, Cassandra, CouchDB, Neo4j, ClickHouse, InfluxDB ... by default; a pattern without `/` matches the repository's last path component, `*` matches anything). Each one must publish no port: a `ports` entry in short (`\"5432:5432\"`, `\"5432\"`, which publishes an ephemeral port) or long syntax (`published`) is reported, and so is `network_mode: host`, which puts every port the database listens on on the host's interfaces. With `requireInternalNetwork` (default true) every network the service is attached to (the implicit `default` when it names none) must be declared with `internal: true` in the merged configuration, or be listed in `internalNetworks` (for external networks created with `docker network create --internal`). Services that share another's network (`network_mode: service:x`, `none`) are judged through that service. `allowLoopback` lets a port published on 127.0.0.1 or ::1 pass.",
      why: 'A published database port is reachable from every machine that can reach the host (Docker publishes past host firewalls such as ufw), and database images ship with well-known users and often default passwords. On a network that is not `internal`, the database can also open connections out, which is what exfiltration needs. Other services reach the database by its service name over a compose network; nothing outside needs to.',
      example: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    networks: [backend]\nnetworks:\n  backend:',
      fix: 'Drop the port mapping (use `docker compose exec db psql` for admin access) and make the database network internal:\n\nservices:\n  api:\n    build: ./api\n    networks: [backend, proxy]\n  db:\n    image: postgres:16\n    networks: [backend]\nnetworks:\n  backend:\n    internal: true\n  proxy:',
    },
    messages: {
      published: 'Database service "{{service}}" ({{image}}) is reachable from outside Docker: {{what}}.',
      notInternal: 'Database service "{{service}}" ({{image}}) is attached to network "{{network}}", which is not declared `internal: true`.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        images: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Image patterns that make a service a database (replaces the default list).' },
        requireInternalNetwork: { type: 'boolean', description: 'Require every network of a database service to be `internal: true`.' },
        internalNetworks: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Network names known to be internal though not declared so here (external networks).' },
        allowLoopback: { type: 'boolean', description: 'Allow ports published on 127.0.0.1 / ::1 only.' },
      },
    },
    defaultOptions: { images: DATABASE_IMAGES, requireInternalNetwork: true, internalNetworks: [], allowLoopback: false },
  },
  check({ project, options, report }) {
    for (const service of project.services) {
      const db = serviceImageMatch(service, options.images);
      if (!db) continue;
      const base = { service: service.name, image: db.image };
      const stack = service.stack.name;
      for (const p of publications(service.fields)) {
        if (options.allowLoopback && isLoopback(p.hostIp)) continue;
        const where = p.hostIp ? ` on ${p.hostIp}` : '';
        const what = p.hostPort ? `host port ${p.hostPort}${where} publishes container port ${p.target}` : `container port ${p.target} is published on an ephemeral host port${where}`;
        report({ messageId: 'published', data: { ...base, what }, at: p.at, stack });
      }
      const mode = networkMode(service);
      if (mode) {
        if (mode.mode === 'host') report({ messageId: 'published', data: { ...base, what: '`network_mode: host` puts every port it listens on on the host' }, at: mode.at, stack });
        continue; // shares the host's, another service's or no network namespace: no networks of its own
      }
      if (!options.requireInternalNetwork) continue;
      const declared = resourcesOf(service.stack, 'networks');
      const attached = service.networks.length ? service.networks : isComplete(project, service) ? [{ name: 'default', at: service.at }] : [];
      for (const network of attached) {
        if (options.internalNetworks.includes(network.name)) continue;
        const resource = declared.get(network.name);
        if (!resource && network.name !== 'default') continue; // undeclared: compose-references reports it
        const internal = resource && scalarAt(resource.field, 'internal');
        if (internal && internal.value === undefined) continue; // `internal: ${VAR}`: unknown
        if (internal?.value === 'true') continue;
        report({ messageId: 'notInternal', data: { ...base, network: network.name }, at: network.at, stack });
      }
    }
  },
});
