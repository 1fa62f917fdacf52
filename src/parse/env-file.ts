// Environment assignments as the compose secret rules read them: `.env` / `env_file` files with the position of every
// value, `${VAR:-default}` templates inside a value, and which values hold a plaintext secret (shared by the rules
// no-secrets-in-environment, no-secrets-in-env-files and no-trust-auth). Values are judged as written, before
// interpolation: a value taken from the environment is not written in the file that is being judged.
import { LineIndex, type SourceRef } from '../model/location.js';
import { findCredentials, isPlaceholderValue, isSecretName } from '../util/secrets.js';
import { memoized } from '../util/memo.js';

/** One `KEY=VALUE` line of an env file, with where its value is written. */
export interface EnvEntry {
  name: string;
  /** The value's text between its quotes (escapes kept as written), or the unquoted value without its comment. */
  raw: string;
  /** What Compose reads: quotes removed, `\n`, `\"`, `\\` decoded in double quotes. */
  value: string;
  quote: '"' | "'" | '';
  /** 1-based line and column of the name. */
  line: number;
  column: number;
  /** Character offset in the file of the value as written (its opening quote when quoted) and of its first content character. */
  valueStart: number;
  contentStart: number;
}

export interface EnvFile {
  path: string;
  lines: LineIndex;
  entries: EnvEntry[];
}

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;

/**
 * Reads an env file the way Compose's dotenv reader does for the common cases: `KEY=VALUE`, `export KEY=VALUE`,
 * blank lines and `#` comment lines, single quotes (literal, may span lines), double quotes (escapes, may span lines),
 * unquoted values ending at a ` #` comment. Lines that are not assignments are skipped. Never throws.
 */
