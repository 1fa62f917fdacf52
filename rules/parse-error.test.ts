import rule from './parse-error.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'valid compose', compose: 'services:\n  a:\n    image: a:1\n' },
    { name: 'valid Dockerfile with heredoc', dockerfile: 'FROM alpine:3.20\nRUN <<EOF\nset -e\necho hi\nEOF\n' },
    { name: 'empty compose file', compose: '' },
    { name: 'ARG before FROM', dockerfile: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n' },
    { name: 'lower-case instructions', dockerfile: 'from alpine:3.20\nrun true\n' },
    { name: 'an instruction before FROM is instruction-order\'s to report', dockerfile: 'RUN true\nFROM alpine:3.20\n' },
  ],
  invalid: [
    // Positions are where the YAML parser detects the problem: the end of the unterminated scalar, the start of the bad line.
    { name: 'unclosed quote', compose: 'services:\n  a:\n    image: "nginx\n', errors: [{ messageId: 'unparsable', line: 4, column: 1 }] },
    { name: 'bad indentation', compose: 'services:\n  a:\n    image: a\n   ports: []\n', errors: [{ messageId: 'unparsable', line: 4, column: 1 }] },
    { name: 'top level is a list', compose: '- a\n- b\n', errors: [{ messageId: 'unparsable', line: 1, column: 1 }] },
    { name: 'unknown instruction', dockerfile: 'FROM alpine:3.20\nRUNN true\n', errors: [{ messageId: 'unparsable', line: 2, column: 1 }] },
    { name: 'no FROM at all', dockerfile: 'RUN true\n', errors: [{ messageId: 'unparsable', line: 1, column: 1 }] },
    {
      name: 'the run goes on past a broken file',
      files: { 'compose.yaml': 'services: [\n', 'other/compose.yaml': 'services:\n  a:\n    image: "x\n' },
      errors: [
        { messageId: 'unparsable', file: 'compose.yaml', line: 2, column: 1 },
        { messageId: 'unparsable', file: 'other/compose.yaml', line: 4, column: 1 },
      ],
    },
  ],
});
