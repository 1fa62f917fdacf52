import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationsOf, mayHoldOptions, runText, runVariables, wordValues, type Invocation } from '../src/model/run-commands.js';

/** GNU wget's short options that take a value. */
const VALUED_SHORT = 'aABDeiIloOPQRtTUwXY';
/** Long options that keep the progress display out of the build log. */
const QUIET_LONG = new Set(['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output']);

/** Whether a wget command keeps its progress display out of the log; undefined when its options are unknown. */
function quiet(invocation: Invocation, vars: ReadonlyMap<string, string>, text: string): boolean | undefined {
  const words: string[] = [];
  for (const arg of invocation.args) {
    const values = wordValues(arg, vars, text);
    if (values === undefined) {
      if (mayHoldOptions(arg)) return undefined;
      words.push('');
    } else {
      words.push(...values);
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('--')) {
      if (QUIET_LONG.has(w.replace(/=.*$/, ''))) return true;
      continue;
    }
    if (!w.startsWith('-') || w.length < 2) continue;
    for (let k = 1; k < w.length; k++) {
      const c = w[k]!;
      // -q quiet; -o/-a log to a file; -n takes the rest of the group as its letters, -nv is --no-verbose.
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (c === 'n') {
        if (w.slice(k + 1).includes('v')) return true;
        break;
      }
      if (VALUED_SHORT.includes(c)) {
        if (k === w.length - 1) i++;
        break;
      }
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'wget-progress',
    aliases: ['DL3047'],
    level: 'note',
    target: 'dockerfile',
    tags: ['best-practice'],
    description: 'Each `wget` in a RUN sets a compact progress display (`--progress=dot:giga`) or runs quietly.',
    docs: {
      what: 'Reports a `wget` in a RUN (shell or exec form, heredoc script, `sh -c` string, ONBUILD RUN, behind `sudo` or `busybox`) that has none of the options hadolint DL3047 accepts: `--progress=...`, `-q`/`--quiet`, `-nv`/`--no-verbose`, `-o`/`--output-file` or `-a`/`--append-output` (which send the messages to a file). Short options count inside a group (`-qO-`), but not as the value of another option (`-O -q` writes to a file named `-q`). Options held in a variable are read from its ARG/ENV value; a wget with an options variable whose value cannot be known (`wget $WGET_OPTS ...`) is not judged.',
      why: 'Without a terminal GNU wget falls back to its dot display, one line for every 50 KB: a download of a few hundred megabytes writes thousands of lines into the build output, which CI systems truncate or choke on, burying the lines that matter.',
      example: 'FROM debian:12-slim\nRUN wget https://example.com/releases/tool-1.4.2-linux-amd64.tar.gz',
      fix: 'Choose a compact display, or silence wget:\n\nFROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/releases/tool-1.4.2-linux-amd64.tar.gz\n\n`-nv` keeps one line per file, `-q` prints nothing. BusyBox wget (the default on alpine) has no `--progress`: use `-q` there.',
    },
    messages: {
      noProgress: '`wget` without `--progress` fills the build log with progress dots on large downloads: add `--progress=dot:giga`, or `-nv`/`-q` to keep it short.',
      noProgressBusybox: '`wget` without `-q` fills the build log with progress output on large downloads: add `-q` (BusyBox wget, the default on this base image, has no `--progress`).',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        const invocations = invocationsOf(df, run).filter((i) => i.name === 'wget');
        if (invocations.length === 0) continue;
        const vars = runVariables(df, run);
        const text = runText(df, run);
        for (const invocation of invocations) {
          if (quiet(invocation, vars, text) !== false) continue;
          const busybox = run.shell.busybox || invocation.via.some((w) => w.name === 'busybox');
          report({ messageId: busybox ? 'noProgressBusybox' : 'noProgress', at: refOf(df, invocation.word.span) });
        }
      }
    }
  },
});
