// A parser for the YAML compose files commonly are: block mappings (plain or quoted keys) and sequences, plain, quoted
// and `|`/`>` block scalars, one-line flow collections (`["CMD", "true"]`, `{ a: 1 }`), anchors on values, aliases and
// `<<` merge keys, comments, blank lines and a leading `---`. It builds the `yaml` package's own nodes (Document,
// YAMLMap, YAMLSeq, Pair, Scalar, Alias) exactly as `parseAllDocuments` with compose.ts's options would: same classes,
// values, types, sources, ranges (including the CST's rules for which blank and comment lines end a node), anchors and
// flow flags. src/parse/yaml-fast.test.ts compares the two on every YAML file of the fixtures and the corpus and on
// mutations of them. It answers undefined for anything else (tags, directives, several documents, `? ` keys, tabs,
// CR, multi-line flow collections, anything yaml would report as an error or a warning), and yaml then parses the text.
// yaml's lexer, CST and composer were the largest single cost of a compose run (300-440 ms cold over the 318 compose
// files of the corpus).
//
// Not reproduced: comments (`comment`, `commentBefore`) and `spaceBefore`. Nothing reads them (suppressions and rules
// read comments from the text); in yaml they serve to print a document back out.
import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isScalar } from './yaml-guards.js';

/** Thrown (and caught below) when the text leaves the subset; `reason` says where, for the tests. */
class Outside {
  constructor(readonly reason: string) {}
}
function outside(reason: string): never {
  throw new Outside(reason);
}
/** What a schema tag reports while resolving a scalar (the core schema's never do). */
const tagError = (message: string) => outside(`tag: ${message}`);

/** Characters the subset never holds: tabs (indentation rules), CR, BOM, other control characters. */
const UNSUPPORTED = /[\0-\x08\t\v\f\r\x0e-\x1f\x7f\uFEFF]/;

/** The parse of `text`, as `parseAllDocuments(text, options)` gives it; undefined when yaml itself must parse it. */
export function parseYamlFast(text: string, options: object): Document[] | undefined {
  const result = tryParse(text, options);
  return result instanceof Outside ? undefined : result;
}

/** Why the fast path leaves `text` to yaml, or undefined when it takes it (for the tests). */
export function fastYamlBail(text: string, options: object): string | undefined {
  const result = tryParse(text, options);
  return result instanceof Outside ? result.reason : undefined;
}

function tryParse(text: string, options: object): Document[] | Outside {
  if (UNSUPPORTED.test(text)) return new Outside('unsupported character');
  try {
    return [new FastYaml(text, options).document()];
  } catch (e) {
    if (e instanceof Outside) return e;
    // A bug here must not stop the run: yaml parses the text instead.
    return new Outside(`internal: ${(e as Error)?.message}`);
  }
}

// yaml's Directives class is not exported; a Document made without options holds one.
let DirectivesClass: (new (yaml?: { version: string }) => object) | undefined;
const SCALAR_TAG = Symbol.for('yaml.scalar');

interface ScalarTag {
  default?: boolean | 'key';
  format?: string;
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

type Node = Scalar | Alias | YAMLMap | YAMLSeq;
type Range = [number, number, number];

const isEmpty = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n';
const isFlowIndicator = (ch: string | undefined) => ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}';
const isAnchorChar = (ch: string | undefined) => !isEmpty(ch) && !isFlowIndicator(ch);
/** First characters of the plain scalars the core schema may resolve to something other than a string. */
const MAYBE_NOT_STRING = '-+.0123456789nNtTfF~<';
/** Collections nested deeper than this are left to yaml (compose.ts bounds the nesting at 200 before parsing). */
const MAX_DEPTH = 100;

/**
 * The next occurrence of `pattern` at or after an offset, remembered: the parser asks at increasing offsets, so each
 * search resumes where the last one found its answer instead of scanning the rest of the text again.
 */
class Finder {
  private from = 0;
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly pattern: string,
  ) {}

  find(p: number): number {
    if (this.at === -2 || p < this.from || (this.at !== -1 && p > this.at)) {
      this.from = p;
      this.at = this.text.indexOf(this.pattern, p);
    }
    return this.at === -1 ? Infinity : this.at;
  }
}

