// The GitHub Action (action.yml) and the integration snippets (docs/integrations.md).
// - action.yml is read as GitHub reads it: a composite action whose one bash step gets every input through `env:`.
// - The step's script is then run with bash the way the runner runs it (`bash --noprofile --norc -eo pipefail`),
//   with INPUT_* set from the step's `env:` map, GITHUB_OUTPUT and GITHUB_ACTION_PATH set, and DOCKPOLICY_BIN
//   pointing at the built CLI instead of `npx dockpolicy@<version>` (or at a fake npx, to see the argv it builds).
// - Every `dockpolicy check` command line in the doc's code blocks goes through the CLI's own argument parser.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseArgs, type CheckArgs } from '../src/cli/args.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dockpolicy.js');
const BUILT = existsSync(BIN) && existsSync(path.join(ROOT, 'dist', 'bundle', 'dockpolicy.js'));
const SKIP_REASON = 'skipped: bin/dockpolicy.js or dist/bundle/ is missing (run npm ci first, which builds dist/)';
if (!BUILT) console.warn(`test/action.test.ts: running the action against the CLI is ${SKIP_REASON}`);

const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

interface InputSpec {
  description?: string;
  required?: boolean;
  default?: string;
}
interface Step {
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  uses?: string;
}
interface Action {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, InputSpec>;
  outputs: Record<string, { value: string }>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const runSteps = action.runs.steps.filter((s) => s.run !== undefined);
const step = runSteps[0]!;
/** `INPUT_PATHS: ${{ inputs.paths }}` → ['INPUT_PATHS', 'paths'] */
const inputWiring = Object.entries(step.env ?? {}).flatMap(([name, value]) => {
  const m = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(String(value));
  return m ? [[name, m[1]!] as const] : [];
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-action-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const scriptFile = path.join(tmp, 'step.sh');
writeFileSync(scriptFile, step.run ?? '');

let counter = 0;
function tree(files: Record<string, string>): string {
  const dir = path.join(tmp, `ws-${++counter}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The command the step runs instead of npx: the built CLI (a wrapper script if a path holds whitespace). */
function builtCommand(): string {
  if (!/\s/.test(process.execPath + BIN)) return `${process.execPath} ${BIN}`;
  const wrapper = path.join(tmp, 'dockpolicy-wrapper');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs the step as the runner would, in `cwd` (the workspace), with `inputs` over the declared defaults. */
function runStep(cwd: string, inputs: Record<string, string> = {}, env: Record<string, string | undefined> = {}): StepRun {
  for (const name of Object.keys(inputs)) expect(action.inputs, `test uses undeclared input ${name}`).toHaveProperty([name]);
  const githubOutput = path.join(tmp, `github-output-${++counter}`);
  writeFileSync(githubOutput, '');
  const full: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('DOCKPOLICY')) full[k] = v;
  for (const [envName, input] of inputWiring) full[envName] = inputs[input] ?? String(action.inputs[input]?.default ?? '');
  Object.assign(full, { GITHUB_OUTPUT: githubOutput, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: cwd, NO_COLOR: '1', DOCKPOLICY_BIN: builtCommand() });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete full[k];
    else full[k] = v;
  }
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { cwd, env: full, encoding: 'utf8', timeout: 60_000 });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(githubOutput, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
function sarifResults(file: string): SarifResult[] {
  expect(existsSync(file), `${file} was written`).toBe(true);
  const log = JSON.parse(readFileSync(file, 'utf8')) as { version: string; runs: { results: SarifResult[] }[] };
  expect(log.version).toBe('2.1.0');
  return log.runs.flatMap((r) => r.results);
}
const uris = (results: SarifResult[]) => [...new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))].sort();
const annotationLines = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));

// 2 errors (non-root-user, workdir-absolute) and 2 warnings (no-latest-tag, healthcheck-required) at recommended levels.
const BAD = 'FROM node:latest\nWORKDIR app\nCOPY index.js ./\nCMD ["node", "index.js"]\n';
const GOOD = 'FROM node:20.11.1-alpine3.19\nWORKDIR /app\nCOPY index.js ./\nUSER node\nHEALTHCHECK CMD ["node", "-e", "process.exit(0)"]\nCMD ["node", "index.js"]\n';
// One warning (no-latest-tag), no error.
const WARN_ONLY = GOOD.replace('node:20.11.1-alpine3.19', 'node:latest');
const dir = (dockerfile: string, prefix = '') => ({ [`${prefix}Dockerfile`]: dockerfile, [`${prefix}index.js`]: 'console.log(1)\n' });

describe('action.yml', () => {
  it('is a composite action with one bash step', () => {
    expect(action.runs.using).toBe('composite');
    expect(runSteps).toHaveLength(1);
    for (const s of action.runs.steps) if (s.run !== undefined) expect(s.shell, 'a composite run step needs shell:').toBe('bash');
    expect(step.id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  it('declares the inputs with their defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
    expect(defaults).toEqual({
      paths: '.',
      config: '',
      stack: '',
      format: 'sarif',
      output: 'dockpolicy.sarif',
      annotations: 'true',
      'fail-level': 'error',
      'max-warnings': '',
      version: '',
      'working-directory': '.',
    });
    for (const [name, spec] of Object.entries(action.inputs)) expect(spec.description, name).toBeTruthy();
  });

  it('never splices ${{ }} into a run script, and wires every input through env:', () => {
    for (const s of action.runs.steps) if (s.run !== undefined) expect(s.run).not.toContain('${{');
    const script = step.run!;
    // Each declared input has exactly one env variable set from ${{ inputs.<name> }}, and the script reads it.
    expect(inputWiring.map(([, input]) => input).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [envName, input] of inputWiring) {
      expect(envName, input).toBe(`INPUT_${input.toUpperCase().replace(/-/g, '_')}`);
      expect(script, `script reads ${envName}`).toMatch(new RegExp(`\\$\\{?${envName}\\b`));
    }
    // ... and reads no INPUT_ variable that is not wired.
    const read = new Set([...script.matchAll(/\$\{?(INPUT_[A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect([...read].sort()).toEqual(inputWiring.map(([envName]) => envName).sort());
    // Nothing else in env: is an expression over inputs either (inputs would then reach the script unnamed).
    for (const [k, v] of Object.entries(step.env ?? {})) if (/inputs\./.test(String(v))) expect(inputWiring.map(([n]) => n)).toContain(k);
  });

  it('exposes output and exit-code from the step', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'output']);
    for (const [name, spec] of Object.entries(action.outputs)) {
      expect(spec.value).toMatch(new RegExp(`^\\$\\{\\{\\s*steps\\.${step.id}\\.outputs\\.${name}\\s*\\}\\}$`));
      expect(step.run).toContain(`${name}=`);
    }
  });
});

describe('action.yml step, argv it builds (a fake npx records it)', () => {
  const fakeBin = path.join(tmp, 'fake-bin');
  const argvFile = path.join(tmp, 'npx-argv');
  mkdirSync(fakeBin, { recursive: true });
  writeFileSync(path.join(fakeBin, 'npx'), `#!/usr/bin/env bash\nprintf '%s\\0' "$@" > '${argvFile}'\nexit 0\n`);
  chmodSync(path.join(fakeBin, 'npx'), 0o755);
  const withNpx = (cwd: string, inputs: Record<string, string> = {}) => {
    rmSync(argvFile, { force: true });
    const r = runStep(cwd, inputs, { DOCKPOLICY_BIN: undefined, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` });
    const argv = existsSync(argvFile) ? readFileSync(argvFile, 'utf8').split('\0').slice(0, -1) : undefined;
    return { ...r, argv };
  };

  it('runs npx --yes dockpolicy@<the action version> with the defaults', () => {
    const r = withNpx(tree({}));
    expect(r.code, r.stderr).toBe(0);
    expect(r.argv).toEqual(['--yes', `dockpolicy@${VERSION}`, 'check', '--format', 'sarif', '--output', 'dockpolicy.sarif', '--format', 'github', '--fail-level', 'error']);
    expect(r.outputs).toEqual({ output: 'dockpolicy.sarif', 'exit-code': '0' });
  });

  it('passes version, config, stack, max-warnings and several paths', () => {
    const r = withNpx(tree({}), { version: '0.0.9', config: 'ci/dockpolicy.yaml', stack: 'prod', 'max-warnings': '3', paths: ' api\n  web/Dockerfile\tdb ', annotations: 'false', 'fail-level': 'none' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.argv).toEqual(['--yes', 'dockpolicy@0.0.9', 'check', '--format', 'sarif', '--output', 'dockpolicy.sarif', '--fail-level', 'none', '--max-warnings', '3', '--config', 'ci/dockpolicy.yaml', '--stack', 'prod', '--', 'api', 'web/Dockerfile', 'db']);
  });

  it('passes no path for paths `.`, so that a stack is checked alone', () => {
    for (const paths of ['.', ' .\n', '']) {
      const r = withNpx(tree({}), { paths, stack: 'prod', annotations: 'false' });
      expect(r.argv, JSON.stringify(paths)).toEqual(['--yes', `dockpolicy@${VERSION}`, 'check', '--format', 'sarif', '--output', 'dockpolicy.sarif', '--fail-level', 'error', '--stack', 'prod']);
    }
    expect(withNpx(tree({}), { paths: '. api' }).argv!.slice(-3)).toEqual(['--', '.', 'api']);
  });

  it('sends the report to stdout and skips annotations when output is empty', () => {
    const r = withNpx(tree({}), { output: '', format: 'json' });
    expect(r.argv).toEqual(['--yes', `dockpolicy@${VERSION}`, 'check', '--format', 'json', '--fail-level', 'error']);
    expect(r.outputs.output).toBe('');
  });

  it('takes inputs as data: no command substitution, no globbing, no flag from a path', () => {
    const ws = tree({ 'a.txt': '' });
    const paths = '$(touch pwned1) `touch pwned2` ;touch${IFS}pwned3 * --output=x';
    const r = withNpx(ws, { paths, config: '"; touch pwned4; "', stack: "$(touch pwned5)" });
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['pwned1', 'pwned2', 'pwned3', 'pwned4', 'pwned5']) expect(existsSync(path.join(ws, f)), f).toBe(false);
    const sep = r.argv!.indexOf('--');
    expect(r.argv!.slice(sep + 1)).toEqual(['$(touch', 'pwned1)', '`touch', 'pwned2`', ';touch${IFS}pwned3', '*', '--output=x']);
    expect(r.argv).toContain('"; touch pwned4; "');
    expect(r.argv).toContain('$(touch pwned5)');
  });

  it('rejects a version that is not a version or dist-tag, before running anything', () => {
    const r = withNpx(tree({}), { version: '1.0.0 --registry=https://example.invalid' });
    expect(r.code).toBe(2);
    expect(r.argv).toBeUndefined();
  });
});

describe.skipIf(!BUILT)(`action.yml step, run against the built CLI${BUILT ? '' : ` (${SKIP_REASON})`}`, () => {
  it('fails on a bad tree, writes SARIF with its results, annotates, and records its outputs', () => {
    const ws = tree(dir(BAD));
    const r = runStep(ws);
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs).toEqual({ output: 'dockpolicy.sarif', 'exit-code': '1' });
    const results = sarifResults(path.join(ws, 'dockpolicy.sarif'));
    expect(results.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['non-root-user', 'workdir-absolute', 'no-latest-tag']));
    expect(uris(results)).toEqual(['Dockerfile']);
    // One annotation per SARIF result, errors as ::error.
    const annotations = annotationLines(r.stdout);
    expect(annotations).toHaveLength(results.length);
    expect(annotations.filter((l) => l.startsWith('::error file=Dockerfile,')).length).toBe(results.filter((x) => x.level === 'error').length);
    expect(annotations.some((l) => l.startsWith('::error file=Dockerfile,line=2,'))).toBe(true); // WORKDIR app
  });

  it('passes on a good tree', () => {
    const ws = tree(dir(GOOD));
    const r = runStep(ws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toEqual({ output: 'dockpolicy.sarif', 'exit-code': '0' });
    expect(sarifResults(path.join(ws, 'dockpolicy.sarif'))).toEqual([]);
    expect(annotationLines(r.stdout)).toEqual([]);
  });

  it('prints no annotations when annotations is false', () => {
    const ws = tree(dir(BAD));
    const r = runStep(ws, { annotations: 'false' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain('::error file=');
    expect(sarifResults(path.join(ws, 'dockpolicy.sarif')).length).toBeGreaterThan(0);
  });

  it('exits 0 with fail-level none and still reports the findings', () => {
    const ws = tree(dir(BAD));
    const r = runStep(ws, { 'fail-level': 'none' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    expect(sarifResults(path.join(ws, 'dockpolicy.sarif')).filter((x) => x.level === 'error').length).toBe(2);
    expect(annotationLines(r.stdout).filter((l) => l.startsWith('::error ')).length).toBe(2);
  });

  it('fails on warnings with fail-level warning or more than max-warnings', () => {
    const ws = tree(dir(WARN_ONLY));
    expect(runStep(ws).code).toBe(0);
    expect(runStep(ws, { 'fail-level': 'warning' }).code).toBe(1);
    expect(runStep(ws, { 'max-warnings': '0' }).code).toBe(1);
    expect(runStep(ws, { 'max-warnings': '1' }).code).toBe(0);
  });

  it('checks exactly the paths given, several of them', () => {
    const ws = tree({ ...dir(BAD, 'bad/'), ...dir(GOOD, 'good/'), ...dir(BAD, 'other/') });
    const both = runStep(ws, { paths: 'bad\n  good' });
    expect(both.code, both.stderr).toBe(1);
    expect(uris(sarifResults(path.join(ws, 'dockpolicy.sarif')))).toEqual(['bad/Dockerfile']);
    const good = runStep(ws, { paths: 'good good/Dockerfile' });
    expect(good.code, good.stderr).toBe(0);
    expect(sarifResults(path.join(ws, 'dockpolicy.sarif'))).toEqual([]);
  });

  it('uses the config and stack inputs', () => {
    const ws = tree({
      ...dir(BAD),
      'ci/lenient.yaml': 'rules:\n  non-root-user: off\n  workdir-absolute: off\n',
      '.dockpolicy.yaml': 'stacks:\n  safe:\n    files: [compose.safe.yaml]\n  risky:\n    files: [compose.risky.yaml]\n',
      'compose.safe.yaml': 'services:\n  web:\n    image: nginx:1.27.0\n',
      'compose.risky.yaml': 'services:\n  web:\n    image: nginx:1.27.0\n    privileged: true\n',
    });
    const lenient = runStep(ws, { config: 'ci/lenient.yaml', paths: 'Dockerfile' });
    expect(lenient.code, lenient.stderr).toBe(0);
    const ruleIds = sarifResults(path.join(ws, 'dockpolicy.sarif')).map((x) => x.ruleId);
    expect(ruleIds).toContain('no-latest-tag');
    expect(ruleIds).not.toContain('non-root-user');
    const safe = runStep(ws, { stack: 'safe' });
    expect(safe.code, safe.stderr).toBe(0);
    expect(uris(sarifResults(path.join(ws, 'dockpolicy.sarif')))).toEqual(['compose.safe.yaml']);
    const risky = runStep(ws, { stack: 'risky' });
    expect(risky.code, risky.stderr).toBe(1);
    expect(sarifResults(path.join(ws, 'dockpolicy.sarif')).map((x) => x.ruleId)).toContain('no-privileged');
  });

  it('runs in working-directory and reports the output path from the workspace', () => {
    const ws = tree(dir(BAD, 'svc/'));
    const r = runStep(ws, { 'working-directory': 'svc', output: 'reports/dockpolicy.sarif' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs).toEqual({ output: 'svc/reports/dockpolicy.sarif', 'exit-code': '1' });
    expect(uris(sarifResults(path.join(ws, r.outputs.output!)))).toEqual(['Dockerfile']);
  });

  it('prints the report to the log when output is empty', () => {
    const ws = tree(dir(BAD));
    const r = runStep(ws, { output: '', format: 'json' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs.output).toBe('');
    const json = r.stdout.split('\n').filter((l) => !l.startsWith('::')).join('\n');
    const report = JSON.parse(json) as { findings: { ruleId: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toContain('non-root-user');
    expect(existsSync(path.join(ws, 'dockpolicy.sarif'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// docs/integrations.md

const DOC = readFileSync(path.join(ROOT, 'docs', 'integrations.md'), 'utf8');
const blocks = [...DOC.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));

/** Shell words of a command line up to a redirection, pipe, list operator or comment (quotes honoured, no expansion). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('<>|;&'.includes(c) || (c === '#' && word === undefined)) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Every `dockpolicy check ...` (or `dockpolicy@<v> check`) in a code block: the words after `check`. */
const commandLines = blocks.flatMap((b) =>
  b.text.split('\n').flatMap((line) => {
    const m = /\bdockpolicy(?:@\S+)?\s+check\b(.*)$/.exec(line);
    return m ? [{ line: line.trim(), argv: shellWords(m[1]!) }] : [];
  }),
);

const yamlDocs = blocks.filter((b) => b.lang === 'yaml').flatMap((b) => parseAllDocuments(b.text).map((d) => d.toJS() as unknown));

function* walk(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const x of node) yield* walk(x);
  else if (node && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const x of Object.values(node)) yield* walk(x);
  }
}
const workflows = yamlDocs.filter((d) => d && typeof d === 'object' && 'jobs' in d) as { jobs: Record<string, { permissions?: Record<string, string>; steps: Record<string, unknown>[]; strategy?: { matrix?: Record<string, unknown> } }> }[];

describe('docs/integrations.md', () => {
  it('has a section per integration', () => {
    const headings = [...DOC.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.toLowerCase());
    for (const name of ['npm', 'pre-commit', 'github actions', 'gitlab ci', 'shell', 'editors']) expect(headings.some((h) => h.includes(name)), name).toBe(true);
  });

  it('uses only flags the CLI accepts in its dockpolicy check command lines', () => {
    expect(commandLines.length).toBeGreaterThanOrEqual(7);
    const rejected: string[] = [];
    for (const { line, argv } of commandLines) {
      try {
        parseArgs(['check', ...argv]);
      } catch (error) {
        rejected.push(`${line}\n  -> ${(error as Error).message}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('names this version of the action, the hook and the package', () => {
    const tags = [...DOC.matchAll(/dockpolicy\/dockpolicy@(v[^\s`]+)|\brev: (v\S+)|dockpolicy@(\d[^\s`]*)/g)].map((m) => m[1] ?? m[2] ?? `v${m[3]}`);
    expect(tags.length).toBeGreaterThan(3);
    expect(new Set(tags)).toEqual(new Set([`v${VERSION}`]));
    const hooks = [...walk(yamlDocs)].filter((n) => n.repo === 'https://github.com/dockpolicy/dockpolicy');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.hooks).toEqual([{ id: 'dockpolicy' }]);
  });

  it('uses only the inputs action.yml declares, and uploads SARIF per stack even when the check fails', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(2);
    let perStack = 0;
    for (const wf of workflows) {
      for (const job of Object.values(wf.jobs)) {
        expect(job.permissions?.['security-events']).toBe('write');
        const check = job.steps.find((s) => String(s.uses ?? '').startsWith('dockpolicy/dockpolicy@'));
        const upload = job.steps.find((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@'));
        expect(check, 'the workflow runs the action').toBeDefined();
        expect(upload, 'the workflow uploads SARIF').toBeDefined();
        for (const key of Object.keys((check!.with ?? {}) as object)) expect(Object.keys(action.inputs)).toContain(key);
        expect(String(upload!.if)).toMatch(/!cancelled\(\)|always\(\)/);
        const up = upload!.with as Record<string, string>;
        expect(up.sarif_file).toBe(`\${{ steps.${String(check!.id)}.outputs.output }}`);
        expect(up.category).toBeTruthy();
        const stacks = job.strategy?.matrix?.stack;
        if (stacks) {
          perStack++;
          expect((check!.with as Record<string, string>).stack).toBe('${{ matrix.stack }}');
          expect(up.category).toContain('${{ matrix.stack }}');
        }
      }
    }
    expect(perStack).toBe(1);
  });

  it('gives GitLab the files its gitlab and junit reports are written to', () => {
    const jobs = [...walk(yamlDocs)].filter((n) => Array.isArray(n.script) && n.artifacts);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]! as { script: string[]; artifacts: { when?: string; reports: Record<string, string> } };
    const line = job.script.find((l) => /dockpolicy(@\S+)? check/.test(l))!;
    const args = parseArgs(['check', ...shellWords(line.replace(/^.*?\bcheck\b/, ''))]) as CheckArgs;
    const outputOf = (format: string) => args.reports.find((r) => r.format === format)?.output;
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.codequality).toBe(outputOf('gitlab'));
    expect(job.artifacts.reports.junit).toBe(outputOf('junit'));
    expect(args.reports.filter((r) => r.output === undefined)).toEqual([{ format: 'text' }]);
  });
});
