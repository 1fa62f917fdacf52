import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    aliases: ['FromAsCasing'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style'],
    description: 'The AS keyword must match the case of its FROM keyword.',
    docs: {
      what: 'Finds `FROM ... AS name` where FROM is all uppercase and AS is not (`FROM image as name`), or FROM is all lowercase and AS is not (`from image AS name`). A FROM keyword in mixed case is left to consistent-casing checks.',
      why: 'Keywords may be written in either case, but mixing them on one line reads as a mistake and makes Dockerfiles harder to scan.',
      example: 'FROM debian:12 as builder\nRUN make',
      fix: 'Write both keywords in the same case:\n\nFROM debian:12 AS builder\n\nor\n\nfrom debian:12 as builder',
    },
    messages: {
      casing: "'{{as}}' and '{{from}}' keywords' casing do not match: write '{{expected}}'.",
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        const from = stage.from.getInstruction();
        const args = stage.from.getArguments();
        if (args.length < 3) continue;
        const as = args[1]!.getValue();
        const lower = from === from.toLowerCase();
        const upper = from === from.toUpperCase();
        if (!lower && !upper) continue;
        const expected = lower ? as.toLowerCase() : as.toUpperCase();
        if (as !== expected) report({ messageId: 'casing', data: { as, from, expected }, at: df.ref(args[1]!.getRange()) });
      }
    }
  },
});
