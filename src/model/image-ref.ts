// Image references as FROM, COPY --from and RUN --mount from= write them: Docker's parsing (registry / repository /
// tag / digest, distribution/reference validity) and BuildKit's expansion of global ARGs in FROM.
import type { From, Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import type { DockerfileModel, Stage } from '../parse/dockerfile.js';

type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;

// ---------------------------------------------------------------------------------------------------------------------
// Parsing

export interface ImageRef {
  /** Registry host (and port) as written; undefined when the reference names none (Docker Hub). */
  registry?: string;
  /** Repository path after the registry, as written (Docker Hub's implicit `library/` is not added). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Registry names that all mean Docker Hub. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Splits an image reference the way Docker does: the first path component is a registry when it contains `.` or `:`,
 * is `localhost`, or (distribution/reference) has an uppercase letter; otherwise the image is on Docker Hub.
 */
export function parseImageRef(text: string): ImageRef {
  let name = text;
  let digest: string | undefined;
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      return { registry: first, repository: name.slice(slash + 1), tag, digest };
    }
  }
  return { repository: name, tag, digest };
}

/** Whether an image lives on Docker Hub (no registry written, or one of Docker Hub's names). */
export function isDockerHub(ref: ImageRef): boolean {
  return ref.registry === undefined || DOCKER_HUB.has(ref.registry.toLowerCase());
}

/** The registry an image is pulled from, `docker.io` when none is written. */
export function registryOf(ref: ImageRef): string {
  return ref.registry ?? 'docker.io';
}

/** Matches a registry against a pattern in which `*` stands for any run of characters (case-insensitive). */
export function registryMatches(pattern: string, registry: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(registry);
}

