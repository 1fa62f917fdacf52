import type { Healthcheck as HealthcheckInstruction } from 'dockerfile-ast';
import { defineRule, type Report } from '../src/engine/rule.js';
import { formatDuration, parseDuration } from '../src/model/compose-production.js';
import { scalarAt } from '../src/model/fields.js';
import { healthOf } from '../src/model/health.js';
import type { SourceRef } from '../src/model/location.js';
import type { DockerfileModel, Stage } from '../src/parse/dockerfile.js';
import { effectiveHealthcheck } from '../src/model/stage.js';

interface Options {
  minInterval: string;
  maxInterval: string;
  minTimeout: string;
  maxTimeout?: string;
  minStartPeriod?: string;
  timeoutWithinInterval: boolean;
  minRetries: number;
  maxRetries: number;
  maxStartPeriod: string;
}

type Field = 'interval' | 'timeout' | 'retries' | 'startPeriod';

/** One timing setting in effect: where it was written (compose or a HEALTHCHECK flag), or Docker's default. */
interface Setting {
  /** Milliseconds, or the retry count. */
  value: number;
  text: string;
  /** How messages name it: `service "api" healthcheck interval`, `HEALTHCHECK --interval`. */
  what: string;
  at?: SourceRef;
}

/** Docker's defaults when neither compose nor the image sets a value (0 also means "not set"). */
const DEFAULTS: Record<Field, number> = { interval: 30_000, timeout: 30_000, retries: 3, startPeriod: 0 };
const COMPOSE_KEYS: Record<Field, string> = { interval: 'interval', timeout: 'timeout', retries: 'retries', startPeriod: 'start_period' };
const FLAGS: Record<Field, string> = { interval: 'interval', timeout: 'timeout', retries: 'retries', startPeriod: 'start-period' };

