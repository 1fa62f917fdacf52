// Secret detection shared by `no-secrets-in-layers` and the compose secret rules.
// Every regex is compiled once, has bounded quantifiers, and (where it starts with a
// character class) a negative lookbehind so only the start of a run is tried: scanning
// stays linear even on adversarial 1 MB lines.

// ---------------------------------------------------------------------------
// isSecretName
// ---------------------------------------------------------------------------

// Source: moby/buildkit frontend/dockerfile/dockerfile2llb (getSecretsRegex / validateNoSecretKey,
// rule SecretsUsedInArgOrEnv). BuildKit flags a key when
//   /(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/
// matches and /(?i)(?:_|^)(?:public|file|version)(?:_|$)/ does not; i.e. an `_`-separated
// part equals a deny token and no part equals an allow token. Consequences we keep on purpose
// for parity: TOKEN_URL, AUTH_URL, GPG_KEY are secret; API_KEYS, SECRETS, DB_PASS are not
// (no plural/abbreviation tokens); KEY_VERSION, PASSWORD_FILE, NEXT_PUBLIC_API_KEY are not.
const DENY_TOKENS = new Set([
  'apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token',
]);
// We add `gpg`/`pgp` (a divergence from BuildKit): GPG_KEY and *_PGP_KEY_IDS in official images hold public key
// fingerprints used to verify downloads, and flagging them taught users to ignore the rule.
const ALLOW_TOKENS = new Set(['public', 'file', 'version', 'gpg', 'pgp']);

// Deliberate superset of BuildKit: it only splits on `_`, we also split on `-`, `.` and
// camelCase (compose env names, build args like `awsSecretAccessKey`). Single-case parts are
// never camel-split, so every all-caps/all-lower `_` name gets exactly BuildKit's verdict.
function nameParts(name: string): string[] {
  const parts: string[] = [];
  for (const seg of name.split(/[_.-]+/)) {
    if (!seg) continue;
    const camel =
      seg === seg.toUpperCase() || seg === seg.toLowerCase()
        ? [seg]
        : seg.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(' ');
    for (const p of camel) if (p) parts.push(p.toLowerCase());
  }
  return parts;
}

/** Docker BuildKit's SecretsUsedInArgOrEnv semantics: does an ARG/ENV/environment variable NAME read as a secret? */
export function isSecretName(name: string): boolean {
  let verdict = nameVerdicts.get(name);
  if (verdict === undefined) {
    const parts = nameParts(name);
    verdict = parts.some((p) => DENY_TOKENS.has(p)) && !parts.some((p) => ALLOW_TOKENS.has(p));
    if (nameVerdicts.size >= 100_000) nameVerdicts.clear(); // bounded: names come from the files checked
    nameVerdicts.set(name, verdict);
  }
  return verdict;
}

/** Verdicts by name: a monorepo repeats the same ARG, ENV and environment names thousands of times. */
const nameVerdicts = new Map<string, boolean>();

// ---------------------------------------------------------------------------
// findCredentials
// ---------------------------------------------------------------------------

/** Credentials of known formats inside arbitrary text. index/length are offsets into `text`. */
export interface CredentialMatch {
  kind: string;
  index: number;
  length: number;
  value: string;
}

interface Pattern {
  kind: string;
  /** Global; capture group 1 is the secret and always ends the match (trailing context goes in
   * lookaheads), so its offset is derivable without the slower `d` (hasIndices) flag. */
  re: RegExp;
  accept?: (value: string) => boolean;
  /** Literal text every match holds (one of them, case-sensitive): a text without any is not scanned. Most texts
   * hold none, and a scan with a leading lookbehind tries every position. */
  hints?: string[];
}

