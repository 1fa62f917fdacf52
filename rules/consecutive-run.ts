import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../src/engine/rule.js';
import { runInstructions, type RunInstruction } from '../src/model/run.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Flag {
  getName(): string;
  getValue(): string | null;
}

/** The RUN's flags (`--mount`, `--network`, `--security`) in a form that compares equal when they are the same set. */
function flagsKey(instruction: Instruction): string {
  const flags = (instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? [];
  return JSON.stringify(flags.map((f) => `${f.getName().toLowerCase()}=${f.getValue() ?? ''}`).sort());
}

/**
 * Whether the RUN runs one command: a single command could have been chained into the RUN before it. Heredoc RUNs
 * (written as scripts on purpose), RUNs that cannot be parsed, and empty RUNs never count as single.
 */
function isSingle(run: RunInstruction): boolean {
  if (run.heredoc) return false;
  if (run.form === 'exec') return run.commands.length === 1;
  if (run.unparsed?.reason === 'syntax') return false;
  if (run.unparsed?.reason === 'shell') {
    // PowerShell or cmd: one command unless the text chains or pipes (quoted text left out).
    const text = run.instruction.getArgumentsContent() ?? '';
    const bare = text.replace(/"[^"]*"|'[^']*'/g, '""');
    return bare.trim() !== '' && !/[;&|\n]/.test(bare);
  }
  return run.commands.length === 1;
}

export default defineRule({
  meta: {
    id: 'consecutive-run',
    aliases: ['DL3059'],
    level: 'note',
    target: 'dockerfile',
    tags: ['best-practice', 'performance'],
    description: 'Consecutive RUN instructions that each run one command are merged into one.',
    docs: {
      what: 'Reports a RUN that runs a single command right after another RUN that also runs a single command, with the same flags (`--mount`, `--network`, `--security`). Comments and blank lines between them do not separate them; any other instruction does. A RUN that chains commands (`&&`, `;`, a pipe, `$( )`) is taken as a deliberate split, and so is a heredoc RUN (`RUN <<EOF`), which is a script already: neither is reported, nor the RUN that follows it. ONBUILD RUN is not considered.',
      why: 'Each RUN makes a layer and a cache step: files deleted in a later RUN still weigh in the earlier layer, and an `apt-get update` cached in its own layer goes stale while the `apt-get install` after it changes. One RUN per logical step keeps the image smaller and the cache honest.',
      example: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      fix: 'Chain the commands in one RUN:\n\nFROM debian:12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      consecutive: 'This RUN and the one on line {{previous}} each run a single command: chain them with `&&` in one RUN to save a layer.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const runs = new Map(runInstructions(df).filter((r) => !r.onbuild).map((r) => [r.instruction, r]));
      for (const stage of df.stages) {
        let previous: { instruction: Instruction; flags: string; single: boolean } | undefined;
        for (const instruction of stage.instructions) {
          const run = instruction.getKeyword() === 'RUN' ? runs.get(instruction) : undefined;
          if (!run) {
            previous = undefined;
            continue;
          }
          const current = { instruction, flags: flagsKey(instruction), single: isSingle(run) };
          if (previous && previous.single && current.single && previous.flags === current.flags) {
            report({ messageId: 'consecutive', data: { previous: previous.instruction.getRange().start.line + 1 }, at: df.ref(instruction.getInstructionRange()) });
          }
          previous = current;
        }
      }
    }
  },
});
