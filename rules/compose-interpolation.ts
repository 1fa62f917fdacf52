import { defineRule } from '../src/engine/rule.js';
import { interpolate } from '../src/parse/interpolate.js';
import type { SourceRef } from '../src/model/location.js';
import type { ComposeFile } from '../src/parse/compose.js';

export default defineRule({
  meta: {
    id: 'compose-interpolation',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['correctness'],
    description: 'Every `${...}` in a compose file is well formed, and required variables are set.',
    docs: {
      what: 'Interpolates every value of each compose file with the variables of its stack (the `.env` in the project directory, or `--env-file` files; the process environment only with `--use-env`) and reports a required variable (`${VAR:?message}`, `${VAR?message}`) that is unset, and a malformed template (an unclosed `${`, an invalid name, an unknown modifier).',
      why: '`docker compose` refuses to start a configuration with an unset required variable or a malformed template, and reports it only when someone runs it on the machine where it is missing.',
      example: 'services:\n  api:\n    image: registry.example.com/api:${TAG:?set TAG to the release}\n    ports:\n      - "${PORT:-8000:8000"',
      fix: 'Set the variable in the env file the stack uses (or give it a default), and close the template:\n\nservices:\n  api:\n    image: registry.example.com/api:${TAG:-latest-release}\n    ports:\n      - "${PORT:-8000}:8000"',
    },
    messages: {
      required: 'Required variable {{name}} is not set: {{message}}.',
      malformed: 'Malformed interpolation: {{error}}.',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      // No `$` in the file, and no escape that could write one in a double-quoted scalar: no template to judge.
      const text = compose.yaml.lines.text;
      if (!text.includes('$') && !text.includes('\\')) continue;
      for (const node of compose.yaml.stringValues()) {
        const raw = compose.yaml.scalar(node);
        if (!raw?.includes('$')) continue;
        const result = interpolate(raw, compose.env);
        if (result.error) report({ messageId: 'malformed', data: { error: result.error }, at: templateAt(compose, node, '${') });
        for (const { name, message } of result.required) {
          report({ messageId: 'required', data: { name, message: message || 'it has no value' }, at: templateAt(compose, node, `\${${name}`) });
        }
      }
    }
  },
});

/** Points at the template inside the scalar as written, not only at the scalar's start. */
function templateAt(compose: ComposeFile, node: unknown, needle: string): SourceRef {
  const at = compose.yaml.at(node);
  const { start } = at.range;
  const lines = compose.yaml.lines;
  const offset = lines.offset(start.line, start.column);
  const index = lines.text.indexOf(needle, offset);
  const lineEnd = lines.offset(start.line, lines.lineEndColumn(start.line));
  if (index < 0 || index >= lineEnd) return at;
  const column = start.column + (index - offset);
  return { file: at.file, range: { start: { line: start.line, column }, end: { line: start.line, column: column + needle.length } } };
}
