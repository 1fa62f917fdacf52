import { defineRule } from '../src/engine/rule.js';
import { argDeclarations, escapeCharOf, keyValues, refAt, variableReferences } from '../src/model/labels.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'env-self-reference',
    aliases: ['DL3044'],
    level: 'error',
    target: 'dockerfile',
    tags: ['variables', 'correctness'],
    description: 'An ENV instruction does not use a variable that it defines itself.',
    docs: {
      what: 'Reports a `$NAME` or `${NAME}` in the value of an ENV pair when NAME is set by another pair of the same ENV instruction and no earlier ARG or ENV of the Dockerfile defines it, as hadolint DL3044 does. A pair that extends its own variable (`ENV PATH=/opt/bin:$PATH`) is fine; setting the same variable twice in one ENV and using it (`ENV PATH=/a:$PATH PATH=/b:$PATH`) is not. References in single quotes or after the escape character are not expanded by Docker and are not reported (hadolint reports them).',
      why: 'Docker expands every value of an ENV instruction before it sets any of them, so `ENV GOPATH=/go PATH=$GOPATH/bin:$PATH` puts `/bin` on the PATH, not `/go/bin`: the reference sees the value from before the instruction, usually nothing.',
      example: 'FROM golang:1.22\nENV GOPATH=/go PATH=$GOPATH/bin:$PATH',
      fix: 'Set the variable in an earlier ENV, then use it:\n\nFROM golang:1.22\nENV GOPATH=/go\nENV PATH=$GOPATH/bin:$PATH',
    },
    messages: {
      selfReference: '${{name}} refers to {{name}}, which this same ENV instruction sets: Docker expands it to the value from before the instruction. Set {{name}} in an earlier ENV.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const escape = escapeCharOf(df);
      // Names set by an earlier ARG or ENV anywhere in the file (hadolint keeps one set for the whole file).
      const defined = new Set<string>();
      for (const instruction of df.ast.getInstructions()) {
        const keyword = instruction.getKeyword();
        if (keyword === 'ARG') {
          for (const a of argDeclarations(df, instruction)) defined.add(a.name);
          continue;
        }
        if (keyword !== 'ENV') continue;
        const pairs = keyValues(df, instruction);
        pairs.forEach((pair, j) => {
          if (pair.raw === null || pair.valueStart === undefined) return;
          const seen = new Set<string>();
          for (const ref of variableReferences(pair.raw, escape)) {
            if (ref.form === 'modified' || seen.has(ref.name) || defined.has(ref.name)) continue;
            if (!pairs.some((other, i) => i !== j && other.name === ref.name)) continue;
            seen.add(ref.name);
            const start = pair.valueStart + ref.index;
            report({ messageId: 'selfReference', data: { name: ref.name }, at: refAt(df, start, start + ref.length + (ref.form === 'braced' ? 1 : 0)) });
          }
        });
        for (const pair of pairs) defined.add(pair.name);
      }
    }
  },
});
