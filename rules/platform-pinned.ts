import { defineRule } from '../src/engine/rule.js';
import { isComplete } from '../src/model/compose-production.js';
import { entryAt, scalarAt } from '../src/model/fields.js';
import type { SourceRef } from '../src/model/location.js';
import type { LinkedService } from '../src/model/project.js';
import { lineage } from '../src/model/stage.js';

interface Options {
  platforms: string[];
  services: 'built' | 'all';
}

/** `linux/x86_64`, `x86_64`, `LINUX/AMD64` → `linux/amd64`; `linux/arm64/v8` → `linux/arm64`. */
function normalisePlatform(platform: string): string {
  const parts = platform.trim().toLowerCase().split('/');
  if (parts.length === 1) parts.unshift('linux');
  const arch = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm' }[parts[1]!] ?? parts[1]!;
  const variant = arch === 'arm64' && parts[2] === 'v8' ? undefined : parts[2];
  return [parts[0], arch, variant].filter(Boolean).join('/');
}

type Pin = { platform: string; at: SourceRef } | 'unknown' | undefined;

/** A constant `FROM --platform=` on the image the service's stage is built from (`$BUILDPLATFORM` does not pin). */
function dockerfilePin(service: LinkedService): Pin {
  if (!service.dockerfile || !service.stage) return service.build && !service.stage ? 'unknown' : undefined;
  const flag = lineage(service.stage)[0]!.from.getPlatformFlag();
  const value = flag?.getValue();
  if (!flag || !value) return undefined;
  if (value.includes('$')) return /^\$\{?(BUILD|TARGET)PLATFORM\}?$/.test(value) ? undefined : 'unknown';
  return { platform: value, at: service.dockerfile.ref(flag.getValueRange()) };
}

export default defineRule<Options>({
  meta: {
    id: 'platform-pinned',
    aliases: [],
    level: 'off',
    target: 'compose',
    tags: ['production', 'portability'],
    description: 'Built services pin the platform they run on, to an allowed one.',
    docs: {
      what: "Checks that each service (with `services: built`, the default, only those that `build`) says which platform it runs: its `platform` (e.g. `linux/amd64`), or else a `build.platforms` with a single entry, or a constant `FROM --platform=` on the image its stage is built from (`$BUILDPLATFORM` and `$TARGETPLATFORM` follow the host and do not pin). A service that pins none is reported at its key. With `platforms` set, a pinned platform outside the list is reported where it is written (`linux/x86_64` and `linux/amd64` are the same, as are `aarch64` and `arm64`). A `platform` that `build.platforms` does not list is reported too: Compose refuses to build it. Values from unset variables are not judged.",
      why: 'Without a pinned platform an image is built for whatever machine runs the build: an Apple-silicon laptop builds arm64, the CI runner and the server amd64, so native wheels, Node add-ons and binaries downloaded in RUN steps differ between what was tested and what ships, or the image will not start on the server at all ("exec format error").',
      example: 'services:\n  backend:\n    build: ./backend\n    ports: ["8000:8000"]',
      fix: 'Pin the platform the image is built and run for:\n\nservices:\n  backend:\n    build: ./backend\n    platform: linux/amd64\n    ports: ["8000:8000"]',
    },
    messages: {
      missing: 'Service "{{service}}" does not pin its platform: it is built and run for whatever machine it is on.',
      notAllowed: 'Service "{{service}}" is pinned to {{platform}}, which is not an allowed platform ({{allowed}}).',
      notBuilt: 'Service "{{service}}" runs on {{platform}}, but its `build.platforms` ({{built}}) does not build that platform.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        platforms: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Allowed platforms (e.g. `linux/amd64`); empty: any.' },
        services: { enum: ['built', 'all'], description: '`built`: only services with `build`; `all`: image-only services too.' },
      },
    },
    defaultOptions: { platforms: [], services: 'built' },
  },
  check({ project, options, report }) {
    const allowed = options.platforms.map(normalisePlatform);
    for (const service of project.services) {
      if (options.services === 'built' && !service.build) continue;
      const stack = service.stack.name;
      const judge = (platform: string, at: SourceRef) => {
        if (allowed.length && !allowed.includes(normalisePlatform(platform))) {
          report({ messageId: 'notAllowed', data: { service: service.name, platform, allowed: options.platforms.join(', ') }, at, stack });
        }
      };
      const built = entryAt(service.fields, 'build.platforms')?.field;
      const builtItems = built?.kind === 'seq' ? built.items.map((i) => (i.kind === 'scalar' ? i.value : undefined)) : [];
      const builtKnown = builtItems.length > 0 && builtItems.every((v) => v?.value !== undefined);
      const platform = scalarAt(service.fields, 'platform');
      if (platform) {
        if (platform.value === undefined || !platform.value.trim()) continue;
        judge(platform.value, platform.at);
        const names = builtKnown ? builtItems.map((v) => v!.value!) : [];
        if (builtKnown && !names.some((n) => normalisePlatform(n) === normalisePlatform(platform.value!))) {
          report({ messageId: 'notBuilt', data: { service: service.name, platform: platform.value, built: names.join(', ') }, at: platform.at, stack });
        }
        continue;
      }
      if (builtItems.length === 1) {
        if (builtKnown) judge(builtItems[0]!.value!, builtItems[0]!.at);
        continue;
      }
      if (builtItems.length > 1 && !builtKnown) continue;
      const pin = dockerfilePin(service);
      if (pin === 'unknown') continue;
      if (pin) {
        judge(pin.platform, pin.at);
        continue;
      }
      if (isComplete(project, service)) report({ messageId: 'missing', data: { service: service.name }, at: service.at, stack });
    }
  },
});
