import type { Onbuild } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { dockerfilesOf } from '../src/model/project.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    id: 'onbuild-allowed-triggers',
    aliases: ['DL3043'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'ONBUILD does not trigger ONBUILD, FROM or MAINTAINER.',
    docs: {
      what: 'Reports an ONBUILD instruction whose trigger is ONBUILD, FROM or MAINTAINER (in any letter case). Every other instruction is an allowed trigger.',
      why: 'Docker refuses these triggers: chaining `ONBUILD ONBUILD` is not allowed, and FROM and MAINTAINER are not allowed as ONBUILD triggers. The image that declares them fails to build, or the images built on it do.',
      example: 'FROM node:20-alpine\nONBUILD FROM node:20-alpine\nONBUILD MAINTAINER "Platform Team"\nONBUILD ONBUILD COPY . /app',
      fix: 'Keep only instructions that make sense in the child build, and put metadata in a LABEL:\n\nFROM node:20-alpine\nLABEL org.opencontainers.image.authors="Platform Team"\nONBUILD COPY . /app',
    },
    messages: {
      chained: 'ONBUILD ONBUILD is not allowed: ONBUILD cannot be chained.',
      forbidden: '{{trigger}} is not allowed as an ONBUILD trigger.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'ONBUILD') continue;
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        const keyword = trigger?.getKeyword().toUpperCase();
        if (!trigger || !keyword || !FORBIDDEN.has(keyword)) continue;
        const at = df.ref(trigger.getInstructionRange());
        if (keyword === 'ONBUILD') report({ messageId: 'chained', at });
        else report({ messageId: 'forbidden', data: { trigger: keyword }, at });
      }
    }
  },
});
