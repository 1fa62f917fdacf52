import { defineRule } from '../src/engine/rule.js';
import { escapeCharOf, hasVariable, knownVariables } from '../src/model/labels.js';
import { substitute } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'numeric-user-id',
    aliases: ['DL3066'],
    level: 'off',
    target: 'dockerfile',
    tags: ['users', 'kubernetes'],
    description: 'USER gives a numeric user id, which the host can resolve without the image\'s /etc/passwd.',
    docs: {
      what: 'Reports a USER instruction whose user part (before any `:group`) is a name rather than a number, as hadolint DL3066 does (`USER app`, `USER app:app`); `USER 10001` and `USER 10001:10001` pass. A user set from a variable is judged with the ARG or ENV default when the Dockerfile gives one, and not judged when its value is known only at build time. Off by default: hadolint reports it as info but does not yet list DL3066 among its documented rules, and many images run fine with a named user; enable it where a runtime must check the user without reading the image, e.g. Kubernetes `runAsNonRoot`.',
      why: 'A name only means something inside the image\'s /etc/passwd. The host and orchestrators see the numeric id: Kubernetes cannot verify `runAsNonRoot` for a named user and refuses to start the pod, and file ownership on volumes is reported by number.',
      example: 'FROM node:20-alpine\nUSER node',
      fix: 'Use the numeric UID (and GID) of the user:\n\nFROM node:20-alpine\nUSER 1000:1000',
    },
    messages: {
      nonNumeric: 'USER {{user}} gives the user by name: the host system may not resolve it; use the numeric UID (e.g. USER 10001:10001).',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const escape = escapeCharOf(df);
      for (const stage of df.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.getKeyword() !== 'USER') continue;
          const written = instruction.getArgumentsContent()?.trim() ?? '';
          let user: string | undefined = written;
          if (hasVariable(written, escape)) user = substitute(written, knownVariables(df, stage, instruction));
          if (user === undefined) continue; // known at build time only
          const uid = user.split(':')[0]!.trim();
          if (/^\d*$/.test(uid)) continue;
          const range = instruction.getArgumentsRange();
          report({ messageId: 'nonNumeric', data: { user: written }, at: df.ref(range ?? instruction.getInstructionRange()) });
        }
      }
    }
  },
});
