import { defineRule } from '../src/engine/rule.js';
import { keyValues } from '../src/model/labels.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style', 'deprecated'],
    description: 'ENV and LABEL use the `key=value` form, not the legacy whitespace-separated `key value` form.',
    docs: {
      what: 'Reports ENV and LABEL instructions written in the legacy form `ENV key value` (a key, whitespace, then the rest of the line as its value) instead of `ENV key=value`, as BuildKit\'s LegacyKeyValueFormat check does. Only ENV and LABEL are checked: BuildKit reads `ARG a b` as two declarations, `a` and `b`, not as a key and value, so ARG has no legacy form (Docker\'s page for the check shows an ARG example, but BuildKit does not report it). ONBUILD triggers are not checked.',
      why: 'In the legacy form everything after the key, spaces included, becomes one value, and only one variable can be set per instruction. Adding a second pair later (`ENV A 1 B=2`) silently makes `1 B=2` the value of A. Docker has deprecated the form.',
      example: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\nLABEL description Internal API server',
      fix: 'Separate key and value with `=`, quoting values with spaces:\n\nFROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nLABEL description="Internal API server"',
    },
    messages: {
      legacy: '{{keyword}} {{name}} uses the legacy "{{keyword}} key value" format: write {{keyword}} {{name}}={{value}}.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        const keyword = instruction.getKeyword();
        if (keyword !== 'ENV' && keyword !== 'LABEL') continue;
        for (const kv of keyValues(df, instruction)) {
          if (!kv.legacy) continue;
          report({ messageId: 'legacy', data: { keyword, name: kv.name, value: suggestion(kv.value ?? '') }, at: df.ref(kv.nameRange) });
        }
      }
    }
  },
});

/** The value as it would be written after `=`: quoted when it holds whitespace or quotes, shortened when long. */
function suggestion(value: string): string {
  const flat = value.trim().replace(/\s+/g, ' ');
  const short = flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
  return /[\s"'\\]/.test(short) || short === '' ? `"${short.replace(/(["\\])/g, '\\$1')}"` : short;
}
