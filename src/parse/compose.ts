import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import { LineIndex, type SourceRef } from '../model/location.js';
import { parseEnvFile, type Env } from './interpolate.js';
import { YamlView } from './yaml-nodes.js';

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
export function parseCompose(file: string, text: string, env?: Env): { documents: ComposeFile[]; problem?: ParseProblem } {
  const lines = new LineIndex(text);
  const docs = parseAllDocuments(text, { merge: true, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const dir = path.dirname(file);
  env ??= readDotEnv(dir);
  const documents: ComposeFile[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const offset = error.pos?.[0] ?? 0;
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { documents: [], problem: { message, at: { file, range: lines.range(offset, offset + 1) } } };
    }
    const yaml = new YamlView(file, doc, lines);
    const duplicate = duplicateKey(doc);
    if (duplicate) return { documents: [], problem: { message: `duplicate key "${duplicate.key}"`, at: yaml.at(duplicate.node) } };
    const root = yaml.resolve(doc.contents);
    if (root && !yaml.isMap(root)) return { documents: [], problem: { message: 'a compose file must be a mapping at the top level', at: yaml.at(root) } };
    documents.push({ path: file, dir, yaml, env, root });
  }
  return { documents };
}

/** Like Compose: a repeated key is an error unless the later value is tagged `!reset` or `!override`. */
function duplicateKey(doc: Document): { key: string; node: Node } | undefined {
  let found: { key: string; node: Node } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const tag = (pair.value as Node | null)?.tag;
        if (seen.has(key) && typeof key !== 'symbol' && tag !== '!reset' && tag !== '!override') {
          found = { key: String(key), node: pair.key as Node };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** The `.env` beside the compose file is Compose's default source of interpolation values. */
function readDotEnv(dir: string): Env {
  const file = path.join(dir, '.env');
  try {
    return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : new Map();
  } catch {
    return new Map();
  }
}

export { valueOf, type Value } from './value.js';
