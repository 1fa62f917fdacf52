import { defineRule } from '../src/engine/rule.js';

/** Reported by the engine from the parsers' problems; the rule exists so it can be configured and documented. */
export default defineRule({
  meta: {
    id: 'parse-error',
    aliases: [],
    level: 'error',
    target: 'project',
    tags: ['correctness'],
    description: 'A Dockerfile or compose file could not be parsed, or Docker would reject its structure.',
    docs: {
      what: 'Reports a file that cannot be parsed (invalid YAML, a compose file that is not a mapping, an unknown Dockerfile instruction, a Dockerfile without FROM, an unreadable file) at the position the parser gives. The rest of the run goes on.',
      why: 'Docker and Compose refuse such a file, and no other rule can judge it.',
      example: 'services:\n  web:\n    image: "nginx\n',
      fix: 'Correct the syntax at the reported position:\n\nservices:\n  web:\n    image: "nginx"',
    },
    messages: { unparsable: 'Cannot parse this file: {{message}}.' },
  },
  check() {},
});
