import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } from './yaml-guards.js';
import type { LineIndex, Range, SourceRef } from '../model/location.js';

/** A YAML node together with what is needed to point at it. */
export interface Located {
  node: Node;
  at: SourceRef;
}

function distinctKeys(entries: readonly { key: string }[]): boolean {
  if (entries.length > 8) return new Set(entries.map((e) => e.key)).size === entries.length;
  for (let i = 1; i < entries.length; i++) for (let j = 0; j < i; j++) if (entries[i]!.key === entries[j]!.key) return false;
  return true;
}

/** Navigation over a parsed YAML document that follows aliases and `<<` merge keys, keeping source positions. */
export class YamlView {
  /** Anchors by name, latest definition before use wins as in YAML; built once (yaml's own lookup walks the document per alias). */
  private anchors?: Map<string, Node[]>;
  // Maps, not WeakMaps: the keys are this document's nodes, which live as long as the view, and a WeakMap's entries
  // cost every garbage collection extra work.
  private readonly entryCache = new Map<object, { key: string; keyNode: Node; value: Node | undefined }[]>();
  /** The entries of `entryCache` by key, for `get`: the model and the rules ask for keys of the same mappings over and over. */
  private readonly keyIndex = new Map<object, Map<string, { key: string; keyNode: Node; value: Node | undefined }>>();

  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lines: LineIndex,
  ) {}

  /** Follows aliases (to the anchored node, which is where the text was written). */
  resolve(node: unknown): Node | undefined {
    // One type test per step: this runs for nearly every node the model and the rules touch, and most are no alias.
    let n = node as Node | undefined;
    for (let hops = 0; hops <= 64; hops++) {
      if (!isAlias(n)) return n || undefined;
      if (hops === 64) break;
      n = this.anchorFor(n.source, n.range?.[0] ?? Infinity);
    }
    return undefined;
  }

  private anchorFor(name: string, before: number): Node | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, Node[]>();
      walkNodes(this.doc.contents, (node) => {
        const anchor = (node as Node).anchor;
        if (anchor) anchors.set(anchor, [...(anchors.get(anchor) ?? []), node as Node]);
      });
      this.anchors = anchors;
    }
    const defs = this.anchors.get(name) ?? [];
    return [...defs].reverse().find((d) => (d.range?.[0] ?? 0) < before) ?? defs[0];
  }

  at(node: unknown): SourceRef {
    const range = (node as Node | undefined)?.range;
    const start = range?.[0] ?? 0;
    // valueEnd (range[1]) excludes trailing comments; keep findings on the first line of the node.
    let end = range?.[1] ?? start + 1;
    const nl = this.lines.text.indexOf('\n', start);
    if (nl >= 0 && nl < end) end = nl;
    return new NodeRef(this.file, this.lines, start, Math.max(end, start + 1));
  }

  /** Entries of a mapping in document order, with `<<` merges applied (explicit keys win, earlier merges win). */
  entries(node: unknown): { key: string; keyNode: Node; value: Node | undefined }[] {
    const map = this.resolve(node);
    if (!map || !isMap(map)) return [];
    const cached = this.entryCache.get(map);
    if (cached) return cached;
    this.entryCache.set(map, []); // a merge cycle through aliases ends here instead of recursing forever
    const own: { key: string; keyNode: Node; value: Node | undefined }[] = [];
    const merged: typeof own = [];
    // Indexed loops here and below: these run for every mapping the model and the rules read, mostly in V8's
    // interpreter and baseline code, where each step of a for-of allocates an iterator result.
    const pairs = (map as YAMLMap).items as Pair[];
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      const keyNode = pair.key as Node;
      const raw = isScalar(keyNode) ? keyNode.value : keyNode;
      // With `merge: true` the yaml package gives merge keys a symbol value.
      if (typeof raw === 'symbol' || (raw === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN')) {
        const src = this.resolve(pair.value);
        const sources = src && isSeq(src) ? src.items.map((i) => this.resolve(i)) : [src];
        for (const s of sources) for (const e of this.entries(s)) merged.push(e);
        continue;
      }
      own.push({ key: String(raw), keyNode, value: this.resolve(pair.value) });
    }
    let result = own; // most mappings: no merge, no repeated key
    if (merged.length > 0 || !distinctKeys(own)) {
      // A key repeated with `!reset`/`!override` replaces the earlier one, in the earlier one's place.
      const byKey = new Map<string, (typeof own)[number]>();
      for (const e of own) byKey.set(e.key, e);
      for (const e of merged) if (!byKey.has(e.key)) byKey.set(e.key, e);
      result = [...byKey.values()];
    }
    this.entryCache.set(map, result);
    return result;
  }

  get(node: unknown, key: string): { keyNode: Node; value: Node | undefined } | undefined {
    const entries = this.entries(node);
    if (entries.length < 8) {
      for (let i = 0; i < entries.length; i++) if (entries[i]!.key === key) return entries[i];
      return undefined;
    }
    let index = this.keyIndex.get(entries);
    // Keys are unique in `entries` (merged by key), so the index finds what `find` would.
    if (!index) this.keyIndex.set(entries, (index = new Map(entries.map((e) => [e.key, e]))));
    return index.get(key);
  }

  items(node: unknown): Node[] {
    const seq = this.resolve(node);
    if (!seq || !isSeq(seq)) return [];
    const out: Node[] = [];
    for (let i = 0; i < seq.items.length; i++) {
      const item = this.resolve(seq.items[i]);
      if (item) out.push(item);
    }
    return out;
  }

  /** The scalar's value as a string (numbers and booleans as written), or undefined for collections and null. */
  scalar(node: unknown): string | undefined {
    const n = this.resolve(node);
    if (!n || !isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.source === 'string' && typeof n.value !== 'string' ? n.source : String(n.value);
  }

  /** Every string scalar of the document that is a value (not a key), in document order. */
  stringValues(): Node[] {
    const out: Node[] = [];
    walkNodes(this.doc.contents, (node, isKey) => {
      if (!isKey && isScalar(node) && typeof node.value === 'string') out.push(node);
    });
    return out;
  }

  isMap(node: unknown): boolean {
    return isMap(this.resolve(node));
  }

  isSeq(node: unknown): boolean {
    return isSeq(this.resolve(node));
  }
}

/**
 * Calls `fn` for each node under `node` in the order yaml's `visit` does (a node before its children, a pair's key
 * before its value), aliases not followed; `isKey` for a pair's key. A plain walk: `visit` freezes a new path array
 * at every level, which made it the larger part of these walks over whole documents.
 */
function walkNodes(node: unknown, fn: (node: unknown, isKey: boolean) => void, isKey = false): void {
  if (isPair(node)) {
    walkNodes(node.key, fn, true);
    walkNodes(node.value, fn);
    return;
  }
  if (!isNode(node)) return;
  fn(node, isKey);
  if (isCollection(node)) for (let i = 0; i < node.items.length; i++) walkNodes(node.items[i], fn);
}

/**
 * A node's place, its line and column found when first asked for: the model reads every key and value of a service
 * with its place (fields.ts), and rules report on few of them. The 318 compose files of the corpus: ~40 ms less CPU.
 * Being a getter, `range` is not copied by a spread: copy a SourceRef as `{ file, range }`.
 */
class NodeRef implements SourceRef {
  #range: Range | undefined;
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;
  constructor(
    readonly file: string,
    lines: LineIndex,
    start: number,
    end: number,
  ) {
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
  }
  get range(): Range {
    return (this.#range ??= this.#lines.range(this.#start, this.#end));
  }
}
