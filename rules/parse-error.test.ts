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
      name: 'a mistyped keyword is shown as written',
      dockerfile: 'FROM alpine:3.20\nCOPPY a b\n',
      errors: [{ messageId: 'unparsable', line: 2, column: 1, data: { message: 'unknown instruction: COPPY' } }],
    },
    {
      name: 'a token pasted on a line of its own is not printed (masked like a secret)',
      dockerfile: 'FROM alpine:3.20\nghp_Q7x9Wm2LpZ4kT8vR3nB6yH1cJ5dF0sGaE2uK\n',
      errors: [{ messageId: 'unparsable', line: 2, column: 1, data: { message: 'unknown instruction: ghp_… (40 chars)' } }],
    },
    { name: 'an empty Dockerfile (BuildKit: file with no instructions)', dockerfile: '', errors: [{ messageId: 'unparsable', line: 1, column: 1, data: { message: 'file with no instructions' } }] },
    { name: 'a Dockerfile of comments only', dockerfile: '# syntax=docker/dockerfile:1\n# nothing yet\n', errors: [{ messageId: 'unparsable', line: 1, column: 1, data: { message: 'file with no instructions' } }] },
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
