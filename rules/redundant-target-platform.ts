import { defineRule } from '../src/engine/rule.js';
import { AMD64, escapeChar, expandWord, globalScope, platformWord } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style'],
    description: 'FROM --platform=$TARGETPLATFORM is redundant: it is what a stage builds for anyway.',
    docs: {
      what: 'Finds FROM lines whose `--platform` is nothing but the automatic `$TARGETPLATFORM` (`$TARGETPLATFORM`, `${TARGETPLATFORM}`, quoted or with a default). A global `ARG TARGETPLATFORM=<value>` that replaces the automatic value makes the flag meaningful, and it passes.',
      why: 'Every stage already builds for the target platform; the flag adds noise and suggests to readers that this stage differs from the others.',
      example: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN apk add --no-cache curl',
      fix: 'Remove the flag:\n\nFROM alpine:3.20\n\n(A stage that must run on the builder, such as a cross-compiler, wants `--platform=$BUILDPLATFORM` instead.)',
    },
    messages: {
      redundant: 'FROM --platform={{platform}} is redundant: a stage builds for the target platform by default.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df, { platform: AMD64 });
      if (scope.withDefault.has('TARGETPLATFORM')) continue;
      for (const stage of df.stages) {
        const flag = stage.from.getPlatformFlag();
        const word = platformWord(df, stage.from);
        if (!flag || !word) continue;
        const { matched, unmatched, value, error } = expandWord(word.raw, scope, escapeChar(df));
        if (error !== undefined || unmatched.length > 0 || matched.size !== 1 || !matched.has('TARGETPLATFORM')) continue;
        if (value !== scope.values.get('TARGETPLATFORM')?.value) continue;
        report({ messageId: 'redundant', data: { platform: word.raw }, at: df.ref(flag.getRange()) });
      }
    }
  },
});
