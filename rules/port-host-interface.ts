import { defineRule } from '../src/engine/rule.js';
import { entryAt, scalarAt, type Field } from '../src/model/fields.js';
import type { SourceRef } from '../src/model/location.js';

interface Options {
  allowAllInterfaces: boolean;
}

/** Addresses that mean every interface of the host. */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host IP of a short-syntax port (`[ip:][host:]container[/proto]`): '' when none is written. An IPv6 address is
 * written in brackets (`[::1]:8080:80`); unbracketed, the address is everything before the last two parts.
 */
function shortHostIp(text: string): string {
  const spec = text.trim().replace(/\/[A-Za-z]+$/, '');
  if (spec.startsWith('[')) {
    const end = spec.indexOf(']');
    return end > 0 ? spec.slice(1, end) : '';
  }
  const parts = spec.split(':');
  return parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
}

interface Port {
  /** The host IP as written ('' when none), or undefined when a variable without a value may supply it. */
  hostIp: string | undefined;
  /** The port as written, for the message. */
  written: string;
  at: SourceRef;
}

function readPort(item: Field): Port | undefined {
  if (item.kind === 'scalar') {
    const v = item.value;
    if (!v) return undefined;
    if (v.value !== undefined) return { hostIp: shortHostIp(v.value), written: v.value, at: v.at };
    // Unknown text: a literal port number before the first colon (`8080:${TARGET}`) cannot be an address, so no
    // value of the variables gives the port one; anything else (`${HTTPS_PORT}:443`) may take its address from them.
    const first = v.raw.trim().split(':')[0]!;
    return { hostIp: v.raw.includes(':') && /^\d+(?:-\d+)?$/.test(first) ? '' : undefined, written: v.raw, at: v.at };
  }
  if (item.kind !== 'map') return undefined;
  const published = scalarAt(item, 'published');
  const target = scalarAt(item, 'target');
  if (!target) return undefined; // not a port (compose-schema reports it)
  const host = scalarAt(item, 'host_ip'); // absent, null or empty: all interfaces
  const hostIp = !host ? '' : host.value === undefined ? undefined : host.value.trim().replace(/^\[(.*)\]$/, '$1');
  const written = `${published ? `${published.value ?? published.raw}:` : ''}${target.value ?? target.raw}`;
  return { hostIp, written, at: published?.at ?? item.at };
}

export default defineRule<Options>({
  meta: {
    id: 'port-host-interface',
    aliases: ['no-unbound-port-interfaces', 'Container Traffic Not Bound To Host Interface'],
    level: 'off',
    target: 'compose',
    tags: ['security', 'network', 'hardening'],
    securitySeverity: 5.0,
    description: 'Published ports are bound to an explicit host interface, not to all interfaces by default.',
    docs: {
      what: 'Finds published ports (merged across override files) that name no host IP: short syntax `"8080:80"`, a container port alone (`"3000"`, published on a random host port) or a range, and long syntax without `host_ip`. Docker binds such ports on every interface of the host. A port bound to an address (`127.0.0.1:8080:80`, `[::1]:8080:80`, `host_ip: 127.0.0.1`) passes. An explicit `0.0.0.0` or `::` passes too, as in dclint and KICS: it states that all interfaces are meant; set the option `allowAllInterfaces: false` to report it as well. A port whose text depends on a variable without a value (`${HTTPS_PORT}:443`) may get its address from that variable and is not guessed, unless a literal port number comes before the first colon (`8080:${TARGET_PORT}` names no address whatever the variable holds); a `${HOST_IP:-127.0.0.1}` default is judged. Long syntax without `host_ip` is reported whatever its other values are. Off by default (a hardening rule for hosts exposed to a network).',
      why: 'Docker publishes ports with its own iptables rules, ahead of host firewalls such as ufw: a database or admin port published without an address is reachable from every network the host is on, often without anyone noticing.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    ports:\n      - "5432:5432"\n  admin:\n    image: adminer:4.8.1\n    ports:\n      - target: 8080\n        published: 8081',
      fix: 'Bind the port to the interface that needs it (usually loopback):\n\nservices:\n  db:\n    image: postgres:16-alpine\n    ports:\n      - "127.0.0.1:5432:5432"\n  admin:\n    image: adminer:4.8.1\n    ports:\n      - target: 8080\n        published: 8081\n        host_ip: 127.0.0.1',
    },
    messages: {
      unbound: 'Service "{{service}}" publishes port "{{port}}" on all host interfaces: bind it to an address, e.g. 127.0.0.1.',
      allInterfaces: 'Service "{{service}}" publishes port "{{port}}" on all host interfaces ({{ip}}): bind it to a specific address.',
    },
    options: {
      type: 'object',
      properties: { allowAllInterfaces: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { allowAllInterfaces: true },
  },
  check({ project, options, report }) {
    for (const service of project.services) {
      const entry = entryAt(service.fields, 'ports');
      if (!entry || entry.tag === '!reset' || entry.field.kind !== 'seq') continue;
      for (const item of entry.field.items) {
        const port = readPort(item);
        if (!port || port.hostIp === undefined) continue;
        const data = { service: service.name, port: port.written, ip: port.hostIp };
        if (port.hostIp === '') report({ messageId: 'unbound', data, stack: service.stack.name, at: port.at });
        else if (ALL_INTERFACES.has(port.hostIp) && options.allowAllInterfaces === false) {
          report({ messageId: 'allInterfaces', data, stack: service.stack.name, at: port.at });
        }
      }
    }
  },
});
