import type { RuleMeta } from './rule.js';

const LEVELS = ['off', 'note', 'warning', 'error'];

/** Each rule's options schema, for the rules that take options (the others take none: `{}` at most). */
export function optionSchemas(metas: RuleMeta[]): Record<string, object> {
  return Object.fromEntries(metas.filter((m) => m.options).map((m) => [m.id, m.options!]));
}

/** A size: a number with an optional 1024-based unit (`10MB`, `512 KiB`, `1g`, `300B`). */
export const SIZE_PATTERN = '^\\s*\\d+(?:\\.\\d+)?\\s*(?:[kKmMgG][iI]?[bB]?|[bB])?\\s*$';

/**
 * The JSON schema of `.dockpolicy.yaml`, generated from the rules' metadata (ids and option schemas). `shapeOnly`: the
 * same schema but a rule's options may be any object; its validator is a fraction of the full one's size, and with
 * each rule's own options schema (`optionSchemas`) it decides what the full one would (config.ts).
 */
export function configSchema(metas: RuleMeta[], shapeOnly = false): Record<string, unknown> {
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
  // Every rule by id and by each alias (hadolint, BuildKit, Trivy, Checkov, KICS, dclint names); an alias several
  // rules carry takes a level only.
  const byName = new Map<string, RuleMeta[]>();
  for (const meta of metas) for (const name of [meta.id, ...meta.aliases]) byName.set(name, [...(byName.get(name) ?? []), meta]);
  const definitions = shapeOnly ? {} : Object.fromEntries(metas.map((m) => [`rule:${m.id}`, ruleEntry(m)]));
  const anyEntry = { oneOf: [{ enum: LEVELS }, { type: 'array', minItems: 1, maxItems: 2, items: [{ enum: LEVELS }, { type: 'object' }], additionalItems: false }] };
  const rules = shapeOnly ? { type: 'object', propertyNames: { enum: [...byName.keys()] }, additionalProperties: anyEntry } : {
    type: 'object',
    description: 'Level (`off`, `note`, `warning`, `error`) or `[level, options]` per rule, by id or by any alias.',
    additionalProperties: false,
    properties: Object.fromEntries(
      [...byName].map(([name, owners]) => [
        name,
        owners.length === 1 ? { $ref: `#/definitions/rule:${owners[0]!.id}` } : { description: `Sets ${owners.map((o) => o.id).join(', ')}.`, oneOf: [{ enum: LEVELS }, { type: 'array', items: [{ enum: LEVELS }], minItems: 1, maxItems: 1 }] },
      ]),
    ),
  };
  const names = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/dockpolicy/dockpolicy/blob/main/schemas/dockpolicy.schema.json',
    title: 'dockpolicy configuration',
    type: 'object',
    additionalProperties: false,
    definitions,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Presets (`recommended`, `strict`, `production`, `development`) or config files (relative to this one) applied before this file, in order.',
        oneOf: [{ type: 'string', minLength: 1 }, names],
      },
      inlineSuppressions: {
        description:
          'Suppression comments in Dockerfiles and compose files (`# dockpolicy-ignore`, `# hadolint ignore=`, `# check=skip=`). false: policy is policy, the comments suppress nothing (hadolint\'s disable-ignore-pragma; turn on no-inline-suppressions to report them). `requireReason`: a `dockpolicy-ignore` without `-- reason` suppresses nothing.',
        oneOf: [
          { type: 'boolean' },
          { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' }, requireReason: { type: 'boolean' } } },
        ],
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
      rules,
      overrides: {
        type: 'array',
        description: 'Rules for some places only, applied in order after `rules`: every matcher given must match where the finding is.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rules'],
          properties: {
            files: { ...names, description: 'Globs relative to this config file (`**/Dockerfile.dev`, `compose.prod.yaml`); a glob without `/` matches the name at any depth.' },
            stacks: { ...names, description: 'Stack names (declared under `stacks:`, or `a.yaml + b.yaml` for files merged without a name).' },
            services: { ...names, description: 'Compose service names.' },
            rules,
          },
        },
      },
      policies: {
        type: 'array',
        description: 'Checks of your own, without code: the normalised target must satisfy the JSON Schema.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'message', 'target', 'schema'],
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'kebab-case, not a rule id.' },
            level: { enum: LEVELS, description: 'Default error.' },
            message: { type: 'string', minLength: 1, description: 'Shown with each finding; `{{name}}` is the service, stage or file name.' },
            description: { type: 'string' },
            target: { enum: ['service', 'stage', 'dockerfile', 'compose'], description: 'What the schema is applied to (see docs/policies.md).' },
            schema: { type: 'object', description: 'JSON Schema (draft-07) the target must satisfy.' },
            files: { ...names, description: 'Only targets in files matching these globs.' },
            stacks: { ...names, description: 'Only services and stages of these stacks.' },
            services: { ...names, description: 'Only these services (and the stages they run).' },
          },
        },
      },
      baseline: { type: 'string', description: 'Baseline file (default .dockpolicy-baseline.json beside this config): findings recorded there are not reported.' },
      limits: {
        type: 'object',
        description: 'What a run refuses to read or expand in full, against hostile or broken files: beyond a limit the file is reported (parse-error at 1:1) and not checked.',
        additionalProperties: false,
        properties: {
          maxFileSize: {
            description: 'Largest file read, in bytes or with a unit (`10MB`, `512KB`, `1GB`; 1024-based). Default `10MB`.',
            oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: SIZE_PATTERN }],
          },
          maxAliasNodes: {
            type: 'integer',
            minimum: 0,
            description: 'YAML nodes the aliases (`*name`) of one compose document may stand for, each alias counted as a copy of what it names: an alias bomb ("billion laughs") stands for billions. Default 100000.',
          },
        },
      },
    },
  };
}
