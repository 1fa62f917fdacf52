// A rule's documentation page, from its metadata: written to docs/rules/<id>.md by scripts/docs.mjs and printed by
// `dockpolicy explain`.
import type { RuleMeta } from '../engine/rule.js';

const fence = (text: string) => {
  const lang = /^\s*(FROM|ARG)\b/im.test(text) && !/^services:/m.test(text) ? 'dockerfile' : 'yaml';
  return '```' + lang + '\n' + text.replace(/\n$/, '') + '\n```';
};

export function rulePage(m: RuleMeta): string {
  const [fixIntro = '', ...fixRest] = m.docs.fix.split('\n\n');
  const isCode = (p: string) => /^(FROM|services:|\s)/.test(p);
  return [
    `# ${m.id}`,
    '',
    m.description,
    '',
    `- Default level: \`${m.level}\``,
    `- Checks: ${m.target}`,
    `- Tags: ${m.tags.join(', ')}`,
    m.aliases.length ? `- Also known as: ${m.aliases.map((a) => `\`${a}\``).join(', ')}` : '- Also known as: (no other tool checks this)',
    '',
    '## What it does',
    '',
    m.docs.what,
    '',
    '## Why',
    '',
    m.docs.why,
    '',
    '## Example',
    '',
    fence(m.docs.example),
    '',
    '## Fix',
    '',
    fixIntro,
    ...fixRest.filter(isCode).flatMap((c) => ['', fence(c)]),
    ...fixRest.filter((p) => !isCode(p)).flatMap((t) => ['', t]),
    '',
    '## Options',
    '',
    m.options ? '```json\n' + JSON.stringify(m.options, null, 2) + '\n```' : 'None.',
    ...(m.defaultOptions ? ['', 'Defaults:', '', '```json\n' + JSON.stringify(m.defaultOptions, null, 2) + '\n```'] : []),
    '',
  ].join('\n');
}