export function readEnvFile(path: string, text: string): EnvFile {
  const lines = new LineIndex(text);
  const entries: EnvEntry[] = [];
  let i = 0;
  const n = text.length;
  const skipBlanks = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const toEol = () => {
    while (i < n && text[i] !== '\n') i++;
    if (i < n) i++;
  };
  while (i < n) {
    skipBlanks();
    if (i >= n) break;
    if (text[i] === '\n' || text[i] === '\r' || text[i] === '#') {
      toEol();
      continue;
    }
    if (text.startsWith('export', i) && (text[i + 6] === ' ' || text[i + 6] === '\t')) {
      i += 6;
      skipBlanks();
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) {
      toEol();
      continue;
    }
    const nameStart = i;
    i += m[0].length;
    skipBlanks();
    if (text[i] !== '=') {
      toEol();
      continue;
    }
    i++;
    skipBlanks();
    const valueStart = i;
    const q = text[i];
    let raw: string;
    let value: string;
    let quote: EnvEntry['quote'] = '';
    let contentStart = i;
    if (q === "'" || q === '"') {
      // A quote without its closing quote is read as an unquoted value, as dotenv readers do.
      const close = q === "'" ? text.indexOf("'", i + 1) : closingDoubleQuote(text, i + 1);
      if (close >= 0) {
        quote = q;
        contentStart = i + 1;
        raw = text.slice(i + 1, close);
        value = q === "'" ? raw : raw.replace(/\\([nrt"\\$])/g, (_s, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
        i = close + 1;
        toEol();
        entries.push(entry(m[0], raw, value, quote, nameStart, valueStart, contentStart, lines));
        continue;
      }
    }
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let line = text.slice(i, end).replace(/\r$/, '');
    const comment = /(?:^|[ \t])#/.exec(line);
    if (comment) line = line.slice(0, comment.index);
    raw = line.replace(/[ \t]+$/, '');
    value = raw;
    i = end;
    toEol();
    entries.push(entry(m[0], raw, value, quote, nameStart, valueStart, contentStart, lines));
  }
  return { path, lines, entries };
}

function entry(name: string, raw: string, value: string, quote: EnvEntry['quote'], nameStart: number, valueStart: number, contentStart: number, lines: LineIndex): EnvEntry {
  const { line, column } = lines.position(nameStart);
  return { name, raw, value, quote, line, column, valueStart, contentStart };
}

function closingDoubleQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** A SourceRef for `length` characters at a character offset of an env file. */
export function envFileRef(file: EnvFile, offset: number, length: number): SourceRef {
  return { file: file.path, range: file.lines.range(offset, offset + Math.max(1, length)) };
}

// ---------------------------------------------------------------------------
// Templates inside a value
// ---------------------------------------------------------------------------

/** A `${NAME...}` template at the top level of a value. */
export interface Template {
  /** Offsets of `${` and just past the closing `}`. */
  start: number;
  end: number;
  name: string;
  /** '' for `${NAME}`; otherwise `-`, `:-`, `?`, `:?`, `+`, `:+`. */
  op: string;
  /** The text after the operator (a default, an error message or an alternative) and its offset. */
  word: string;
  wordStart: number;
}

/**
 * The `${...}` templates of a value written with compose interpolation syntax, and whether it also holds `$NAME`
 * references. `$$` is a literal `$`. Malformed templates end the scan (rule compose-interpolation reports them).
 */
export function templatesOf(raw: string): { templates: Template[]; bareRefs: boolean } {
  const templates: Template[] = [];
  let bareRefs = false;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '$') continue;
    const next = raw[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next !== '{') {
      if (next !== undefined && /[A-Za-z_]/.test(next)) bareRefs = true;
      continue;
    }
    let depth = 0;
    let close = -1;
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j] === '{') depth++;
      else if (raw[j] === '}' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    const inner = raw.slice(i + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?/.exec(inner);
    if (m) {
      const op = m[2] ?? '';
      const wordStart = i + 2 + m[0].length;
      if (op || m[0].length === inner.length) templates.push({ start: i, end: close + 1, name: m[1]!, op, word: raw.slice(wordStart, close), wordStart });
    }
    i = close;
  }
  return { templates, bareRefs };
}

// ---------------------------------------------------------------------------
// Which assignments hold a secret
// ---------------------------------------------------------------------------

// A name whose last part says what the value describes (a URL, a lifetime, a method, a user name...) holds no secret
// even when an earlier part is a secret word: ACCESS_TOKEN_EXPIRE_MINUTES, POSTGRES_HOST_AUTH_METHOD, SSH_AUTH_SOCK,
// AUTH_URL, TOKEN_ISSUER, KEY_PREFIX, GF_AUTH_ANONYMOUS_ORG_ROLE.
const DESCRIPTOR_PARTS = new Set([
  'url', 'urls', 'uri', 'endpoint', 'host', 'hostname', 'server', 'port', 'addr', 'address', 'method', 'methods', 'type',
  'mode', 'path', 'dir', 'directory', 'sock', 'socket', 'name', 'names', 'user', 'username', 'usr', 'id', 'ids', 'header',
  'algorithm', 'alg', 'expire', 'expires', 'expiry', 'expiration', 'exp', 'ttl', 'timeout', 'lifetime', 'age', 'minutes',
  'mins', 'seconds', 'secs', 'hours', 'days', 'length', 'len', 'size', 'bits', 'count', 'limit', 'max', 'min', 'enabled',
  'enable', 'disabled', 'disable', 'required', 'provider', 'providers', 'issuer', 'audience', 'scope', 'scopes', 'realm',
  'domain', 'prefix', 'suffix', 'format', 'location', 'field', 'param', 'rotation', 'interval', 'strategy', 'policy',
  'backend', 'store', 'storage', 'cache', 'level', 'role', 'roles', 'group', 'groups', 'org', 'source', 'service', 'env',
  'pattern', 'regex', 'complexity', 'strength', 'reset', 'retries', 'attempts', 'delay', 'refresh', 'verify', 'ssl', 'tls',
  'backends', 'search', 'map', 'attr', 'attrs', 'filter', 'class', 'classes', 'list', 'option', 'options', 'config',
  'settings', 'flags', 'fields', 'dn', 'alias', 'arn',
]);
// Secret words BuildKit's list leaves out but env names use for passwords: RABBITMQ_DEFAULT_PASS, DB_PASS, MYSQL_PWD.
const EXTRA_SECRET_PARTS = new Set(['pass', 'pwd', 'passphrase']);
// Secret words run together with a prefix in one part: PGPASSWORD, CLIENTSECRET, CSRFTOKEN, PAPERLESS_DBPASS.
const COMPOUND_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'credentials', 'pass'];
const NOT_COMPOUNDS = new Set(['bypass', 'compass', 'overpass', 'underpass', 'surpass', 'trespass']);
const HARMLESS_PARTS = new Set(['public', 'file', 'version', 'gpg', 'pgp']);

