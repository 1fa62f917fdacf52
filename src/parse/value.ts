import type { Node } from 'yaml';
import type { ComposeFile } from './compose.js';
import type { SourceRef } from '../model/location.js';
import { interpolate } from './interpolate.js';

// Kept apart from compose.ts so that rules can read values without loading the YAML parser at start-up.

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
