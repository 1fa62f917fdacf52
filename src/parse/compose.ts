import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, type Node } from 'yaml';
import { LineIndex, type SourceRef } from '../model/location.js';
import { interpolate, parseEnvFile, type Env } from './interpolate.js';
import { YamlView } from './yaml-nodes.js';

export interface ParseProblem {
  message: string;
  at: SourceRef;
}

/** A compose file parsed with positions, plus the variables its `${...}` templates resolve against. */
export interface ComposeFile {
  path: string;
  dir: string;
  yaml: YamlView;
  env: Env;
  root: Node | undefined;
}

export function parseCompose(file: string, text: string): { compose?: ComposeFile; problem?: ParseProblem } {
  const lines = new LineIndex(text);
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { merge: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const offset = error.pos?.[0] ?? 0;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { problem: { message, at: { file, range: lines.range(offset, offset + 1) } } };
  }
  const yaml = new YamlView(file, doc, lines);
  const root = yaml.resolve(doc.contents);
  if (root && !yaml.isMap(root)) {
    return { problem: { message: 'a compose file must be a mapping at the top level', at: yaml.at(root) } };
  }
  const dir = path.dirname(file);
  return { compose: { path: file, dir, yaml, env: readDotEnv(dir), root } };
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

/** A scalar value after interpolation; `value` is undefined when it cannot be known statically. */
export interface Value {
  value: string | undefined;
  raw: string;
  at: SourceRef;
}

export function valueOf(compose: ComposeFile, node: Node | undefined): Value | undefined {
  const raw = compose.yaml.scalar(node);
  if (raw === undefined) return undefined;
  return { value: interpolate(raw, compose.env).value, raw, at: compose.yaml.at(node) };
}
