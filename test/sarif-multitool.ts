// Validates a SARIF file with Microsoft's SARIF Multitool under the rules GitHub code scanning applies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MULTITOOL = path.resolve(import.meta.dirname, '../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

/** Returns the multitool's errors and warnings as lines (empty when the log passes). */
export function multitoolProblems(sarifText: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-sarif-'));
  try {
    const input = path.join(dir, 'in.sarif');
    const output = path.join(dir, 'out.sarif');
    writeFileSync(input, sarifText);
    // SARIF2006 makes HTTP requests to every URI in the log; tests stay offline. Disabling it adds
    // one WRN999.RuleExplicitlyDisabled notification, ignored below.
    const config = path.join(dir, 'config.xml');
    writeFileSync(
      config,
      '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n' +
        '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
    );
    let console = '';
    try {
      console = execFileSync(MULTITOOL, ['validate', input, '--rule-kind', 'Gh;Sarif', '-c', config, '-o', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    } catch (error: any) {
      console = `${error.stdout ?? ''}${error.stderr ?? ''}`; // exits non-zero when it finds problems
    }
    if (!existsSync(output)) return [`the multitool wrote no log:\n${console}`];
    const report = JSON.parse(readFileSync(output, 'utf8')).runs[0];
    return [
      ...(report.results ?? []),
      ...(report.invocations ?? []).flatMap((i: any) => [...(i.toolExecutionNotifications ?? []), ...(i.toolConfigurationNotifications ?? [])]),
    ]
      .filter((r: any) => r.descriptor?.id !== 'WRN999.RuleExplicitlyDisabled')
      .filter((r: any) => ['error', 'warning'].includes(r.level ?? 'warning')) // SARIF's default level is warning
      .map((r: any) => `${r.ruleId ?? r.descriptor?.id ?? '?'} ${r.level ?? 'warning'}: ${r.message?.text ?? JSON.stringify(r.message)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
