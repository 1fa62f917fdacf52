// Compact output (`--format compact`): one line per finding in the shape of the GNU Coding Standards, "Formatting
// Error Messages" (https://www.gnu.org/prep/standards/html_node/Errors.html, `sourcefile:lineno:column: message`),
// which editors, grep users and reviewdog's errorformat (`%f:%l:%c: %m`) read:
//   <relative file>:<line>:<column>: <level> <rule id> <message>[ [stack: <name>]]
// Columns are 1-based UTF-16 code units like every dockpolicy format (not GNU's tab stops of 8). Nothing else is
// printed, no header or summary, and an empty report is an empty string. A line break inside a message becomes a
// space, so each finding stays on one line.
import type { ReportChunks } from './types.js';
import { joined, messageWithStack, relativePaths } from './util.js';

export const compactChunks: ReportChunks = function* (result) {
  const relative = relativePaths(result.cwd);
  for (const f of result.findings) {
    const message = messageWithStack(f).replace(/\r\n|[\r\n]/g, ' ');
    yield `${relative(f.file)}:${f.range.start.line}:${f.range.start.column}: ${f.level} ${f.ruleId} ${message}\n`;
  }
};

export const compact = joined(compactChunks);
