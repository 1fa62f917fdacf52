import { defineRule } from '../src/engine/rule.js';
import { commandName, refOf, runInstructions, type RunInstruction } from '../src/model/run.js';
import { scriptsOf, type Script } from '../src/model/run-security.js';
import type { DockerfileModel } from '../src/parse/dockerfile.js';
import type { ShellPipeline } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Shells that know `-o pipefail` (`sh` does only where it is BusyBox ash). */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** Whether the interpreter of a script fails a pipeline on a failing element before the script sets anything. */
function interpreterPipefail(script: Script): boolean {
  if (script.interpreter) return script.interpreter.pipefail && (PIPEFAIL_SHELLS.has(script.interpreter.name) || (script.interpreter.name === 'sh' && script.run.shell.busybox));
  const { shell } = script.run;
  const exe = (shell.argv[0] ?? '').replace(/^.*\//, '');
  return shell.pipefail && (PIPEFAIL_SHELLS.has(exe) || shell.busybox);
}

/** Whether the interpreter of a script is BusyBox ash: no bash to suggest. */
function isAsh(script: Script): boolean {
  const name = script.interpreter ? script.interpreter.name : undefined;
  if (name === 'ash') return true;
  if (name !== undefined) return name === 'sh' && script.run.shell.busybox;
  return script.run.shell.busybox || /(^|\/)ash$/.test(script.run.shell.argv[0] ?? '');
}

/** The first pipeline of the script that runs while pipefail is off (`set -o pipefail` / `set +o pipefail` in order). */
function unguardedPipeline(script: Script): ShellPipeline | undefined {
  const sets = script.commands.filter((c) => commandName(c) === 'set').sort((a, b) => a.span.start - b.span.start);
  const pipelines = [...script.pipelines].sort((a, b) => a.span.start - b.span.start);
  for (const pipeline of pipelines) {
    let on = interpreterPipefail(script);
    for (const set of sets) {
      if (set.span.start >= pipeline.span.start) break;
      const args = set.args;
      for (let i = 0; i < args.length; i++) {
        const v = args[i]!.value;
        if (v === undefined) continue;
        if (/^[-+][A-Za-z]*o[A-Za-z]*$/.test(v)) {
          if (args[i + 1]?.value === 'pipefail') on = v[0] === '-';
          i++;
        } else if (/^[-+]opipefail$/.test(v)) {
          on = v[0] === '-';
        }
      }
    }
    if (!on) return pipeline;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'pipefail',
    aliases: ['DL4006', 'DS032', 'DS-0032', 'docker-pipefail', 'Shell Running A Pipe Without Pipefail Flag'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reliability'],
    description: 'A RUN with a pipe runs with pipefail, so a failing command in the pipe fails the build.',
    docs: {
      what: 'Reports a pipe (`|`) in a RUN whose shell does not fail on a failing pipeline element: fine when the SHELL in effect (in the stage or the stage it builds on) has `-o pipefail` for bash, zsh or ash (BusyBox `/bin/sh` of alpine images counts as ash), or when the script runs `set -o pipefail` (`set -eo pipefail`, `set -euxo pipefail`...) before the pipe. The scripts given to `sh -c` / `bash -c` are checked too, in shell and exec form (`RUN ["bash", "-c", "..."]`): they do not inherit the SHELL\'s options. ONBUILD RUN counts; PowerShell, cmd and other non-POSIX shells are skipped. One finding per RUN, at the first unguarded `|`.',
      why: 'A shell pipeline exits with the status of its last command: in `curl -fsSL $URL | tar -xz` a failed download still gives tar\'s success, the RUN succeeds and the image is built without what it needed. With pipefail the build stops there.',
      example: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      fix: 'Make the shell fail on a failing pipe element, before the RUN:\n\nFROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin\n\nor inside the RUN (alpine\'s ash supports it too): `RUN set -o pipefail && curl -fsSL ... | tar -xz ...`, or on alpine `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`.',
    },
    messages: {
      noPipefail: 'A failure of `{{command}}` before this pipe does not fail the build (a pipeline returns its last command\'s status): set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or run `set -o pipefail` in a bash script before the pipe.',
      noPipefailAsh: 'A failure of `{{command}}` before this pipe does not fail the build (a pipeline returns its last command\'s status): this image\'s shell is BusyBox ash, which has no bash but supports pipefail: run `set -o pipefail` in the RUN before the pipe, or set `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` before it.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of runInstructions(df)) {
        const found = firstUnguarded(df, run);
        if (!found) continue;
        const { script, pipeline } = found;
        // A group or loop before the pipe (`{ ...; } | tee f`) is no single command: name it generically.
        const first = pipeline.commands[0]?.span.start !== undefined && pipeline.commands[0].span.start <= pipeline.span.start ? pipeline.commands[0] : undefined;
        report({ messageId: isAsh(script) ? 'noPipefailAsh' : 'noPipefail', data: { command: (first && commandName(first)) ?? 'the first command' }, at: refOf(df, pipeline.span) });
      }
    }
  },
});

function firstUnguarded(df: DockerfileModel, run: RunInstruction): { script: Script; pipeline: ShellPipeline } | undefined {
  let best: { script: Script; pipeline: ShellPipeline } | undefined;
  for (const script of scriptsOf(df, run)) {
    const pipeline = unguardedPipeline(script);
    if (pipeline && (!best || pipeline.span.start < best.pipeline.span.start)) best = { script, pipeline };
  }
  return best;
}
