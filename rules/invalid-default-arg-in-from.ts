import { defineRule } from '../src/engine/rule.js';
import { AMD64, ARMV7, escapeChar, expandWord, fromImageWord, globalScope, isValidReference } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A FROM image built from ARGs must be a valid image reference with the ARG defaults alone.',
    docs: {
      what: "Evaluates each FROM image the way BuildKit does when no `--build-arg` is given: global ARGs take their defaults, an ARG without a default is empty, and an undeclared variable is empty. It reports a FROM whose result is empty or not a valid image reference (`busybox:` with an empty tag, uppercase repository names, a bad digest). Results that depend on the build machine's platform ARGs are only reported when they are invalid on every platform. A FROM without variables that is not a valid reference is reported too.",
      why: 'A Dockerfile should build as it is: requiring `--build-arg` for the base image to make sense breaks plain `docker build .`, IDE integrations and tools that read the Dockerfile, with an error that points at the FROM and not at the missing default.',
      example: 'ARG TAG\nFROM busybox:${TAG}',
      fix: 'Give the ARG a default, or a fallback where it is used:\n\nARG TAG=1.36\nFROM busybox:${TAG}\n\nor\n\nARG TAG\nFROM busybox:${TAG:-1.36}\n\n(An ARG may stay empty when the image is valid without it: `FROM busybox:stable${VARIANT}`.)',
    },
    messages: {
      empty: 'With the default ARG values, FROM {{written}} is empty: give the ARG a default.',
      invalid: 'With the default ARG values, FROM {{written}} becomes "{{value}}", which is not a valid image reference: give the ARG a default.',
      invalidName: 'FROM {{written}} is not a valid image reference (repository names are lowercase; tags are letters, digits, ".", "_" and "-").',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const escape = escapeChar(df);
      const scopes = [globalScope(df, { platform: AMD64 }), globalScope(df, { platform: ARMV7 })];
      for (const stage of df.stages) {
        const word = fromImageWord(df, stage.from);
        if (!word) continue;
        const results = scopes.map((scope) => expandWord(word.raw, scope, escape));
        if (results.some((r) => r.error !== undefined || isValidReference(r.value))) continue;
        const { value, matched, unmatched } = results[0]!;
        const at = df.ref(word.range);
        if (matched.size === 0 && unmatched.length === 0) report({ messageId: 'invalidName', data: { written: word.raw }, at });
        else if (value === '') report({ messageId: 'empty', data: { written: word.raw }, at });
        else report({ messageId: 'invalid', data: { written: word.raw, value }, at });
      }
    }
  },
});