class FastYaml {
  private readonly doc: Document;
  private readonly tags: ScalarTag[];
  private readonly stringTag: ScalarTag;
  private readonly options: object;
  private readonly n: number;
  private depth = 0;
  /** The next content line, set by scanTrivia: its column and its first character's offset (-1: the text ended). */
  private nextK = 0;
  private nextC = -1;
  /**
   * The blank and comment lines left after the last value, up to the next content line's first character (its
   * indentation included), set by scanTrivia: their end (-1: none) and their deepest comment's column (-1: none).
   * yaml's CST keeps them in the innermost collection, and hands them up to the parent while none of their comments
   * is indented as deep as that collection (or it is at column 0); where they stay, they end the collection's range.
   */
  private restEnd = -1;
  private restComment = -1;
  /** Set by scanTrivia: the blank and comment lines it read (their starts; a comment's column, or -1 when blank). */
  private readonly triviaStart: number[] = [];
  private readonly triviaComment: number[] = [];
  private triviaCount = 0;
  /** Set by scanTrivia: the lowest indentNext yaml's lexer set on the lines it read (see there). */
  private lowestIndent = Infinity;
  // where a plain scalar in block context stops: `: `, `:` at a line's end, ` #`
  private readonly colonSpace: Finder;
  private readonly colonBreak: Finder;
  private readonly spaceHash: Finder;

