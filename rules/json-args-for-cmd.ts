import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { commandForm, instructionsOf, listItems } from '../src/model/instructions.js';
import { lineage } from '../src/model/stage.js';
import type { Stage } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Options {
  allowWithShell: boolean;
}

/** The exec form of simple shell-form arguments (plain words only), else undefined. */
function execFormOf(content: string): string | undefined {
  const words = content.trim().split(/\s+/);
  if (words.length === 0 || words.some((w) => !/^[A-Za-z0-9_@%+=:,./-]+$/.test(w))) return undefined;
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

/** The exec form of a bracketed list written with single quotes or other JSON mistakes, else undefined. */
function repairedJson(content: string): string | undefined {
  const items = listItems(content);
  return items?.length ? `[${items.map((i) => JSON.stringify(i)).join(', ')}]` : undefined;
}

/** A SHELL instruction before `instruction` in the stage or anywhere in the stages it builds on. */
function hasShellBefore(stage: Stage, instruction: Instruction): boolean {
  for (const s of lineage(stage)) {
    for (const i of s.instructions) {
      if (i === instruction) return false;
      if (i.getKeyword() === 'SHELL') return true;
    }
  }
  return false;
}

export default defineRule<Options>({
  meta: {
    id: 'json-args-for-cmd',
    aliases: ['DL3025', 'JSONArgsRecommended', 'Not Using JSON In CMD And ENTRYPOINT Arguments'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability'],
    description: 'CMD and ENTRYPOINT use the exec (JSON array) form.',
    docs: {
      what: 'Reports every CMD and ENTRYPOINT written in shell form (`CMD node server.js`), in every stage, as hadolint DL3025 does. A bracketed list that is not valid JSON (`CMD [\'node\', \'app.js\']`, single quotes or a trailing comma) is shell form too and is reported with its corrected exec form. BuildKit\'s JSONArgsRecommended accepts the shell form after a `SHELL` instruction of the stage or a parent stage; set `allowWithShell: true` to do the same. ONBUILD triggers are not checked.',
      why: 'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits out its timeout and kills the process without a graceful shutdown. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
      example: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD node server.js',
      fix: 'Write the command as a JSON array of strings (double quotes):\n\nCMD ["node", "server.js"]\n\nWhen a shell is really needed, make the program replace it: `CMD ["/bin/sh", "-c", "exec node server.js"]`.',
    },
    messages: {
      shellForm: '{{keyword}} uses the shell form, so a shell runs as PID 1 and the command does not receive SIGTERM: use the exec form, {{keyword}} {{execForm}}.',
      brokenJson: '{{keyword}} is not a valid JSON array, so it runs as a shell command: write the exec form with double quotes, {{keyword}} {{execForm}}.',
    },
    options: {
      type: 'object',
      properties: {
        allowWithShell: {
          type: 'boolean',
          description: 'Accept the shell form after a SHELL instruction in the stage or a stage it builds on (BuildKit JSONArgsRecommended). Default false: every shell form is reported (hadolint DL3025).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowWithShell: false },
  },
  check({ project, options, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const instruction of [...instructionsOf(stage, 'CMD'), ...instructionsOf(stage, 'ENTRYPOINT')]) {
          const form = commandForm(instruction);
          if (form === 'exec' || form === 'empty') continue;
          const keyword = instruction.getKeyword();
          const content = instruction.getArgumentsContent() ?? '';
          const at = df.ref(instruction.getInstructionRange());
          if (form === 'broken-json') {
            report({ messageId: 'brokenJson', data: { keyword, execForm: repairedJson(content) ?? '["executable", "arg"]' }, at });
            continue;
          }
          if (options.allowWithShell && hasShellBefore(stage, instruction)) continue;
          report({ messageId: 'shellForm', data: { keyword, execForm: execFormOf(content) ?? '["executable", "arg"]' }, at });
        }
      }
    }
  },
});
