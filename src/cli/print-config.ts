import path from 'node:path';
import { configLabel, findConfigFile, loadConfig } from '../engine/config.js';
import type { Rule } from '../engine/rule.js';
import { RuleSettings } from '../engine/settings.js';
import type { Io } from './main.js';

/**
 * `dockpolicy print-config [file] [--stack s] [--service x]`: the configuration that holds there: the files read
 * (presets first) and every rule's level and options after `rules:` and the matching `overrides:`.
 */
export async function printConfig(args: { file?: string; stack?: string; service?: string; config?: string }, rules: Rule[], io: Io): Promise<number> {
  const metas = rules.map((r) => r.meta);
  const config = await loadConfig(findConfigFile(io.cwd, args.config), metas, io.cwd);
  const settings = new RuleSettings(metas, config);
  const context = { file: path.resolve(io.cwd, args.file ?? '.'), stack: args.stack, service: args.service };
  const effective = Object.fromEntries(
    [...metas].sort((a, b) => a.id.localeCompare(b.id)).map((m) => {
      const s = settings.at(m.id, context)!;
      return [m.id, Object.keys(s.options).length ? [s.level, s.options] : s.level];
    }),
  );
  const shown = {
    at: { file: args.file, stack: args.stack, service: args.service },
    files: config.files.map((f) => configLabel(f, io.cwd)),
    stacks: Object.keys(config.stacks),
    inlineSuppressions: config.inlineSuppressions,
    baseline: config.baseline && path.relative(io.cwd, config.baseline),
    policies: config.policies.map((p) => p.id),
    rules: effective,
  };
  io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  return 0;
}
