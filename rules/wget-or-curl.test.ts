import rule from './wget-or-curl.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM node:20-bookworm AS foo\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'only wget', dockerfile: df('RUN wget my.xyz') },
    { name: 'only curl, many times', dockerfile: df('RUN curl -fsSLO https://a.example/x', 'RUN curl -fsSLO https://b.example/y') },
    { name: 'both in different stages', dockerfile: df('RUN wget my.xyz', 'FROM debian:12-slim', 'RUN curl localhost') },
    { name: 'a stage built on another starts afresh', dockerfile: df('RUN wget my.xyz', 'FROM foo AS next', 'RUN curl localhost') },
    { name: 'installing both packages uses neither', dockerfile: df('RUN apt-get update && apt-get install -y --no-install-recommends curl wget') },
    { name: 'asking which one exists', dockerfile: df('RUN command -v wget >/dev/null || curl -fsSLO https://a.example/x') },
    { name: 'ONBUILD triggers are followed apart from the RUNs', dockerfile: df('RUN wget my.xyz', 'ONBUILD RUN curl localhost') },
    { name: 'a RUN with a shell syntax error is not judged', dockerfile: df('RUN wget my.xyz', 'RUN curl localhost "') },
  ],
  invalid: [
    { name: 'both in one stage', dockerfile: df('RUN wget my.xyz', 'RUN curl localhost'), errors: [{ messageId: 'both', line: 3, column: 5, endLine: 3, endColumn: 9, data: { tool: 'curl', other: 'wget', line: 2 } }] },
    { name: 'both in the same RUN', dockerfile: df('RUN wget my.xyz && curl localhost'), errors: [{ messageId: 'both', line: 2, column: 20, data: { tool: 'curl', other: 'wget', line: 2 } }] },
    { name: 'only the RUN that uses a tool', dockerfile: df('RUN wget my.xyz', 'RUN curl my.xyz', 'RUN echo hello'), errors: [{ messageId: 'both', line: 3, column: 5 }] },
    {
      name: 'every later RUN that uses one',
      dockerfile: df('RUN wget my.xyz', 'RUN curl my.xyz', 'RUN echo hello', 'RUN wget foo.com'),
      errors: [
        { messageId: 'both', line: 3, column: 5, data: { tool: 'curl' } },
        { messageId: 'both', line: 5, column: 5, data: { tool: 'wget', other: 'curl', line: 3 } },
      ],
    },
    { name: 'one finding per RUN', dockerfile: df('RUN curl a.example', 'RUN echo x && wget b.example && wget c.example && curl d.example'), errors: [{ messageId: 'both', line: 3, column: 15 }] },
    { name: 'a later stage has both', dockerfile: df('RUN wget my.xyz', 'RUN curl localhost', 'FROM scratch', 'RUN curl localhost'), errors: [{ messageId: 'both', line: 3, column: 5 }] },
    { name: 'exec form and sudo', dockerfile: df('RUN ["curl", "-fsSLO", "https://a.example/x"]', 'RUN sudo wget -q https://b.example/y'), errors: [{ messageId: 'both', line: 3, column: 10 }] },
    { name: 'busybox wget', dockerfile: df('RUN busybox wget -q https://a.example/x', 'RUN curl -fsSLO https://b.example/y'), errors: [{ messageId: 'both', line: 3, column: 5 }] },
    { name: 'both in ONBUILD triggers', dockerfile: df('ONBUILD RUN curl localhost', 'ONBUILD RUN wget my.xyz'), errors: [{ messageId: 'both', line: 3, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN curl -fsSLO https://a.example/x', 'RUN <<EOF', 'set -e', 'wget -q https://b.example/y', 'EOF'), errors: [{ messageId: 'both', line: 5, column: 1 }] },
  ],
});
