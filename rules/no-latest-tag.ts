import { defineRule } from '../src/engine/rule.js';
import { earlierStage, globalScope, parseImageRef, refAtOffset, resolvedImage } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'no-latest-tag',
    aliases: ['DL3007', 'DS001', 'AVD-DS-0001', 'CKV_DOCKER_7', "Image Version Using 'latest'"],
    level: 'warning',
    target: 'dockerfile',
    tags: ['security', 'supply-chain', 'reproducibility'],
    securitySeverity: 5.0,
    description: 'A FROM image must not use the latest tag.',
    docs: {
      what: "Finds FROM lines whose image is tagged `latest`, written out or through the default of a global ARG (`ARG TAG=latest` / `FROM node:${TAG}`). A FROM that depends on an ARG without a default is not guessed. An image with no tag at all is reported by `image-tag-explicit`.",
      why: '`latest` is only a name that each release moves: the same Dockerfile builds on a different base image from one week to the next, builds stop being reproducible, and a major upgrade can land unnoticed. Even next to a digest, the tag misleads readers about what is actually pinned.',
      example: 'FROM python:latest\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      fix: 'Pin the version you tested:\n\nFROM python:3.12.4-slim\n\nor with the digest as well:\n\nFROM python:3.12.4-slim@sha256:<digest>',
    },
    messages: {
      latest: 'Image "{{image}}" uses the latest tag, which moves with every release: pin a version tag.',
      latestDigest: 'Image "{{image}}" is pinned by digest but tagged latest: name the version that digest belongs to.',
      latestArg: 'FROM {{written}} resolves to "{{image}}", which uses the latest tag: pin a version in the ARG default.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df, { unsetIsUnknown: true });
      for (const stage of df.stages) {
        const image = resolvedImage(df, stage, scope);
        if (!image?.value || earlierStage(df, stage, image.value)) continue;
        const ref = parseImageRef(image.value);
        if (ref.tag !== 'latest') continue;
        if (image.raw.includes('$')) {
          report({ messageId: 'latestArg', data: { written: image.raw, image: image.value }, at: df.ref(image.range) });
          continue;
        }
        // Point at the tag itself when it is written out plainly.
        const name = image.raw.split('@')[0]!;
        const colon = name.lastIndexOf(':latest');
        const at = image.raw === image.value && colon >= 0 ? refAtOffset(df, image.offset + colon + 1, 'latest'.length) : df.ref(image.range);
        report({ messageId: ref.digest !== undefined ? 'latestDigest' : 'latest', data: { image: image.value }, at });
      }
    }
  },
});
