/**
 * JUnit XML (`--format junit`) for CI test views: GitLab's `artifacts: reports: junit:` ("Unit test reports",
 * https://docs.gitlab.com/ci/testing/unit_test_reports/, which reads testcase classname (shown as the suite),
 * testcase name, failure content and, inside a testcase only, system-out) and Jenkins' JUnit plugin (its junit-4.xsd
 * from the dtkit JUnit model: testsuite needs name and tests; a testcase holds failure before system-out).
 *
 *   <testsuites name="dockpolicy" tests="…" failures="…">
 *     <testsuite name="<relative file>" tests="…" failures="…">        one per file, clean ones included
 *       <testcase classname="<relative file>" name="<rule id>">       one per rule checked on that file
 *         <failure message="<first message>" type="error|warning">    when the rule found errors or warnings
 *           <line>:<column> <level> <message>                         one line per finding
 *         </failure>
 *         <system-out>…</system-out>                                  notes, same line format
 *
 * The files are every file the run covered plus any other file a finding points at. A testcase exists for each
 * enabled rule that reads that kind of file (target `dockerfile` for Dockerfiles, `compose` for compose files,
 * `project` for both) and for each rule with findings there, so a clean file still shows its passing checks; a file
 * that is neither kind (an env file) lists only the rules with findings in it.
 *
 * Notes do not fail a testcase: ESLint's junit formatter counts every message as a failure, but a note is advice,
 * the level that does not fail a dockpolicy run either, and a red test for it would train people to ignore the
 * report. A note is listed in the testcase's <system-out>, which GitLab and Jenkins both show next to the test;
 * a rule with only notes is a passing testcase. No time attributes: the output is the same on every run.
 */
import type { Finding, Level } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { ReportChunks, RunResult } from './types.js';
import { joined, messageWithStack, reportFiles, type ReportFile } from './util.js';
import { XML_DECLARATION, xmlAttrs, xmlText } from './xml.js';

/** Levels that make a testcase fail; notes go to <system-out>. */
const FAILS: readonly Level[] = ['error', 'warning'];

const checks = (target: RuleMeta['target'], kind: ReportFile['kind']) => kind !== undefined && (target === 'project' || target === kind);

const line = (f: Finding) => `${f.range.start.line}:${f.range.start.column} ${f.level} ${messageWithStack(f)}`;

function testcase(file: ReportFile, ruleId: string, findings: Finding[]): { xml: string; failed: boolean } {
  const open = `    <testcase${xmlAttrs({ classname: file.relativePath, name: ruleId })}`;
  const failing = findings.filter((f) => FAILS.includes(f.level));
  const notes = findings.filter((f) => !FAILS.includes(f.level));
  if (!findings.length) return { xml: `${open}/>`, failed: false };
  const body = [
    ...(failing.length
      ? [
          `      <failure${xmlAttrs({ message: failing[0]!.message, type: failing.some((f) => f.level === 'error') ? 'error' : 'warning' })}>` +
            `${xmlText(failing.map(line).join('\n'))}</failure>`,
        ]
      : []),
    ...(notes.length ? [`      <system-out>${xmlText(notes.map(line).join('\n'))}</system-out>`] : []),
  ];
  return { xml: [`${open}>`, ...body, '    </testcase>'].join('\n'), failed: failing.length > 0 };
}

/** A file's findings by rule: every enabled rule that reads its kind of file, and every rule with findings in it. */
function byRuleOf(file: ReportFile, rules: RunResult['rules']): Map<string, Finding[]> {
  const byRule = new Map<string, Finding[]>();
  for (const r of rules) if (checks(r.meta.target, file.kind)) byRule.set(r.meta.id, []);
  for (const f of file.findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  return byRule;
}

export const junitChunks: ReportChunks = function* (result) {
  const files = reportFiles(result);
  // The root element carries the totals: they are counted first, and the testsuites made after, one at a time.
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const byRule = byRuleOf(file, result.rules);
    tests += byRule.size;
    for (const findings of byRule.values()) if (findings.some((f) => FAILS.includes(f.level))) failures++;
  }
  const root = `<testsuites${xmlAttrs({ name: 'dockpolicy', tests, failures })}`;
  if (!files.length) {
    yield `${XML_DECLARATION}\n${root}/>\n`;
    return;
  }
  yield `${XML_DECLARATION}\n${root}>\n`;
  for (const file of files) {
    const byRule = byRuleOf(file, result.rules);
    const cases = [...byRule.keys()].sort().map((id) => testcase(file, id, byRule.get(id)!));
    const failed = cases.filter((c) => c.failed).length;
    const open = `  <testsuite${xmlAttrs({ name: file.relativePath, tests: cases.length, failures: failed })}`;
    yield `${cases.length ? [`${open}>`, ...cases.map((c) => c.xml), '  </testsuite>'].join('\n') : `${open}/>`}\n`;
  }
  yield '</testsuites>\n';
};

export const junit = joined(junitChunks);
