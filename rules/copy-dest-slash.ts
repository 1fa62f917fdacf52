import { defineRule } from '../src/engine/rule.js';
import { copyArgs, resolveWord, variablesAt } from '../src/model/copy.js';
import { dockerfilesOf } from '../src/model/project.js';

export default defineRule({
  meta: {
    id: 'copy-dest-slash',
    aliases: ['DL3021', 'DS011', 'AVD-DS-0011', 'Copy With More Than Two Arguments Not Ending With Slash'],
    level: 'error',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'A COPY with several sources has a destination that ends with `/`.',
    docs: {
      what: 'Reports a COPY instruction with more than one source (in shell or JSON form; a here-document counts as a source) whose destination does not end with `/`. A destination built from a variable whose value is unknown is not judged; one whose value is known (an ARG default, an ENV) is judged by that value. ONBUILD triggers are not checked.',
      why: 'With several sources the destination must be a directory, and Docker only treats it as one when it ends with `/`. Otherwise the build fails, or the sources land somewhere other than intended.',
      example: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app\nCOPY ["tsconfig.json", "src", "/app/build"]',
      fix: 'End the destination with a slash:\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json /app/\nCOPY ["tsconfig.json", "src", "/app/build/"]',
    },
    messages: {
      needsSlash: 'COPY has {{count}} sources, so its destination "{{dest}}" must be a directory ending with "/".',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'COPY') continue;
        const args = copyArgs(df, instruction);
        if (!args?.dest || args.sources.length < 2) continue;
        const dest = resolveWord(args.dest.value, variablesAt(df, instruction));
        if (dest === undefined || dest.endsWith('/')) continue; // unknown, or a directory
        report({ messageId: 'needsSlash', data: { count: args.sources.length, dest: args.dest.value }, at: args.dest.at });
      }
    }
  },
});
