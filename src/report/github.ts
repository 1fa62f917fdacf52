// GitHub Actions annotations (`--format github`): one workflow command per finding, which the runner reads from the
// step's stdout and shows on the run and in the pull request's "Files changed".
// Format: "Workflow commands for GitHub Actions", https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
//   ::error file={name},line={line},endLine={endLine},col={col},endColumn={endColumn},title={title}::{message}
//   (`warning` and `notice` likewise). Escaping as actions/toolkit's packages/core/src/command.ts does it:
//   escapeData (the message) turns % CR LF into %25 %0D %0A; escapeProperty also turns : and , into %3A %2C.
// Nothing else is printed: any other line starting with `::` could be taken for a command, and an empty report is
// an empty string.
import type { Range } from '../model/location.js';
import type { ReportChunks } from './types.js';
import { joined, messageWithStack, relativePaths } from './util.js';

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

// `%` first, so the escapes added after it are not escaped again.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub applies col/endColumn on a single line only, so a range over several lines gets lines alone. An exclusive
 * end at column 1 stops on the line before it. endColumn is exclusive, as the finding (and SARIF) has it; a zero-width
 * range gets one character.
 */
function position({ start, end }: Range): Record<string, number> {
  if (end.line <= start.line) {
    return { line: start.line, endLine: start.line, col: start.column, endColumn: Math.max(end.column, start.column + 1) };
  }
  return { line: start.line, endLine: end.column <= 1 ? end.line - 1 : end.line };
}

export const githubChunks: ReportChunks = function* (result) {
  const relative = relativePaths(result.cwd);
  for (const f of result.findings) {
    const properties = { file: relative(f.file), ...position(f.range), title: f.ruleId };
    const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    yield `::${COMMAND[f.level]} ${list.join(',')}::${escapeData(messageWithStack(f))}\n`;
  }
};

export const github = joined(githubChunks);