function nameParts(name: string): string[] {
  return name
    .split(/[_.-]+/)
    .flatMap((p) => (p === p.toUpperCase() || p === p.toLowerCase() ? [p] : p.split(/(?<=[a-z0-9])(?=[A-Z])/)))
    .filter((p) => p !== '')
    .map((p) => p.toLowerCase());
}

/**
 * Does an environment variable name say its value is a secret? BuildKit's test (`isSecretName`: a `password`,
 * `secret`, `token`, `key`, `auth`, `credential`... part, no `public`/`file`/`version` part), plus `pass`/`pwd` parts
 * and compounds like PGPASSWORD, minus names whose last part describes the value (`_URL`, `_METHOD`, `_EXPIRE_MINUTES`).
 * Answers are kept: the same environment names come back in service after service.
 */
export const isSecretEnvName: (name: string) => boolean = memoized(readsAsSecretEnvName);

function readsAsSecretEnvName(name: string): boolean {
  const parts = nameParts(name);
  if (parts.length === 0 || parts.some((p) => HARMLESS_PARTS.has(p))) return false;
  if (DESCRIPTOR_PARTS.has(parts[parts.length - 1]!)) return false;
  return (
    isSecretName(name) ||
    parts.some((p) => EXTRA_SECRET_PARTS.has(p)) ||
    parts.some((p) => !NOT_COMPOUNDS.has(p) && COMPOUND_SUFFIXES.some((w) => p.length > w.length && p.endsWith(w)))
  );
}

/**
 * Could this literal be a secret value? Not a placeholder (`changeme`, `example`, `your-key-here`, `xxx`, booleans,
 * empty), not a path (`/run/secrets/db`, `./certs/key.pem`, `certs/es01/es01.key`) and not a URL without credentials.
 */
export function isSecretLiteral(value: string): boolean {
  const v = value.trim();
  if (isPlaceholderValue(v)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(v)) return false;
  // A relative path or file name of a key, certificate or config file: `certs/es01/es01.key`, `service-account.json`.
  if (/^[\w.-]+(?:\/[\w.-]+)*\.(?:pem|key|crt|cer|der|csr|p12|pfx|jks|keystore|truststore|json|ya?ml|txt|conf|cfg|ini|env|properties)$/i.test(v)) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*$/.test(v)) return false; // URLs with a password are findCredentials' matches
  return true;
}

export interface SecretHit {
  /** `credential`: a token of a known format; `literal`: the whole value under a secret name; `default`: a `${VAR:-secret}` default. */
  kind: 'credential' | 'literal' | 'default';
  /** Offset and length in `raw`. */
  index: number;
  length: number;
  value: string;
  /** The credential's kind (`GitHub token`, `password in URL`...). */
  credential?: string;
  /** The variable whose default it is. */
  variable?: string;
}

/**
 * The plaintext secrets written in one assignment `name=raw` (raw as written, before interpolation): credentials of a
 * known format anywhere in it; the whole value when the name reads as a secret and the value is a literal (no `$`
 * reference) that is not a placeholder; and each `${VAR:-default}` / `${VAR-default}` default that is such a literal,
 * when VAR's name (or `name`, when the template is the whole value) reads as a secret. A value that is only a
 * reference (`${DB_PASSWORD}`, `${DB_PASSWORD:?set it}`) holds nothing.
 */
export function secretsInAssignment(name: string, raw: string): SecretHit[] {
  // Kept by name and text: no-secrets-in-environment reads a file's entries as written and again as merged, and the
  // same assignments recur across files. Callers only read the lists. Bounded, like memoized's.
  const key = `${name.length}:${name}${raw}`;
  let hits = assignmentHits.get(key);
  if (!hits) {
    if (assignmentHits.size >= 100_000) assignmentHits.clear();
    assignmentHits.set(key, (hits = findSecretsInAssignment(name, raw)));
  }
  return hits;
}

