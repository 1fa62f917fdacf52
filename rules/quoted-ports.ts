import type { Node, Scalar } from 'yaml';
import { defineRule } from '../src/engine/rule.js';
import type { ComposeFile } from '../src/parse/compose.js';

interface Options {
  quoteType: 'single' | 'double';
  portsSections: ('ports' | 'expose')[];
}

const STYLE = { single: 'QUOTE_SINGLE', double: 'QUOTE_DOUBLE' } as const;

/** The scalar's text exactly as written (quotes included), on its first line. */
function written(compose: ComposeFile, node: Node): string {
  const [start = 0, end = start] = node.range ?? [];
  return compose.yaml.lines.text.slice(start, end).split('\n')[0]!.trimEnd();
}

export default defineRule<Options>({
  meta: {
    id: 'quoted-ports',
    aliases: ['require-quotes-in-ports'],
    level: 'off',
    target: 'compose',
    tags: ['style'],
    description: 'Short-syntax entries of `ports` and `expose` are quoted strings, in one quote style.',
    docs: {
      what: "Reports each entry of a service's `ports` and `expose` lists written as a scalar that is not a string in the configured quotes (`quoteType`: `single` by default, or `double`): a bare number (`- 80`), an unquoted mapping (`- 8080:80`), a block scalar or the other quote style. Long-syntax `ports` entries (`target:`, `published:`...) are mappings and are not judged. `portsSections` limits the check to `ports` or `expose`. Each file is read as written (every document, override and included files too); entries shared through YAML anchors or `<<` merges are judged where their text is written.",
      why: 'YAML 1.1 parsers read an unquoted `HOST:CONTAINER` with both parts below 60 as a base-60 number (`22:22` is 1342), and a bare number is not a string; quoting every entry in the same style keeps the file unambiguous for every parser and consistent to read.',
      example: 'services:\n  web:\n    image: nginx:1.27-alpine\n    ports:\n      - 8080:80\n      - "8443:443"\n    expose:\n      - 9000',
      fix: "Quote every entry in the configured style (single quotes by default):\n\nservices:\n  web:\n    image: nginx:1.27-alpine\n    ports:\n      - '8080:80'\n      - '8443:443'\n    expose:\n      - '9000'",
    },
    messages: {
      unquoted: '`{{section}}` entry {{port}} is not quoted: write it as {{fixed}}.',
      otherQuotes: '`{{section}}` entry {{port}} uses {{found}} quotes: write it as {{fixed}}.',
    },
    options: {
      type: 'object',
      properties: {
        quoteType: { enum: ['single', 'double'], description: 'The quotes every entry must use.' },
        portsSections: { type: 'array', items: { enum: ['ports', 'expose'] }, uniqueItems: true, description: 'The service lists to check.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { quoteType: 'single', portsSections: ['ports', 'expose'] },
  },
  check({ project, options, report }) {
    const quoteType = options.quoteType === 'double' ? 'double' : 'single';
    const sections = options.portsSections ?? ['ports', 'expose'];
    for (const compose of project.composeFiles) {
      const y = compose.yaml;
      for (const service of y.entries(y.get(compose.root, 'services')?.value)) {
        for (const section of sections) {
          for (const item of y.items(y.get(service.value, section)?.value)) {
            const text = y.scalar(item); // undefined for long syntax (a mapping) and empty entries
            const style = (item as Scalar).type;
            if (text === undefined || style === STYLE[quoteType]) continue;
            const fixed = quoteType === 'single' ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
            const data = { section, port: style?.startsWith('BLOCK') ? text : written(compose, item), fixed };
            if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') report({ messageId: 'otherQuotes', data: { ...data, found: quoteType === 'single' ? 'double' : 'single' }, at: y.at(item) });
            else report({ messageId: 'unquoted', data, at: y.at(item) });
          }
        }
      }
    }
  },
});
