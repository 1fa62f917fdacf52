// Effective level and options of each rule for each place a finding can be: the rule's defaults, then the config's
// `rules:`, then every `overrides:` entry whose files, stacks and services match, in order.
import path from 'node:path';
import { picomatch } from '../util/lazy.js';
import { applyEntry, type Config, type Override, type RuleSetting } from './config.js';
import type { RuleMeta } from './rule.js';

/** Where a finding is: its file, and for findings about a compose service, its stack and service. */
export interface FindingContext {
  file: string;
  stack?: string;
  service?: string;
}

interface CompiledOverride {
  matches(context: FindingContext): boolean;
  override: Override;
}

export class RuleSettings {
  private readonly base = new Map<string, RuleSetting>();
  private readonly overrides: CompiledOverride[];

  constructor(metas: readonly RuleMeta[], config: Pick<Config, 'rules' | 'overrides'> = { rules: {}, overrides: [] }) {
    for (const meta of metas) {
      const defaults: RuleSetting = { level: meta.level, options: { ...(meta.defaultOptions ?? {}) } };
      const entry = config.rules[meta.id];
      this.base.set(meta.id, entry === undefined ? defaults : applyEntry(defaults, entry));
    }
    this.overrides = config.overrides.map((override) => ({ override, matches: matcher(override) }));
  }

  /** The setting outside every override. */
  get(id: string): RuleSetting | undefined {
    return this.base.get(id);
  }

  /** Whether some override changes this rule: its findings must then be judged one by one. */
  varies(id: string): boolean {
    return this.overrides.some((o) => o.override.rules[id] !== undefined);
  }

  /** The setting in one place. */
  at(id: string, context: FindingContext): RuleSetting | undefined {
    let setting = this.base.get(id);
    if (!setting) return undefined;
    for (const { override, matches } of this.overrides) {
      const entry = override.rules[id];
      if (entry !== undefined && matches(context)) setting = applyEntry(setting, entry);
    }
    return setting;
  }

  /**
   * Every setting the rule can have somewhere: the base and each combination of the overrides that change it, applied
   * in order. The engine runs the rule once per distinct setting that is not off.
   */
  variants(id: string): RuleSetting[] {
    const base = this.base.get(id);
    if (!base) return [];
    let variants = [base];
    for (const { override } of this.overrides) {
      const entry = override.rules[id];
      if (entry === undefined) continue;
      variants = [...variants, ...variants.map((v) => applyEntry(v, entry))];
      const unique = new Map(variants.map((v) => [settingKey(v), v]));
      variants = [...unique.values()];
    }
    return variants;
  }

  /** Whether the rule is on anywhere. */
  enabledAnywhere(id: string): boolean {
    return this.variants(id).some((v) => v.level !== 'off');
  }
}

export function settingKey(setting: RuleSetting): string {
  return JSON.stringify([setting.level, setting.options]);
}

function matcher(override: Override): (context: FindingContext) => boolean {
  const files = override.files?.length ? picomatch()(override.files, { dot: true }) : undefined;
  return (context) => {
    if (files) {
      const rel = path.relative(override.base, context.file).split(path.sep).join('/');
      // A pattern without a slash matches the file's name at any depth, as in .gitignore and ESLint's flat config.
      // Files outside the config's directory match only globs that say so (`../shared/**`).
      if ((rel.startsWith('..') && !override.files!.some((g) => g.startsWith('../'))) || !(files(rel) || override.files!.some((g) => !g.includes('/') && picomatch().isMatch(path.basename(rel), g, { dot: true })))) return false;
    }
    if (override.stacks?.length && !(context.stack !== undefined && override.stacks.includes(context.stack))) return false;
    if (override.services?.length && !(context.service !== undefined && override.services.includes(context.service))) return false;
    return true;
  };
}