// distribution/reference grammar (the parser behind `docker pull` and BuildKit's FROM).
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?$`);
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Whether Docker accepts the text as an image reference (distribution/reference ParseNormalizedNamed): a lowercase
 * repository, a valid tag, a supported digest, a name of at most 255 characters, not a bare 64-hex image id.
 */
export function isValidReference(text: string): boolean {
  if (text === '' || /^[a-f0-9]{64}$/.test(text)) return false;
  let domain = 'docker.io';
  let remainder = text;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const first = text.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      remainder = text.slice(slash + 1);
    }
  }
  const tagSep = remainder.indexOf(':');
  const remote = tagSep >= 0 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) return false;
  const match = REFERENCE.exec(`${domain}/${remainder}`);
  if (!match || match[1]!.length > 255) return false;
  if (match[3] !== undefined) {
    const [algorithm, hex] = match[3].split(':') as [string, string];
    if (DIGEST_LENGTHS[algorithm] !== hex.length || !/^[a-f0-9]+$/.test(hex)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// BuildKit's word expansion (frontend/dockerfile/shell): quotes, escapes, $VAR and ${VAR[:][-+?#%/]word}

/** The ARGs BuildKit defines in the global scope without any declaration. */
export const PLATFORM_ARGS = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
] as const;

/** A variable in scope: `value` undefined means it is set but its value cannot be known (a platform ARG). */
export interface ScopeValue {
  value?: string;
}

export interface Scope {
  /** Variables that are set, with their values where known. */
  values: Map<string, ScopeValue>;
  /** Names declared by an ARG before the first FROM (with or without a default). */
  declared: Set<string>;
  /** Names declared before the first FROM with a default value. */
  withDefault: Set<string>;
  /** Treat unset variables as unknown rather than as the empty string BuildKit substitutes. */
  unsetIsUnknown: boolean;
}

export interface VariableUse {
  name: string;
  /** Offset of the `$` in the text given to expandWord. */
  offset: number;
}

export interface Expansion {
  /** The expanded text; meaningless when `known` is false. */
  value: string;
  /** False when the result depends on a value that is not known. */
  known: boolean;
  /** Variables that were set, by name. */
  matched: Set<string>;
  /** Variables that were not set, each with its first use. */
  unmatched: VariableUse[];
  /** BuildKit's error for malformed text (bad substitution, unterminated quote). */
  error?: string;
}

class ExpansionError extends Error {}

class Lexer {
  pos = 0;
  known = true;
  readonly matched = new Set<string>();
  readonly unmatched = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly scope: Scope,
    private readonly escape: string,
  ) {}

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  /** Skips a line continuation (escape, optional blanks, newline) at the current position; true when it did. */
  private continuation(): boolean {
    const m = /^[ \t]*\r?\n/.exec(this.text.slice(this.pos + 1));
    if (this.text[this.pos] !== this.escape || !m) return false;
    this.pos += 1 + m[0].length;
    return true;
  }

  run(stop?: string, rawEscapes = false): string {
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (stop !== undefined && ch === stop) {
        this.pos++;
        return out;
      }
      if (this.continuation()) continue;
      if (ch === '$') out += this.dollar();
      else if (ch === "'") out += this.single();
      else if (ch === '"') out += this.double();
      else {
        this.pos++;
        if (ch === this.escape) {
          if (rawEscapes) out += ch;
          if (this.pos >= this.text.length) break;
          out += this.text[this.pos++];
        } else out += ch;
      }
    }
    if (stop !== undefined) throw new ExpansionError(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  }

  private single(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined) throw new ExpansionError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return out;
      out += ch;
    }
  }

  private double(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new ExpansionError('unexpected end of statement while looking for matching double-quote');
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (this.continuation()) continue;
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      this.pos++;
      if (ch === this.escape) {
        const next = this.peek();
        if (next === undefined) continue;
        if (next === '"' || next === '$' || next === this.escape) {
          out += next;
          this.pos++;
          continue;
        }
      }
      out += ch;
    }
  }

  private name(): string {
    const rest = this.text.slice(this.pos);
    const m = /^\p{Nd}+/u.exec(rest) ?? /^[@*#?\-$!0]/.exec(rest) ?? /^[\p{L}\p{Nd}_]*/u.exec(rest)!;
    this.pos += m[0].length;
    return m[0];
  }

  /** The value of a variable: set (value undefined when unknown) or not. */
  private lookup(name: string, offset: number): { set: boolean; value?: string } {
    const v = this.scope.values.get(name);
    if (v) {
      this.matched.add(name);
      return { set: true, value: v.value };
    }
    if (!this.unmatched.has(name)) this.unmatched.set(name, offset);
    return { set: false, value: this.scope.unsetIsUnknown ? undefined : '' };
  }

  private use(value: string | undefined): string {
    if (value === undefined) this.known = false;
    return value ?? '';
  }

  private dollar(): string {
    const start = this.pos++;
    if (this.peek() !== '{') {
      const name = this.name();
      if (name === '') return '$';
      return this.use(this.lookup(name, start).value);
    }
    this.pos++;
    const first = this.peek();
    if (first === undefined) throw new ExpansionError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ExpansionError('syntax error: bad substitution');
    const name = this.name();
    let op = this.text[this.pos++];
    if (op === '}') return this.use(this.lookup(name, start).value);
    let nullIsUnset = false;
    if (op === ':') {
      nullIsUnset = true;
      op = this.text[this.pos++];
    }
    if (op === '-' || op === '+' || op === '?' || op === '#' || op === '%') {
      const knownBefore = this.known;
      this.known = true;
      const word = this.run('}', op === '#' || op === '%');
      const wordKnown = this.known;
      this.known = knownBefore;
      const { set, value } = this.lookup(name, start);
      const empty = value === undefined ? undefined : value === '';
      const absent = !set ? true : nullIsUnset ? empty : false;
      if (op === '-' || op === '+' || op === '?') {
        if (absent === undefined) return this.use(undefined);
        if (op === '-') return absent ? (wordKnown ? word : this.use(undefined)) : this.use(value);
        if (op === '+') return absent ? '' : wordKnown ? word : this.use(undefined);
        if (absent) throw new ExpansionError(`${name}: ${word || (set ? 'is not allowed to be empty' : 'is not allowed to be unset')}`);
        return this.use(value);
      }
      if (value === undefined || !wordKnown) return this.use(undefined);
      const greedy = word.startsWith(op);
      const pattern = greedy ? word.slice(1) : word;
      return op === '#' ? trimPattern(value, pattern, greedy, true) : trimPattern(value, pattern, greedy, false);
    }
    if (op === '/') {
      const all = this.peek() === '/';
      if (all) this.pos++;
      const knownBefore = this.known;
      this.known = true;
      const pattern = this.run('/', true);
      const replacement = this.run('}', true);
      const partsKnown = this.known;
      this.known = knownBefore;
      const { value } = this.lookup(name, start);
      if (value === undefined || !partsKnown) return this.use(undefined);
      const re = new RegExp(globToRegex(pattern, true), all ? 'g' : '');
      return value.replace(re, () => replacement);
    }
    throw new ExpansionError(`unsupported modifier (${op ?? ''}) in substitution`);
  }
}

function globToRegex(pattern: string, greedy: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') out += greedy ? '.*' : '.*?';
    else if (ch === '?') out += '.';
    else if (ch === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

function trimPattern(value: string, pattern: string, greedy: boolean, prefix: boolean): string {
  if (prefix) {
    const m = new RegExp(`^${globToRegex(pattern, greedy)}`).exec(value);
    return m ? value.slice(m[0].length) : value;
  }
  // Shortest suffix: try the latest start first; longest: the earliest.
  const re = new RegExp(`^${globToRegex(pattern, true)}$`);
  const starts = [...Array(value.length + 1).keys()];
  for (const start of greedy ? starts : starts.reverse()) if (re.test(value.slice(start))) return value.slice(0, start);
  return value;
}

/** Expands a word as BuildKit does for FROM (quotes removed, variables substituted from `scope`). */
export function expandWord(text: string, scope: Scope, escape = '\\'): Expansion {
  const lexer = new Lexer(text, scope, escape);
  let value = '';
  let error: string | undefined;
  try {
    value = lexer.run();
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    error = e.message;
  }
  const unmatched = [...lexer.unmatched].map(([name, offset]) => ({ name, offset }));
  return { value, known: lexer.known && error === undefined, matched: lexer.matched, unmatched, ...(error !== undefined ? { error } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------------
// The global scope of a Dockerfile and the FROM lines that read it

/** Values for the platform ARGs, to evaluate a FROM as a build on that platform would. */
export interface Platform {
  os: string;
  arch: string;
  variant: string;
}

export const AMD64: Platform = { os: 'linux', arch: 'amd64', variant: '' };
export const ARMV7: Platform = { os: 'linux', arch: 'arm', variant: 'v7' };

/** The escape character of a Dockerfile (`# escape=` directive). */
export function escapeChar(df: DockerfileModel): string {
  return (df.ast as unknown as { getEscapeCharacter?: () => string }).getEscapeCharacter?.() || '\\';
}

