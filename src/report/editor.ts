/**
 * JSON for editor plugins (`--format editor`): findings grouped by file, with every file the run covered listed
 * even when clean, so a plugin can replace a file's diagnostics wholesale (clearing those that were fixed). Ranges
 * are the findings' own: 1-based lines and columns, columns in UTF-16 code units (what LSP and VS Code count, once
 * made 0-based), end exclusive. Fields are only ever added, never renamed or removed, without bumping `version`.
 *
 * {
 *   "version": 1,                                   // shape version
 *   "files": [                                      // sorted by absolute path
 *     {
 *       "path": "/work/project/services/api/Dockerfile", // absolute, to match an open document
 *       "relativePath": "services/api/Dockerfile",  // relative to the working directory, forward slashes
 *       "findings": [                               // sorted by line, column, rule id; [] for a clean file
 *         {
 *           "ruleId": "no-latest-tag",
 *           "level": "error",                       // "error" | "warning" | "note"
 *           "message": "Pin ...",
 *           "range": { "start": { "line": 1, "column": 6 }, "end": { "line": 1, "column": 18 } },
 *           "docsUrl": "https://github.com/...",    // the rule's page; absent for a policy from the user's config
 *           "stack": "api"                          // the stack a finding about a service was made in, if any
 *         }
 *       ]
 *     }
 *   ]
 * }
 *
 * The files are every file the run covered plus any other file a finding points at (an env file, a .dockerignore).
 */
import type { ReportChunks } from './types.js';
import { docsUrlOf, ITEMS, joined, prettyJson, reportFiles } from './util.js';

export const editorChunks: ReportChunks = function* (result) {
  const metaOf = new Map(result.rules.map((r) => [r.meta.id, r.meta]));
  yield* prettyJson({ version: 1, files: ITEMS }, reportFiles(result), (file) => ({
    path: file.path,
    relativePath: file.relativePath,
    findings: file.findings.map((f) => {
      const meta = metaOf.get(f.ruleId);
      const docsUrl = meta && docsUrlOf(meta);
      return {
        ruleId: f.ruleId,
        level: f.level,
        message: f.message,
        range: {
          start: { line: f.range.start.line, column: f.range.start.column },
          end: { line: f.range.end.line, column: f.range.end.column },
        },
        ...(docsUrl && { docsUrl }),
        ...(f.stack && { stack: f.stack }),
      };
    }),
  }));
  yield '\n';
};

export const editor = joined(editorChunks);
