import { defineRule } from '../src/engine/rule.js';
import { refOf } from '../src/model/run.js';
import { dockerfileRuns, invocationsOf, mayHoldOptions, runText, runVariables, wordValues, type Invocation } from '../src/model/run-commands.js';

/** useradd's short options that take a value. */
const VALUED_SHORT = 'bcdefgGkKpPRsuZ';
/** useradd's long options that take a value. */
const VALUED_LONG = new Set(['--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--selinux-range']);

/** More digits than this make hadolint (and this rule) call a UID high: from 100000 on. */
const MAX_DIGITS = 5;

/** The UID a useradd sets and whether it skips the lastlog/faillog entries; undefined when its options are unknown. */
function readUseradd(invocation: Invocation, vars: ReadonlyMap<string, string>, text: string): { uid?: string; noLogInit: boolean } | undefined {
  const words: string[] = [];
  for (const arg of invocation.args) {
    const values = wordValues(arg, vars, text);
    if (values === undefined) {
      if (mayHoldOptions(arg)) return undefined;
      words.push('\0');
    } else {
      words.push(...values);
    }
  }
  let uid: string | undefined;
  let noLogInit = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w : w.slice(0, eq);
      const value = eq < 0 ? (VALUED_LONG.has(name) ? words[++i] : undefined) : w.slice(eq + 1);
      if (name === '--no-log-init') noLogInit = true;
      if (name === '--uid') uid = value;
    } else if (w.startsWith('-') && w.length > 1) {
      for (let k = 1; k < w.length; k++) {
        const c = w[k]!;
        if (c === 'l') noLogInit = true;
        if (VALUED_SHORT.includes(c)) {
          const value = k < w.length - 1 ? w.slice(k + 1) : words[++i];
          if (c === 'u') uid = value;
          break;
        }
      }
    }
  }
  return { uid: uid === '\0' ? undefined : uid, noLogInit };
}

export default defineRule({
  meta: {
    id: 'useradd-large-uid',
    aliases: ['DL3046'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['image-size'],
    description: 'A `useradd` with a high UID passes `-l` (`--no-log-init`), so the layer does not hold UID-sized log files.',
    docs: {
      what: `Reports a \`useradd\` in a RUN (shell or exec form, heredoc script, \`sh -c\` string, ONBUILD RUN, behind \`sudo\`) that sets a UID of more than ${MAX_DIGITS} digits (100000 and above) with \`-u\`/\`--uid\` (\`-u 100000\`, \`-u100000\`, \`--uid=100000\`) without \`-l\` or \`--no-log-init\`, as hadolint DL3046 does. A UID given as an ARG or ENV variable is read from its value (\`ARG APP_UID=150000\` then \`useradd -u "$APP_UID"\`); one whose value cannot be known is not judged, nor is a useradd with an unknown options variable (\`$USERADD_OPTS\`).`,
      why: 'useradd records the new user in /var/log/lastlog and /var/log/faillog, files indexed by UID: for UID 150000 lastlog grows to about 44 MB. On the host these are sparse files, but image layers do not keep holes, so the zeros are written out in full and every pull of the image carries them. `-l` skips these records, which a container never reads.',
      example: 'FROM debian:12-slim\nRUN useradd -u 1000010 -m app\nUSER app',
      fix: 'Add `-l` (`--no-log-init`) to the useradd:\n\nFROM debian:12-slim\nRUN useradd -l -u 1000010 -m app\nUSER app',
    },
    messages: {
      noLogInit: '`useradd -u {{uid}}` without `-l` (`--no-log-init`) writes lastlog and faillog records sized by the UID, which make the layer excessively large: add `-l`.',
    },
  },
  check({ project, report }) {
    for (const { df, runs } of dockerfileRuns(project.dockerfiles.values())) {
      for (const run of runs) {
        const invocations = invocationsOf(df, run).filter((i) => i.name === 'useradd');
        if (invocations.length === 0) continue;
        const vars = runVariables(df, run);
        const text = runText(df, run);
        for (const invocation of invocations) {
          const read = readUseradd(invocation, vars, text);
          if (!read || read.noLogInit || read.uid === undefined) continue;
          if (/^\d+$/.test(read.uid) && read.uid.length > MAX_DIGITS) report({ messageId: 'noLogInit', data: { uid: read.uid }, at: refOf(df, invocation.word.span) });
        }
      }
    }
  },
});