  constructor(
    private readonly text: string,
    options: object,
  ) {
    this.n = text.length;
    this.colonSpace = new Finder(text, ': ');
    this.colonBreak = new Finder(text, ':\n');
    this.spaceHash = new Finder(text, ' #');
    DirectivesClass ??= new Document().directives!.constructor as new (yaml?: { version: string }) => object;
    // As yaml's Composer makes each document: the stream's directives, the caller's options.
    const directives = new DirectivesClass({ version: '1.2' });
    this.doc = new Document(undefined, Object.assign({ _directives: directives }, options) as never);
    this.options = this.doc.options;
    this.tags = this.doc.schema.tags as unknown as ScalarTag[];
    this.stringTag = (this.doc.schema as unknown as Record<symbol, ScalarTag>)[SCALAR_TAG]!;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Document and block collections
  // ---------------------------------------------------------------------------------------------------------------

  document(): Document {
    const { text } = this;
    let docStart = -1;
    let p = 0;
    // The prelude: blank and comment lines, and at most one `---` line.
    for (;;) {
      let q = p;
      while (text[q] === ' ') q++;
      const ch = text[q];
      if (ch === undefined) outside('no content');
      if (ch === '\n' || ch === '#') {
        p = this.lineEnd(q);
        continue;
      }
      if (q === p && this.marker(p)) {
        if (text[p] !== '-' || docStart >= 0) outside('document marker');
        docStart = p;
        p = this.restOfLine(p + 3);
        continue;
      }
      if (q !== p) outside('indented root');
      break;
    }
    const root = this.blockCollection(0, p);
    if (this.nextC >= 0) outside('content after the root collection');
    const doc = this.doc;
    if (docStart >= 0) doc.directives!.docStart = true;
    doc.contents = root as never;
    const contentEnd = root.range![2];
    // The rest reaches the document (the root is in column 0), whose range it ends.
    (doc as { range?: Range }).range = [docStart >= 0 ? docStart : p, contentEnd, this.restEnd >= 0 ? this.restEnd : contentEnd];
    return doc;
  }

  /** Whether a `---` or `...` marker starts at line start `p`. */
  private marker(p: number): boolean {
    const { text } = this;
    const c = text[p];
    return (c === '-' || c === '.') && text[p + 1] === c && text[p + 2] === c && isEmpty(text[p + 3]);
  }

  private isDash(p: number): boolean {
    return this.text[p] === '-' && isEmpty(this.text[p + 1]);
  }

  /**
   * The block mapping or sequence whose first key or `-` is at `at`, in column `col`, up to the next line that is not
   * part of it; then whether the rest stays in it (see restEnd).
   */
  private blockCollection(col: number, at: number): YAMLMap | YAMLSeq {
    if (++this.depth > MAX_DEPTH) outside('deep');
    const node = this.isDash(at) ? this.blockSeq(col, at) : this.blockMap(col, at);
    this.depth--;
    if (this.restEnd >= 0 && col > 0 && this.restComment >= col) {
      node.range![2] = this.restEnd;
      this.restEnd = -1;
    }
    return node;
  }

  private blockMap(t: number, keyAt: number): YAMLMap {
    const { text } = this;
    const map = new YAMLMap(this.doc.schema);
    let value: Node;
    for (let at = keyAt; ; ) {
      const colon = this.keyColon(at);
      if (colon < 0) outside('not a key');
      const key = this.key(at, colon);
      let q = colon + 1;
      while (text[q] === ' ') q++;
      const ch = text[q];
      if (ch === undefined || ch === '\n' || ch === '#') {
        this.scanTrivia(this.lineEnd(q), t, undefined);
        const k = this.nextK;
        const c = this.nextC;
        // a sequence may be a mapping value in the mapping's own column
        if (c >= 0 && (k > t || (k === t && this.isDash(c)))) value = this.nodeOnOwnLine(c, k, t + 1, t, true);
        else value = this.emptyValue(q, ch === '#', t, c >= 0 && k === t);
      } else {
        value = this.inlineValue(q, t + 1, t, true);
      }
      map.items.push(new Pair(key, value));
      const k = this.nextK;
      const c = this.nextC;
      if (c < 0 || k < t) break;
      if (k > t) outside('indented line after a mapping value');
      if (this.isDash(c)) outside('sequence entry after a mapping value');
      if (t === 0 && this.marker(c)) outside('document marker');
      at = c;
    }
    const end = value.range![2];
    map.range = [keyAt, end, end];
    return map;
  }

  private blockSeq(t: number, dashAt: number): YAMLSeq {
    const { text } = this;
    const seq = new YAMLSeq(this.doc.schema);
    let value: Node;
    for (let dash = dashAt; ; ) {
      let q = dash + 1;
      while (text[q] === ' ') q++;
      const ch = text[q];
      if (ch === undefined || ch === '\n' || ch === '#') {
        // the blank and comment lines before the `-` are this entry's too (yaml's CST: its start)
        const restComment = dash !== dashAt && this.restEnd >= 0 && this.restComment >= 0;
        this.scanTrivia(this.lineEnd(q), t, undefined);
        const k = this.nextK;
        const c = this.nextC;
        if (c >= 0 && k > t) value = this.nodeOnOwnLine(c, k, t + 1, t, false);
        else value = this.emptyValue(q, ch === '#' || restComment, t, false);
      } else if (this.isDash(q)) {
        outside('nested sequence on one line');
      } else if (this.keyColon(q) >= 0) {
        // `- key: value`: a mapping in the column of its first key
        value = this.blockCollection(q - (dash - t), q);
      } else {
        value = this.inlineValue(q, t + 1, t, false);
      }
      seq.items.push(value);
      const k = this.nextK;
      const c = this.nextC;
      if (c < 0 || k < t) break;
      if (k > t) outside('indented line after a sequence entry');
      if (!this.isDash(c)) break; // the mapping this sequence is a value of goes on
      dash = c;
    }
    const end = value.range![2];
    seq.range = [dashAt, end, end];
    return seq;
  }

  /**
   * A mapping's or sequence entry's value that starts on a line of its own at `c` (column `k`), after the line of its
   * key or `-`: a nested collection, or a scalar, flow collection or alias.
   */
  private nodeOnOwnLine(c: number, k: number, indentNext: number, t: number, inMap: boolean): Node {
    if (this.isDash(c) || this.keyColon(c) >= 0) return this.blockCollection(k, c);
    // like a value on the key's line, but the lines since may have lowered the lexer's indentNext
    return this.inlineValue(c, Math.min(indentNext, this.lowestIndent), t, inMap);
  }

  /**
   * The empty (null) value of `key:` or `-` with nothing after it but a comment, the trivia lines after it just read.
   * yaml places it after the indicator's spaces; when a comment belongs to it, its range ends where the separator's
   * tokens do: at the next content (the following lines and the next line's indentation are all separator), or, when
   * the next key of the same mapping follows (`split`), at the end of the line after the last comment indented
   * deeper than the mapping (the key line when there is none; the lines after it go to the next key).
   */
  private emptyValue(p: number, lineComment: boolean, t: number, split: boolean): Scalar {
    const node = this.plainScalar('', p, p, false);
    const count = this.triviaCount;
    let splitAt = -1; // with `split`: the line whose line break ends what stays with the value
    if (split) {
      let reset = 0;
      for (let i = 0; i < count; i++) if (this.triviaComment[i]! > t) reset = i + 1;
      if (reset < count) splitAt = reset;
    }
    const kept = splitAt >= 0 ? splitAt + 1 : count;
    let comment = lineComment;
    for (let i = 0; i < kept && !comment; i++) comment = this.triviaComment[i]! >= 0;
    if (comment) node.range![2] = splitAt >= 0 ? this.lineEnd(this.triviaStart[splitAt]!) - 1 : this.nextC >= 0 ? this.nextC : this.n;
    this.restEnd = -1; // the lines went to the value's separator
    return node;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Keys and values on a line
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * The offset of the `:` that makes the content at `p` an implicit key on this line, or -1. A plain key runs to the
   * first `: ` (or `:` at the end of the line) before a ` #`; a quoted one is followed by spaces and `:`.
   */
  private keyColon(p: number): number {
    const { text } = this;
    const ch = text[p];
    if (ch === '"' || ch === "'") {
      const close = this.quoteEnd(p, false, -1);
      if (close < 0) return -1;
      let q = close + 1;
      while (text[q] === ' ') q++;
      return text[q] === ':' && isEmpty(text[q + 1]) ? q : -1;
    }
    if (!this.plainStart(p, false)) return -1;
    const colon = this.colonAfter(p);
    return colon < this.lineBreak(p) && colon < this.spaceHash.find(p) ? colon : -1;
  }

  /** The first `:` at or after `p` followed by a space, a line break or the end. */
  private colonAfter(p: number): number {
    const { text, n } = this;
    const colon = Math.min(this.colonSpace.find(p), this.colonBreak.find(p));
    return colon === Infinity && n > p && text[n - 1] === ':' ? n - 1 : colon;
  }

  private key(p: number, colon: number): Scalar {
    const { text } = this;
    // yaml: "The : indicator must be at most 1024 chars after the start of an implicit block mapping key"
    if (colon - p > 1000) outside('long key');
    const ch = text[p];
    if (ch === '"' || ch === "'") return this.quotedScalar(p, this.quoteEnd(p, true, -1) + 1);
    let end = colon;
    while (text[end - 1] === ' ') end--;
    return this.plainScalar(text.slice(p, end), p, end, true);
  }

  /**
   * A value that starts at `p` on the line of its key or `-` (or on a line of its own), with what follows it on its
   * line; then the blank and comment lines after it. `indentNext` is the column continuation lines of a plain or
   * quoted scalar need (yaml's lexer's indentNext); `t` the column of the collection the value is in.
   */
  private inlineValue(p: number, indentNext: number, t: number, inMap: boolean): Node {
    const { text } = this;
    let anchor: string | undefined;
    let at = p;
    if (text[at] === '&') {
      let q = at + 1;
      while (isAnchorChar(text[q])) q++;
      anchor = text.slice(at + 1, q);
      if (anchor === '' || anchor.endsWith(':')) outside('odd anchor');
      if (!isEmpty(text[q])) outside('anchor not followed by a space');
      while (text[q] === ' ') q++;
      at = q;
      const ch = text[at];
      if (ch === undefined || ch === '\n' || ch === '#') {
        // `key: &name` and the collection on the next lines
        this.scanTrivia(this.lineEnd(at), t, undefined);
        const k = this.nextK;
        const c = this.nextC;
        if (c < 0 || !(k > t || (inMap && k === t && this.isDash(c)))) outside('anchor on an empty value');
        if (!(this.isDash(c) || this.keyColon(c) >= 0)) outside('anchor before a scalar on its own line');
        const nested = this.blockCollection(k, c);
        nested.anchor = anchor;
        return nested;
      }
      if (ch === '&' || ch === '*' || ch === '!') outside('props');
    }
    let node: Node;
    let end: number; // where the value's own text ends
    switch (text[at]) {
      case '"':
      case "'":
        end = this.quoteEnd(at, true, indentNext) + 1;
        node = this.quotedScalar(at, end);
        break;
      case '[':
      case '{':
        node = this.flowCollection(at, indentNext, true);
        end = node.range![1];
        break;
      case '*':
        if (anchor !== undefined) outside('anchor on an alias');
        node = this.alias(at);
        end = node.range![1];
        break;
      case '|':
      case '>': {
        // It ends with its last line and takes no comment lines after it (yaml's CST: no `end` tokens).
        const block = this.blockScalar(at, indentNext, t);
        if (anchor !== undefined) block.anchor = anchor;
        this.scanTrivia(block.range![2], t, undefined);
        return block;
      }
      default:
        if (!this.plainStart(at, false)) outside('not a plain scalar');
        end = this.plainEnd(at, indentNext);
        node = this.plainScalar(unfoldLines(text.slice(at, end)), at, end, false);
    }
    if (anchor !== undefined) node.anchor = anchor;
    const lineEnd = this.restOfLine(end);
    node.range![2] = lineEnd;
    this.scanTrivia(lineEnd, t, node);
    return node;
  }

  /** Whether a plain scalar may start at `p` (yaml: neither an indicator nor a character it reports). */
  private plainStart(p: number, inFlow: boolean): boolean {
    const { text } = this;
    const ch = text[p];
    switch (ch) {
      case undefined:
      case '\n':
      case ' ':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case "'":
      case '"':
      case '%':
      case '@':
      case '`':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
        return false;
      case '-':
      case '?':
      case ':':
        // an indicator when a space (or in a flow collection, a flow indicator) follows
        return !isEmpty(text[p + 1]) && !(inFlow && isFlowIndicator(text[p + 1]));
    }
    return true;
  }

  /**
   * The end of a plain scalar in block context that starts at `p`: yaml's lexer's parsePlainScalar, a line at a time.
   * It stops at `: `, at ` #`, or at a line break not followed by a line indented at least `indentNext` (blank lines
   * between are part of it); its end is after its last non-space character.
   */
  private plainEnd(p: number, indentNext: number): number {
    const { text, n } = this;
    let end = p;
    for (let s = p; ; ) {
      const e = this.lineBreak(s);
      const stop = Math.min(this.colonAfter(s), this.spaceHash.find(s), e);
      let j = stop;
      while (j > s && text[j - 1] === ' ') j--;
      if (j > s) end = j;
      if (stop < e || e === n) return end;
      // at a line break: the next line that is not blank goes on with the scalar if it is indented enough
      let q = e;
      for (;;) {
        if (text[q + 1] === '#') return end;
        const cs = this.continueScalar(q + 1, indentNext);
        if (cs === -1 || cs >= n) return end;
        if (text[cs] !== '\n') break;
        q = cs;
      }
      s = q + 1;
      while (text[s] === ' ') s++;
      if (text[s] === '#') return end;
    }
  }

  /** yaml's lexer's parsePlainScalar in a flow collection (which this parser keeps on one line). */
  private flowPlainEnd(p: number): number {
    const { text } = this;
    let end = p - 1;
    let i = p - 1;
    let ch: string | undefined;
    while ((ch = text[++i]) !== undefined) {
      if (ch === ':') {
        const next = text[i + 1];
        if (isEmpty(next) || isFlowIndicator(next)) break;
        end = i;
      } else if (ch === ' ' || ch === '\n') {
        const next = text[i + 1];
        if (next === '#' || isFlowIndicator(next) || ch === '\n') break;
      } else {
        if (isFlowIndicator(ch)) break;
        end = i;
      }
    }
    return end + 1;
  }

  /** yaml's lexer's continueScalar: where the line at `offset` goes on with a scalar, or -1. */
  private continueScalar(offset: number, indentNext: number): number {
    const { text } = this;
    if (indentNext <= 0) return this.marker(offset) ? -1 : offset;
    let indent = 0;
    let ch = text[offset];
    while (ch === ' ') ch = text[++indent + offset];
    return ch === '\n' || indent >= indentNext ? offset + indent : -1;
  }

  /**
   * The offset of the quote that closes the quoted scalar at `p` (yaml's lexer's parseQuotedScalar): -1, or outside
   * the subset when `strict`, if it is not closed or a line inside it is not indented `indentNext` deep (a negative
   * `indentNext`: it must be on one line, as keys and flow collection items here).
   */
  private quoteEnd(p: number, strict: boolean, indentNext: number): number {
    const { text } = this;
    const quote = text[p]!;
    let end = text.indexOf(quote, p + 1);
    if (quote === "'") {
      while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (text[end - 1 - n] === '\\') n++;
        if (n % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
    }
    if (end === -1) return strict ? outside('unclosed quote') : -1;
    let nl = this.lineBreak(p);
    if (nl < end) {
      if (indentNext < 0) return strict ? outside('quoted key or flow item on several lines') : -1;
      while (nl < end) {
        const cs = this.continueScalar(nl + 1, indentNext);
        if (cs === -1) outside('quoted scalar not indented');
        nl = this.lineBreak(cs);
      }
    }
    return end;
  }

  private alias(p: number): Alias {
    const { text } = this;
    let q = p + 1;
    while (isAnchorChar(text[q])) q++;
    const name = text.slice(p + 1, q);
    if (name === '' || name.endsWith(':')) outside('odd alias');
    const alias = new Alias(name);
    alias.range = [p, q, q];
    return alias;
  }

  /** Spaces, a comment after at least one space, and the line's end: the offset after it, or outside the subset. */
  private restOfLine(p: number): number {
    const { text } = this;
    let q = p;
    while (text[q] === ' ') q++;
    const ch = text[q];
    if (ch === '#' && q > p) return this.lineEnd(q);
    if (ch === '\n') return q + 1;
    if (ch === undefined) return q;
    return outside('text after a value');
  }

  /** The offset of the line break that ends the line `p` is on, or the text's length. */
  private lineBreak(p: number): number {
    const nl = this.text.indexOf('\n', p);
    return nl === -1 ? this.n : nl;
  }

  /** The offset after the end of the line `p` is on. */
  private lineEnd(p: number): number {
    const nl = this.text.indexOf('\n', p);
    return nl === -1 ? this.n : nl + 1;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scalars and flow collections
  // ---------------------------------------------------------------------------------------------------------------

  /** A plain scalar with the (unfolded) text `value`, resolved with the document's schema as yaml's composeScalar does. */
  private plainScalar(value: string, start: number, end: number, atKey: boolean): Scalar {
    const tag = this.plainTag(value, atKey);
    const resolved = tag.resolve(value, tagError, this.options);
    const node = isScalar(resolved) ? resolved : new Scalar(resolved);
    node.range = [start, end, end];
    node.source = value;
    node.type = 'PLAIN';
    if (tag.format) node.format = tag.format;
    return node;
  }

  /** yaml's findScalarTagByTest; most scalars cannot match a tag's test by their first character. */
  private plainTag(value: string, atKey: boolean): ScalarTag {
    if (value !== '' && !MAYBE_NOT_STRING.includes(value[0]!)) return this.stringTag;
    for (let i = 0; i < this.tags.length; i++) {
      const tag = this.tags[i]!;
      if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(value)) return tag;
    }
    return this.stringTag;
  }

  /** The quoted scalar from `p` to `end` (after its closing quote). */
  private quotedScalar(p: number, end: number): Scalar {
    const source = this.text.slice(p, end);
    const double = source[0] === '"';
    let value: string;
    if (!double) value = unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    else if (!source.includes('\\') && !source.includes('\n')) value = source.slice(1, -1);
    else value = doubleQuotedValue(source);
    const node = new Scalar(this.stringTag.resolve(value, tagError, this.options));
    node.range = [p, end, end];
    node.source = value;
    node.type = double ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return node;
  }

  /**
   * A flow collection from its bracket at `p`: scalars, aliases and flow collections separated by commas, `key: value`
   * pairs in braces. Only the outermost (`outer`) may span lines, and only after its bracket or a comma or before
   * its closing bracket, with comment lines between; its lines must be indented `indentNext` deep (the closing
   * bracket's one less), as yaml's lexer wants.
   */
  private flowCollection(p: number, indentNext: number, outer: boolean): YAMLMap | YAMLSeq {
    const { text } = this;
    if (++this.depth > MAX_DEPTH) outside('deep');
    const isMap = text[p] === '{';
    const close = isMap ? '}' : ']';
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    let q = this.flowSpace(p + 1, indentNext, outer);
    if (text[q] !== close) {
      for (;;) {
        const item = this.flowItem(q, isMap, indentNext);
        let last = item;
        if (isMap) {
          if (!isScalar(item)) outside('collection or alias as a key');
          q = item.range![1];
          while (text[q] === ' ') q++;
          if (text[q] !== ':' || text[q + 1] !== ' ') outside('flow mapping entry without ": "');
          q += 2;
          while (text[q] === ' ') q++;
          last = this.flowItem(q, false, indentNext);
          (coll as YAMLMap).items.push(new Pair(item, last));
        } else {
          (coll as YAMLSeq).items.push(item);
        }
        q = last.range![1];
        while (text[q] === ' ') q++;
        if (text[q] === '#' || text[q] === '\n') {
          // The collection goes on on the next lines: only its closing bracket may follow. yaml's CST gives a
          // mapping's value the rest of its line, a sequence's item everything up to the bracket.
          if (!outer || !(isScalar(last) || last instanceof Alias)) outside('flow collection item before a line break');
          if (text[q] === '#' && text[q - 1] !== ' ') outside('comment without space');
          if (isMap) {
            last.range![2] = this.lineEnd(q);
            // the next line starts an item of its own, where a comment needs a space before it
            if (text[last.range![2]] === '#') outside('comment without space');
          }
          q = this.flowSpace(q, indentNext, outer);
          if (text[q] !== close) outside('flow collection item before a line break');
          if (!isMap) last.range![2] = q;
          break;
        }
        last.range![2] = q;
        if (text[q] === ',') {
          q = this.flowSpace(q + 1, indentNext, outer);
          if (text[q] === close) break; // a trailing comma: yaml's CST makes an empty last item, which it allows
          continue;
        }
        if (text[q] === close) break;
        outside('odd flow collection');
      }
    }
    this.depth--;
    coll.range = [p, q + 1, q + 1];
    return coll;
  }

  /**
   * The next token of a flow collection from `p`: after spaces and, in the outermost (`multiLine`), comments and line
   * breaks; a line must be indented `indentNext` deep, or a closing bracket one less (yaml's lexer).
   */
  private flowSpace(p: number, indentNext: number, multiLine: boolean): number {
    const { text } = this;
    let q = p;
    for (;;) {
      while (text[q] === ' ') q++;
      const ch = text[q];
      if (ch === '#') {
        if (!multiLine || (text[q - 1] !== ' ' && text[q - 1] !== '\n')) outside('comment in a flow collection');
        q = this.lineBreak(q);
        continue;
      }
      if (ch !== '\n') return q;
      if (!multiLine) outside('flow collection on several lines');
      q++;
      let k = 0;
      while (text[q + k] === ' ') k++;
      const first = text[q + k];
      if (first === undefined) outside('unclosed flow collection');
      if (first !== '\n' && first !== '#') {
        if (k < indentNext && !(k === indentNext - 1 && (first === ']' || first === '}'))) outside('flow collection not indented');
        if (k === 0 && this.marker(q)) outside('document marker');
      }
    }
  }

  private flowItem(p: number, atKey: boolean, indentNext: number): Node {
    const { text } = this;
    const ch = text[p];
    if (ch === '"' || ch === "'") return this.quotedScalar(p, this.quoteEnd(p, true, -1) + 1);
    if (ch === '[' || ch === '{') return this.flowCollection(p, indentNext, false);
    if (ch === '*') return this.alias(p);
    if (!this.plainStart(p, true)) outside('not a plain scalar in a flow collection');
    const end = this.flowPlainEnd(p);
    return this.plainScalar(text.slice(p, end), p, end, atKey);
  }

  /**
   * The block scalar whose header is at `at`: yaml's lexer's parseBlockScalarHeader and parseBlockScalar find its
   * lines, its composer's resolveBlockScalar its value. `indentNext` is the lexer's (the column after its key's or
   * `-`), `t` the column of the collection it is in. `end` is after its last line.
   */
  private blockScalar(at: number, indentNext: number, t: number): Scalar {
    const { text, n } = this;
    let explicit = -1;
    let keep = false;
    let i = at;
    for (;;) {
      const ch = text[++i];
      if (ch === '+') keep = true;
      else if (ch !== undefined && ch > '0' && ch <= '9') explicit = Number(ch) - 1;
      else if (ch !== '-') break;
    }
    let headerEnd = at + 1;
    while (!isEmpty(text[headerEnd]) && text[headerEnd] !== '#') headerEnd++;
    // the composer's reading of the header: at most one chomping indicator and one indentation digit
    let chomp = '';
    let indent = 0;
    for (let h = at + 1; h < headerEnd; h++) {
      const ch = text[h]!;
      if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
      else if (!indent && Number(ch)) indent = Number(ch);
      else outside('block scalar header');
    }
    const start = this.restOfLine(headerEnd);
    // the lines: the first content line's indentation (or the explicit one) and all lines indented as deep, or blank
    let nl = start - 1;
    let lineIndent = 0;
    let ch: string | undefined;
    for (let j = start; (ch = text[j]) !== undefined; j++) {
      if (ch === ' ') lineIndent++;
      else if (ch === '\n') {
        nl = j;
        lineIndent = 0;
      } else break;
    }
    if (lineIndent >= indentNext) {
      const next = explicit === -1 ? lineIndent : explicit + (indentNext === 0 ? 1 : indentNext);
      do {
        const cs = this.continueScalar(nl + 1, next);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = n;
    }
    if (!keep) {
      // trailing blank lines that are not more indented are not part of it
      for (;;) {
        let j = nl - 1;
        let c = text[j];
        const lastChar = j;
        while (c === ' ') c = text[--j];
        if (c === '\n' && j >= start && j + 1 + lineIndent > lastChar) nl = j;
        else break;
      }
    }
    const source = text.slice(start, nl + 1);
    const end = start + source.length;
    const folded = text[at] === '>';
    const value = blockScalarValue(source, folded, chomp, indent, t);
    const node = new Scalar(this.stringTag.resolve(value, tagError, this.options));
    node.range = [at, end, end];
    node.source = value;
    node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    return node;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Blank and comment lines
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Reads the blank and comment lines from line start `p` up to the next content line, and sets nextK/nextC, the
   * rest (restEnd, restComment) and triviaStart/triviaComment (for emptyValue). After a value that ends with its line
   * (`absorb`), the comment lines indented deeper than its collection's column `t`, and the blank lines before them,
   * join the value's range (yaml's CST puts them in its `end`) until a comment that is not; the rest is what is left.
   */
  private scanTrivia(p: number, t: number, absorb: Node | undefined): void {
    const { text } = this;
    let cut = p;
    let blocked = !absorb;
    let maxComment = -1;
    let count = 0;
    let q = p;
    let k = 0;
    let c = -1;
    let lowest = Infinity;
    for (;;) {
      k = 0;
      while (text[q + k] === ' ') k++;
      const ch = text[q + k];
      if (ch === undefined) break;
      // yaml's lexer at each line start: indentNext drops to the line's indentation unless the character after its
      // first one is blank (for a blank line: the next line's first character)
      if (k < lowest && !isEmpty(text[q + k + 1])) lowest = k;
      if (ch !== '\n' && ch !== '#') {
        c = q + k;
        break;
      }
      this.triviaStart[count] = q;
      this.triviaComment[count++] = ch === '#' ? k : -1;
      if (ch === '\n') {
        q += k + 1;
        continue;
      }
      const e = this.lineEnd(q + k);
      if (!blocked && k > t) {
        cut = e;
      } else {
        blocked = true;
        if (k > maxComment) maxComment = k;
      }
      q = e;
    }
    this.triviaCount = count;
    this.lowestIndent = lowest;
    this.nextK = k;
    this.nextC = c;
    if (absorb && cut > p) absorb.range![2] = cut;
    const end = c >= 0 ? c : this.n;
    this.restEnd = end > cut ? end : -1;
    this.restComment = maxComment;
  }
}

// yaml's own value functions (compose/resolve-flow-scalar.js, compose/resolve-block-scalar.js), reporting nothing:
// what they would report leaves the subset.
// ---------------------------------------------------------------------------------------------------------------

const TRIM_END = /(?<![ \t])[ \t]+$/;
const TRIM_BOTH = /^[ \t]+|(?<![ \t])[ \t]+$/g;

/** A plain or single-quoted scalar's lines folded into one (yaml's unfoldLines). */
function unfoldLines(source: string): string {
  if (!source.includes('\n')) return source;
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source)!;
  let res = match[1]!.replace(TRIM_END, '');
  let sep = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source)!)) {
    const lm = match[1]!.replace(TRIM_BOTH, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  const rest = last.exec(source);
  return res + sep + (rest?.[1] ?? '');
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** A double-quoted scalar's value (yaml's doubleQuotedValue); an invalid escape leaves the subset. */
function doubleQuotedValue(source: string): string {
  let res = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch === '\n') {
      // a line break folds into a space, several into one newline less
      let fold = '';
      let c = source[i + 1];
      while (c === ' ' || c === '\t' || c === '\n') {
        if (c === '\n') fold += '\n';
        i++;
        c = source[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      let next = source[++i]!;
      const cc = Object.hasOwn(ESCAPES, next) ? ESCAPES[next] : undefined;
      if (cc) res += cc;
      else if (next === '\n') {
        // an escaped line break: the next line's leading blanks go too
        next = source[i + 1]!;
        while (next === ' ' || next === '\t') next = source[++i + 1]!;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const cc = source.substr(i + 1, length);
        if (cc.length !== length || !/^[0-9a-fA-F]+$/.test(cc)) outside('escape');
        const code = parseInt(cc, 16);
        if (code > 0x10ffff) outside('escape');
        res += String.fromCodePoint(code);
        i += length;
      } else outside('escape');
    } else if (ch === ' ' || ch === '\t') {
      // blanks before a line break go
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n') res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  return res;
}

/** A block scalar's value from its lines (yaml's resolveBlockScalar); what yaml reports leaves the subset. */
function blockScalarValue(source: string, folded: boolean, chomp: string, explicit: number, parentIndent: number): string {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) return chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
  let trimIndent = parentIndent + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content === '') {
      if (explicit === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) outside('block scalar with more-indented leading empty lines');
      if (explicit === 0) trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) outside('block scalar not indented');
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content && indent.length < trimIndent) outside('block scalar line less indented');
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      // more-indented lines of a folded scalar keep their line breaks
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i]![0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') value += '\n';
  return value;
}

/** `[indentation, content]` of each line (yaml's splitLines). */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const m = /^( *)/.exec(first);
  const lines: [string, string][] = [m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}
