import { defineRule } from '../src/engine/rule.js';
import { copyArgs, stageOf } from '../src/model/copy.js';
import { lineage } from '../src/model/stage.js';
import type { Stage } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

/** `/x`, or a Windows drive path `c:\x` / `c:/x`. */
function isAbsolute(dest: string): boolean {
  return dest.startsWith('/') || /^.:[\\/]/.test(dest);
}

export default defineRule({
  meta: {
    id: 'copy-relative-dest-needs-workdir',
    aliases: ['DL3045'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['best-practice'],
    description: 'A COPY to a relative destination comes after a WORKDIR in its stage or in a stage it builds on.',
    docs: {
      what: 'Reports a COPY whose destination is relative (not `/...`, not a Windows drive path such as `c:\\app` or `c:/app`) when no WORKDIR was set before it in the same stage or anywhere in the stages it is built on (`FROM builder`). A WORKDIR in an unrelated earlier stage does not count, nor does one inside ONBUILD. A destination that starts with a variable (`$APP_HOME/`, `${DEST}`) is not judged. COPY inside ONBUILD is not checked.',
      why: 'A relative destination is resolved against the working directory, which without a WORKDIR is whatever the base image set, often `/`. Files then land in an unexpected place, and the result changes silently when the base image changes its WORKDIR.',
      example: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . app/',
      fix: 'Set the working directory first, or copy to an absolute path:\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .',
    },
    messages: {
      noWorkdir: 'COPY to the relative destination "{{dest}}" without a WORKDIR set in this stage: set WORKDIR first or use an absolute path.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      // Stages whose instructions (all of them: a parent stage is complete before its child starts) set a WORKDIR.
      const setsWorkdir = new Map<Stage, boolean>();
      for (const stage of df.stages) setsWorkdir.set(stage, stage.instructions.some((i) => i.getKeyword() === 'WORKDIR'));
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'COPY') continue;
        const args = copyArgs(df, instruction);
        if (!args?.dest) continue;
        const dest = args.dest.value;
        const written = args.dest.raw;
        if (dest === '' || isAbsolute(dest) || isAbsolute(written) || dest.startsWith('$') || written.startsWith('$')) continue;
        const stage = stageOf(df, instruction);
        if (stage) {
          const line = instruction.getRange().start.line;
          const before = stage.instructions.some((i) => i.getKeyword() === 'WORKDIR' && i.getRange().start.line < line);
          const inherited = lineage(stage).slice(0, -1).some((s) => setsWorkdir.get(s));
          if (before || inherited) continue;
        }
        report({ messageId: 'noWorkdir', data: { dest: written }, at: args.dest.at });
      }
    }
  },
});
