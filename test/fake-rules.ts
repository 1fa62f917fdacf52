// Small rules for engine tests: they report at fixed instructions, so a test controls exactly what is found.
import { defineRule, type Rule } from '../src/engine/rule.js';

const docs = { what: 'Test rule reporting every instruction of one keyword.', why: 'Engine tests need findings they control.', example: 'FROM alpine\nRUN true\n', fix: 'Nothing to fix: this is a test rule.' };

/** Reports every instruction with the keyword; carries the aliases given. */
export function reportEvery(keyword: string, id: string, aliases: string[]): Rule {
  return defineRule({
    meta: { id, aliases, level: 'warning', target: 'dockerfile', tags: [], description: 'Test rule.', docs, messages: { found: 'Found {{keyword}}.' } },
    check({ project, report }) {
      for (const df of new Set(project.dockerfiles.values())) {
        for (const i of df.ast.getInstructions()) if (i.getKeyword() === keyword) report({ messageId: 'found', data: { keyword }, at: df.ref(i.getInstructionRange()) });
      }
    },
  }) as Rule;
}
