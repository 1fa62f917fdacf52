import { defineRule } from '../src/engine/rule.js';
import { entryAt } from '../src/model/fields.js';

/** Docker's container name pattern (daemon `validContainerNamePattern`, compose-spec schema), anchored as dclint does. */
const DOCKER_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$';
const CONTAINER_NAME = new RegExp(DOCKER_PATTERN);

interface Options {
  pattern?: string;
}

export default defineRule<Options>({
  meta: {
    id: 'container-name-pattern',
    aliases: ['service-container-name-regex'],
    level: 'error',
    target: 'compose',
    tags: ['correctness'],
    description: 'A `container_name` matches the pattern Docker accepts, `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, and the option `pattern` when a team sets its own.',
    docs: {
      what: 'Checks each service\'s `container_name` (merged across override files, interpolated) against the pattern the Docker daemon accepts for container names, `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, over the whole name: at least two characters, starting with a letter or digit, then only letters, digits, `_`, `.` and `-`. A name that depends on a variable without a value (`${PROJECT}-db` with no `.env`) cannot be judged and is left alone; a `${VAR:-default}` is judged on its default. The option `pattern` adds a naming convention: a JavaScript regular expression (no flags, so case-sensitive) that every name Docker accepts must also match, tested as written, so anchor it with `^` and `$` to match the whole name: `^acme-[a-z]+$` allows `acme-db` but not `db` or `acme-DB`; `^acme-` only requires the prefix. Its default is Docker\'s own pattern, `^[a-zA-Z0-9][a-zA-Z0-9_.-]+$`. A name Docker rejects is reported as such whatever the option says. A `pattern` that is not a valid regular expression (the config schema cannot tell) is reported once, at the first `container_name`, and only names Docker rejects are reported.',
      why: 'Compose passes the name to the Docker daemon only when it creates the container: a space, a slash, a colon or a one-letter name fails `docker compose up` with "Invalid container name", after the images were pulled or built.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    container_name: "acme db"',
      fix: 'Use letters, digits, `_`, `.` and `-` only:\n\nservices:\n  db:\n    image: postgres:16-alpine\n    container_name: acme-db',
    },
    messages: {
      invalid: 'Service "{{service}}" has container_name "{{name}}", which Docker rejects: a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+.',
      invalidInterpolated: 'Service "{{service}}" has container_name {{written}}, which resolves to "{{name}}": Docker rejects it, a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+.',
      mismatch: 'Service "{{service}}" has container_name "{{name}}", which does not match the required pattern {{pattern}}.',
      mismatchInterpolated: 'Service "{{service}}" has container_name {{written}}, which resolves to "{{name}}" and does not match the required pattern {{pattern}}.',
      invalidPattern: 'The option `pattern` of container-name-pattern, "{{pattern}}", is not a valid regular expression ({{error}}): only names Docker rejects are checked.',
    },
    options: {
      type: 'object',
      properties: {
        pattern: {
          type: 'string',
          minLength: 1,
          description: 'A JavaScript regular expression every container name must also match (anchor it with ^ and $), e.g. `^acme-[a-z]+$`. Default: Docker\'s own pattern.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { pattern: DOCKER_PATTERN },
  },
  check({ project, options, report }) {
    const pattern = options.pattern ?? DOCKER_PATTERN;
    let team: RegExp | undefined;
    let badPattern: string | undefined;
    if (pattern !== DOCKER_PATTERN) {
      try {
        team = new RegExp(pattern);
      } catch (e) {
        badPattern = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      }
    }
    for (const service of project.services) {
      const entry = entryAt(service.fields, 'container_name');
      if (!entry || entry.tag === '!reset' || entry.field.kind !== 'scalar' || !entry.field.value) continue;
      const { value, raw, at } = entry.field.value;
      if (badPattern !== undefined) {
        report({ messageId: 'invalidPattern', data: { pattern, error: badPattern }, stack: service.stack.name, at });
        badPattern = undefined; // once per run
      }
      if (value === undefined) continue; // unknown: depends on a variable without a value
      const data = { service: service.name, name: value, written: raw, pattern };
      if (!CONTAINER_NAME.test(value)) report({ messageId: raw === value ? 'invalid' : 'invalidInterpolated', data, stack: service.stack.name, at });
      else if (team && !team.test(value)) report({ messageId: raw === value ? 'mismatch' : 'mismatchInterpolated', data, stack: service.stack.name, at });
    }
  },
});
