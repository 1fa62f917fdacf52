// The whole pipeline in-process, as `dockpolicy check` wires it (src/cli/main.ts: checkFiles, then the reporters), with
// every rule on: for tests that feed it hostile input and look at every output format.
import type { DiscoveredFile } from '../src/discover/discover.js';
import { checkFiles, type CheckResult } from '../src/engine/check.js';
import type { Config } from '../src/engine/config.js';
import { policyRules } from '../src/engine/policies.js';
import type { Rule } from '../src/engine/rule.js';
import { RuleSettings } from '../src/engine/settings.js';
import type { LoadOptions } from '../src/model/project.js';
import { FORMATS, loadReporter, type Format, type RunResult } from '../src/report/index.js';
import { rules } from '../rules/index.js';

/** Options for the rules that do nothing (or little) without them, so their code runs too. */
const OPTIONS: Record<string, Record<string, unknown>> = {
  'allowed-base-images': { images: ['alpine:*', '*-slim', 'ghcr.io/acme/*'], services: true },
  'trusted-registries': { registries: ['docker.io', 'ghcr.io'] },
  'label-schema': { schema: { 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.source': 'url', maintainer: 'email', created: 'rfc3339' }, strict: true },
  'log-rotation': { maxSize: '100m' },
  'platform-pinned': { platforms: ['linux/amd64'], services: 'all' },
  'non-root-user': { uid: 1000, gid: 1000 },
  'healthcheck-timing': { maxTimeout: '30s', minStartPeriod: '1s' },
  'json-args-for-cmd': { allowWithShell: true },
  'workdir-absolute': { allowAfterWorkdir: true },
  'no-sensitive-host-mounts': { paths: ['~/.ssh'], allow: ['/tmp'] },
};

/** Custom policies of every target, so the policy engine meets the mutants too. */
const POLICIES: Config['policies'] = [
  { id: 'fuzz-service', message: '{{name}} needs a user', target: 'service', schema: { required: ['user'], properties: { ports: { maxItems: 2 } } } },
  { id: 'fuzz-stage', message: '{{name}} needs a label', target: 'stage', schema: { required: ['labels'] } },
  { id: 'fuzz-dockerfile', message: '{{name}} needs two stages', target: 'dockerfile', schema: { properties: { stages: { minItems: 2 } } } },
  { id: 'fuzz-compose', message: '{{name}} needs networks', target: 'compose', schema: { required: ['networks'] } },
];

export interface AllRules {
  rules: Rule[];
  settings: RuleSettings;
}

/**
 * Every shipped rule on (rules off by default at `warning`, with options where they need some), custom policies of
 * every target, and an override, so the engine's per-place settings run as well.
 */
export async function everyRuleOn(base: string): Promise<AllRules> {
  const all = [...rules, ...(await policyRules(POLICIES))];
  const config = {
    rules: Object.fromEntries(all.map(({ meta }) => [meta.id, OPTIONS[meta.id] ? ['warning', OPTIONS[meta.id]] : meta.level === 'off' ? 'warning' : meta.level])),
    overrides: [{ files: ['**/Dockerfile*'], rules: { 'no-latest-tag': 'note' }, base }],
  } as Pick<Config, 'rules' | 'overrides'>;
  return { rules: all, settings: new RuleSettings(all.map((r) => r.meta), config) };
}

/**
 * Loads `files` and runs the rules unit by unit as the CLI does, then renders the result in every format. `lean`:
 * reporters are given only the rules that found something, as the descriptors of the others (most of a SARIF log's
 * size) do not depend on the input.
 */
export async function checkAndRender(files: DiscoveredFile[], cwd: string, load: LoadOptions, all: AllRules, lean = false): Promise<{ result: CheckResult; outputs: Map<Format, string> }> {
  const result = await checkFiles(files, cwd, load, all.rules, all.settings, { requireReason: true });
  const run: RunResult = {
    cwd,
    toolVersion: '0.0.0-test',
    findings: result.findings,
    rules: lean ? result.enabled.filter((r) => result.findings.some((f) => f.ruleId === r.meta.id)) : result.enabled,
    filesChecked: result.files.length,
    files: result.files,
  };
  const outputs = new Map<Format, string>();
  for (const format of FORMATS) outputs.set(format, (await loadReporter(format))(run, { color: format === 'text' }));
  return { result, outputs };
}
