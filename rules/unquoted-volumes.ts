import type { Node, Scalar, YAMLSeq } from 'yaml';
import { defineRule } from '../src/engine/rule.js';
import type { SourceRef } from '../src/model/location.js';
import type { ComposeFile } from '../src/parse/compose.js';

/** Plain scalars that YAML (1.2 core, or 1.1 as older parsers read it) turns into something other than this string. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+|0[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether `text` reads back as the same string when written as a plain (unquoted) scalar. */
function plainSafe(text: string, flow: boolean): boolean {
  if (!text || text !== text.trim() || /[\n\r\t]/.test(text)) return false;
  if (/^[[\]{}#&*!|>'"%@`,]/.test(text) || /^[-?:](?:\s|$)/.test(text)) return false;
  if (/:\s|:$|\s#/.test(text)) return false;
  if (flow && /[[\]{},]/.test(text)) return false;
  return !NOT_A_STRING.test(text);
}

/** The scalar's text exactly as written (quotes included), on its first line. */
function written(compose: ComposeFile, node: Node): string {
  const [start = 0, end = start] = node.range ?? [];
  return compose.yaml.lines.text.slice(start, end).split('\n')[0]!.trimEnd();
}

/** A block scalar's text starts on the line after its `|` / `>` indicator: point at that text. */
function blockTextAt(compose: ComposeFile, node: Node): SourceRef {
  const { text } = compose.yaml.lines;
  const start = node.range?.[0] ?? 0;
  const nl = text.indexOf('\n', start);
  const first = nl < 0 ? start : nl + 1 + (text.slice(nl + 1).match(/^[ \t]*/)?.[0].length ?? 0);
  return { file: compose.path, range: compose.yaml.lines.range(first, first + 1) };
}

export default defineRule({
  meta: {
    id: 'unquoted-volumes',
    aliases: ['no-quotes-in-volumes'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: "Short-syntax entries of a service's `volumes` are written without quotes.",
    docs: {
      what: "Reports each short-syntax entry of a service's `volumes` list (`./data:/var/lib/data:ro`, `db-data:/data`) written in single or double quotes, or as a block scalar (reported at its text, on the line after the `|` / `>`). An entry whose text would change without quotes (it has `: ` or ` #`, starts with a YAML indicator such as `*`, `&`, `>` or `{`, or would read as a number, boolean or null) is left alone: it needs them. Long-syntax entries (`type:`, `source:`, `target:`) are not judged. Each file is read as written (every document, override and included files too); entries shared through YAML anchors or `<<` merges are judged where their text is written.",
      why: 'A volume spec is always a string, so quotes add nothing but noise; writing every entry the same way keeps the list easy to read and to diff.',
      example: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "db-data:/var/lib/postgresql/data"\n      - \'./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\'',
      fix: 'Drop the quotes:\n\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro',
    },
    messages: {
      quoted: 'Volume {{volume}} is quoted: write it without quotes, as `{{fixed}}`.',
      block: 'Volume `{{fixed}}` is written as a block scalar: write it on one line without quotes.',
    },
  },
  check({ project, report }) {
    for (const compose of project.composeFiles) {
      const y = compose.yaml;
      for (const service of y.entries(y.get(compose.root, 'services')?.value)) {
        const list = y.resolve(y.get(service.value, 'volumes')?.value) as YAMLSeq | undefined;
        for (const item of y.items(list)) {
          const text = y.scalar(item); // undefined for long syntax (a mapping) and empty entries
          const style = (item as Scalar).type;
          if (text === undefined || style === 'PLAIN' || !plainSafe(text, !!list?.flow)) continue;
          const quoted = style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE';
          if (quoted) report({ messageId: 'quoted', data: { volume: written(compose, item), fixed: text }, at: y.at(item) });
          else report({ messageId: 'block', data: { fixed: text }, at: blockTextAt(compose, item) });
        }
      }
    }
  },
});
