import { Chalk } from 'chalk';
import type { Finding } from '../engine/finding.js';
import type { ReportChunks } from './types.js';
import { countLevels, joined, relativePaths } from './util.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const textChunks: ReportChunks = function* (result, options) {
  // An explicit level, not chalk's TTY detection: the caller decides (--color, NO_COLOR, piping).
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, note: c.blue };

  const byFile = new Map<string, Finding[]>();
  const relative = relativePaths(result.cwd);
  for (const f of result.findings) {
    const rel = relative(f.file);
    const list = byFile.get(rel);
    if (list) list.push(f);
    else byFile.set(rel, [f]);
  }

  for (const [file, findings] of byFile) {
    const rows = findings.map((f) => [`${f.range.start.line}:${f.range.start.column}`, f.level, f.stack ? `${f.message} [stack: ${f.stack}]` : f.message, f.ruleId] as const);
    // Widths come from the plain text, so escape codes never shift the columns.
    const width = [0, 1, 2].map((i) => rows.reduce((max, r) => Math.max(max, r[i]!.length), -Infinity));
    const pad = (s: string, i: number) => ' '.repeat(width[i]! - s.length);
    const lines = rows.map(
      ([pos, level, message, ruleId]) =>
        `  ${c.dim(pos)}${pad(pos, 0)}  ${paint[level](level)}${pad(level, 1)}  ${message}${pad(message, 2)}  ${c.dim(ruleId)}`,
    );
    yield `${[c.underline(file), ...lines].join('\n')}\n\n`;
  }

  const n = result.findings.length;
  const { errors, warnings, notes } = countLevels(result.findings);
  const summary =
    n === 0
      ? c.green(`No problems found in ${plural(result.filesChecked, 'file')}.`)
      : (errors ? c.red.bold : warnings ? c.yellow.bold : c.bold)(
          `✖ ${plural(n, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')})` +
            ` in ${plural(result.filesChecked, 'file')} checked`,
        );
  yield `${summary}\n`;
};

export const text = joined(textChunks);
