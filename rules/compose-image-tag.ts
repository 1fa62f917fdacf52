import { defineRule } from '../src/engine/rule.js';
import { scalarAt } from '../src/model/fields.js';
import { parseImageRef } from '../src/model/image-ref.js';

interface Options {
  prohibitedTags: string[];
}

/** `pull_policy` values under which Compose never pulls the image of a service that builds. */
const LOCAL_ONLY = new Set(['build', 'never']);

/** dclint's default list of tags that move to a new image over time. */
const FLOATING_TAGS = ['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'beta', 'canary', 'lts'];

/**
 * The last path component of an image reference whose full value is unknown, when it is written without variables:
 * `${REGISTRY}/app:1.2` → `app:1.2`; undefined when a variable may supply the name, tag or digest (`app:${TAG}`).
 */
function literalTail(raw: string): string | undefined {
  let depth = 0;
  let slash = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '$' && raw[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}' && depth > 0) depth--;
    else if (ch === '/' && depth === 0) slash = i;
  }
  const tail = raw.slice(slash + 1);
  return slash >= 0 && !tail.includes('$') ? tail : undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'compose-image-tag',
    aliases: ['service-image-require-explicit-tag'],
    level: 'warning',
    target: 'compose',
    tags: ['security', 'supply-chain', 'reproducibility'],
    securitySeverity: 5.0,
    description: 'A service image names a fixed version: a tag that is not `latest` (or another floating tag), or a digest.',
    docs: {
      what: 'Checks each service\'s `image` (merged across override files, interpolated): it must carry a tag or a digest, and the tag must not be one that moves to new images over time. The option `prohibitedTags` lists those (default, as dclint: `latest`, `stable`, `edge`, `test`, `nightly`, `dev`, `beta`, `canary`, `lts`; tags compare case-sensitively, as Docker does). A digest (`@sha256:...`) pins the image whatever its tag says. A `${TAG:-latest}` default is judged on its default; an image that depends on a variable without a value (`app:${TAG}`, `${IMAGE}`) is not guessed, but `${REGISTRY}/app` has no tag whatever the registry is and is reported. Like dclint, a service that builds and sets `image` is judged too: without `pull_policy` Compose pulls that image first and builds only when the pull fails, so a floating name there runs whatever was last pushed. Unlike dclint, a service that builds with `pull_policy: build` or `never` is not judged: its image is never pulled, `image` only names the local build.',
      why: 'A floating tag is a different image from one day to the next: two machines running the same file can get different versions, a new major version can break the stack without any change in the repository, and nothing records which image was tested.',
      example: 'services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest',
      fix: 'Pin the version you tested, by tag or (stronger) by digest:\n\nservices:\n  db:\n    image: postgres:16.4-alpine\n  cache:\n    image: redis:7.4@sha256:<digest>',
    },
    messages: {
      untagged: 'Service "{{service}}" uses image "{{image}}" without a tag or digest, which means `latest`: pin a version.',
      floating: 'Service "{{service}}" uses image "{{image}}" with the floating tag "{{tag}}": pin a version.',
    },
    options: {
      type: 'object',
      properties: { prohibitedTags: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
    defaultOptions: { prohibitedTags: FLOATING_TAGS },
  },
  check({ project, options, report }) {
    const prohibited = new Set(options.prohibitedTags ?? FLOATING_TAGS);
    for (const service of project.services) {
      const image = service.image;
      if (!image) continue;
      // A build that is never pulled over: `image` only names the local result.
      if (service.build && LOCAL_ONLY.has(scalarAt(service.fields, 'pull_policy')?.value ?? '')) continue;
      const text = image.value ?? literalTail(image.raw);
      if (text === undefined) continue; // depends on a variable without a value
      const ref = parseImageRef(text);
      if (ref.digest !== undefined) continue;
      const shown = image.value ?? image.raw;
      const data = { service: service.name, image: shown, tag: ref.tag ?? '' };
      if (ref.tag === undefined) report({ messageId: 'untagged', data, stack: service.stack.name, at: image.at });
      else if (prohibited.has(ref.tag)) report({ messageId: 'floating', data, stack: service.stack.name, at: image.at });
    }
  },
});
