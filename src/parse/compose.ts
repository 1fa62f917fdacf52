import { exists, readText } from '../util/reads.js';
import path from 'node:path';
import { parseAllDocuments, type Document, type Node } from 'yaml';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from './yaml-guards.js';
import { LineIndex, type SourceRef } from '../model/location.js';
import { DEFAULT_LIMITS } from '../model/source-text.js';
import { parseEnvFile, type Env } from './interpolate.js';
import { YamlView } from './yaml-nodes.js';
import { parseYamlFast } from './yaml-fast.js';

export interface ParseProblem {
  message: string;
  at: SourceRef;
}

/** One YAML document of a compose file, parsed with positions, plus the variables its `${...}` templates use. */
export interface ComposeFile {
  path: string;
  /** The directory relative paths resolve against: the stack's project directory (the first file's). */
  dir: string;
  yaml: YamlView;
  env: Env;
  root: Node | undefined;
}

/**
 * Parses a compose file. Compose accepts several `---` documents in one file; each becomes its own ComposeFile here
 * (merging them as overrides comes with override support). Problems stop at the first one: Compose rejects the file.
 */
export function parseCompose(file: string, text: string, env?: Env, limits: { maxAliasNodes?: number } = {}): { documents: ComposeFile[]; problem?: ParseProblem } {
  const lines = new LineIndex(text);
  const deep = tooDeep(text, MAX_NESTING);
  if (deep !== undefined) return { documents: [], problem: { message: `nested more than ${MAX_NESTING} levels deep: not parsed`, at: { file, range: lines.range(deep, deep + 1) } } };
  // Most compose files are plain block YAML, for which yaml-fast.ts builds the same nodes as the yaml package, far
  // faster; it leaves the rest (and anything yaml would report) to the yaml package.
  let list = parseYamlFast(text, YAML_OPTIONS);
  if (!list) {
    // The parser makes an Error for each problem it meets, and a broken file can hold hundreds of thousands (a line of
    // quotes): capturing a stack trace for each made a 1 MB file take seconds (found by test/fuzz.test.ts). Only the
    // first message is used, never a stack.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let docs: ReturnType<typeof parseAllDocuments>;
    try {
      docs = parseAllDocuments(text, YAML_OPTIONS);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    list = Array.isArray(docs) ? docs : [];
  }
  const dir = path.dirname(file);
  env ??= readDotEnv(dir);
  const documents: ComposeFile[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const offset = error.pos?.[0] ?? 0;
      // The parser recurses per level: a document nested some thousand levels deep exhausts the stack.
      const message = /Maximum call stack size exceeded/.test(error.message) ? 'nested too deeply to parse' : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { documents: [], problem: { message, at: { file, range: lines.range(offset, offset + 1) } } };
    }
    const yaml = new YamlView(file, doc, lines);
    const { duplicate, nodes, aliases } = duplicateKey(doc);
    if (duplicate) return { documents: [], problem: { message: `duplicate key "${duplicate.key}"`, at: yaml.at(duplicate.node) } };
    // Without an alias nothing stands for more than itself.
    const bomb = aliases && aliasBomb(doc, nodes, yaml, limits.maxAliasNodes ?? DEFAULT_LIMITS.maxAliasNodes);
    if (bomb) return { documents: [], problem: { message: `aliases stand for more than ${bomb.limit.toLocaleString('en-US')} nodes (limits.maxAliasNodes): an alias bomb is not expanded`, at: yaml.at(bomb.alias) } };
    const root = yaml.resolve(doc.contents);
    if (root && !yaml.isMap(root)) return { documents: [], problem: { message: 'a compose file must be a mapping at the top level', at: yaml.at(root) } };
    documents.push({ path: file, dir, yaml, env, root });
  }
  return { documents };
}

/**
 * logLevel error: the yaml package warns on the process's stderr (a collection as a mapping key, when a rule turns the
 * document into JSON), quoting the document: nothing the checked files hold reaches the output that way.
 */
const YAML_OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;

/**
 * Compose files nest a dozen levels. The YAML parser recurses per level, and thousands of levels exhaust the stack: a
 * RangeError, or worse, V8 aborting the process when it has to compile a regular expression that deep.
 */
const MAX_NESTING = 200;

/**
 * The offset where `text` nests deeper than `limit`, or undefined: an upper bound of the YAML nesting, so that no
 * document the parser would recurse too deep into reaches it. Block levels are increasing indentations (and `- `
 * entries on one line); flow levels are open brackets and braces (where a value starts, or inside a flow collection).
 * Quoted text (from a quote where a value starts to the closing quote or the end of the line) and comments are
 * skipped; the lines of block scalars count as structure: an overestimate, never an underestimate.
 */
