import { defineRule } from '../src/engine/rule.js';
import { escapeChar, expandWord, globalScope, PLATFORM_ARGS, platformWord } from '../src/model/image-ref.js';
import { dockerfilesOf } from '../src/model/project.js';

const PLATFORM = new Set<string>(PLATFORM_ARGS);

export default defineRule({
  meta: {
    id: 'from-platform-flag',
    aliases: ['DL3029'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['portability'],
    description: 'FROM --platform must follow the build platform ($BUILDPLATFORM, $TARGETPLATFORM) instead of fixing one.',
    docs: {
      what: 'Finds FROM lines with a `--platform` flag whose value does not come from the platform the build runs on or builds for: a constant such as `linux/amd64`, or an ARG of your own. Values that use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or are built from the other automatic platform ARGs (`$TARGETOS/$TARGETARCH`, `$BUILDARCH` ...), pass.',
      why: 'A fixed `--platform` makes the stage ignore `docker build --platform`: multi-platform builds silently produce the same architecture for every target, or run everything under emulation. Cross-compiling stages want `$BUILDPLATFORM`; everything else should follow the requested target.',
      example: 'FROM --platform=linux/amd64 node:20-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      fix: 'Drop the flag and pass the platform on the command line (`docker build --platform linux/amd64 .`), or, for a stage that cross-compiles, build on the builder\'s platform:\n\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
    },
    messages: {
      fixed: 'FROM --platform={{platform}} fixes the platform of this stage: drop the flag, or use $BUILDPLATFORM or $TARGETPLATFORM.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const scope = globalScope(df);
      for (const stage of df.stages) {
        const flag = stage.from.getPlatformFlag();
        const word = platformWord(df, stage.from);
        if (!flag || !word) continue;
        if (word.raw.includes('BUILDPLATFORM') || word.raw.includes('TARGETPLATFORM')) continue;
        const { matched } = expandWord(word.raw, scope, escapeChar(df));
        if ([...matched].some((name) => PLATFORM.has(name) && !scope.withDefault.has(name))) continue;
        report({ messageId: 'fixed', data: { platform: word.raw }, at: df.ref(flag.getRange()) });
      }
    }
  },
});
