import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LevelSetting } from './finding.js';
import type { RuleMeta } from './rule.js';
import { packageRoot } from '../util/package-root.js';

export const CONFIG_NAMES = ['.dockpolicy.yaml', '.dockpolicy.yml'];

/** A user error in configuration or invocation: exit 2 with this one-line message. */
export class UsageError extends Error {}

export interface RuleSetting {
  level: LevelSetting;
  options: Record<string, unknown>;
}

export interface Config {
  file?: string;
  rules: Record<string, LevelSetting | [LevelSetting, Record<string, unknown>?]>;
  /** false: suppression comments in Dockerfiles are not honoured. */
  inlineSuppressions?: boolean;
  /** Named compose configurations: `{ prod: { files: [...], env_files: [...], profiles: [...] } }`. */
  stacks?: Record<string, { files: string[]; env_files?: string[]; profiles?: string[] }>;
}

/** The config file for `cwd`: `--config` if given, else the nearest `.dockpolicy.yaml` in cwd or its parents. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`--config: file not found: ${explicit}`);
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null };

/** Reads and validates a config file against the schema generated from the rules' metadata at build time. */
export async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return { rules: {} };
  // Loaded only by runs that have a config file. Through a bundle, a CommonJS package's exports sit on `default`.
  const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const parseYaml = yaml.parse ?? yaml.default!.parse;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (e) {
    throw new UsageError(`${path.basename(file)}: ${(e as Error).message.split('\n')[0]}`);
  }
  const { default: validate } = (await import(path.join(packageRoot(), 'dist', 'config-validator.js'))) as { default: Validator };
  if (!validate(data)) throw new UsageError(`${path.basename(file)}: ${describeError(validate.errors ?? [])}`);
  return { file, ...(data as Omit<Config, 'file'>) };
}

function describeError(errors: NonNullable<Validator['errors']>): string {
  // The deepest error names the most specific key; oneOf's own summary error says less.
  const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!error) return 'invalid configuration';
  const key = error.instancePath.split('/').filter(Boolean).join('.');
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty);
    const name = key ? `${key}.${extra}` : extra;
    return key === 'rules' ? `unknown rule "${extra}" (at ${name})` : key.startsWith('rules.') ? `unknown option "${name}"` : `unknown key "${name}"`;
  }
  return `${key || 'configuration'}: ${error.message ?? error.keyword}`;
}

/** Effective level and options of every rule: its defaults, then the config. */
export function resolveRuleSettings(metas: RuleMeta[], config: Config): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const meta of metas) {
    const entry = config.rules?.[meta.id];
    const [level, options] = entry === undefined ? [meta.level, undefined] : Array.isArray(entry) ? entry : [entry, undefined];
    settings.set(meta.id, { level, options: { ...(meta.defaultOptions ?? {}), ...(options ?? {}) } });
  }
  return settings;
}
