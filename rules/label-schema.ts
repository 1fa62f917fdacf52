import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { LABEL_TYPES, hasLabelFormat, hasVariable, escapeCharOf, keyValues, type LabelType } from '../src/model/labels.js';
import { lineage, stageLabel } from '../src/model/stage.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Options {
  schema: Record<string, LabelType>;
  strict: boolean;
}

/** The message of each typed check, with the hadolint code it carries. */
const FORMAT_MESSAGE: Record<Exclude<LabelType, 'text'>, string> = {
  url: 'notUrl', // DL3052
  rfc3339: 'notRfc3339', // DL3053
  spdx: 'notSpdx', // DL3054
  hash: 'notHash', // DL3055
  semver: 'notSemver', // DL3056
  email: 'notEmail', // DL3058
};

export default defineRule<Options>({
  meta: {
    id: 'label-schema',
    aliases: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['labels', 'metadata'],
    description: 'Every stage sets the labels a configured schema requires, each in its declared format.',
    docs: {
      what: 'Checks LABEL instructions against the label schema given in the options (`schema: { "<label>": "text" | "url" | "semver" | "hash" | "rfc3339" | "spdx" | "email" }`), as hadolint\'s label-schema checks do. A stage must set every label of the schema (DL3049): one finding at its FROM names the labels it lacks; a stage has a label when it or a stage it is built on (`FROM <stage>`) sets it. A stage that only feeds others, one a later `COPY --from` (or `RUN --mount=from=`) reads or one a stage built on it completes with the labels, is not reported. A schema label must not be empty (DL3051) and must have its type\'s format: an absolute URL (DL3052), an RFC 3339 date-time such as `2024-05-01T12:00:00Z` (DL3053), an SPDX license expression such as `MIT` or `MIT OR Apache-2.0` (DL3054), a git commit hash of 7 or 40 lower-case hex digits (DL3055), a semantic version such as `1.4.2` (DL3056), an email address (DL3058). With `strict: true` every label that the schema does not list is reported (DL3050). A value built from a variable (`$VERSION`) is not known until build time and is not judged. Without a schema the rule reports nothing. hadolint reports DL3049 and DL3050 as info and the others as warnings; this rule reports them all at one level, `warning`.',
      why: 'Labels are how registries, scanners and deployment tooling find an image\'s source, version, licence and owner. A team that agrees on a label schema needs every published image to carry it, in a format the tooling can parse: a version that is not semver or a date that is not RFC 3339 breaks sorting, filtering and provenance checks.',
      example: '# options: { schema: { "org.opencontainers.image.version": "semver", "org.opencontainers.image.source": "url" } }\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"',
      fix: 'Set every required label, in its format:\n\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0" \\\n      org.opencontainers.image.source="https://github.com/acme/api"',
    },
    messages: {
      missing: 'Stage {{stage}} does not set {{labels}}, required by the label schema.',
      superfluous: 'Label "{{label}}" is not in the label schema (strict mode).',
      empty: 'Label "{{label}}" is empty.',
      notUrl: 'Label "{{label}}" is not a valid URL: "{{value}}".',
      notRfc3339: 'Label "{{label}}" is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z): "{{value}}".',
      notSpdx: 'Label "{{label}}" is not an SPDX license identifier or expression: "{{value}}".',
      notHash: 'Label "{{label}}" is not a git commit hash (7 or 40 lower-case hex digits): "{{value}}".',
      notSemver: 'Label "{{label}}" does not conform to semantic versioning (e.g. 1.4.2): "{{value}}".',
      notEmail: 'Label "{{label}}" is not a valid email address: "{{value}}".',
    },
    options: {
      type: 'object',
      properties: {
        schema: {
          type: 'object',
          description: 'Required labels and the format of each value (hadolint `label-schema`).',
          additionalProperties: { enum: [...LABEL_TYPES] },
        },
        strict: {
          type: 'boolean',
          description: 'Also report labels that the schema does not list (hadolint `strict-labels`, DL3050). Default false.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { schema: {}, strict: false },
  },
  check({ project, options, report }) {
    const schema = new Map(Object.entries(options.schema ?? {}));
    if (schema.size === 0) return;
    for (const df of dockerfilesOf(project)) {
      const escape = escapeCharOf(df);
      // Values: every top-level LABEL instruction, in a stage or not.
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'LABEL') continue;
        for (const kv of keyValues(df, instruction)) {
          const type = schema.get(kv.name);
          const at = df.ref(kv.nameRange);
          if (type === undefined) {
            if (options.strict) report({ messageId: 'superfluous', data: { label: kv.name }, at });
            continue;
          }
          const value = kv.value ?? '';
          if (kv.raw !== null && hasVariable(kv.raw, escape)) continue; // known at build time only
          if (value === '') {
            report({ messageId: 'empty', data: { label: kv.name }, at });
            continue;
          }
          if (type !== 'text' && !hasLabelFormat(type, value)) {
            report({ messageId: FORMAT_MESSAGE[type], data: { label: kv.name, value }, at: df.ref(kv.valueRange ?? kv.nameRange) });
          }
        }
      }
      // Presence, stage by stage: one finding per stage, naming every label it lacks.
      const missing = new Map<Stage, string[]>();
      for (const label of schema.keys()) for (const stage of stagesMissing(df, label)) missing.set(stage, [...(missing.get(stage) ?? []), label]);
      for (const [stage, labels] of [...missing].sort((a, b) => a[0].index - b[0].index)) {
        const names = labels.map((l) => `"${l}"`).join(', ');
        report({ messageId: 'missing', data: { stage: stageLabel(stage), labels: labels.length === 1 ? `the label ${names}` : `the labels ${names}` }, at: stage.fromAt });
      }
    }
  },
});

function setsLabel(stage: Stage, label: string, df: DockerfileModel): boolean {
  return stage.instructions.some((i) => i.getKeyword() === 'LABEL' && keyValues(df, i).some((kv) => kv.name === label));
}

/**
 * The stages that should set `label` and do not (hadolint DL3049): a stage has it when it or a stage of its lineage
 * sets it. Stages that only feed others are left out: one a later COPY --from (or RUN --mount=from=) reads, and one
 * that a stage built on it completes with the label.
 */
function stagesMissing(df: DockerfileModel, label: string): Stage[] {
  const has = (s: Stage) => lineage(s).some((p) => setsLabel(p, label, df));
  const feeds = new Set<Stage>();
  for (const stage of df.stages) {
    if (stage.parent && setsLabel(stage, label, df)) feeds.add(stage.parent);
    for (const i of stage.instructions) for (const source of stageSources(i)) {
      const used = /^\d+$/.test(source) ? df.stages[Number(source)] : df.stages.find((s) => s.name === source.toLowerCase());
      if (used && used.index < stage.index) feeds.add(used);
    }
  }
  return df.stages.filter((s) => !has(s) && !feeds.has(s));
}

/** Stages (by name or index, as written) that an instruction reads files from: `COPY --from=x`, `RUN --mount=...,from=x`. */
function stageSources(instruction: Instruction): string[] {
  const flags = (instruction as unknown as { getFlags?(): { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  const keyword = instruction.getKeyword();
  const out: string[] = [];
  for (const flag of flags) {
    const name = flag.getName().toLowerCase();
    const value = flag.getValue();
    if (!value) continue;
    if (keyword === 'COPY' && name === 'from') out.push(value);
    if (keyword === 'RUN' && name === 'mount') {
      const from = /(?:^|,)from=([^,]+)/.exec(value)?.[1];
      if (from) out.push(from);
    }
  }
  return out;
}
