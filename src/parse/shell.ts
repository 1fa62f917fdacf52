// Parses the shell text of RUN instructions with mvdan/sh (the `mvdan-sh` package: the Go parser compiled to
// JavaScript), so that rules see commands, arguments and flags rather than text. Only this module touches its AST:
// it is turned into the small model below, with positions relative to the parsed text.
//
// Why mvdan-sh and not sh-syntax (the same parser compiled to WebAssembly): sh-syntax returns only statement
// positions (no commands, words or operators), and starts a new Go runtime per call (~4.5 ms a call). mvdan-sh gives
// the full syntax tree synchronously at ~0.5 ms a script; its one cost is loading (~100 ms, ~40 ms with the V8 code
// cache that the build writes, most of it the Go runtime's start-up). Plain scripts, most RUNs, are parsed by
// shell-simple.ts to the same result without it, so a run loads it only when it meets a script that needs it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSimpleShell } from './shell-simple.js';
import { codeCacheFile, loadCommonJs } from '../util/code-cache.js';
import { packageRoot } from '../util/package-root.js';

/** Character offsets [start, end) into the text that holds the script (parseShell's `base` is added). */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ShellWord {
  /** The word's value with quoting removed; undefined when it depends on an expansion (`$X`, `$(...)`, globs stay literal). */
  value?: string;
  /** The word as written. */
  raw: string;
  span: TextSpan;
}

export interface ShellCommand {
  /** The first word's value (`apt-get`, `/usr/bin/pip`); undefined when the command name is an expansion or missing. */
  name?: string;
  /** Every word, the name first. */
  words: ShellWord[];
  /** The words after the name. */
  args: ShellWord[];
  /** `NAME=value` prefixes (`DEBIAN_FRONTEND=noninteractive apt-get ...`); value undefined when not literal. */
  assigns: { name: string; value?: string }[];
  span: TextSpan;
  /** Runs in a subshell: inside `( )`, `$( )`, `<( )`, or in a pipeline. A `cd` there does not change later commands. */
  subshell: boolean;
  /** The pipeline this command is part of, when it has more than one command. */
  pipeline?: ShellPipeline;
}

export interface ShellPipeline {
  /** The first `|` (or `|&`). */
  span: TextSpan;
  commands: ShellCommand[];
}

export interface ShellHeredoc {
  /** The command it is fed to (undefined for a bare `<<EOF`, which a Dockerfile RUN runs as a script). */
  command?: ShellCommand;
  /** The body as written; `span` is where it is. */
  body: string;
  span: TextSpan;
}

export interface ParsedShell {
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  heredocs: ShellHeredoc[];
  error?: { message: string; at: number };
}

// --- loading -------------------------------------------------------------------------------------------------------

interface GoPos {
  Offset(): number;
}
interface Parser {
  /** Returns the parsed file; throws a parse error with `Text` and `Pos`. */
  Parse(text: string, name: string): unknown;
}
interface Syntax {
  NewParser(...options: unknown[]): Parser;
  KeepComments(keep: boolean): unknown;
  Variant(variant: unknown): unknown;
  LangBash: unknown;
}

let parser: Parser | undefined;
let syntax: Syntax | undefined;

/** Where the build stores V8's code cache for the parser (dist/ is rebuilt on install, for the Node that runs it). */
export const shellCodeCache = (): string => codeCacheFile(path.join(packageRoot(), 'dist', 'mvdan-sh'));

/** Loads the parser once. */
export function loadShellParser(): Syntax {
  if (syntax) return syntax;
  const require = createRequire(import.meta.url);
  syntax = (loadCommonJs(require.resolve('mvdan-sh'), shellCodeCache()) as { syntax: Syntax }).syntax;
  parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
  return syntax;
}

// --- parsing -------------------------------------------------------------------------------------------------------
//
// The walk reads the parser's Go structures directly (`__internal_object__`: plain objects, slices as
// {$array, $offset, $length}, positions as {offs}); mvdan-sh's public accessors convert every value they return and
// cost 5-60 µs a call, which made a Dockerfile's RUNs take milliseconds. The package version is pinned for this.

/** A Go value from the parser: a struct (fields by Go name), a slice, a position. */
type Go = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const OP_PIPE = 12;
const OP_PIPE_ALL = 13;
const OP_HEREDOC = 61;
const OP_DASH_HEREDOC = 62;

const typeOf = (node: Go): string | undefined => (node && node !== node.constructor?.nil ? node.constructor?.string : undefined);
const items = (slice: Go): Go[] => (slice && slice.$array ? slice.$array.slice(slice.$offset, slice.$offset + slice.$length) : []);
const valid = (pos: Go): boolean => Boolean(pos && pos.lineCol > 0);

