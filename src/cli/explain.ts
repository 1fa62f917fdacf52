import type { Rule } from '../engine/rule.js';
import { UsageError } from '../engine/config.js';
import { rulePage } from '../report/rule-docs.js';
import type { Io } from './main.js';

/** `dockpolicy explain <rule>`: the rule's documentation page, found by id or any alias. */
export function explain(name: string, rules: Rule[], io: Io): number {
  const wanted = name.toLowerCase();
  const matches = rules.filter((r) => r.meta.id === wanted || r.meta.aliases.some((a) => a.toLowerCase() === wanted));
  if (matches.length === 0) {
    const near = rules.filter((r) => r.meta.id.includes(wanted) || wanted.includes(r.meta.id)).map((r) => r.meta.id);
    throw new UsageError(`explain: no rule "${name}"${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; \`dockpolicy rules\` lists them`);
  }
  io.stdout(matches.map((r) => rulePage(r.meta)).join('\n'));
  return 0;
}