function tooDeep(text: string, limit: number): number | undefined {
  if (shallow(text, limit)) return undefined;
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  let valueStart = true; // only spaces, or an indicator that starts a value, since the line or the flow level began
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (i === lineStart) {
      let j = i;
      while (text[j] === ' ') j++;
      if (flow === 0 && j < text.length && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '#') {
        while (indents.length && indents[indents.length - 1]! >= j - i) indents.pop();
        indents.push(j - i);
        // `- - - x`: each entry marker on the line opens a sequence inside the last
        for (let k = j; text[k] === '-' && (text[k + 1] === ' ' || text[k + 1] === '\t'); ) {
          for (k++; text[k] === ' ' || text[k] === '\t'; k++);
          indents.push(k - i);
        }
      }
      valueStart = true;
    }
    if (c === '\n') {
      lineStart = i + 1;
      continue;
    }
    if ((c === '"' || c === "'") && valueStart) {
      // to the closing quote on this line; a quote left open continues the scalar on the next lines, which are
      // then scanned as if they were structure (counting more, never less)
      for (i++; i < text.length && text[i] !== '\n'; i++) {
        if (text[i] === '\\' && c === '"' && text[i + 1] !== '\n') i++;
        else if (text[i] === c && !(c === "'" && text[i + 1] === "'")) break;
        else if (text[i] === c) i++;
      }
      if (text[i] === '\n') lineStart = i + 1;
      valueStart = false;
      continue;
    }
    if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    // In block context a flow collection starts only where a value does; in flow context every bracket is one.
    if ((c === '[' || c === '{') && (flow > 0 || valueStart)) flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (indents.length + flow > limit) return i;
    if (c !== ' ' && c !== '\t') valueStart = c === '[' || c === '{' || c === ',' || c === ':' || c === '-' || c === '?'; // not includes(): this runs for every character
  }
  return undefined;
}

/** A line that starts with 100 spaces, tabs and dashes. */
const LONG_INDENT_LINE = /^[ \t-]{100}/m;

/**
 * A bound that spares most files tooDeep's scan (character by character, a few percent of a compose run): its block
 * levels are distinct columns, none past a line's leading run of spaces, tabs and dashes, and its flow levels are at
 * most the number of `[` and `{`. Without a line that starts with 100 such characters, and with few enough
 * brackets, it cannot count more than `limit`; a regular expression and indexOf test that in native code.
 */
function shallow(text: string, limit: number): boolean {
  const budget = limit - 100;
  let brackets = 0;
  for (const open of ['[', '{']) for (let i = text.indexOf(open); i >= 0 && brackets <= budget; i = text.indexOf(open, i + 1)) brackets++;
  return brackets <= budget && !LONG_INDENT_LINE.test(text);
}

/**
 * The first alias of a document whose aliases stand for more than `limit` nodes, counting each alias as a copy of the
 * node it names, aliases inside that node included: nine aliases of nine aliases of ... ("billion laughs") stand for
 * billions, which anything that walks the document through its aliases would expand. A cycle (an alias inside the
 * node it names) stands for infinitely many. Linear: each anchored node's size is computed once.
 */
function aliasBomb(doc: Document, own: number, view: YamlView, limit: number): { alias: Node; limit: number } | undefined {
  const cap = own + limit + 1;
  const sizes = new Map<unknown, number>();
  let first: Node | undefined;
  // Nodes of `node` with its aliases expanded, capped just above what the limit allows so the numbers stay finite.
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      first ??= node;
      const target = view.resolve(node);
      return target ? size(target) : 1;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (!isCollection(node)) return 1;
    sizes.set(node, Infinity); // reached again while being counted: a cycle
    let n = 1;
    for (const item of node.items) n = Math.min(n + (isPair(item) ? size(item.key) + size(item.value) : size(item)), cap);
    sizes.set(node, n);
    return n;
  };
  const expanded = size(doc.contents);
  return first && expanded - own > limit ? { alias: first, limit } : undefined;
}

/**
 * Like Compose: a repeated key is an error unless the later value is tagged `!reset` or `!override`. Also counts the
 * document's nodes (for aliasBomb) in the same walk, when there is no such key, and tells whether it holds an alias.
 * Visits what yaml's `visit` would, in its order (a mapping's keys are checked before its children are walked), but
 * without the frozen path array `visit` builds at every level: this walk ran over every node of every compose file.
 */
function duplicateKey(doc: Document): { duplicate?: { key: string; node: Node }; nodes: number; aliases: boolean } {
  let found: { key: string; node: Node } | undefined;
  let nodes = 0;
  let aliases = false;
  // true: stop (a repeated key was found)
  const walk = (node: unknown): boolean => {
    if (isMap(node)) {
      nodes++;
      const seen = new Set<unknown>();
      const pairs = node.items;
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const tag = (pair.value as Node | null)?.tag;
        if (seen.has(key) && typeof key !== 'symbol' && tag !== '!reset' && tag !== '!override') {
          found = { key: String(key), node: pair.key as Node };
          return true;
        }
        seen.add(key);
      }
      for (let i = 0; i < pairs.length; i++) if (walk(pairs[i]!.key) || walk(pairs[i]!.value)) return true;
    } else if (isSeq(node)) {
      nodes++;
      for (let i = 0; i < node.items.length; i++) if (walk(node.items[i])) return true;
    } else if (isPair(node)) {
      // a `key: value` item of a flow sequence (`[a: 1]`)
      return walk(node.key) || walk(node.value);
    } else if (isScalar(node)) {
      nodes++;
    } else if (isAlias(node)) {
      nodes++;
      aliases = true;
    }
    return false;
  };
  walk(doc.contents);
  return { duplicate: found, nodes, aliases };
}

/** The `.env` beside the compose file is Compose's default source of interpolation values. */
function readDotEnv(dir: string): Env {
  const file = path.join(dir, '.env');
  try {
    return exists(file) ? parseEnvFile(readText(file)) : new Map();
  } catch {
    return new Map();
  }
}

export { valueOf, type Value } from './value.js';
