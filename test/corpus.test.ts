// One run over every file of ../shared/corpus: no internal error, a parse-error only where Docker rejects the file, and
// a compose-schema finding only in the files listed with the reason for it.
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
  // Alias bombs, over limits.maxAliasNodes (100,000 by default; the corpus's largest real use is getsentry's ~4,000).
  'compose-go/inline-from-go-tests/loader__reset_test__006.yaml': 'a 9^9 alias bomb: TestAliasBombPrevented requires "excessive aliasing"',
  'compose-go/inline-from-go-tests/loader__reset_test__011.yaml': 'a 9^8 alias bomb: TestAliasNodePreservation requires "excessive aliasing"',
  'compose-go/inline-from-go-tests/loader__reset_test__005.yaml': 'a 3^10 alias bomb (about 310,000 nodes): TestAliasBombPrevented lets compose-go refuse it too',
};

const INLINE = 'compose-go/inline-from-go-tests/';

/**
 * Files with compose-schema findings, each for a reason read off the file: every other compose file must have none.
 * (Fields newer than the shipped schema copy, such as `pre_start`, are added to it at build time: scripts/build.mjs.)
 */
const SCHEMA_FINDINGS: Record<string, string> = {
  // Invalid for Compose: the Go tests and e2e fixtures that hold them expect the load to fail.
  [`${INLINE}loader__extends_test__006.yaml`]: '`extends` names a file but no `service`, which the spec requires',
  [`${INLINE}loader__loader_test__011.yaml`]: 'an IPAM config entry with the key `123`, which is not an IPAM setting',
  [`${INLINE}loader__loader_test__013.yaml`]: '`services` is a list, not a mapping (TestNonMappingObject)',
  [`${INLINE}loader__loader_test__014.yaml`]: 'service `foo` is a string, not a mapping (TestNonMappingObject)',
  [`${INLINE}loader__loader_test__015.yaml`]: '`image` is a list, not a string',
  [`${INLINE}loader__loader_test__018.yaml`]: 'an environment value that is a list (named invalid-environment-value)',
  [`${INLINE}loader__loader_test__019.yaml`]: '`environment` is a string, neither mapping nor list (named invalid-environment-object)',
  [`${INLINE}loader__loader_test__027.yaml`]: '`deploy.resources.impossible` is not a resources key',
  [`${INLINE}loader__loader_test__030.yaml`]: 'a volume with the key `foo` (named ...-additional-property-not-allowed)',
  [`${INLINE}loader__loader_test__038.yaml`]: 'tmpfs size -1 (named ...-size-must-be-gt-eq-zero)',
  [`${INLINE}loader__loader_test__039.yaml`]: 'tmpfs size 0.0001 (named tmpfs-volume-size-must-be-integer)',
  [`${INLINE}loader__loader_test__053.yaml`]: 'a device reservation without `capabilities`, which the spec requires',
  [`${INLINE}loader__loader_test__057.yaml`]: '`build.ssh` left empty (TestLoadSSHWithoutValueInBuildConfig expects "must be a mapping")',
  [`${INLINE}loader__loader_test__078.yaml`]: 'a develop.watch entry without `action`, which the spec requires',
  [`${INLINE}loader__normalize_test__005.yaml`]: '`cgroup: service:bar` is not host or private (input fed to the normalizer, not to validation)',
  [`${INLINE}loader__normalize_test__006.yaml`]: '`cgroup: service:bar` is not host or private (expected normalizer output)',
  [`${INLINE}loader__tests__develop_test__002.yaml`]: 'a develop.watch entry without `action` (TestDevelopMissingAction)',
  [`${INLINE}loader__tests__environment_test__004.yaml`]: 'an environment value that is a list',
  [`${INLINE}loader__tests__environment_test__005.yaml`]: '`environment` is a string, neither mapping nor list',
  'docker-compose-e2e/pkg/e2e/fixtures/wrong-composefile/compose.yaml': 'the unknown key `wrongField` (the e2e test expects the load to fail)',
  // Never validated alone by Compose.
  [`${INLINE}loader__override_test__008.yaml`]: 'an override snippet: `condition` comes from the base it is merged onto (its own comment says so)',
  'compose-go/loader/testdata/extends/base.yaml': 'an `extends` source (loaded without validation): service `nil` is empty on purpose',
};

describe.skipIf(!existsSync(corpus))(`corpus run over ${corpus}`, () => {
  it('checks every Dockerfile and compose file without an internal error, a wrong parse-error or a wrong compose-schema finding', async () => {
    // Discovery finds the conventionally named files; compose snippets with other names are passed explicitly.
    const yaml = fg.sync('**/*.{yaml,yml}', { cwd: corpus, dot: true }).map((f) => path.join(corpus, f));
    const { code, stdout, stderr } = await runCli(['check', corpus, ...yaml, '--format', 'json'], corpus);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { summary: { files: number }; findings: { ruleId: string; file: string; message: string }[] };
    expect(out.summary.files).toBeGreaterThan(1300);
    const parseErrors = out.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file);
    expect(parseErrors.sort()).toEqual(Object.keys(REJECTED_BY_DOCKER).sort());
    const schemaFindings = [...new Set(out.findings.filter((f) => f.ruleId === 'compose-schema').map((f) => f.file))];
    expect(schemaFindings.sort()).toEqual(Object.keys(SCHEMA_FINDINGS).sort());
  });
});

if (!existsSync(corpus)) {
  describe('corpus run', () => it.skip(`skipped: ${corpus} is absent (it ships beside the repository in ../shared)`, () => {}));
}
