// The OASIS SARIF 2.1.0 JSON schema (../shared/schemas), compiled once for the tests that check SARIF output against it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv'; // the named export: the default one is not constructable under NodeNext

export const SARIF_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../shared/schemas/sarif-schema-2.1.0.json');

/** Why schema checks are skipped, or undefined when the schema is there. */
export const sarifSchemaMissing = existsSync(SARIF_SCHEMA_FILE) ? undefined : `SARIF schema not found at ${SARIF_SCHEMA_FILE} (../shared is absent)`;

let compiled: ((log: unknown) => string[]) | undefined;

/**
 * A validator for SARIF logs: the schema's errors as `path: message` lines, [] for a valid log. Throws when the
 * schema file is absent (check `sarifSchemaMissing` first).
 */
export function sarifValidator(): (log: unknown) => string[] {
  if (compiled) return compiled;
  // The schema is draft-04, which Ajv 8 only reads through ajv-draft-04 (not installed). Its sole
  // draft-04-only keyword is the root `id`, so renaming it lets the draft-07 Ajv read it unchanged.
  const { $schema: _draft04, id, ...rest } = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as { id: string } & Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // Minimal stand-ins for ajv-formats (not installed), for the three formats the schema uses.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
  const validate = ajv.compile({ ...rest, $id: id });
  compiled = (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`));
  return compiled;
}