/** The text of a dockerfile-ast range, as written (line continuations included). */
export function textOf(df: DockerfileModel, range: AstRange): string {
  return df.text.slice(offsetOf(df, range.start), offsetOf(df, range.end));
}

export function offsetOf(df: DockerfileModel, position: AstRange['start']): number {
  return df.lines.offset(position.line + 1, position.character + 1);
}

/**
 * A source reference to `length` characters at a character offset of the Dockerfile text (any line of a multi-line
 * instruction), through `df.ref` so that an inline Dockerfile points into its compose file.
 */
export function refAtOffset(df: DockerfileModel, offset: number, length = 1): SourceRef {
  const start = df.lines.position(offset);
  const end = df.lines.position(offset + Math.max(1, length));
  if (end.line !== start.line) return df.ref({ start: { line: start.line - 1, character: start.column - 1 }, end: { line: start.line - 1, character: start.column } });
  return df.ref({ start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } });
}

/** The ARG instructions before the first FROM. */
export function globalArgInstructions(df: DockerfileModel): Instruction[] {
  const out: Instruction[] = [];
  for (const instruction of df.ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') break;
    if (keyword === 'ARG') out.push(instruction);
  }
  return out;
}

interface ArgProperty {
  getName(): string;
  getValue(): string | null;
  getValueRange(): AstRange | null;
}

/**
 * The global scope FROM lines see: the platform ARGs (with the values of `platform`, or unknown), then each ARG
 * before the first FROM in order, its default expanded with what came before (BuildKit's meta args). An ARG without
 * a default declares the name but sets nothing (an earlier value, such as a platform ARG's, is kept).
 */
export function globalScope(df: DockerfileModel, options: { platform?: Platform; unsetIsUnknown?: boolean } = {}): Scope {
  // Asked for by most FROM rules for each Dockerfile: worked out once per Dockerfile and options, and shared (read only).
  const { platform } = options;
  const key = platform ? `${platform.os}/${platform.arch}/${platform.variant}|${options.unsetIsUnknown ?? false}` : options.unsetIsUnknown ? 'unset' : '';
  let byOptions = scopes.get(df);
  if (!byOptions) scopes.set(df, (byOptions = new Map()));
  let scope = byOptions.get(key);
  if (!scope) byOptions.set(key, (scope = computeGlobalScope(df, platform, options.unsetIsUnknown ?? false)));
  return scope;
}

const scopes = new WeakMap<DockerfileModel, Map<string, Scope>>();

function computeGlobalScope(df: DockerfileModel, platform: Platform | undefined, unsetIsUnknown: boolean): Scope {
  const values = new Map<string, ScopeValue>();
  const target = df.stages[df.stages.length - 1]?.name ?? '';
  const platformValues: Record<(typeof PLATFORM_ARGS)[number], string> | undefined = platform && {
    BUILDPLATFORM: [platform.os, platform.arch, platform.variant].filter(Boolean).join('/'),
    BUILDOS: platform.os,
    BUILDOSVERSION: '',
    BUILDARCH: platform.arch,
    BUILDVARIANT: platform.variant,
    TARGETPLATFORM: [platform.os, platform.arch, platform.variant].filter(Boolean).join('/'),
    TARGETOS: platform.os,
    TARGETOSVERSION: '',
    TARGETARCH: platform.arch,
    TARGETVARIANT: platform.variant,
    TARGETSTAGE: target,
  };
  for (const name of PLATFORM_ARGS) values.set(name, { value: platformValues?.[name] });
  const scope: Scope = { values, declared: new Set(), withDefault: new Set(), unsetIsUnknown };
  const escape = escapeChar(df);
  for (const instruction of globalArgInstructions(df)) {
    for (const p of (instruction as unknown as { getProperties(): ArgProperty[] }).getProperties()) {
      const name = p.getName();
      scope.declared.add(name);
      const range = p.getValueRange();
      if (p.getValue() === null || !range) continue;
      scope.withDefault.add(name);
      const expansion = expandWord(textOf(df, range), scope, escape);
      values.set(name, expansion.known ? { value: expansion.value } : {});
    }
  }
  return scope;
}

