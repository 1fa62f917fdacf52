import { defineRule } from '../src/engine/rule.js';
import { earlierStage, globalScope, parseImageRef, resolvedImage } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'image-tag-explicit',
    aliases: ['DL3006', 'Image Version Not Explicit'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security', 'supply-chain', 'reproducibility'],
    securitySeverity: 5.0,
    description: 'A FROM image must name a tag or a digest.',
    docs: {
      what: "Finds FROM lines whose image has neither a tag (`:1.27`) nor a digest (`@sha256:...`). `scratch` and the name of an earlier stage are not images and need none. An image built from ARGs is judged on its value with the global ARG defaults substituted; when it depends on an ARG without a default (or on a platform ARG) the rule does not guess.",
      why: 'Without a tag Docker pulls `latest`, whatever that is on the day of the build: two builds of the same Dockerfile can get different base images, and a new major version can break the build or the application without any change in the repository.',
      example: 'FROM node\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]',
      fix: 'Pin the version you tested, by tag or (stronger) by digest:\n\nFROM node:20.15-alpine\n\nor\n\nFROM node:20.15-alpine@sha256:<digest>',
    },
    messages: {
      untagged: 'Image "{{image}}" has no tag or digest: pin the version, e.g. {{image}}:<version>.',
      untaggedArg: 'FROM {{written}} resolves to "{{image}}", which has no tag or digest: pin the version.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df, { unsetIsUnknown: true });
      for (const stage of df.stages) {
        const image = resolvedImage(df, stage, scope);
        if (!image?.value || image.value === 'scratch' || earlierStage(df, stage, image.value)) continue;
        const ref = parseImageRef(image.value);
        if (ref.tag !== undefined || ref.digest !== undefined) continue;
        const at = df.ref(image.range);
        if (!image.raw.includes('$')) report({ messageId: 'untagged', data: { image: image.value }, at });
        else report({ messageId: 'untaggedArg', data: { written: image.raw, image: image.value }, at });
      }
    }
  },
});
