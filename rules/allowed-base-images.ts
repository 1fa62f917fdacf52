import { defineRule } from '../src/engine/rule.js';
import { earlierStage, globalScope, isDockerHub, parseImageRef, resolvedImage, type Scope } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';
import { stageLabel } from '../src/model/stage.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';

interface Options {
  images: string[];
  finalStageOnly?: boolean;
  services?: boolean;
}

/** Other names of Docker Hub that a pattern may start with: read as `docker.io/`. */
const HUB_ALIASES = /^(?:index\.docker\.io|registry-1\.docker\.io)\//i;

/**
 * The ways an image can be written, each of which a pattern may match: Docker Hub images with and without
 * `docker.io/` and `library/`; with their tag, their digest, both (and `:latest` when they carry neither).
 */
function spellings(image: string): { names: string[]; full: string[] } {
  const ref = parseImageRef(image);
  let names: string[];
  if (isDockerHub(ref)) {
    const short = ref.repository.replace(/^library\//, '');
    const official = !short.includes('/');
    names = official ? [short, `library/${short}`, `docker.io/${short}`, `docker.io/library/${short}`] : [short, `docker.io/${short}`];
  } else {
    names = [`${ref.registry}/${ref.repository}`];
  }
  const suffixes: string[] = [];
  if (ref.tag !== undefined && ref.digest !== undefined) suffixes.push(`:${ref.tag}@${ref.digest}`, `:${ref.tag}`, `@${ref.digest}`);
  else if (ref.tag !== undefined) suffixes.push(`:${ref.tag}`);
  else if (ref.digest !== undefined) suffixes.push(`@${ref.digest}`);
  else suffixes.push(':latest');
  return { names, full: names.flatMap((n) => suffixes.map((s) => n + s)) };
}

interface Pattern {
  re: RegExp;
  /** Names no tag or digest (no `@`, no `:` after the last `/`): it also matches the image name whatever its tag. */
  nameOnly: boolean;
}

function compile(pattern: string): Pattern {
  const text = pattern.trim().replace(HUB_ALIASES, 'docker.io/');
  const re = new RegExp(`^${text.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return { re, nameOnly: !text.includes('@') && !text.slice(text.lastIndexOf('/') + 1).includes(':') };
}

interface Policy {
  patterns: Pattern[];
  /** Verdicts by image: a monorepo names the same few images thousands of times. */
  verdicts: Map<string, boolean>;
}

/** Compiled once per run for its `images` option (the options object is the same for every unit of a run). */
const policies = new WeakMap<string[], Policy>();
function policyOf(images: string[]): Policy {
  let policy = policies.get(images);
  if (!policy) policies.set(images, (policy = { patterns: images.map(compile), verdicts: new Map() }));
  return policy;
}

function allowed(image: string, policy: Policy): boolean {
  if (image === 'scratch') return true;
  let verdict = policy.verdicts.get(image);
  if (verdict === undefined) {
    const { names, full } = spellings(image);
    verdict = policy.patterns.some((p) => full.some((s) => p.re.test(s)) || (p.nameOnly && names.some((n) => p.re.test(n))));
    policy.verdicts.set(image, verdict);
  }
  return verdict;
}

/** A stage's base image, following FROM <earlier stage> back to the stage that names an image. */
function baseOf(df: DockerfileModel, stage: Stage, scope: Scope): { stage: Stage; image: NonNullable<ReturnType<typeof resolvedImage>> } | undefined {
  let current = stage;
  for (;;) {
    const image = resolvedImage(df, current, scope);
    if (!image?.value) return undefined;
    const parent = earlierStage(df, current, image.value);
    if (!parent) return { stage: current, image };
    current = parent;
  }
}

export default defineRule<Options>({
  meta: {
    id: 'allowed-base-images',
    aliases: [],
    level: 'off',
    target: 'project',
    tags: ['policy'],
    description: 'Base images (and the images of services that do not build) must match one of the patterns the option `images` lists.',
    docs: {
      what:
        'Turns a policy such as "base images must be minimal (alpine or slim)" into a check. The option `images` lists patterns in which `*` stands for any text (including `/` and `:`), compared case-insensitively. Each stage\'s FROM image must match one of them; so must the `image` of a compose service that does not build (option `services`, default true). ' +
        'A pattern is matched against the whole reference: `*-alpine` allows `node:20-alpine`, `ghcr.io/acme/api:1.4-alpine` and `nginx:1.27-alpine@sha256:...` but not `alpine:3.20` or `node:20`; `python:3.12-slim` allows that tag only; `nginx:*-alpine` any alpine tag of nginx; `*@sha256:*` any image pinned by digest. ' +
        'A pattern without a tag or digest (no `@`, no `:` after its last `/`) also matches the image name whatever the tag: `alpine` allows `alpine:3.20` and `alpine@sha256:...`, `ghcr.io/acme/*` every image under ghcr.io/acme, and `*-slim` an image named `acme/tools-slim`. ' +
        'Docker Hub images match with or without `docker.io/` and `library/` (`nginx:1.27`, `library/nginx:1.27` and `docker.io/library/nginx:1.27` are one image), and an image with neither tag nor digest is read as `:latest`. ' +
        '`scratch` is always allowed. A stage built FROM an earlier stage is judged through that stage, not again. An image built from global ARGs is judged on their defaults; one that depends on an ARG without a default (`FROM ${BASE}`) or a compose variable without a value is unknown and never reported. ' +
        'With `finalStageOnly: true` only the stages that end up in a runnable image are judged: the last stage of each Dockerfile and the `build.target` of compose services, through the stages they build on (builder stages may then use any image). ' +
        'The rule is off by default and reports nothing until `images` is set. COPY --from and RUN --mount images are not base images and are not judged (see trusted-registries for their registry).',
      why: 'A team policy on base images (minimal alpine/slim/distroless images, a vetted set of golden images, digests only) is only a policy while a reviewer remembers it. Checked on every change, an image with a full distribution, a shell and hundreds of unneeded packages (and their CVEs) does not slip into production.',
      example: '# .dockpolicy.yaml: rules: { allowed-base-images: [error, { images: ["*-alpine", "*-slim", "gcr.io/distroless/*"] }] }\nFROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20\nCOPY --from=build /app/dist /app',
      fix: 'Use an image the policy allows:\n\nFROM node:20-slim AS build\nRUN npm ci && npm run build\nFROM gcr.io/distroless/nodejs20-debian12\nCOPY --from=build /app/dist /app\n\nor, if only the shipped image matters, set `finalStageOnly: true` and keep the full image for the build stage.',
    },
    messages: {
      notAllowed: 'Base image "{{image}}" of stage {{stage}} is not an allowed image (allowed: {{allowed}}).',
      notAllowedArg: 'Base image {{written}} of stage {{stage}} resolves to "{{image}}", which is not an allowed image (allowed: {{allowed}}).',
      notAllowedUnder: 'Base image "{{image}}" of stage {{stage}}, which the final stage {{target}} is built on, is not an allowed image (allowed: {{allowed}}).',
      notAllowedUnderArg: 'Base image {{written}} of stage {{stage}}, which the final stage {{target}} is built on, resolves to "{{image}}", which is not an allowed image (allowed: {{allowed}}).',
      service: 'Service "{{service}}" runs image "{{image}}", which is not an allowed image (allowed: {{allowed}}).',
    },
    options: {
      type: 'object',
      properties: {
        images: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Allowed image patterns; `*` stands for any text (e.g. `*-alpine`, `python:3.12-slim`, `ghcr.io/acme/*`).' },
        finalStageOnly: { type: 'boolean', description: 'Judge only the stages that end up in a runnable image (last stage, compose build targets). Default false: every FROM.' },
        services: { type: 'boolean', description: 'Also judge the `image` of compose services that do not build. Default true.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { images: [] },
  },
  check({ project, options, report }) {
    const images = options.images ?? [];
    if (images.length === 0) return;
    const policy = policyOf(images);
    const list = images.join(', ');
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df, { unsetIsUnknown: true });
      if (!options.finalStageOnly) {
        for (const stage of df.stages) {
          const image = resolvedImage(df, stage, scope);
          if (!image?.value || earlierStage(df, stage, image.value) || allowed(image.value, policy)) continue;
          const data = { image: image.value, written: image.raw, stage: stageLabel(stage), allowed: list };
          report({ messageId: image.raw.includes('$') ? 'notAllowedArg' : 'notAllowed', data, at: df.ref(image.range) });
        }
        continue;
      }
      const last = df.stages[df.stages.length - 1];
      const targets = new Set<Stage>(last ? [last] : []);
      for (const service of project.services) if (service.dockerfile === df && service.stage) targets.add(service.stage);
      const judged = new Set<Stage>();
      for (const target of [...targets].sort((a, b) => a.index - b.index)) {
        const base = baseOf(df, target, scope);
        if (!base || judged.has(base.stage)) continue; // two runnable stages on one base: reported once
        judged.add(base.stage);
        if (allowed(base.image.value!, policy)) continue;
        const { image, stage } = base;
        const data = { image: image.value!, written: image.raw, stage: stageLabel(stage), target: stageLabel(target), allowed: list };
        const arg = image.raw.includes('$');
        const messageId = stage === target ? (arg ? 'notAllowedArg' : 'notAllowed') : arg ? 'notAllowedUnderArg' : 'notAllowedUnder';
        report({ messageId, data, at: df.ref(image.range) });
      }
    }
    if (options.services === false) return;
    for (const service of project.services) {
      const image = service.image;
      if (service.build || !image?.value || allowed(image.value, policy)) continue;
      report({ messageId: 'service', data: { service: service.name, image: image.value, allowed: list }, stack: service.stack.name, at: image.at });
    }
  },
});