export interface FromWord {
  /** The text as written. */
  raw: string;
  /** Offset of the text in the file. */
  offset: number;
  range: AstRange;
}

/** The image argument of a FROM, as written. */
export function fromImageWord(df: DockerfileModel, from: From): FromWord | undefined {
  const range = from.getImageRange();
  if (!range) return undefined;
  return { raw: textOf(df, range), offset: offsetOf(df, range.start), range };
}

/** The value of FROM --platform, as written (undefined without the flag or without `=value`). */
export function platformWord(df: DockerfileModel, from: From): FromWord | undefined {
  const range = from.getPlatformFlag()?.getValueRange();
  if (!range) return undefined;
  return { raw: textOf(df, range), offset: offsetOf(df, range.start), range };
}

/**
 * The image a stage's FROM names, with global ARG defaults substituted. `value` is undefined when it depends on an ARG
 * without a default, a platform ARG or an undeclared variable: the rules do not guess.
 */
export function resolvedImage(df: DockerfileModel, stage: Stage, scope = globalScope(df, { unsetIsUnknown: true })): (FromWord & { value?: string }) | undefined {
  // Several rules resolve each stage with the same (shared) scope: resolved once, and the result shared (read only).
  let byStage = resolvedImages.get(scope);
  if (!byStage) resolvedImages.set(scope, (byStage = new WeakMap()));
  if (byStage.has(stage)) return byStage.get(stage);
  const word = fromImageWord(df, stage.from);
  let image: (FromWord & { value?: string }) | undefined;
  if (word) {
    const expansion = expandWord(word.raw, scope, escapeChar(df));
    image = { raw: word.raw, offset: word.offset, range: word.range, value: expansion.known && expansion.value !== '' ? expansion.value : undefined };
  }
  byStage.set(stage, image);
  return image;
}

const resolvedImages = new WeakMap<Scope, WeakMap<Stage, (FromWord & { value?: string }) | undefined>>();

/** The earlier stage a name refers to (BuildKit compares stage names case-insensitively). */
export function earlierStage(df: DockerfileModel, stage: Stage, name: string): Stage | undefined {
  const lower = name.toLowerCase();
  return df.stages.slice(0, stage.index).find((s) => s.name === lower);
}

/** Removes the quotes of a flag value the way BuildKit reads flags (`--from="build"` is `build`). */
export function unquote(value: string): string {
  let out = '';
  let quote: string | undefined;
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else out += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else out += ch;
  }
  return out;
}


// ---------------------------------------------------------------------------------------------------------------------
// Platforms (containerd's platforms.Parse, as BuildKit reads FROM --platform)

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32',
  'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);

function normalizeOS(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string): string {
  const lower = arch.toLowerCase();
  if (lower === 'i386') return '386';
  if (lower === 'x86_64' || lower === 'x86-64') return 'amd64';
  if (lower === 'aarch64') return 'arm64';
  if (lower === 'armhf' || lower === 'armel') return 'arm';
  return lower;
}

/**
 * Reads a platform specifier (`linux/amd64`, `linux/arm/v7`, `linux`, `arm64`) into its OS and architecture, or
 * undefined when containerd would reject it. A lone OS leaves the architecture to the builder (undefined here); a lone
 * architecture means Linux.
 */
export function parsePlatform(spec: string): { os: string; arch?: string } | undefined {
  const parts = spec.split('/');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return undefined;
  if (parts.length === 1) {
    const os = normalizeOS(parts[0]!);
    if (KNOWN_OS.has(os)) return { os };
    const arch = normalizeArch(parts[0]!);
    return KNOWN_ARCH.has(arch) ? { os: 'linux', arch } : undefined;
  }
  return { os: normalizeOS(parts[0]!), arch: normalizeArch(parts[1]!) };
}

interface FlagLike {
  getName(): string;
  getValue(): string | null;
  getRange(): AstRange;
  getValueRange(): AstRange | null;
}

/** The `--from` flag of a COPY, wherever it stands among the flags (dockerfile-ast's getFromFlag only sees the first). */
export function copyFromFlag(instruction: Instruction): FlagLike | undefined {
  const flags = (instruction as unknown as { getFlags?: () => FlagLike[] }).getFlags?.() ?? [];
  return flags.find((f) => f.getName() === 'from');
}
