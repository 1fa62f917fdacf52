// One run over every file of ../shared/corpus: no internal error, and a parse-error only where Docker rejects the file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helper.js';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');

/** Files Docker itself rejects, so a parse-error there is right. */
const REJECTED_BY_DOCKER: Record<string, string> = {
  'compose-go/inline-from-go-tests/loader__loader_test__029.yaml': 'a Go format placeholder `%s` where a value belongs: not YAML',
  'compose-go/inline-from-go-tests/loader__paths_test__002.yaml': 'a Go format placeholder `%s` where a value belongs: not YAML',
  'docker-compose-e2e/pkg/e2e/fixtures/wrong-composefile/service1/Dockerfile': 'unknown instruction WRONG (the e2e test expects the build to fail)',
};

describe.skipIf(!existsSync(corpus))(`corpus run over ${corpus}`, () => {
  it('checks every Dockerfile and compose file without an internal error or a wrong parse-error', async () => {
    // Discovery finds the conventionally named files; compose snippets with other names are passed explicitly.
    const yaml = fg.sync('**/*.{yaml,yml}', { cwd: corpus, dot: true }).map((f) => path.join(corpus, f));
    const { code, stdout, stderr } = await runCli(['check', corpus, ...yaml, '--format', 'json'], corpus);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { summary: { files: number }; findings: { ruleId: string; file: string; message: string }[] };
    expect(out.summary.files).toBeGreaterThan(1300);
    const parseErrors = out.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file);
    expect(parseErrors.sort()).toEqual(Object.keys(REJECTED_BY_DOCKER).sort());
  });
});

if (!existsSync(corpus)) {
  describe('corpus run', () => it.skip(`skipped: ${corpus} is absent (it ships beside the repository in ../shared)`, () => {}));
}