/**
 * Parses shell text (bash dialect, a superset of what `sh` accepts). Never throws: a syntax error is returned.
 * `base` is added to every offset, so that spans point into the file the text was cut from.
 */
export function parseShell(text: string, base = 0): ParsedShell {
  // The same scripts recur across a repository's Dockerfiles (and most of a RUN's cost is the parse): parse each once.
  let parsed = memo.get(text);
  if (!parsed) {
    parsed = parseSimpleShell(text) ?? parseWithMvdan(text);
    if (memoChars + text.length > MEMO_CHARS) {
      memo.clear();
      memoChars = 0;
    }
    memo.set(text, parsed);
    memoChars += text.length;
  }
  return shifted(parsed, base);
}

const MEMO_CHARS = 16_000_000;
const memo = new Map<string, ParsedShell>();
let memoChars = 0;

/** The scripts parsed so far (src/parse/shell-simple.test.ts compares the two parsers on them). */
export const parsedScripts = (): Iterable<string> => memo.keys();

/**
 * A copy of a parse with every offset moved by `base` (pipelines and their commands stay linked). It runs once per
 * RUN: objects are built with their fields spelled out rather than spread, and the map from the cached pipelines to
 * their copies is made only when there are pipelines.
 */
function shifted(parsed: ParsedShell, base: number): ParsedShell {
  const span = (s: TextSpan): TextSpan => ({ start: s.start + base, end: s.end + base });
  const pipelines = parsed.pipelines.length > 0 ? new Map<ShellPipeline, ShellPipeline>(parsed.pipelines.map((p) => [p, { span: span(p.span), commands: [] }])) : undefined;
  const commands: ShellCommand[] = [];
  for (const c of parsed.commands) {
    const words: ShellWord[] = [];
    for (const w of c.words) words.push({ value: w.value, raw: w.raw, span: { start: w.span.start + base, end: w.span.end + base } });
    const assigns: ShellCommand['assigns'] = [];
    for (const a of c.assigns) assigns.push({ name: a.name, value: a.value });
    const copy: ShellCommand = { name: c.name, words, args: words.slice(c.words.length - c.args.length), assigns, span: span(c.span), subshell: c.subshell };
    if (c.pipeline) {
      copy.pipeline = pipelines!.get(c.pipeline)!;
      copy.pipeline.commands.push(copy);
    }
    commands.push(copy);
  }
  const copyOf = (c: ShellCommand): ShellCommand => commands[parsed.commands.indexOf(c)]!;
  return {
    commands,
    pipelines: pipelines ? [...pipelines.values()] : [],
    heredocs: parsed.heredocs.map((h) => ({ command: h.command && copyOf(h.command), body: h.body, span: span(h.span) })),
    ...(parsed.error ? { error: { message: parsed.error.message, at: parsed.error.at + base } } : {}),
  };
}