const assignmentHits = new Map<string, SecretHit[]>();

function findSecretsInAssignment(name: string, raw: string): SecretHit[] {
  const hits: SecretHit[] = findCredentials(raw).map((c) => ({ kind: 'credential' as const, index: c.index, length: c.length, value: c.value, credential: c.kind }));
  const overlaps = (index: number, length: number) => hits.some((h) => index < h.index + h.length && h.index < index + length);
  const { templates, bareRefs } = templatesOf(raw);
  if (templates.length === 0 && !bareRefs) {
    const literal = raw.replace(/\$\$/g, '$');
    if (isSecretEnvName(name) && isSecretLiteral(literal) && !overlaps(0, raw.length)) hits.push({ kind: 'literal', index: 0, length: raw.length, value: literal });
    return hits.sort((a, b) => a.index - b.index);
  }
  const whole = templates.length === 1 && !bareRefs && raw.trim() === raw.slice(templates[0]!.start, templates[0]!.end);
  // Defaults, also nested ones (`${A:-${B:-secret}}`), judged under their own variable's name (and the key's, for a
  // template that is the whole value: `SECRET_KEY: ${APP_KEY:-...}`).
  const defaults = (list: Template[], offset: number, secretContext: boolean, depth: number) => {
    for (const t of list) {
      if (t.op !== '-' && t.op !== ':-') continue;
      const secret = secretContext || isSecretEnvName(t.name);
      if (t.word.includes('$')) {
        if (depth < 8) defaults(templatesOf(t.word).templates, offset + t.wordStart, secret, depth + 1);
        continue;
      }
      if (!secret || !isSecretLiteral(t.word) || overlaps(offset + t.wordStart, t.word.length)) continue;
      hits.push({ kind: 'default', index: offset + t.wordStart, length: t.word.length, value: t.word, variable: t.name });
    }
  };
  defaults(templates, 0, whole && isSecretEnvName(name), 0);
  return hits.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------
// Positions inside compose `environment` values
// ---------------------------------------------------------------------------

/** Where a `KEY: value` / `- KEY=value` entry's value text is written, so that offsets into its raw text map to the file. */
export interface ScalarValue {
  /** The value scalar (map form) or the list item (list form), as the compose model gives it. */
  at: SourceRef;
  name: string;
  raw: string;
}

/**
 * The position of `length` characters at `index` of an environment value's raw text, in the compose file. The text
 * is found where it is written (after the opening quote, after `KEY=` in the list form); where escapes, folding or a
 * block scalar move it, it is searched for just after the node; failing that, the node's start is returned.
 */
export function refInValue(lines: LineIndex | undefined, value: ScalarValue, index: number, length: number): SourceRef {
  const { at, name, raw } = value;
  if (!lines) return at;
  const start = lines.offset(at.range.start.line, at.range.start.column);
  const text = lines.text;
  const c = text[start];
  const block = c === '|' || c === '>';
  let base = c === '"' || c === "'" ? start + 1 : start;
  if (!block && text.startsWith(`${name}=`, base)) base += name.length + 1;
  const target = raw.slice(index, index + length);
  const ref = (offset: number): SourceRef => ({ file: at.file, range: lines.range(offset, offset + Math.max(1, target.length)) });
  if (!block && text.startsWith(target, base + index)) return ref(base + index);
  if (target === '') return at;
  const found = text.indexOf(target, start);
  if (found >= 0 && found - start <= 2 * (name.length + raw.length) + 200) return ref(found);
  return at;
}

/** The start of an environment value as written: the scalar (its opening quote) in the map form, the text after `KEY=` in the list form. */
export function valueStartRef(lines: LineIndex | undefined, value: ScalarValue): SourceRef {
  if (!lines) return value.at;
  const start = lines.offset(value.at.range.start.line, value.at.range.start.column);
  const text = lines.text;
  const quoted = text[start] === '"' || text[start] === "'";
  if (!text.startsWith(`${value.name}=`, quoted ? start + 1 : start)) return value.at;
  const offset = (quoted ? start + 1 : start) + value.name.length + 1;
  return { file: value.at.file, range: lines.range(offset, offset + Math.max(1, value.raw.length)) };
}
