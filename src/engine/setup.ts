// The rules of a run and their settings, from the configuration file: the CLI and each worker thread build them the
// same way, so a unit is judged alike wherever it runs.
import { rules } from '../../rules/index.js';
import { loadConfig, type Config } from './config.js';
import type { Rule } from './rule.js';
import { RuleSettings } from './settings.js';

export interface RuleSetup {
  config: Config;
  rules: Rule[];
  settings: RuleSettings;
}

/** `configFile`: the file found or named with --config; undefined for the defaults. */
export async function ruleSetup(configFile: string | undefined, cwd: string): Promise<RuleSetup> {
  const config = await loadConfig(configFile, rules.map((r) => r.meta), cwd);
  return { config, ...(await rulesOf(config)) };
}

/** The rules and settings of a loaded configuration (a worker thread is sent the CLI's, plain data). */
export async function rulesOf(config: Config): Promise<Omit<RuleSetup, 'config'>> {
  const policies = config.policies.length ? await (await import('./policies.js')).policyRules(config.policies) : [];
  const all = [...rules, ...policies];
  return { rules: all, settings: new RuleSettings(all.map((r) => r.meta), config) };
}
