import type { RuleMeta } from './rule.js';

const LEVELS = ['off', 'note', 'warning', 'error'];

/** The JSON schema of `.dockpolicy.yaml`, generated from the rules' metadata (ids and option schemas). */
export function configSchema(metas: RuleMeta[]): Record<string, unknown> {
  const ruleEntry = (meta: RuleMeta) => ({
    description: meta.description,
    oneOf: [
      { enum: LEVELS },
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [{ enum: LEVELS }, meta.options ?? { type: 'object', additionalProperties: false }],
        additionalItems: false,
      },
    ],
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/dockpolicy/dockpolicy/blob/main/schemas/dockpolicy.schema.json',
    title: 'dockpolicy configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      inlineSuppressions: {
        type: 'boolean',
        description:
          'Honour suppression comments in Dockerfiles (`# dockpolicy-ignore`, `# hadolint ignore=`, `# check=skip=`). false: policy is policy, the comments suppress nothing (hadolint\'s disable-ignore-pragma; turn on no-inline-suppressions to report them).',
      },
      stacks: {
        type: 'object',
        description: 'Named compose configurations, each checked merged as `docker compose -f ... --env-file ... --profile ...` runs it.',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Compose files, base first, relative to this config file.' },
            env_files: { type: 'array', items: { type: 'string' }, description: 'Interpolation variables (default: .env beside the first file).' },
            profiles: { type: 'array', items: { type: 'string' }, description: 'Only services Compose starts with these profiles.' },
          },
        },
      },
      rules: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(metas.map((m) => [m.id, ruleEntry(m)])),
      },
    },
  };
}
