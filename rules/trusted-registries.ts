import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import type { SourceRef } from '../src/model/location.js';
import { copyFromFlag, earlierStage, globalScope, isDockerHub, parseImageRef, registryMatches, registryOf, resolvedImage, unquote } from '../src/model/image-ref.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Options {
  registries: string[];
}

interface FlagLike {
  getName(): string;
  getOptions(): { getName(): string; getValue(): string | null; getValueRange(): Parameters<DockerfileModel['ref']>[0] }[];
}

export default defineRule<Options>({
  meta: {
    id: 'trusted-registries',
    aliases: ['DL3026'],
    level: 'error',
    target: 'dockerfile',
    tags: ['security', 'supply-chain'],
    securitySeverity: 6.0,
    description: 'Images must come from a trusted registry (when the option `registries` lists them).',
    docs: {
      what: "With the option `registries` set (for instance `[\"registry.example.com\", \"*.example.com\", \"docker.io\"]`, where `*` stands for any text), finds images pulled from any other registry: FROM images, COPY --from images and RUN --mount from= images (bind and cache mounts). An image without a registry comes from Docker Hub and is trusted when `docker.io` or `hub.docker.com` is listed. `scratch` and stage names are not images. An image built from ARGs is judged on its default value; one that depends on an ARG without a default is not guessed. Without the option the rule does nothing.",
      why: 'Every base image and every image files are copied from runs its content in your build and usually ships in your image. Restricting them to registries you control or vetted (a mirror, a proxy with scanning) keeps typo-squatted and unreviewed images out of the supply chain.',
      example: '# .dockpolicy.yaml: rules: { trusted-registries: { options: { registries: ["registry.example.com"] } } }\nFROM ghcr.io/someone/node:20\nCOPY --from=quay.io/tools/jq:1.7 /usr/bin/jq /usr/bin/jq',
      fix: 'Pull the images through a trusted registry (mirror them there first):\n\nFROM registry.example.com/library/node:20\nCOPY --from=registry.example.com/tools/jq:1.7 /usr/bin/jq /usr/bin/jq\n\nor add the registry to `registries` after reviewing it.',
    },
    messages: {
      untrusted: 'Image "{{image}}" comes from {{registry}}, which is not a trusted registry ({{trusted}}).',
      untrustedArg: 'FROM {{written}} resolves to "{{image}}" from {{registry}}, which is not a trusted registry ({{trusted}}).',
    },
    options: {
      type: 'object',
      properties: { registries: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaultOptions: { registries: [] },
  },
  check({ project, options, report }) {
    const registries = options.registries ?? [];
    if (registries.length === 0) return;
    const trusted = registries.join(', ');
    /** The registry of an untrusted image, or undefined when the image is trusted. */
    const untrusted = (image: string): string | undefined => {
      if (image === 'scratch') return undefined;
      const ref = parseImageRef(image);
      const candidates = isDockerHub(ref) ? [registryOf(ref), 'docker.io', 'hub.docker.com'] : [registryOf(ref)];
      return registries.some((p) => candidates.some((c) => registryMatches(p, c))) ? undefined : registryOf(ref);
    };
    const judge = (image: string, at: SourceRef) => {
      const registry = untrusted(image);
      if (registry) report({ messageId: 'untrusted', data: { image, registry, trusted }, at });
    };
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df, { unsetIsUnknown: true });
      /** An image named by COPY --from or a mount's from=: not a stage, an index or a variable. */
      const imageName = (raw: string): string | undefined => {
        const value = unquote(raw);
        if (value === '' || value.includes('$') || /^\d+$/.test(value)) return undefined;
        return df.stages.some((s) => s.name === value.toLowerCase()) ? undefined : value;
      };
      for (const stage of df.stages) {
        const image = resolvedImage(df, stage, scope);
        if (image?.value && !earlierStage(df, stage, image.value)) {
          const registry = untrusted(image.value);
          if (registry) {
            const at = df.ref(image.range);
            if (image.raw.includes('$')) report({ messageId: 'untrustedArg', data: { written: image.raw, image: image.value, registry, trusted }, at });
            else report({ messageId: 'untrusted', data: { image: image.value, registry, trusted }, at });
          }
        }
        for (const instruction of stage.instructions) checkInstruction(df, instruction, imageName, judge);
      }
    }
  },
});

function checkInstruction(df: DockerfileModel, instruction: Instruction, imageName: (raw: string) => string | undefined, judge: (image: string, at: SourceRef) => void): void {
  const keyword = instruction.getKeyword();
  if (keyword === 'COPY') {
    const flag = copyFromFlag(instruction);
    const value = flag?.getValue();
    const image = value == null ? undefined : imageName(value);
    if (image) judge(image, df.ref(flag!.getValueRange()));
  } else if (keyword === 'RUN') {
    const flags = (instruction as unknown as { getFlags(): FlagLike[] }).getFlags();
    for (const flag of flags) {
      if (flag.getName() !== 'mount') continue;
      const opts = flag.getOptions();
      const type = opts.find((o) => o.getName() === 'type')?.getValue() ?? 'bind';
      const from = opts.find((o) => o.getName() === 'from');
      const value = from?.getValue();
      if ((type !== 'bind' && type !== 'cache') || value == null) continue;
      const image = imageName(value);
      if (image) judge(image, df.ref(from!.getValueRange()));
    }
  }
}