// A `$NAME` / `${...}` interpolation (compose and Dockerfile alike); `$$` is an escaped `$`.
const VAR_REF = /(?<!\$)\$(?:\{|[A-Za-z_])/;

// Order = priority when spans overlap (e.g. a GitHub token used as a URL password is reported
// once, as a GitHub token).
const PATTERNS: Pattern[] = [
  {
    kind: 'AWS secret access key',
    // Only when assigned: a bare 40-char base64 string is far too ambiguous.
    re: /aws[_-]?secret[_-]?access[_-]?key["']?(?:\s{0,10}[:=]\s{0,10}|\s{1,10})["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  // GitHub may lengthen tokens, so accept beyond the current 36.
  { kind: 'GitHub token', re: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'] },
  { kind: 'GitHub token', re: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/g, hints: ['github_pat_'] },
  { kind: 'GitLab token', re: /(?<![A-Za-z0-9_-])(glpat-[A-Za-z0-9_-]{20,255})(?![A-Za-z0-9_-])/g, hints: ['glpat-'] },
  {
    kind: 'Slack webhook URL',
    re: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{20,200})/g,
    hints: ['https://hooks.slack.com/'],
  },
  { kind: 'Slack token', re: /(?<![A-Za-z0-9_-])(xox[baprs]-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])/g, hints: ['xox'] },
  { kind: 'npm token', re: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, hints: ['npm_'] },
  {
    kind: 'Stripe key',
    re: /(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g,
    hints: ['_live_', '_test_'],
  },
  { kind: 'Anthropic API key', re: /(?<![A-Za-z0-9_-])(sk-ant-[A-Za-z0-9_-]{32,200})(?![A-Za-z0-9_-])/g, hints: ['sk-ant-'] },
  {
    kind: 'OpenAI API key',
    re: /(?<![A-Za-z0-9_-])(sk-(?!ant-)[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/g,
    hints: ['sk-'],
    // Real keys are random mixed-case alnum; this rejects long hyphenated words like
    // `sk-some-package-name-for-tasks`.
    accept: (v) => /[0-9]/.test(v) && /[a-z]/.test(v.slice(3)) && /[A-Z]/.test(v),
  },
  {
    kind: 'AWS access key id',
    re: /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])/g,
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
  },
  {
    kind: 'password in URL',
    // scheme://[user]:password@host — the user part stops at the first `:`, the password may
    // contain `:`. `<...>` is excluded so doc templates like `<user>:<pass>@` never match.
    // The leading lookbehind means only the start of a scheme-like run is tried. (Moving the
    // scheme into a lookbehind to anchor on `://` is 10-30x slower in V8: it runs everywhere.)
    re: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:@/?#"'<>\\]{0,256}:([^\s@/?#"'<>\\]{0,256})(?=@[A-Za-z0-9[$])/g,
    // `${POSTGRES_PASSWORD}`, `$PW`, `${U:-x}:${P:-y}` are interpolated at runtime, not literal;
    // URL passwords are free-form, so obvious placeholders (`changeme`, `***`) are dropped too.
    accept: (v) => v !== '' && !VAR_REF.test(v) && !isPlaceholderValue(v),
  },
];
const URL_PATTERN = PATTERNS.findIndex((p) => p.kind === 'password in URL');
/** Any pattern's hint: one scan tells that a text (most do) holds none, where testing each hint would take twenty. */
const ANY_HINT = new RegExp(PATTERNS.flatMap((p) => p.hints ?? []).map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
/** A URL's scheme (as the pattern takes it) starts at most this many characters before its `://`. */
const SCHEME_SPAN = 31;

// Private keys are matched as BEGIN..END blocks. The markers are found by two separate regexes
// and paired while streaming (a lazy `[\s\S]*?` up to END would go quadratic on many BEGINs).
const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

interface Found {
  match: CredentialMatch;
  priority: number;
}

function findPrivateKeys(text: string, out: Found[]): void {
  const push = (start: number, stop: number) =>
    out.push({ match: { kind: 'private key', index: start, length: stop - start, value: text.slice(start, stop) }, priority: -1 });
  PEM_BEGIN.lastIndex = 0;
  let prev = PEM_BEGIN.exec(text);
  // Cached next END at/after a position; -1 = none left. Only re-searched once passed, so linear.
  let endAt = -2;
  let endLen = 0;
  while (prev) {
    const headerEnd = prev.index + prev[0].length;
    const next = PEM_BEGIN.exec(text);
    if (endAt !== -1 && endAt < headerEnd) {
      PEM_END.lastIndex = headerEnd;
      const e = PEM_END.exec(text);
      endAt = e ? e.index : -1;
      endLen = e ? e[0].length : 0;
    }
    // Without an END before the next BEGIN (truncated text) report just the header.
    const closed = endAt !== -1 && (!next || endAt < next.index);
    push(prev.index, closed ? endAt + endLen : headerEnd);
    prev = next;
  }
}

export function findCredentials(text: string): CredentialMatch[] {
  const found: Found[] = [];
  findPrivateKeys(text, found);
  const hinted = ANY_HINT.test(text);
  PATTERNS.forEach((p, priority) => {
    let from = 0;
    if (p.hints && !(hinted && p.hints.some((h) => text.includes(h)))) return;
    if (priority === URL_PATTERN) {
      // A password in a URL needs a `://` with an `@` after it; no match starts before the first `://`'s scheme.
      const sep = text.indexOf('://');
      if (sep < 0 || text.indexOf('@', sep) < 0) return;
      from = Math.max(0, sep - SCHEME_SPAN);
    }
    p.re.lastIndex = from;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const value = m[1]!;
      if (p.accept && !p.accept(value)) continue;
      const index = m.index + m[0].length - value.length;
      found.push({ match: { kind: p.kind, index, length: value.length, value }, priority });
    }
  });

  // Resolve overlaps in one sweep: of two overlapping matches keep the higher-priority one.
  found.sort((a, b) => a.match.index - b.match.index || a.priority - b.priority);
  const kept: Found[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.match.index < last.match.index + last.match.length) {
      if (f.priority < last.priority) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept.map((f) => f.match);
}

// ---------------------------------------------------------------------------
// isSecretFile
// ---------------------------------------------------------------------------

const SECRET_BASENAMES = new Set([
  '.env', '.npmrc', '.pypirc', '.netrc', '.git-credentials', 'credentials.json', 'secret.key',
  'htpasswd', '.htpasswd',
]);
const SECRET_SUFFIX_PATHS = ['.aws/credentials', '.docker/config.json'];
const SECRET_EXTENSIONS = /\.(?:pem|key|p12|pfx|keystore|jks)$/;
const SSH_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)/;
// Committed templates, not secrets. Any `.`-part counts, so `.env.production.example` is a template too.
const ENV_TEMPLATE_PARTS = new Set(['example', 'sample', 'template', 'dist']);

/** Is this file name/path (forward slashes) a secret file that must never be copied into an image? */
/** `ca.pem`, `server-cert.pem`, `fullchain.pem`, `key.pub.pem`: certificates and public keys, not secrets. */
const CERTIFICATE_NAME = /(?:^|[._-])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public)(?:[._-]|$)/;

/** PEM text holding only certificates or public keys (no private key block): safe to copy into an image. */
export function isPublicKeyMaterial(text: string): boolean {
  return /-----BEGIN (?:CERTIFICATE|PUBLIC KEY|PGP PUBLIC KEY BLOCK|X509 CRL)-----/.test(text) && !/PRIVATE KEY/.test(text);
}

export function isSecretFile(path: string): boolean {
  // Case-insensitive: `.ENV` / `KEY.PEM` are as dangerous, and Docker Desktop hosts are often case-insensitive.
  const p = path.toLowerCase().replace(/\/+$/, '');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (SECRET_BASENAMES.has(base)) return true;
  if (SECRET_EXTENSIONS.test(base)) return !(base.endsWith('.pem') && CERTIFICATE_NAME.test(base.slice(0, -4)));
  if (SECRET_SUFFIX_PATHS.some((s) => p === s || p.endsWith('/' + s))) return true;
  if (SSH_KEY.test(base)) return !base.endsWith('.pub');
  if (base.startsWith('.env.')) return !base.slice(5).split('.').some((part) => ENV_TEMPLATE_PARTS.has(part));
  return false;
}

// ---------------------------------------------------------------------------
// maskSecret / isPlaceholderValue
// ---------------------------------------------------------------------------

/** Never print a secret: at most its first four characters, then its length, e.g. `ghp_… (40 chars)`. Values of 8 chars or fewer show no characters at all: `… (6 chars)`. */
export function maskSecret(value: string): string {
  // Code points, so a surrogate pair is never cut in half.
  const chars = Array.from(value);
  const shown = chars.length > 8 ? chars.slice(0, 4).join('') : '';
  return `${shown}… (${chars.length} ${chars.length === 1 ? 'char' : 'chars'})`;
}

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'changeit', 'changethis', 'replaceme', 'replacethis', 'placeholder', 'dummy', 'example',
  'sample', 'redacted', 'todo', 'tbd', 'fixme', 'none', 'null', 'nil', 'undefined', 'na',
  // Booleans/toggles: `ENABLE_AUTH=true` has a secret-looking name but no secret.
  'true', 'false', 'yes', 'no', 'on', 'off', '0', '1', 'enabled', 'disabled',
]);
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/, // only interpolations: ${VAR}, $VAR, ${VAR:-x}
  /^\/run\/secrets\//, // Docker/compose secret mount path
  /^<[^<>]*>$/, // <token>
  /^\{\{.*\}\}$/, // {{ .Values.token }} (Helm/Jinja templates)
  /^[*.#•_-]{3,}$/, // ***, ..., ---
  /x{5,}|\*{3,}/i, // xxxxx / *** fill-ins, also inside `sk-xxxxxxxx`
  /^x{3,4}$/i, // xxx
  /^(?:(?:enter|insert|put|add)[-_ ]?)?your[-_ ]?[a-z0-9_ -]*$/i, // your-api-key-here, YOUR_TOKEN, enter_your_key
  /[-_ ]here$/i, // api_key_here, insert-token-here
  /example(?:key)?$/i, // AWS documentation keys (AKIAIOSFODNN7EXAMPLE, ...EXAMPLEKEY)
];

/** True for values that are obviously not real secrets: empty, placeholders like `changeme`, `your-api-key-here`, `<token>`, `xxx`, `***`, `${VAR}` references, `/run/secrets/...` paths, file paths ending in _FILE semantics handled by caller. Used to avoid false positives. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  if (v === '') return true;
  if (PLACEHOLDER_WORDS.has(v.toLowerCase().replace(/[-_ /]/g, ''))) return true;
  return PLACEHOLDER_PATTERNS.some((re) => re.test(v));
}
