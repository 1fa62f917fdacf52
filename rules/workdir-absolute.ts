import { defineRule } from '../src/engine/rule.js';
import { lineOf, workdirSteps } from '../src/model/instructions.js';
import { dockerfilesOf } from '../src/model/project.js';

interface Options {
  allowAfterWorkdir: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'workdir-absolute',
    aliases: ['DL3000', 'WorkdirRelativePath', 'DS009', 'AVD-DS-0009', 'CKV_DOCKER_10', 'WORKDIR Path Not Absolute'],
    level: 'error',
    target: 'dockerfile',
    tags: ['reliability'],
    description: 'WORKDIR uses an absolute path.',
    docs: {
      what: 'Reports every WORKDIR whose path is relative, in every stage, as hadolint DL3000 does. Absolute are `/path` and Windows drive paths (`C:\\app`, `C:/app`); quotes are removed first. A path written with variables is judged with the ARG/ENV defaults known at that WORKDIR (`ARG APP_DIR=/srv/app` then `WORKDIR $APP_DIR` is absolute); a path that starts with a variable without a known value (`$HOME/app`, `${APP_DIR}`) is not judged. A relative WORKDIR with no earlier WORKDIR in its stage or the stages it builds on depends on the base image; after an earlier one, the message gives the absolute path it resolves to. Set `allowAfterWorkdir: true` to report only the first kind, as BuildKit\'s WorkdirRelativePath does.',
      why: 'A relative WORKDIR is joined onto whatever working directory the base image sets: when the base image changes it, files land elsewhere and commands run in the wrong place. An absolute path says where things are without reading every earlier instruction.',
      example: 'FROM node:20-alpine\nWORKDIR app\nCOPY . .\nWORKDIR src',
      fix: 'Use absolute paths:\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY . .\nWORKDIR /app/src',
    },
    messages: {
      relative: 'WORKDIR {{path}} is relative to the base image\'s working directory, which can change: use an absolute path.',
      relativeResolved: 'WORKDIR {{path}} is relative to the WORKDIR on line {{line}}: write the absolute path {{absolute}}.',
      relativeToPrevious: 'WORKDIR {{path}} is relative to the WORKDIR on line {{line}}: use an absolute path.',
    },
    options: {
      type: 'object',
      properties: {
        allowAfterWorkdir: {
          type: 'boolean',
          description: 'Accept a relative WORKDIR after an earlier WORKDIR of the stage or a stage it builds on (BuildKit WorkdirRelativePath). Default false: every relative WORKDIR is reported (hadolint DL3000).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowAfterWorkdir: false },
  },
  check({ project, options, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const stage of df.stages) {
        for (const step of workdirSteps(df, stage)) {
          if (step.absolute !== false) continue;
          const path = step.written;
          if (!step.previous) {
            report({ messageId: 'relative', data: { path }, at: step.at });
          } else if (!options.allowAfterWorkdir) {
            const line = lineOf(df, step.previous.instruction);
            if (step.resolved !== undefined) report({ messageId: 'relativeResolved', data: { path, line, absolute: step.resolved }, at: step.at });
            else report({ messageId: 'relativeToPrevious', data: { path, line }, at: step.at });
          }
        }
      }
    }
  },
});
