// Checkstyle XML (`--format checkstyle`), the interchange format reviewdog (`-f=checkstyle`), Jenkins warnings-ng and
// SonarQube import. Shape of Checkstyle's XMLLogger as "Checkstyle result reports" documents it
// (https://checkstyle.org/result_reports.html, schema checkstyle-report-1.0.0.xsd: file[name] > error[line, column,
// severity, message, source], line and column positive integers), with the version="4.3" header ESLint and TSLint
// write for the same consumers:
//   <checkstyle version="4.3">
//     <file name="<relative path>">
//       <error line="1" column="6" severity="error|warning|info" message="…" source="dockpolicy.<rule id>"/>
//     </file>
//     <file name="<clean file>"/>      every file the run covered appears, so a consumer can tell it was checked
//   </checkstyle>
// Levels map to Checkstyle's severities: error → error, warning → warning, note → info. Files only a finding points
// at (an env file) are listed too. Messages carry " [stack: <name>]" for findings about a stack.
import type { Level } from '../engine/finding.js';
import type { ReportChunks } from './types.js';
import { joined, messageWithStack, reportFiles } from './util.js';
import { XML_DECLARATION, xmlAttrs } from './xml.js';

const SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', note: 'info' };

export const checkstyleChunks: ReportChunks = function* (result) {
  yield `${XML_DECLARATION}\n<checkstyle version="4.3">\n`;
  for (const file of reportFiles(result)) {
    const open = `  <file${xmlAttrs({ name: file.relativePath })}`;
    if (!file.findings.length) {
      yield `${open}/>\n`;
      continue;
    }
    const errors = file.findings.map(
      (f) =>
        `    <error${xmlAttrs({
          line: f.range.start.line,
          column: f.range.start.column,
          severity: SEVERITY[f.level],
          message: messageWithStack(f),
          source: `dockpolicy.${f.ruleId}`,
        })}/>`,
    );
    yield `${[`${open}>`, ...errors, '  </file>'].join('\n')}\n`;
  }
  yield '</checkstyle>\n';
};

export const checkstyle = joined(checkstyleChunks);
