import type { Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar } from '../parse/yaml-guards.js';
import type { ComposeFile } from '../parse/compose.js';
import type { YamlView } from '../parse/yaml-nodes.js';
import { nodeNet } from '../util/lazy.js';
export { alphabetical, numerical } from '../util/text-order.js';

/**
 * Shared by the compose ordering rules (services-order, ports-order, depends-on-order, service-keys-order,
 * top-level-keys-order), which judge each compose document as written: no merging across files, no `<<` merges.
 */

export interface WrittenEntry {
  key: string;
  keyNode: Node;
  value: Node | undefined;
}

/** A `<<` merge key: its position in a mapping changes nothing (explicit keys win wherever they are). */
function isMergeKey(key: Node): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
}

/**
 * Entries of a mapping in the order they are written (the mapping itself may be an alias): `<<` merge keys and the
 * entries they bring in are left out, and so are keys that are not scalars.
 */
export function writtenEntries(yaml: YamlView, node: unknown): WrittenEntry[] {
  const map = yaml.resolve(node);
  if (!map || !isMap(map)) return [];
  const cached = written.get(map);
  if (cached) return cached;
  const out: WrittenEntry[] = [];
  for (const pair of (map as YAMLMap).items as Pair[]) {
    const keyNode = pair.key as Node | null;
    if (!keyNode || !isScalar(keyNode) || isMergeKey(keyNode)) continue;
    const key = yaml.scalar(keyNode);
    if (key === undefined) continue;
    out.push({ key, keyNode, value: yaml.resolve(pair.value) });
  }
  written.set(map, out);
  return out;
}

/** The ordering rules read the same mappings, each in turn: their entries and service lists are made once. */
const written = new WeakMap<object, WrittenEntry[]>();
const serviceMaps = new WeakMap<ComposeFile, { service: WrittenEntry; keys: WrittenEntry[] }[]>();

/** The services of one compose document, as written. */
export function writtenServices(compose: ComposeFile): WrittenEntry[] {
  return writtenEntries(compose.yaml, compose.yaml.get(compose.root, 'services')?.value);
}

/** The services of one compose document that are mappings, with their keys as written. */
export function writtenServiceMaps(compose: ComposeFile): { service: WrittenEntry; keys: WrittenEntry[] }[] {
  let maps = serviceMaps.get(compose);
  if (!maps) {
    maps = writtenServices(compose)
      .filter((s) => compose.yaml.isMap(s.value))
      .map((service) => ({ service, keys: writtenEntries(compose.yaml, service.value) }));
    serviceMaps.set(compose, maps);
  }
  return maps;
}

/**
 * Items that sort before an item written earlier, each with the earlier item it should come before: the smallest
 * earlier item that sorts after it (the first of equals), as dclint names it.
 */
export function misplaced<T>(items: readonly T[], compare: (a: T, b: T) => number): { index: number; before: number }[] {
  // Each item's rank in sorted order (equals share one) stands in for it below: one sort instead of a collator
  // comparison for every pair (a compose file's services).
  const sorted = items.map((_, i) => i).sort((a, b) => compare(items[a]!, items[b]!));
  const rank: number[] = new Array(items.length);
  sorted.forEach((i, k) => (rank[i] = k > 0 && compare(items[sorted[k - 1]!]!, items[i]!) === 0 ? rank[sorted[k - 1]!]! : k));
  const out: { index: number; before: number }[] = [];
  for (let index = 0; index < items.length; index++) {
    let before = -1;
    for (let j = 0; j < index; j++) {
      if (rank[j]! > rank[index]! && (before < 0 || rank[j]! < rank[before]!)) before = j;
    }
    if (before >= 0) out.push({ index, before });
  }
  return out;
}

/**
 * The host port a `ports` item is sorted by, as dclint reads it: short syntax → the part before the first `:`
 * (`8080` of `8080:80`, the container port when nothing is published, the range as written), after a host IP when
 * there is one; long syntax → `published` (empty when absent). Protocols do not count.
 */
export function portSortKey(yaml: YamlView, item: Node | undefined): string {
  if (isScalar(item)) {
    const parts = String(item.value).split('/')[0]!.split(/:(?![^[]*])/);
    let first = parts[0]!;
    if (first.startsWith('[') && first.endsWith(']')) first = first.slice(1, -1);
    // A port (digits, a range, a variable) is no address: node:net is loaded only for what might be one.
    return /[.:]/.test(first) && nodeNet().isIP(first) ? String(parts[1]) : first;
  }
  if (isMap(item)) {
    const published = yaml.resolve(yaml.get(item, 'published')?.value);
    return isScalar(published) && published.value !== null && published.value !== undefined ? String(published.value) : '';
  }
  return '';
}

/** A `ports` item as shown in a message: the short syntax as written, long syntax as `published:target`. */
export function portLabel(yaml: YamlView, item: Node | undefined): string {
  if (isScalar(item)) return yaml.scalar(item) ?? '';
  if (isMap(item)) {
    const published = yaml.scalar(yaml.get(item, 'published')?.value);
    const target = yaml.scalar(yaml.get(item, 'target')?.value) ?? '?';
    return published !== undefined ? `${published}:${target}` : `target ${target}`;
  }
  return '';
}
