import { defineRule } from '../src/engine/rule.js';
import { refOf, type RunInstruction } from '../src/model/run.js';
import { cacheMountTargets, parsedRuns, pipInstall, variableAssignments } from '../src/model/packages-lang.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import { dockerfilesOf } from '../src/model/project.js';

/** The values hadolint takes as turning PIP_NO_CACHE_DIR on. */
const TRUTHY = /^(?:1|true|on|yes)$/i;
/** `PIP_NO_CACHE_DIR=1` written in the RUN (a prefix assignment, `export`, `env`): turned on, or set from a variable. */
const IN_RUN = /\bPIP_NO_CACHE_DIR=["']?(?:(?:1|true|on|yes)(?![\w.-])|\$)/i;

/** A cache or tmpfs mount over pip's cache directory (`~/.cache/pip`, or the whole `~/.cache`). */
function mountsPipCache(run: RunInstruction): boolean {
  return cacheMountTargets(run.instruction).some((t) => t.includes('.cache/pip') || /(?:^|\/)\.cache\/?$/.test(t));
}

/** PIP_NO_CACHE_DIR turned on (or set from a value we cannot know) by ENV or ARG where the RUN runs. */
function noCacheFromEnvironment(df: DockerfileModel, run: RunInstruction): boolean {
  return variableAssignments(df, run, 'PIP_NO_CACHE_DIR', !!run.onbuild).some((v) => v !== undefined && (TRUTHY.test(v.trim()) || v.includes('$')));
}

function runText(df: DockerfileModel, run: RunInstruction): string {
  const range = run.instruction.getRange();
  return df.text.slice(df.lines.offset(range.start.line + 1, range.start.character + 1), df.lines.offset(range.end.line + 1, range.end.character + 1));
}

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    aliases: ['DL3042', 'Pip install Keeping Cached Packages'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'A pip install in a RUN does not leave its download cache in the image layer.',
    docs: {
      what: "Checks every `pip install` (also `pip3`, `/opt/venv/bin/pip` and `python -m pip install`) in RUN, ONBUILD RUN, exec-form RUN and heredoc scripts, and accepts it when the cache is kept out of the layer: `--no-cache-dir` on the command; `PIP_NO_CACHE_DIR` set to `1`, `true`, `on` or `yes` in the same RUN (`PIP_NO_CACHE_DIR=1 pip install ...`, `export PIP_NO_CACHE_DIR=1`), or by ENV (or ARG) earlier in the stage or in a stage it builds on; or a BuildKit cache or tmpfs mount over pip's cache (`--mount=type=cache,target=/root/.cache/pip`). A falsy PIP_NO_CACHE_DIR (`0`, `false`, `off`, `no`) does not count; a value taken from a variable is trusted. pipx, pipenv and uv are not pip.",
      why: "pip keeps every wheel it downloads or builds in `~/.cache/pip`. In a RUN that cache becomes part of the layer: tens or hundreds of megabytes that nothing in the image ever reads again, shipped and pulled with every deploy.",
      example: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
      fix: 'Turn the cache off, or keep it in a BuildKit cache mount that is not part of the image:\n\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nor\n\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    },
    messages: {
      cacheKept: 'pip install keeps its download cache in the layer: add --no-cache-dir, set PIP_NO_CACHE_DIR=1, or mount a cache at /root/.cache/pip.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        let exempt: boolean | undefined;
        for (const command of run.commands) {
          if (!pipInstall(command)) continue;
          if (command.args.some((a) => a.value === '--no-cache-dir' || a.value?.startsWith('--no-cache-dir='))) continue;
          if (command.assigns.some((a) => a.name === 'PIP_NO_CACHE_DIR' && (a.value === undefined || TRUTHY.test(a.value)))) continue;
          exempt ??= mountsPipCache(run) || IN_RUN.test(runText(df, run)) || noCacheFromEnvironment(df, run);
          if (exempt) break;
          report({ messageId: 'cacheKept', at: refOf(df, command.words[0]!.span) });
        }
      }
    }
  },
});
