/**
 * JSON output (`--format json`), a stable shape for scripts. Fields are only ever added, never
 * renamed or removed, without bumping `version`.
 *
 * {
 *   "version": 1,                      // shape version
 *   "tool": { "name": "dockpolicy", "version": "0.1.0" },
 *   "summary": {
 *     "files": 3,                      // files checked
 *     "errors": 2, "warnings": 1, "notes": 0
 *   },
 *   "findings": [                      // sorted by file, line, column, ruleId
 *     {
 *       "ruleId": "no-latest-tag",     // rule id, as used in the config
 *       "level": "error",              // "error" | "warning" | "note" (after config)
 *       "messageId": "latest",         // key of the rule's message template
 *       "message": "Pin ...",          // the formatted message
 *       "file": "services/api/Dockerfile", // relative to the working directory, forward slashes
 *       "line": 1, "column": 6,        // 1-based start, columns in UTF-16 code units
 *       "endLine": 1, "endColumn": 18, // 1-based, exclusive end
 *       "data": { "image": "node" }    // the message placeholders' values
 *     }
 *   ]
 * }
 */
import type { ReportChunks } from './types.js';
import { countLevels, ITEMS, joined, prettyJson, relativePaths } from './util.js';

export const jsonChunks: ReportChunks = function* (result) {
  const relative = relativePaths(result.cwd);
  const output = {
    version: 1,
    tool: { name: 'dockpolicy', version: result.toolVersion },
    summary: { files: result.filesChecked, ...countLevels(result.findings) },
    findings: ITEMS,
  };
  yield* prettyJson(output, result.findings, (f) => ({
    ruleId: f.ruleId,
    level: f.level,
    messageId: f.messageId,
    message: f.message,
    file: relative(f.file),
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    data: f.data,
    ...(f.stack && { stack: f.stack }),
  }));
  yield '\n';
};

export const json = joined(jsonChunks);
