import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { basename, dockerfileRuns, invocationsOf, mayHoldOptions, runText, runVariables, wordValues, type Invocation } from '../src/model/run-commands.js';

/** Where the default shell lives: /bin/sh, and /usr/bin/sh where /bin is a link to /usr/bin (merged /usr). */
const DEFAULT_SHELL = new Set(['/bin/sh', '/usr/bin/sh']);
const BIN_DIRS = new Set(['/bin', '/usr/bin']);

const normalize = (path: string) => path.replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');

/** The paths an `ln` command creates; undefined when they cannot be known. */
function linksOf(invocation: Invocation, vars: ReadonlyMap<string, string>, text: string): string[] | undefined {
  const operands: (string | undefined)[] = [];
  let targetDir: string | undefined;
  let noTargetDir = false;
  let options = true;
  const words: (string | undefined)[] = [];
  for (const arg of invocation.args) {
    const values = wordValues(arg, vars, text);
    if (values === undefined && mayHoldOptions(arg)) return undefined;
    words.push(...(values ?? [undefined]));
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined || !options || !w.startsWith('-') || w === '-') {
      operands.push(w);
    } else if (w === '--') {
      options = false;
    } else if (w.startsWith('--')) {
      const [name, value] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      if (name === '--target-directory') {
        targetDir = value ?? words[++i];
        if (targetDir === undefined) return undefined;
      } else if (name === '--no-target-directory') noTargetDir = true;
      else if (name === '--suffix' && value === undefined) i++;
    } else {
      for (let k = 1; k < w.length; k++) {
        const c = w[k]!;
        if (c === 'T') noTargetDir = true;
        if (c === 't' || c === 'S') {
          const value = k < w.length - 1 ? w.slice(k + 1) : words[++i];
          if (c === 't') {
            if (value === undefined) return undefined;
            targetDir = value;
          }
          break;
        }
      }
    }
  }
  // `ln -t DIR SRC...` and `ln SRC... DIR` put links named after the sources into DIR; `ln SRC LINK` names the link.
  const intoDir = (dir: string, sources: (string | undefined)[]) => sources.map((s) => (s === undefined ? undefined : `${normalize(dir)}/${basename(normalize(s))}`));
  let links: (string | undefined)[];
  if (targetDir !== undefined) links = intoDir(targetDir, operands);
  else if (operands.length < 2) return [];
  else {
    const last = operands[operands.length - 1];
    if (last === undefined) return undefined;
    const lastIsBinDir = BIN_DIRS.has(normalize(last)) && !noTargetDir;
    links = lastIsBinDir || operands.length > 2 ? intoDir(last, operands.slice(0, -1)) : [last];
  }
  return links.filter((l): l is string => l !== undefined).map(normalize);
}

export default defineRule({
  meta: {
    id: 'use-shell-instruction',
    aliases: ['DL4005', 'Changing Default Shell Using RUN Command'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['correctness'],
    description: 'The shell of RUN instructions is changed with SHELL, not by replacing /bin/sh.',
    docs: {
      what: 'Reports an `ln` in a RUN (shell or exec form, heredoc script, `sh -c` string, ONBUILD RUN, behind `sudo`) that creates `/bin/sh`, or `/usr/bin/sh` which is the same file on merged-/usr systems: `ln -sf /bin/bash /bin/sh`, `ln -s bash /bin/sh`, `ln -sfT /bin/bash /usr/bin/sh`, or a source named `sh` linked into /bin (`ln -sf /opt/busybox/sh /bin/`, `ln -t /bin ...`). An `ln` that only links to /bin/sh (`ln -s /bin/sh /usr/local/bin/posix-sh`) does not change the default shell and is not reported. Paths held in a variable are read from its ARG/ENV value; unknown ones are not judged.',
      why: 'Docker runs every shell-form RUN, CMD and ENTRYPOINT with `/bin/sh -c`. Replacing /bin/sh changes that shell for every later instruction and for every script in the image that expects a POSIX sh, without any trace in the Dockerfile\'s instructions, and it breaks when a package update restores the link. The SHELL instruction changes the shell of the Dockerfile\'s own instructions, visibly and only for them.',
      example: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN source /opt/venv/bin/activate && pip install --no-cache-dir -r requirements.txt',
      fix: 'Set the shell for the instructions that need it with SHELL:\n\nFROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN source /opt/venv/bin/activate && pip install --no-cache-dir -r requirements.txt',
    },
    messages: {
      replaceSh: '`ln` replaces {{link}}, the shell Docker runs every later RUN with: set the shell with the SHELL instruction instead (for example `SHELL ["/bin/bash", "-c"]`).',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        const invocations = invocationsOf(df, run).filter((i) => i.name === 'ln');
        if (invocations.length === 0) continue;
        const vars = runVariables(df, run);
        const text = runText(df, run);
        for (const invocation of invocations) {
          const link = linksOf(invocation, vars, text)?.find((l) => DEFAULT_SHELL.has(l));
          if (link) report({ messageId: 'replaceSh', data: { link }, at: refOf(df, invocation.word.span) });
        }
      }
    }
  },
});
