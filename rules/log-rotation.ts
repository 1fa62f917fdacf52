import { defineRule } from '../src/engine/rule.js';
import { isComplete, parseByteSize } from '../src/model/compose-production.js';
import { entryAt, scalarAt } from '../src/model/fields.js';

interface Options {
  maxSize?: string;
  requireMaxFile: boolean;
  daemonRotates: boolean;
}

/** Drivers that write log files on the host: json-file never rotates unless told to, local rotates by default. */
const FILE_DRIVERS = new Set(['json-file', 'local']);

export default defineRule<Options>({
  meta: {
    id: 'log-rotation',
    aliases: [],
    level: 'off',
    target: 'compose',
    tags: ['production', 'reliability'],
    description: 'Services that log to files on the host rotate them.',
    docs: {
      what: "Reads each service's merged `logging`. A service without `logging` gets the daemon's default driver, `json-file`, which keeps one ever-growing file: it is reported (at the service key) unless `daemonRotates` says the daemon's `log-opts` rotate. With `json-file` (written, or implied by a `logging` block without `driver`) `options.max-size` must be set, not `-1`, and with `requireMaxFile` (default true) `options.max-file` too. `local` rotates by default (5 files of 20 MB) and passes. Drivers that send logs elsewhere (`syslog`, `journald`, `fluentd`, `gelf`, `awslogs`, `splunk`, `none` ...) write no log file of their own (Docker's read cache for them is bounded) and pass. With `maxSize` set (e.g. `100m`), a `max-size` above it is reported for `json-file` and `local`. Values from unset variables are not judged.",
      why: "Docker's default `json-file` driver appends to one file per container forever: a chatty or crash-looping service fills the host's disk, and then every container on the host fails together. Rotation bounds each service's logs to `max-size` x `max-file`.",
      example: 'services:\n  api:\n    build: ./api\n    logging:\n      driver: json-file',
      fix: 'Rotate the log file:\n\nservices:\n  api:\n    build: ./api\n    logging:\n      driver: json-file\n      options:\n        max-size: 50m\n        max-file: "5"\n\n(or use `driver: local`, which rotates by default).',
    },
    messages: {
      missing: 'Service "{{service}}" sets no `logging`: the default json-file driver does not rotate its log file.',
      noMaxSize: 'Service "{{service}}" logs with {{driver}} without a `max-size`: its log file grows without bound.',
      unlimited: 'Service "{{service}}" sets `max-size: -1`: its {{driver}} log file grows without bound.',
      noMaxFile: 'Service "{{service}}" rotates {{driver}} logs without `max-file`: only the current file is kept.',
      tooLarge: 'Service "{{service}}" rotates its log file at {{size}}, above the allowed {{limit}}.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxSize: { type: 'string', pattern: '^\\d+(\\.\\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$', description: 'Largest `max-size` allowed (e.g. `100m`); unset: any.' },
        requireMaxFile: { type: 'boolean', description: 'Require `max-file` next to `max-size` for json-file.' },
        daemonRotates: { type: 'boolean', description: "The daemon's log-opts rotate json-file logs: a service without `logging` passes." },
      },
    },
    defaultOptions: { requireMaxFile: true, daemonRotates: false },
  },
  check({ project, options, report }) {
    const limit = options.maxSize !== undefined ? parseByteSize(options.maxSize) : undefined;
    for (const service of project.services) {
      const stack = service.stack.name;
      const data = { service: service.name };
      const logging = entryAt(service.fields, 'logging');
      if (!logging || (logging.field.kind === 'scalar' && !logging.field.value)) {
        if (!options.daemonRotates && isComplete(project, service)) report({ messageId: 'missing', data, at: logging?.keyAt ?? service.at, stack });
        continue;
      }
      if (logging.field.kind !== 'map') continue;
      const driverValue = scalarAt(logging.field, 'driver');
      if (driverValue && driverValue.value === undefined) continue; // unknown driver
      const driver = driverValue?.value?.trim() || 'json-file';
      if (!FILE_DRIVERS.has(driver)) continue;
      if (!driverValue && options.daemonRotates) continue; // the daemon's default driver and options
      const opts = entryAt(logging.field, 'options');
      const sizeEntry = entryAt(logging.field, 'options.max-size');
      const size = sizeEntry?.field.kind === 'scalar' ? sizeEntry.field.value : undefined;
      const withDriver = { ...data, driver };
      if (size && size.value === undefined) continue; // `max-size: ${LOG_SIZE}` unset: unknown
      if (!size?.value?.trim()) {
        if (driver === 'json-file') report({ messageId: 'noMaxSize', data: withDriver, at: opts?.keyAt ?? driverValue?.at ?? logging.keyAt, stack });
        continue;
      }
      if (size.value.trim() === '-1') {
        report({ messageId: 'unlimited', data: withDriver, at: size.at, stack });
        continue;
      }
      const bytes = parseByteSize(size.value);
      if (bytes !== undefined && limit !== undefined && bytes > limit) report({ messageId: 'tooLarge', data: { ...data, size: size.value, limit: options.maxSize! }, at: size.at, stack });
      if (driver === 'json-file' && options.requireMaxFile && !entryAt(logging.field, 'options.max-file')) {
        report({ messageId: 'noMaxFile', data: withDriver, at: opts!.keyAt, stack });
      }
    }
  },
});
