// .dockerignore semantics as moby implements them: lines read like ignorefile.ReadAll,
// patterns matched like patternmatcher.MatchesOrParentMatches (last matching line wins).

export interface DockerignorePattern {
  pattern: string;
  negate: boolean;
  line: number;
  /** Docker rejects the file (build error) because of this line; here it just never matches. */
  malformed?: true;
}

type Matcher = (path: string) => boolean;
const NEVER: Matcher = () => false;

/** Go's filepath.Clean for '/' separated paths. */
export function cleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..'); // '..' at the root of a rooted path is dropped
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

// Characters are emitted as \u{..} so nothing in a file name can change the RegExp's meaning.
const lit = (ch: string): string => `\\u{${ch.codePointAt(0)!.toString(16)}}`;

/**
 * Parses a Go filepath.Match character class starting at chars[i] === '['.
 * Returns the RegExp source and the index after ']', or undefined where Go returns ErrBadPattern.
 */
function parseClass(chars: string[], i: number): { re: string; end: number } | undefined {
  i++;
  let negated = false;
  if (chars[i] === '^') { negated = true; i++; }
  let body = '';
  let n = 0;
  // Go's getEsc: one (possibly escaped) char; '-' or ']' here, or running off the end, is an error.
  const esc = (): string | undefined => {
    let c = chars[i];
    if (c === undefined || c === '-' || c === ']') return undefined;
    if (c === '\\') c = chars[++i];
    if (c === undefined) return undefined;
    i++;
    return chars[i] === undefined ? undefined : c; // class must still be closed
  };
  for (;;) {
    if (chars[i] === ']' && n > 0) return { re: `[${negated ? '^' : ''}${body}]`, end: i + 1 };
    const lo = esc();
    if (lo === undefined) return undefined;
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      const h = esc();
      if (h === undefined) return undefined;
      hi = h;
    }
    // Go silently never matches a reversed range; a JS RegExp would throw on it.
    if (lo.codePointAt(0)! <= hi.codePointAt(0)!) body += lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`;
    n++;
  }
}

/** A RegExp for one Go filepath.Match pattern ('*' and '?' never cross '/'); undefined if malformed. */
export function goMatchRegExp(pattern: string): RegExp | undefined {
  const chars = [...pattern];
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      if (i + 1 >= chars.length) return undefined;
      re += lit(chars[++i]);
    } else if (ch === '[') {
      const cls = parseClass(chars, i);
      if (!cls) return undefined;
      re += cls.re;
      i = cls.end - 1;
    } else re += lit(ch);
  }
  return compiled(re);
}

/**
 * `^re$`, or one that matches nothing when V8 finds it too large, which it says only when first run (a pattern of
 * thousands of characters, found by test/fuzz.test.ts): no file name is that long, so the pattern matches nothing.
 */
function compiled(re: string): RegExp {
  try {
    const rx = new RegExp(`^${re}$`, 'u');
    rx.test('');
    return rx;
  } catch {
    return /(?!)/;
  }
}

/**
 * Port of patternmatcher's Pattern.compile: the match kind matters, e.g. a pattern starting with
 * '**' and otherwise literal is a plain string suffix test, so '**.pem' matches 'a/b.pem'.
 */
function compile(p: string): Matcher {
  if (!goMatchRegExp(p)) return NEVER; // Docker validates with filepath.Match and fails the build
  const chars = [...p];
  let re = '';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*' && chars[i + 1] === '*') {
      const first = i === 0;
      i++;
      if (chars[i + 1] === '/') i++; // '**/' is treated as '**'
      if (i + 1 >= chars.length) {
        if (kind === 'exact') kind = 'prefix';
        else { re += '.*'; kind = 'regexp'; }
      } else { re += '(?:.*/)?'; kind = 'regexp'; }
      if (first) kind = 'suffix';
    } else if (ch === '*') { re += '[^/]*'; kind = 'regexp'; }
    else if (ch === '?') { re += '[^/]'; kind = 'regexp'; }
    else if (ch === '\\') { re += lit(chars[++i]); kind = 'regexp'; }
    else if (ch === '[') {
      const cls = parseClass(chars, i)!;
      re += cls.re;
      i = cls.end - 1;
      kind = 'regexp';
    } else if (ch === ']') { re += lit(ch); kind = 'regexp'; }
    else re += lit(ch);
  }
  switch (kind) {
    case 'exact':
      return (path) => path === p;
    case 'prefix': {
      const prefix = p.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = p.slice(2);
      return (path) => path.endsWith(suffix) || (suffix[0] === '/' && path === suffix.slice(1));
    }
    case 'regexp': {
      const rx = compiled(re);
      return (path) => rx.test(path);
    }
  }
}

export class Dockerignore {
  private readonly matchers: Matcher[];

  private constructor(readonly patterns: DockerignorePattern[]) {
    this.matchers = patterns.map((p) => (p.malformed ? NEVER : compile(p.pattern)));
  }

  static parse(text: string): Dockerignore {
    const patterns: DockerignorePattern[] = [];
    text.replace(/^\uFEFF/, '').split('\n').forEach((raw, idx) => {
      raw = raw.replace(/\r$/, ''); // bufio.ScanLines drops a trailing CR
      if (raw.startsWith('#')) return; // only a '#' in column 1 starts a comment
      let p = raw.trim();
      if (p === '') return;
      const negate = p[0] === '!';
      if (negate) p = p.slice(1).trim();
      if (p !== '') {
        p = cleanPath(p);
        if (p.length > 1 && p[0] === '/') p = p.slice(1); // patterns are relative to the context root
      }
      const entry: DockerignorePattern = { pattern: p, negate, line: idx + 1 };
      // A lone '!' is "illegal exclusion pattern"; a bad '[' class is filepath.ErrBadPattern.
      if (p === '' || !goMatchRegExp(p)) entry.malformed = true;
      patterns.push(entry);
    });
    return new Dockerignore(patterns);
  }

  isExcluded(relPath: string): boolean {
    const d = this.decidingPattern(relPath);
    return d !== undefined && !d.negate;
  }

  decidingPattern(relPath: string): DockerignorePattern | undefined {
    const file = cleanPath(relPath.replace(/^\/+/, ''));
    if (file === '.' || file === '..' || file.startsWith('../')) return undefined; // the root itself is never excluded
    // The file's parent dirs, shortest first: a pattern matching any of them matches the file.
    const parents: string[] = [];
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) parents.push(file.slice(0, i));
    // Last matching line wins; this equals moby's loop, which skips lines that cannot change the result.
    for (let k = this.patterns.length - 1; k >= 0; k--) {
      const m = this.matchers[k];
      if (m(file) || parents.some(m)) return this.patterns[k];
    }
    return undefined;
  }
}