/** The full parser's result, offsets relative to `text` (parseShell tries parseSimpleShell first). */
export function parseWithMvdan(text: string): ParsedShell {
  loadShellParser();
  const offsets = new OffsetMap(text);
  const at = (pos: Go): number => offsets.at(pos.offs);
  const result: ParsedShell = { commands: [], pipelines: [], heredocs: [] };
  let file: Go;
  try {
    file = (parser!.Parse(text, '') as Go).__internal_object__;
  } catch (e) {
    const err = e as { Text?: string; Pos?: GoPos };
    result.error = { message: String(err.Text ?? (e as Error).message ?? e), at: err.Pos ? offsets.at(err.Pos.Offset()) : 0 };
    return result;
  }

  const word = (node: Go): ShellWord | undefined => {
    const parts = items(node.Parts);
    if (parts.length === 0) return undefined;
    const start = partStart(parts[0]);
    const last = parts[parts.length - 1];
    const end = partEnd(last, text, start);
    const span = { start: at({ offs: start }), end: at({ offs: end }) };
    const raw = text.slice(span.start, span.end);
    return { value: unquote(raw), raw, span };
  };

  const rawWord = (startByte: number, endByte: number): ShellWord => {
    const span = { start: at({ offs: startByte }), end: at({ offs: endByte }) };
    const raw = text.slice(span.start, span.end);
    return { value: unquote(raw), raw, span };
  };

  const visitStmt = (stmt: Go, subshell: boolean, pipeline?: ShellPipeline): void => {
    if (typeOf(stmt) !== '*syntax.Stmt') return;
    const command = visitCommand(stmt.Cmd, subshell, pipeline);
    for (const redirect of items(stmt.Redirs)) {
      walk(redirect.Word, subshell);
      if ((redirect.Op === OP_HEREDOC || redirect.Op === OP_DASH_HEREDOC) && typeOf(redirect.Hdoc)) {
        walk(redirect.Hdoc, subshell);
        const parts = items(redirect.Hdoc.Parts);
        if (parts.length === 0) continue;
        // The body runs up to the delimiter line.
        const start = at({ offs: partStart(parts[0]) });
        const wordEnd = at({ offs: partEnd(parts[parts.length - 1], text, partStart(parts[0])) });
        const lastLine = text.lastIndexOf('\n', wordEnd - 1) + 1;
        const span = { start, end: Math.max(start, Math.min(wordEnd, lastLine)) };
        result.heredocs.push({ command, body: text.slice(span.start, span.end), span });
      }
    }
  };

  const visitCommand = (cmd: Go, subshell: boolean, pipeline?: ShellPipeline): ShellCommand | undefined => {
    switch (typeOf(cmd)) {
      case undefined:
        return undefined;
      case '*syntax.CallExpr': {
        const words = items(cmd.Args).map(word).filter((w): w is ShellWord => w !== undefined);
        const assigns = items(cmd.Assigns);
        const first = assigns.length > 0 ? at(assigns[0].Name?.ValuePos ?? { offs: 0 }) : words[0]?.span.start ?? 0;
        const command: ShellCommand = {
          name: words[0]?.value,
          words,
          args: words.slice(1),
          assigns: assigns.map((a: Go) => {
            const value = typeOf(a.Value) ? word(a.Value) : undefined;
            return { name: String(a.Name?.Value ?? ''), value: typeOf(a.Value) ? value?.value : '' };
          }),
          span: { start: first, end: words[words.length - 1]?.span.end ?? first },
          subshell,
        };
        if (pipeline) {
          command.pipeline = pipeline;
          pipeline.commands.push(command);
        }
        result.commands.push(command);
        walk(cmd.Assigns, subshell);
        walk(cmd.Args, subshell);
        return command;
      }
      case '*syntax.BinaryCmd': {
        // `a && b && c` and `a | b | c` nest to the left, one BinaryCmd per operator: the left spine is followed with a
        // loop, not recursion, so that a RUN of thousands of commands does not exhaust the call stack (found by
        // test/hostile.test.ts). The right operands are visited afterwards, left to right, as recursion would.
        const rights: [Go, boolean, ShellPipeline | undefined][] = [];
        for (let node = cmd, sub = subshell, pipe = pipeline; ; ) {
          let inner: [boolean, ShellPipeline | undefined] = [sub, undefined];
          if (node.Op === OP_PIPE || node.Op === OP_PIPE_ALL) {
            const op = at(node.OpPos);
            const own = pipe ?? { span: { start: op, end: op + (node.Op === OP_PIPE_ALL ? 2 : 1) }, commands: [] };
            if (!pipe) result.pipelines.push(own);
            inner = [true, own];
          }
          rights.push([node.Y, ...inner]);
          const left = node.X;
          if (typeOf(left) === '*syntax.Stmt' && typeOf(left.Cmd) === '*syntax.BinaryCmd' && items(left.Redirs).length === 0) {
            [node, sub, pipe] = [left.Cmd, ...inner];
            continue;
          }
          visitStmt(left, ...inner);
          break;
        }
        for (let i = rights.length - 1; i >= 0; i--) visitStmt(...rights[i]!);
        return undefined;
      }
      case '*syntax.DeclClause': {
        // `export A=1 B`, `declare -x A=1`, `readonly A`: a command named by its keyword, each assignment one word.
        const words: ShellWord[] = [];
        if (typeOf(cmd.Variant)) words.push(rawWord(cmd.Variant.ValuePos.offs, cmd.Variant.ValueEnd.offs));
        for (const a of items(cmd.Args)) {
          const value = typeOf(a.Value) ? items(a.Value.Parts) : [];
          const start = typeOf(a.Name) ? a.Name.ValuePos.offs : value.length ? partStart(value[0]) : undefined;
          if (start === undefined) continue;
          const end = value.length ? partEnd(value[value.length - 1], text, partStart(value[0])) : typeOf(a.Name) ? a.Name.ValueEnd.offs : start;
          words.push(rawWord(start, end));
        }
        if (words.length === 0) return undefined;
        const command: ShellCommand = { name: words[0]!.value, words, args: words.slice(1), assigns: [], span: { start: words[0]!.span.start, end: words[words.length - 1]!.span.end }, subshell };
        if (pipeline) {
          command.pipeline = pipeline;
          pipeline.commands.push(command);
        }
        result.commands.push(command);
        walk(cmd.Args, subshell);
        return command;
      }
      case '*syntax.Subshell':
        walk(cmd, true);
        return undefined;
      default:
        // Blocks, if/while/for/case, functions, [[ ]], declare...: the statements and substitutions they hold.
        walk(cmd, subshell);
        return undefined;
    }
  };

  /** Finds the statements and command substitutions under a node; those of `$( )` and `<( )` run in a subshell. */
  const walk = (node: Go, subshell: boolean): void => {
    if (!node || typeof node !== 'object') return;
    if (node.$array) {
      for (const item of items(node)) walk(item, subshell);
      return;
    }
    const type = typeOf(node);
    if (type === undefined || type === 'syntax.Pos' || type === '*syntax.Lit' || type === '*syntax.SglQuoted') return;
    if (type === '*syntax.Stmt') return visitStmt(node, subshell);
    const inner = subshell || type === '*syntax.CmdSubst' || type === '*syntax.ProcSubst';
    for (const key in node) if (key !== '$val') walk(node[key], inner);
  };

  for (const stmt of items(file.Stmts)) visitStmt(stmt, false);
  result.commands.sort((a, b) => a.span.start - b.span.start);
  return result;
}