function parse(field: Field, text: string): number | undefined {
  if (field !== 'retries') return parseDuration(text);
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

/** The HEALTHCHECK flags a stage has in effect (its own HEALTHCHECK or one it inherits), when it runs a command. */
function dockerfileSettings(df: DockerfileModel, stage: Stage): Partial<Record<Field, Setting | null>> | undefined {
  const hc = effectiveHealthcheck(df, stage);
  if (!hc || hc.value !== 'CMD') return undefined;
  const out: Partial<Record<Field, Setting | null>> = {};
  const flags = (hc.instruction as HealthcheckInstruction).getFlags?.() ?? [];
  for (const field of Object.keys(FLAGS) as Field[]) {
    const flag = [...flags].reverse().find((f) => f.getName() === FLAGS[field]);
    const text = flag?.getValue();
    if (!flag || text === null || text === undefined) continue;
    const value = text.includes('$') ? undefined : parse(field, text);
    // null: written but unreadable, so the effective value is unknown.
    out[field] = value === undefined ? null : value === 0 ? undefined : { value, text, what: `HEALTHCHECK --${FLAGS[field]}`, at: df.ref(flag.getValueRange()) };
  }
  return out;
}

export default defineRule<Options>({
  meta: {
    id: 'healthcheck-timing',
    aliases: [],
    level: 'off',
    target: 'project',
    tags: ['production', 'reliability'],
    description: 'Healthcheck interval, timeout, retries and start period are within sensible bounds.',
    docs: {
      what: "Works out each service's healthcheck timing the way Docker does, field by field: the compose `healthcheck.interval`, `timeout`, `retries` and `start_period`, else the `--interval`, `--timeout`, `--retries` and `--start-period` flags of the HEALTHCHECK its stage has or inherits, else Docker's defaults (30s, 30s, 3, 0s; a `0` means not set). Durations use Go/compose syntax (`500ms`, `10s`, `1m30s`, `1h`). Reports where the offending value is written: an interval outside `minInterval`..`maxInterval` (default 5s..5m), a timeout below `minTimeout` (1s) or, with `timeoutWithinInterval`, longer than the interval, retries outside `minRetries`..`maxRetries` (1..10) and a start period above `maxStartPeriod` (5m); `maxTimeout` and `minStartPeriod` add the other bounds, so a policy such as \"interval 30s, timeout 10s, start period 40s, retries 3\" is written with equal minimum and maximum. A Dockerfile no service builds is judged by its last stage's HEALTHCHECK. Disabled healthchecks and values from unset variables are not judged.",
      why: 'A healthcheck that runs every second keeps a busy process busier and floods the event log; one every ten minutes leaves a dead service marked healthy, and `depends_on: service_healthy` waits that long. A timeout longer than the interval lets one hanging probe hold back every later check, a sub-second timeout fails on a brief GC pause, too many retries postpone the unhealthy verdict, and a long start period hides a service that never comes up.',
      example: 'services:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n      interval: 1s\n      timeout: 10s\n      retries: 30',
      fix: 'Use timings within the bounds:\n\nservices:\n  api:\n    build: ./api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n      interval: 30s\n      timeout: 10s\n      retries: 3\n      start_period: 40s',
    },
    messages: {
      tooShort: '{{what}} is {{value}}, below the minimum {{limit}}.',
      tooLong: '{{what}} is {{value}}, above the maximum {{limit}}.',
      timeoutOverInterval: '{{what}} is {{value}}, longer than the interval {{interval}}.',
      retries: '{{what}} is {{value}}, outside {{min}}..{{max}}.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minInterval: { type: 'string', description: 'Shortest interval allowed (Go duration).' },
        maxInterval: { type: 'string', description: 'Longest interval allowed (Go duration).' },
        minTimeout: { type: 'string', description: 'Shortest timeout allowed (Go duration).' },
        maxTimeout: { type: 'string', description: 'Longest timeout allowed (Go duration; no bound by default).' },
        minStartPeriod: { type: 'string', description: 'Shortest start period allowed (Go duration; no bound by default).' },
        timeoutWithinInterval: { type: 'boolean', description: 'The timeout must not exceed the interval.' },
        minRetries: { type: 'integer', minimum: 0 },
        maxRetries: { type: 'integer', minimum: 0 },
        maxStartPeriod: { type: 'string', description: 'Longest start period allowed (Go duration).' },
      },
    },
    defaultOptions: { minInterval: '5s', maxInterval: '5m', minTimeout: '1s', timeoutWithinInterval: true, minRetries: 1, maxRetries: 10, maxStartPeriod: '5m' },
  },
  check({ project, options, report }) {
    const limit = (text: string) => parseDuration(text);
    const bounds = {
      minInterval: limit(options.minInterval),
      maxInterval: limit(options.maxInterval),
      minTimeout: limit(options.minTimeout),
      maxStartPeriod: limit(options.maxStartPeriod),
      maxTimeout: options.maxTimeout === undefined ? undefined : limit(options.maxTimeout),
      minStartPeriod: options.minStartPeriod === undefined ? undefined : limit(options.minStartPeriod),
    };

    const judge = (settings: Partial<Record<Field, Setting | null>>, stack: string | undefined) => {
      const send = (r: Omit<Report, 'stack'>) => report({ ...r, stack });
      const written = (f: Field) => settings[f] ?? undefined;
      const interval = written('interval');
      if (interval?.at) {
        if (bounds.minInterval !== undefined && interval.value < bounds.minInterval) send({ messageId: 'tooShort', data: { what: interval.what, value: interval.text, limit: options.minInterval }, at: interval.at });
        if (bounds.maxInterval !== undefined && interval.value > bounds.maxInterval) send({ messageId: 'tooLong', data: { what: interval.what, value: interval.text, limit: options.maxInterval }, at: interval.at });
      }
      const timeout = written('timeout');
      if (timeout?.at && bounds.minTimeout !== undefined && timeout.value < bounds.minTimeout) send({ messageId: 'tooShort', data: { what: timeout.what, value: timeout.text, limit: options.minTimeout }, at: timeout.at });
      if (timeout?.at && bounds.maxTimeout !== undefined && timeout.value > bounds.maxTimeout) send({ messageId: 'tooLong', data: { what: timeout.what, value: timeout.text, limit: options.maxTimeout! }, at: timeout.at });
      if (options.timeoutWithinInterval && settings.interval !== null && settings.timeout !== null && (interval?.at || timeout?.at)) {
        const i = interval?.value ?? DEFAULTS.interval;
        const t = timeout?.value ?? DEFAULTS.timeout;
        if (t > i) {
          const at = timeout?.at ?? interval!.at!;
          const what = timeout?.what ?? interval!.what.replace(/interval$/, 'timeout');
          const value = timeout?.text ?? `${formatDuration(t)} (the default)`;
          send({ messageId: 'timeoutOverInterval', data: { what, value, interval: interval?.text ?? `${formatDuration(i)} (the default)` }, at });
        }
      }
      const retries = written('retries');
      if (retries?.at && (retries.value < options.minRetries || retries.value > options.maxRetries)) {
        send({ messageId: 'retries', data: { what: retries.what, value: retries.text, min: options.minRetries, max: options.maxRetries }, at: retries.at });
      }
      const start = written('startPeriod');
      if (start?.at && bounds.minStartPeriod !== undefined && start.value < bounds.minStartPeriod) send({ messageId: 'tooShort', data: { what: start.what, value: start.text, limit: options.minStartPeriod! }, at: start.at });
      if (start?.at && bounds.maxStartPeriod !== undefined && start.value > bounds.maxStartPeriod) send({ messageId: 'tooLong', data: { what: start.what, value: start.text, limit: options.maxStartPeriod }, at: start.at });
    };

    for (const service of project.services) {
      const health = healthOf(service);
      if (health.state === 'no' && health.why !== 'missing') continue; // disabled: no timing to judge
      const fromImage = service.dockerfile && service.stage ? dockerfileSettings(service.dockerfile, service.stage) : undefined;
      const settings: Partial<Record<Field, Setting | null>> = { ...fromImage };
      for (const field of Object.keys(COMPOSE_KEYS) as Field[]) {
        const v = scalarAt(service.fields, `healthcheck.${COMPOSE_KEYS[field]}`);
        if (!v) continue;
        const value = v.value === undefined ? undefined : parse(field, v.value);
        if (value === undefined) settings[field] = null;
        else if (value !== 0) settings[field] = { value, text: v.value!.trim(), what: `Service "${service.name}" healthcheck ${COMPOSE_KEYS[field]}`, at: v.at };
      }
      judge(settings, service.stack.name);
    }
    for (const { dockerfile, stage } of project.standalone) {
      const settings = stage && dockerfileSettings(dockerfile, stage);
      if (settings) judge(settings, undefined);
    }
  },
});
