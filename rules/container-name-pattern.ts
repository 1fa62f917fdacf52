import { defineRule } from '../src/engine/rule.js';
import { entryAt } from '../src/model/fields.js';

/** Docker's container name pattern (daemon `validContainerNamePattern`, compose-spec schema), anchored as dclint does. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export default defineRule({
  meta: {
    id: 'container-name-pattern',
    aliases: ['service-container-name-regex'],
    level: 'error',
    target: 'compose',
    tags: ['correctness'],
    description: 'A `container_name` matches the pattern Docker accepts: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.',
    docs: {
      what: 'Checks each service\'s `container_name` (merged across override files, interpolated) against the pattern the Docker daemon accepts for container names, `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, over the whole name: at least two characters, starting with a letter or digit, then only letters, digits, `_`, `.` and `-`. A name that depends on a variable without a value (`${PROJECT}-db` with no `.env`) cannot be judged and is left alone; a `${VAR:-default}` is judged on its default.',
      why: 'Compose passes the name to the Docker daemon only when it creates the container: a space, a slash, a colon or a one-letter name fails `docker compose up` with "Invalid container name", after the images were pulled or built.',
      example: 'services:\n  db:\n    image: postgres:16-alpine\n    container_name: "acme db"',
      fix: 'Use letters, digits, `_`, `.` and `-` only:\n\nservices:\n  db:\n    image: postgres:16-alpine\n    container_name: acme-db',
    },
    messages: {
      invalid: 'Service "{{service}}" has container_name "{{name}}", which Docker rejects: a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+.',
      invalidInterpolated: 'Service "{{service}}" has container_name {{written}}, which resolves to "{{name}}": Docker rejects it, a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+.',
    },
  },
  check({ project, report }) {
    for (const service of project.services) {
      const entry = entryAt(service.fields, 'container_name');
      if (!entry || entry.tag === '!reset' || entry.field.kind !== 'scalar' || !entry.field.value) continue;
      const { value, raw, at } = entry.field.value;
      if (value === undefined || CONTAINER_NAME.test(value)) continue; // unknown: depends on a variable without a value
      const data = { service: service.name, name: value, written: raw };
      report({ messageId: raw === value ? 'invalid' : 'invalidInterpolated', data, stack: service.stack.name, at });
    }
  },
});