/** Byte offset where a word part starts. */
function partStart(part: Go): number {
  switch (typeOf(part)) {
    case '*syntax.Lit':
      return part.ValuePos.offs;
    case '*syntax.ParamExp':
      return part.Dollar.offs;
    case '*syntax.ProcSubst':
    case '*syntax.ExtGlob':
      return part.OpPos.offs;
    default:
      // SglQuoted, DblQuoted, CmdSubst, ArithmExp start at Left (which includes a leading `$`).
      return (part.Left ?? part.Dollar ?? part.ValuePos ?? { offs: 0 }).offs;
  }
}

/** Byte offset just past a word part. */
function partEnd(part: Go, text: string, wordStart: number): number {
  switch (typeOf(part)) {
    case '*syntax.Lit':
      return part.ValueEnd.offs;
    case '*syntax.SglQuoted':
    case '*syntax.DblQuoted':
    case '*syntax.CmdSubst':
      return part.Right.offs + 1;
    case '*syntax.ParamExp':
      return valid(part.Rbrace) ? part.Rbrace.offs + 1 : part.Param.ValueEnd.offs;
    case '*syntax.ArithmExp':
      return part.Right.offs + (part.Bracket ? 1 : 2);
    case '*syntax.ProcSubst':
      return part.Rparen.offs + 1;
    case '*syntax.ExtGlob':
      return part.Pattern.ValueEnd.offs + 1;
    default:
      return scanWordEnd(text, wordStart);
  }
}

/** The end of the shell word starting at `start` (byte offset in ASCII text), for word parts the walk does not know. */
function scanWordEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && /[\s;&|<>()]/.test(c)) return i;
  }
  return text.length;
}

/** The value of a word as the shell would see it, when it has no expansion: quotes removed, escapes resolved. */
export function unquote(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      if (raw[i + 1] === '\n') i++;
      else out += raw[++i] ?? '';
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += raw.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      for (i++; i < raw.length && raw[i] !== '"'; i++) {
        if (raw[i] === '$' || raw[i] === '`') return undefined;
        if (raw[i] === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw[i + 1]!)) i++;
        if (raw[i] !== '\n' || raw[i - 1] !== '\\') out += raw[i];
      }
    } else if (c === '$' || c === '`') {
      return undefined;
    } else {
      out += c;
    }
  }
  return out;
}

/** Converts the parser's byte offsets (UTF-8) to character offsets in the text. */
class OffsetMap {
  private readonly byteToChar?: Int32Array;

  constructor(private readonly text: string) {
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(text)) {
      const bytes = Buffer.byteLength(text);
      this.byteToChar = new Int32Array(bytes + 1);
      let b = 0;
      for (let c = 0; c < text.length; c++) {
        const code = text.codePointAt(c)!;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        for (let k = 0; k < size; k++) this.byteToChar[b + k] = c;
        b += size;
        if (code >= 0x10000) c++;
      }
      this.byteToChar[bytes] = text.length;
    }
  }

  at(byte: number): number {
    const offset = this.byteToChar ? (this.byteToChar[Math.min(byte, this.byteToChar.length - 1)] ?? this.text.length) : Math.min(byte, this.text.length);
    return offset;
  }
}
