import { defineRule } from '../src/engine/rule.js';
import { escapeChar, expandWord, globalScope, parsePlatform, platformWord } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'from-platform-constant',
    aliases: ['FromPlatformFlagConstDisallowed'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['portability'],
    description: 'FROM --platform must not be a constant, unless the stage name says which platform it is for.',
    docs: {
      what: "Finds FROM lines whose `--platform` is a constant value (no variable at all), such as `--platform=linux/amd64`, as BuildKit's check does. A stage whose name contains the platform's OS or architecture (`AS build_arm64`) is taken as deliberately platform-specific and passes. Values that are not valid platforms are left to the build to reject.",
      why: 'A constant platform ties the stage to one architecture: building the Dockerfile for another platform (or for several) either fails or quietly produces the wrong architecture, and on other hosts the stage runs under emulation.',
      example: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git',
      fix: 'Leave the platform to the build (`docker build --platform ...`), or use a platform variable:\n\nFROM --platform=$BUILDPLATFORM alpine:3.20 AS base\n\nor name per-platform stages after their platform and pick one with $TARGETARCH:\n\nFROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM build_${TARGETARCH} AS build',
    },
    messages: {
      constant: 'FROM --platform flag uses the constant value "{{platform}}": the stage can only build for that platform.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df);
      for (const stage of df.stages) {
        const flag = stage.from.getPlatformFlag();
        const word = platformWord(df, stage.from);
        if (!flag || !word) continue;
        const expansion = expandWord(word.raw, scope, escapeChar(df));
        if (expansion.error !== undefined || expansion.matched.size > 0 || expansion.unmatched.length > 0) continue;
        const platform = parsePlatform(expansion.value);
        if (!platform) continue;
        const name = stage.name ?? '';
        if (name.includes(platform.os) || (platform.arch !== undefined && name.includes(platform.arch))) continue;
        report({ messageId: 'constant', data: { platform: expansion.value }, at: df.ref(flag.getRange()) });
      }
    }
  },
});
