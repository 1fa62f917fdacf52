import type { Instruction, Onbuild } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default defineRule({
  meta: {
    id: 'consistent-instruction-casing',
    aliases: ['ConsistentInstructionCasing'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['style'],
    description: 'Instruction keywords are all uppercase or all lowercase, as most of the file writes them.',
    docs: {
      what: "Counts the file's instruction keywords written all in uppercase and those written all in lowercase; the larger group sets the file's casing (uppercase on a tie). Reports every keyword that is not written in that casing, including mixed-case ones such as `Run` or `EntryPoint`. The keyword of an ONBUILD trigger is held to the same casing (it is not counted).",
      why: 'Docker accepts keywords in any case, but a file that mixes `FROM`, `run` and `Copy` is harder to scan: the keyword is what the eye looks for to see where each step starts.',
      example: 'FROM alpine:3.20\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]',
      fix: 'Write every keyword in the casing the file mostly uses:\n\nFROM alpine:3.20\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]',
    },
    messages: {
      casing: "Instruction '{{keyword}}' should be {{casing}}, like most instructions in this file.",
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      // Unknown instructions are parse errors, not a casing question.
      const instructions = df.ast.getInstructions().filter((i) => KEYWORDS.has(i.getKeyword()));
      let lower = 0;
      let upper = 0;
      for (const i of instructions) {
        const word = i.getInstruction();
        if (word === word.toLowerCase()) lower++;
        else if (word === word.toUpperCase()) upper++;
      }
      const majorityLower = lower > upper;
      const casing = majorityLower ? 'lowercase' : 'uppercase';
      const judge = (i: Instruction) => {
        const word = i.getInstruction();
        if (word === (majorityLower ? word.toLowerCase() : word.toUpperCase())) return;
        report({ messageId: 'casing', data: { keyword: word, casing }, at: df.ref(i.getInstructionRange()) });
      };
      for (const i of instructions) {
        judge(i);
        if (i.getKeyword() !== 'ONBUILD') continue;
        const trigger = (i as Onbuild).getTriggerInstruction();
        if (trigger && KEYWORDS.has(trigger.getKeyword())) judge(trigger);
      }
    }
  },
});
