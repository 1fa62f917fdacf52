import type { Heredoc } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-empty-continuation',
    aliases: ['NoEmptyContinuation'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style', 'deprecated'],
    description: 'An instruction continued over several lines has no empty line inside it.',
    docs: {
      what: 'Reports an instruction continued with the escape character (`\\`, or the one set by `# escape=`) that has an empty or blank line among its continuation lines. Comment lines inside a continued instruction are fine, and so are empty lines inside a here-document. One finding per instruction, at its first empty line.',
      why: 'Docker skips such empty lines today but has deprecated them: a future Dockerfile syntax will reject them and the build will break. They also make it easy to misread where an instruction ends.',
      example: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    gnupg \\\n\n    curl',
      fix: 'Remove the empty lines, or turn them into comments:\n\nFROM alpine:3.20\nRUN apk add --no-cache \\\n    # signature checks\n    gnupg \\\n    curl',
    },
    messages: {
      emptyLine: 'Empty continuation line in this {{keyword}} instruction{{more}}: remove it or make it a comment, a future Dockerfile syntax rejects it.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const lines = df.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop(); // the text after the last newline is not a line
      for (const instruction of df.ast.getInstructions()) {
        const range = instruction.getRange();
        const end = Math.min(range.end.line, lines.length - 1);
        let empty: number[] = [];
        for (let line = range.start.line + 1; line <= end; line++) if (/^\s*$/.test(lines[line]!)) empty.push(line);
        if (empty.length === 0) continue; // most instructions: their here-documents, costly to read, cannot matter
        // Here-document bodies follow the instruction's own lines; their empty lines are content.
        let last = end;
        const heredocs = (instruction as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
        for (const h of heredocs) {
          const body = h.getContentRange() ?? h.getDelimiterRange();
          // An unterminated here-document runs to the end of the file: nothing after its start is a continuation.
          last = Math.min(last, body ? body.start.line - 1 : h.getStartRange().start.line);
        }
        empty = empty.filter((line) => line <= last);
        if (empty.length === 0) continue;
        const more = empty.length > 1 ? ` (and ${empty.length - 1} more)` : '';
        report({ messageId: 'emptyLine', data: { keyword: instruction.getKeyword(), more }, at: df.ref({ start: { line: empty[0]!, character: 0 }, end: { line: empty[0]!, character: 0 } }) });
      }
    }
  },
});
