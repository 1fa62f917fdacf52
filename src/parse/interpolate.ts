/**
 * Compose-spec interpolation of one scalar: `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`,
 * `${VAR:+a}`, `${VAR+a}`, nested templates inside defaults, and `$$` as a literal `$`.
 * A variable with no value and no usable default makes the whole result unknown (`value: undefined`):
 * rules treat unknown values as "cannot tell", never as a finding.
 */
export type Env = ReadonlyMap<string, string>;

export interface Interpolated {
  /** The resolved text, or undefined when some variable could not be resolved. */
  value: string | undefined;
  /** Variables that had no value (for messages and later rules). */
  missing: string[];
  /** Required variables (`${VAR:?message}`, `${VAR?message}`) that are unset, with their messages. */
  required: { name: string; message: string }[];
  /** Set when the template is malformed (an unclosed `${`, a bad name). */
  error?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** The lists of a text without `$`, which is most of them: shared, and frozen so that no caller can fill them. */
const NONE = Object.freeze([]) as never[];

export function interpolate(text: string, env: Env): Interpolated {
  if (!text.includes('$')) return { value: text, missing: NONE, required: NONE };
  const missing: string[] = [];
  const state: State = { required: [] };
  const value = expand(text, env, missing, state);
  return { value: missing.length || state.error ? undefined : value, missing, required: state.required, error: state.error };
}

interface State {
  error?: string;
  required: { name: string; message: string }[];
}

function expand(text: string, env: Env, missing: string[], state: State): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = matchingBrace(text, i + 1);
      if (end < 0) {
        state.error = `unclosed "\${" at offset ${i}`;
        return out;
      }
      out += braced(text.slice(i + 2, end), env, missing, state);
      i = end + 1;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      if (!m) {
        out += '$'; // a lone `$` is kept as written, as Compose does
        i++;
        continue;
      }
      out += lookup(m[0], env, missing) ?? '';
      i += 1 + m[0].length;
    }
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function lookup(name: string, env: Env, missing: string[]): string | undefined {
  const v = env.get(name);
  if (v === undefined) missing.push(name);
  return v;
}

function braced(inner: string, env: Env, missing: string[], state: State): string {
  const m = NAME.exec(inner);
  if (!m) {
    state.error = `invalid variable name in "\${${inner}}"`;
    return '';
  }
  const name = m[0];
  const rest = inner.slice(name.length);
  const value = env.get(name);
  if (rest === '') return lookup(name, env, missing) ?? '';
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  if (!op) {
    state.error = `invalid modifier in "\${${inner}}"`;
    return '';
  }
  const word = rest.slice(op.length);
  const unset = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (op[op.length - 1]) {
    case '-':
      return unset ? expand(word, env, missing, state) : value!;
    case '+':
      return unset ? '' : expand(word, env, missing, state);
    default: // `?`: required; unset makes the value unknown, and rule compose-interpolation reports it
      if (unset) {
        missing.push(name);
        state.required.push({ name, message: word });
      }
      return value ?? '';
  }
}

/** Parses a `.env` file the way Compose does for the common cases: KEY=VALUE, quotes, `export`, comments. */
export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2]!;
    if (/^".*"$/.test(v)) v = v.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    else if (/^'.*'$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    env.set(m[1]!, v);
  }
  return env;
}
