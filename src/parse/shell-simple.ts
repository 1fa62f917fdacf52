// A parser for the scripts most RUN instructions are: simple commands (words, `NAME=value` prefixes, redirections,
// heredocs, `$( )`, backticks, `<( )`, comments) joined by `&&`, `||`, `|`, `;` and newlines, in `if`, `for`, `while`,
// `case`, `{ }`, `( )` and function definitions. It gives exactly what the mvdan-sh walk in shell.ts gives for them
// (src/parse/shell-simple.test.ts compares the two on every script of the corpus and on mutations of them), mvdan-sh's
// quirks included, and answers undefined for anything else (arithmetic, `[[ ]]`, backslashes in backticks, syntax
// errors, quoting it cannot follow), which mvdan-sh then parses. Loading mvdan-sh costs a run ~60 ms, most of it the
// Go runtime's start-up, and each script ~0.5 ms; this parser takes a few microseconds.
import { unquote, type ParsedShell, type ShellCommand, type ShellHeredoc, type ShellPipeline, type ShellWord } from './shell.js';

/**
 * Reserved words and builtins with syntax of their own: as a simple command's first word, left to mvdan-sh (the
 * compound commands this parser knows are recognised before a simple command is read).
 */
const KEYWORDS = new Set(['!', '{', '}', '[[', ']]', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc', 'let']);
/** Builtins mvdan-sh parses as declarations (`export A=1 B`): every argument is one word, `A=` is written `A`. */
const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset', 'nameref']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/**
 * `${...}` forms known to parse: `#NAME`, or a name or special parameter with an operator and its text, or
 * `:offset:length` with plain numbers or names.
 */
const BRACED = /^(?:#[A-Za-z_][A-Za-z0-9_]*|(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!-])(?:(?::?[-=?+]|##?|%%?|\/\/?|\^\^?|,,?)[^}]*|:(?: ?-?[0-9]+|[A-Za-z_][A-Za-z0-9_]*)(?::(?: ?-?[0-9]+|[A-Za-z_][A-Za-z0-9_]*))?)?)$/;

/** Thrown (and caught below) when the script leaves the subset. */
const OUTSIDE = Symbol('outside the subset');

/** The parse of a plain script, offsets relative to `text`; undefined when the script needs the full parser. */
export function parseSimpleShell(text: string): ParsedShell | undefined {
  try {
    return new SimpleParser(text).script();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

interface Pending {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from the delimiter line. */
  dash: boolean;
  /** `<<'EOF'`: the body is literal text. */
  quoted: boolean;
  command?: ShellCommand;
  /** Where the walk lists the pipelines of the body's substitutions: a placeholder in the pipelines, replaced when the body is read. */
  place?: ShellPipeline;
}

/** Where a list ends: see SimpleParser.list. */
interface ListEnd {
  close?: boolean;
  keywords?: ReadonlySet<string>;
  caseItem?: boolean;
}
const THEN = new Set(['then']);
const IF_PARTS = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const ESAC = new Set(['esac']);
const BRACE_END = new Set(['}']);
/** What SimpleParser.element returns for a compound command: the commands inside it are not pipeline members. */
const COMPOUND = Symbol('compound command');
/** The start of a function definition, `function NAME` or `NAME ()` (sticky: matched where the parser stands). */
const FUNCTION = /(function[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)([ \t]*\([ \t]*\))?/y;

/** Whether a line continuation comes before the word's first `=`. */
function nameCut(raw: string): boolean {
  const eq = raw.indexOf('=');
  return eq > 0 && raw.lastIndexOf('\\\n', eq) >= 0;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isOperator = (c: string | undefined): boolean => c === '|' || c === '&' || c === ';' || c === '<' || c === '>' || c === '(' || c === ')';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
/** Characters that are plain text in a word, wherever they are (not `#`, a comment at the start of a word). */
const PLAIN = /[^ \t\n|&;<>()#\\'"$`\x00-\x1f\x7f]+/y;
const NAME_REST = /[A-Za-z0-9_]*/y;

class SimpleParser {
  private i = 0;
  private readonly commands: ShellCommand[] = [];
  private readonly pipelines: ShellPipeline[] = [];
  private readonly heredocs: ShellHeredoc[] = [];
  /** Heredocs whose bodies start after the current line. */
  private pending: Pending[] = [];
  /** How many `$(` the parser is inside (a heredoc there is left to mvdan-sh). */
  private substitutions = 0;
  /** How many `$(` and `( )` the parser is inside: their commands are in a subshell. */
  private subshells = 0;
  /** Nested lists (compound commands, substitutions): recursion is bounded. */
  private depth = 0;
  /** Whether a `#` can start a comment here (in backticks, mvdan-sh ends it at the closing backtick). */
  private comments = true;
  /** Whether the text may define functions (most scripts do not: their commands skip the test for one). */
  private readonly functions: boolean;

  constructor(private readonly text: string) {
    this.functions = /\([ \t]*\)|function/.test(text);
  }

  script(): ParsedShell {
    this.list({});
    // Commands inside a `$( )` were finished before the command holding them: the walk lists them after it.
    this.commands.sort((a, b) => a.span.start - b.span.start);
    return { commands: this.commands, pipelines: this.pipelines, heredocs: this.heredocs };
  }

  /**
   * Statements up to the end of the text, the `)` that closes `$(` or `(`, one of the keywords that end a compound
   * command's part (`then`, `fi`, `done`...), which it consumes, or a case item's `;;`. Returns where it stopped.
   */
  private list(end: ListEnd): string | undefined {
    const { text } = this;
    if (++this.depth > 100) throw OUTSIDE; // the call stack
    let statements = 0;
    for (this.skip(true); ; this.skip(true)) {
      let stop: string | undefined;
      if (this.i >= text.length) stop = '';
      else if (text[this.i] === ')' && end.close) stop = ')';
      else if (end.caseItem && text.startsWith(';;', this.i)) stop = ';;';
      else if (end.keywords) {
        const keyword = this.keywordAt();
        if (keyword && end.keywords.has(keyword)) {
          this.i += keyword.length;
          stop = keyword;
        }
      }
      if (stop !== undefined) {
        // Unterminated, an empty part (`then fi`), or a heredoc whose body never came.
        if ((stop === '' && (end.close || end.keywords)) || (statements === 0 && (end.close || (end.keywords && !end.caseItem))) || this.pending.length > 0) throw OUTSIDE;
        this.depth--;
        return stop;
      }
      this.andOr();
      statements++;
      this.skip(false);
      const c = text[this.i];
      if (c === ';') {
        if (text[this.i + 1] === '&' || (text[this.i + 1] === ';' && (!end.caseItem || text.startsWith(';;&', this.i)))) throw OUTSIDE;
        if (text[this.i + 1] !== ';') this.i++;
      } else if (c === '\n') {
        this.i++;
        this.heredocBodies();
      } else if (c !== undefined && !(c === ')' && end.close)) {
        throw OUTSIDE; // `&`, or a command that did not end where a statement can
      }
    }
  }

  /** Reads the bodies of the heredocs of the line that just ended: each runs up to its delimiter line. */
  private heredocBodies(): void {
    const { text } = this;
    for (const heredoc of this.pending) {
      let start = this.i;
      // An unquoted body's line continuations join lines, and the line after one is not a delimiter line (mvdan-sh
      // also starts the body after leading ones). Its `$( )` and backticks hold commands, which the walk finds.
      let continued = false;
      let continuations = false;
      if (!heredoc.quoted) {
        while (text.startsWith('\\\n', start)) start += 2;
        continued = continuations = start > this.i;
      }
      for (let line = start; ; ) {
        if (line >= text.length) throw OUTSIDE; // no delimiter line
        const nl = text.indexOf('\n', line);
        const end = nl < 0 ? text.length : nl;
        const content = text.slice(line, end);
        if (!continued && (heredoc.dash ? content.replace(/^\t+/, '') : content) === heredoc.delimiter) {
          const body = text.slice(start, line);
          if (heredoc.quoted) {
            if (body.includes('\\\n')) throw OUTSIDE; // mvdan-sh starts even a quoted body after a leading one
          } else if (/[$`\\]/.test(body)) {
            this.substitutionsOf(heredoc, start, line, continuations);
          }
          if (heredoc.place) this.pipelines.splice(this.pipelines.indexOf(heredoc.place), 1);
          // An empty body has no place, unless it is a `<<-` body whose delimiter line has tabs to strip.
          if (body !== '' || (heredoc.dash && content.startsWith('\t'))) this.heredocs.push({ command: heredoc.command, body, span: { start, end: line } });
          this.i = nl < 0 ? text.length : nl + 1;
          break;
        }
        if (!heredoc.quoted) {
          // `${A}EOF`, `$(a)EOF`: mvdan-sh ends the body at a line whose text after an expansion is the delimiter.
          if (content.endsWith(heredoc.delimiter) && /[$`]/.test(content)) throw OUTSIDE;
          let backslashes = 0;
          while (backslashes < content.length && content[content.length - 1 - backslashes] === '\\') backslashes++;
          continued = backslashes % 2 === 1;
          if (continued && heredoc.dash) throw OUTSIDE; // there mvdan-sh ends the body at a continued delimiter line
          continuations ||= continued;
        }
        line = end + 1;
      }
    }
    this.pending = [];
  }

  /**
   * Parses the `$NAME`, `${...}`, `$( )` and backticks of an unquoted heredoc body ([start, end)); the pipelines of
   * its substitutions go where the walk lists them, at the heredoc's place.
   */
  private substitutionsOf(heredoc: Pending, start: number, end: number, continuations: boolean): void {
    const body = this.child(end);
    body.i = start;
    while (body.i < end) {
      const c = body.text[body.i];
      if (c === '\\') body.i += 2;
      else if (c === '$') body.dollar();
      else if (c === '`') body.backtick(false);
      else body.i++;
    }
    if (body.i > end) throw OUTSIDE; // a trailing backslash
    if (body.commands.length === 0) return;
    // A continuation inside a substitution: whether mvdan-sh joins the lines there is not worth knowing.
    if (continuations) throw OUTSIDE;
    this.commands.push(...body.commands);
    this.pipelines.splice(this.pipelines.indexOf(heredoc.place!), 0, ...body.pipelines);
  }

  /** A parser for the text up to `end`, in the current nesting: it reads a substitution whose end is known. */
  private child(end: number): SimpleParser {
    const child = new SimpleParser(this.text.slice(0, end));
    child.subshells = this.subshells;
    child.substitutions = this.substitutions;
    child.depth = this.depth;
    child.comments = this.comments;
    return child;
  }

  /**
   * A backtick substitution, read like `$( )`. One with a backslash is left to mvdan-sh (`\\`, `\``, `\$` are
   * unescaped before its text is parsed), and so is one inside double quotes that holds double quotes.
   */
  private backtick(quoted: boolean): void {
    const { text } = this;
    const close = text.indexOf('`', this.i + 1);
    if (close < 0) throw OUTSIDE;
    const inner = text.slice(this.i + 1, close);
    if (inner.includes('\\') || (quoted && inner.includes('"'))) throw OUTSIDE;
    const child = this.child(close);
    child.i = this.i + 1;
    child.subshells++;
    child.substitutions++;
    child.comments = false;
    child.list({});
    this.commands.push(...child.commands);
    this.pipelines.push(...child.pipelines);
    this.i = close + 1;
  }

  /** Skips blanks and line continuations, and newlines too when `newlines`. */
  private skip(newlines: boolean): void {
    const { text } = this;
    for (;;) {
      const c = text[this.i];
      if (isBlank(c)) this.i++;
      else if (newlines && c === '\n') {
        if (this.pending.length > 0) throw OUTSIDE; // a heredoc body after `&&`, `|`, `;`...
        this.i++;
      }
      else if (c === '\\' && text[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') this.comment();
      else return;
    }
  }

  /**
   * A comment, up to the end of its line (not the newline). mvdan-sh continues one that ends in a backslash on the
   * next line, where it then reads commands: left to it.
   */
  private comment(): void {
    const { text } = this;
    const nl = text.indexOf('\n', this.i);
    const end = nl < 0 ? text.length : nl;
    // eslint-disable-next-line no-control-regex
    if (!this.comments || text[end - 1] === '\\' || /[\x00-\x08\x0a-\x1f\x7f]/.test(text.slice(this.i, end))) throw OUTSIDE;
    this.i = end;
  }

  private andOr(): void {
    for (;;) {
      this.pipeline();
      this.skip(false);
      const two = this.text.slice(this.i, this.i + 2);
      if (two !== '&&' && two !== '||') return;
      this.i += 2;
      this.skip(true);
    }
  }

  private pipeline(): void {
    const members: ShellCommand[] = [];
    let elements = 0;
    // The walk lists a pipeline before the pipelines inside its commands' substitutions.
    const slot = this.pipelines.length;
    const firstCommand = this.commands.length;
    let lastPipe = -1;
    let lastPipeLength = 1;
    if (this.keywordAt() === '!') {
      this.i++; // `! cmd`: negation changes nothing the model keeps
      this.skip(false);
    }
    for (;;) {
      const command = this.element();
      this.skip(false);
      if (command === undefined) {
        if (elements > 0 || this.text[this.i] === '|') throw OUTSIDE;
        return; // a heredoc fed to no command (`RUN <<EOF`)
      }
      if (command !== COMPOUND) members.push(command);
      elements++;
      const { text } = this;
      if (text[this.i] !== '|' || text[this.i + 1] === '|') break;
      lastPipe = this.i;
      lastPipeLength = text[this.i + 1] === '&' ? 2 : 1;
      this.i += lastPipeLength;
      this.skip(true);
    }
    // mvdan-sh nests `a | b | c` to the left, so the walk names a pipeline by its last operator. Everything in a
    // pipeline runs in a subshell, also the commands inside its compound elements, which are not its members.
    if (elements > 1) {
      const pipeline: ShellPipeline = { span: { start: lastPipe, end: lastPipe + lastPipeLength }, commands: members };
      for (let k = firstCommand; k < this.commands.length; k++) this.commands[k]!.subshell = true;
      for (const member of members) member.pipeline = pipeline;
      this.pipelines.splice(slot, 0, pipeline);
    }
  }

  /** One element of a pipeline: a compound command (then COMPOUND), a simple command, or undefined for a heredoc alone. */
  private element(): ShellCommand | typeof COMPOUND | undefined {
    const { text } = this;
    const keyword = this.keywordAt();
    if (text[this.i] === '(') {
      if (text[this.i + 1] === '(') throw OUTSIDE; // arithmetic
      this.i++;
      this.subshells++;
      this.list({ close: true });
      this.subshells--;
      this.i++;
    } else if (keyword === '{') {
      this.i++;
      this.list({ keywords: BRACE_END });
    } else if (keyword === 'if') {
      this.i += 2;
      this.expect(this.list({ keywords: THEN }), 'then');
      for (let part = this.list({ keywords: IF_PARTS }); part !== 'fi'; ) {
        if (part === 'elif') {
          this.expect(this.list({ keywords: THEN }), 'then');
          part = this.list({ keywords: IF_PARTS });
        } else {
          part = this.expect(this.list({ keywords: FI }), 'fi');
        }
      }
    } else if (keyword === 'while' || keyword === 'until') {
      this.i += keyword.length;
      this.expect(this.list({ keywords: DO }), 'do');
      this.expect(this.list({ keywords: DONE }), 'done');
    } else if (keyword === 'for') {
      this.forClause();
    } else if (keyword === 'case') {
      this.caseClause();
    } else {
      if (!this.functions) return this.command();
      FUNCTION.lastIndex = this.i;
      const fn = FUNCTION.exec(text);
      if (!fn || !(fn[1] || fn[3])) return this.command();
      return this.functionDefinition(fn[0], fn[2]!, fn[3] !== undefined);
    }
    // Redirections of the whole compound (`done < list`, `fi > /dev/null 2>&1`).
    const heredocs = this.pending.length;
    for (;;) {
      this.skip(false);
      const fd = /^[0-9]*(?=[<>])|^&(?=>)/.exec(text.slice(this.i, this.i + 12));
      if (!fd) break;
      this.i += fd[0] === '&' ? 0 : fd[0].length;
      this.redirect();
    }
    this.placeHeredocs(heredocs);
    return COMPOUND;
  }

  /**
   * `NAME() BODY`, `function NAME [()] BODY`: the walk visits the body's commands where it stands (the name is not
   * a command). mvdan-sh also takes a simple command as the body, which bash does not: left to it.
   */
  private functionDefinition(head: string, name: string, parens: boolean): typeof COMPOUND {
    const { text } = this;
    if (KEYWORDS.has(name) || DECLARATIONS.has(name)) throw OUTSIDE;
    this.i += head.length;
    if (!parens && !isBlank(text[this.i])) throw OUTSIDE; // `function f{`
    this.skip(true);
    const keyword = this.keywordAt();
    if (!(text[this.i] === '(' || keyword === '{' || keyword === 'if' || keyword === 'while' || keyword === 'until' || keyword === 'for' || keyword === 'case')) throw OUTSIDE;
    if (this.element() !== COMPOUND) throw OUTSIDE;
    return COMPOUND;
  }

  private expect(found: string | undefined, keyword: string): string {
    if (found !== keyword) throw OUTSIDE;
    return keyword;
  }

  /** `for NAME [in WORDS]; do LIST; done`: the words are walked for substitutions like a command's. */
  private forClause(): void {
    const { text } = this;
    this.i += 3;
    this.skip(false);
    const name = /^[A-Za-z_][A-Za-z0-9_]*(?=[ \t\n;])/.exec(text.slice(this.i, this.i + 200));
    if (!name) throw OUTSIDE; // also `for ((...))`
    this.i += name[0].length;
    this.skip(false);
    if (this.keywordAt() === 'in') {
      this.i += 2;
      for (this.skip(false); this.i < text.length && text[this.i] !== ';' && text[this.i] !== '\n'; this.skip(false)) {
        if (isOperator(text[this.i])) throw OUTSIDE;
        this.word();
      }
    }
    if (text[this.i] === ';') this.i++;
    this.skip(true);
    if (this.keywordAt() !== 'do') throw OUTSIDE;
    this.i += 2;
    this.expect(this.list({ keywords: DONE }), 'done');
  }

  /** `case WORD in PATTERN) LIST ;; ... esac`. */
  private caseClause(): void {
    const { text } = this;
    this.i += 4;
    this.skip(false);
    this.word();
    this.skip(false);
    if (this.keywordAt() !== 'in') throw OUTSIDE;
    this.i += 2;
    for (;;) {
      this.skip(true);
      if (this.keywordAt() === 'esac') {
        this.i += 4;
        return;
      }
      if (text[this.i] === '(') this.i++;
      for (;;) {
        this.skip(false);
        if (isOperator(text[this.i]) || text[this.i] === '\n') throw OUTSIDE;
        this.word();
        this.skip(false);
        if (text[this.i] !== '|') break;
        this.i++;
      }
      if (text[this.i] !== ')') throw OUTSIDE;
      this.i++;
      if (this.list({ keywords: ESAC, caseItem: true }) === 'esac') return;
      this.i += 2; // `;;`
    }
  }

  /** The reserved word at the current position, if one is written there (unquoted, and followed by a delimiter). */
  private keywordAt(): string | undefined {
    const { text } = this;
    const keyword = /^(?:if|then|elif|else|fi|for|in|do|done|while|until|case|esac|[{}!])(?=[ \t\n;&|<>()]|\\\n|$)/.exec(text.slice(this.i, this.i + 7))?.[0];
    if (keyword && text[this.i + keyword.length] === '\\') {
      // `fi\<newline>`: mvdan-sh joins the lines first, so the word is the keyword only if a delimiter comes next.
      let k = this.i + keyword.length;
      while (text.startsWith('\\\n', k)) k += 2;
      if (k < text.length && !/[ \t\n;&|<>()]/.test(text[k]!)) throw OUTSIDE;
    }
    return keyword;
  }

  /** A simple command: assignments, then words, with redirections anywhere; undefined for a heredoc alone. */
  private command(): ShellCommand | undefined {
    const { text } = this;
    const words: ShellWord[] = [];
    const assigns: ShellCommand['assigns'] = [];
    let first = -1;
    let declaration = false;
    let declared = false;
    let redirected = false;
    const heredocs = this.pending.length;
    for (;;) {
      this.skip(false);
      const c = text[this.i];
      if (((c === '<' || c === '>') && text[this.i + 1] !== '(') || (c === '&' && text[this.i + 1] === '>')) {
        this.redirect();
        redirected = true;
        continue;
      }
      // (`<(` and `>(` start a word: a process substitution)
      if (c === undefined || c === '\n' || (isOperator(c) && c !== '<' && c !== '>')) break;
      const word = this.word();
      const next = text[this.i];
      if (next === '<' || next === '>') {
        // `2>&1`: digits right before a redirection are its file descriptor; `{fd}>` and `a>b` are left to mvdan-sh.
        if (!/^[0-9]+$/.test(word.raw)) throw OUTSIDE;
        this.redirect();
        redirected = true;
        continue;
      }
      // `A+=1`, `A[0]=1`, and a name cut by a line continuation (`CGO_\<newline>ENABLED=0`)
      if ((words.length === 0 || declaration) && (/^[A-Za-z_][A-Za-z0-9_]*(?:\+=|\[)/.test(word.raw) || nameCut(word.raw))) throw OUTSIDE;
      if (words.length === 0 && ASSIGNMENT.test(word.raw)) {
        const value = word.raw.slice(word.raw.indexOf('=') + 1);
        if (value.startsWith('\\')) throw OUTSIDE; // `A=\<newline>`
        if (first < 0) first = word.span.start;
        assigns.push({ name: word.raw.slice(0, word.raw.indexOf('=')), value: value === '' ? '' : unquote(value) });
        continue;
      }
      if (words.length === 0) {
        if (KEYWORDS.has(word.value!) || (DECLARATIONS.has(word.value!) && word.raw !== word.value)) throw OUTSIDE;
        declaration = assigns.length === 0 && DECLARATIONS.has(word.raw);
      } else if (declaration && declared && /^["'$]/.test(word.raw)) {
        throw OUTSIDE; // mvdan-sh rejects a quoted or expanded word after a declaration's `A=...`
      } else if (declaration && word.raw.includes('=')) {
        // mvdan-sh checks the name of each `A=...` a declaration makes; its `A=` is written as the name alone.
        // (`A=\<newline>`: mvdan-sh writes the name alone, without the continuation)
        if (!ASSIGNMENT.test(word.raw) || /^[^=]*=(?:\\\n)+$/.test(word.raw)) throw OUTSIDE;
        declared = true;
        if (word.raw.endsWith('=') && ASSIGNMENT.exec(word.raw)![0] === word.raw) {
          word.raw = word.raw.slice(0, -1);
          word.value = unquote(word.raw);
          word.span.end--;
        }
      }
      words.push(word);
    }
    if (words.length === 0 && assigns.length === 0) {
      if (this.pending.length > heredocs) {
        this.placeHeredocs(heredocs);
        return undefined;
      }
      throw OUTSIDE; // an empty command, or redirections alone
    }
    if (declaration && redirected) throw OUTSIDE;
    const start = first >= 0 ? first : words[0]!.span.start;
    const command: ShellCommand = { name: words[0]?.value, words, args: words.slice(1), assigns, span: { start, end: words.length > 0 ? words[words.length - 1]!.span.end : start }, subshell: this.subshells > 0 };
    this.commands.push(command);
    for (let k = heredocs; k < this.pending.length; k++) this.pending[k]!.command = command;
    this.placeHeredocs(heredocs);
    return command;
  }

  /** The walk visits a statement's heredocs after its command and its words: the pipelines of their bodies go there. */
  private placeHeredocs(from: number): void {
    for (let k = from; k < this.pending.length; k++) {
      const place: ShellPipeline = { span: { start: -1, end: -1 }, commands: [] };
      this.pending[k]!.place = place;
      this.pipelines.push(place);
    }
  }

  /** A redirection operator and its target word (which is not one of the command's words). */
  private redirect(): void {
    const { text } = this;
    const op = text.slice(this.i, this.i + 3);
    if (op.startsWith('<<')) return this.heredoc();
    if (op.startsWith('<(') || op.startsWith('>(')) throw OUTSIDE; // process substitution
    const length = /^(?:&>>|>>|>\||>&|<&|<>|&>|[<>])/.exec(op)![0].length;
    this.i += length;
    this.skip(false);
    const c = text[this.i];
    if (c === undefined || c === '\n' || isOperator(c)) throw OUTSIDE;
    // The walk visits redirections after the command: their substitutions would come out of order.
    if (this.word().raw.includes('$(')) throw OUTSIDE;
    // `>2>&1`: mvdan-sh reads the digits as the next redirection's descriptor, leaving this one without a target.
    if (text[this.i] === '<' || text[this.i] === '>') throw OUTSIDE;
  }

  /** `<<EOF`, `<<-EOF`, `<<'EOF'`: the body is read when the line ends. */
  private heredoc(): void {
    const { text } = this;
    if (text[this.i + 2] === '<' || this.substitutions > 0) throw OUTSIDE; // here-string; a heredoc inside `$( )`
    const dash = text[this.i + 2] === '-';
    this.i += dash ? 3 : 2;
    this.skip(false);
    const word = /^(["']?)([A-Za-z_][A-Za-z0-9_]*)\1(?=[\s;&|<>()]|$)/.exec(text.slice(this.i, this.i + 200));
    if (!word) throw OUTSIDE;
    this.i += word[0].length;
    this.pending.push({ delimiter: word[2]!, dash, quoted: word[1] !== '' });
  }

  /**
   * One word from the current position. Like mvdan-sh, a word whose last part is unquoted text or a `$NAME` keeps the
   * line continuations that follow it; after a quote or `${...}` they are not part of the word.
   */
  private word(): ShellWord {
    const { text } = this;
    const start = this.i;
    let end = start;
    // What the last part was: unquoted 'text', a 'param' ($NAME), 'closed' (quotes, ${...}), 'special' ($1, $@...).
    let last: 'text' | 'param' | 'closed' | 'special' = 'text';
    while (this.i < text.length) {
      const c = text[this.i]!;
      if ((c === '<' || c === '>') && this.i === start && text[this.i + 1] === '(') {
        // A process substitution: like `$( )`, its commands run in a subshell.
        this.i += 2;
        this.substitute();
        last = 'closed';
        end = this.i;
        continue;
      }
      if (isBlank(c) || c === '\n' || isOperator(c)) break;
      // A `#` starts a comment at the start of a word, and for mvdan-sh also after an expansion or a quote.
      if (c === '#' && (this.i === start || last !== 'text')) throw OUTSIDE;
      if (c === '\\') {
        if (text[this.i + 1] === '\n') {
          if (last === 'special') throw OUTSIDE;
          this.i += 2;
          if (last !== 'closed') end = this.i;
          continue;
        }
        if (this.i + 1 >= text.length) throw OUTSIDE;
        this.i += 2;
        last = 'text';
      } else if (c === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close < 0) throw OUTSIDE;
        this.i = close + 1;
        last = 'closed';
      } else if (c === '"') {
        this.doubleQuoted();
        last = 'closed';
      } else if (c === '$') {
        last = this.dollar();
      } else if (c === '`') {
        this.backtick(false);
        last = 'closed';
      } else if (c < ' ' || c === '\x7f') {
        throw OUTSIDE;
      } else {
        // The run of plain characters that starts here, at once: most of a command line.
        PLAIN.lastIndex = this.i + 1;
        this.i = PLAIN.test(text) ? PLAIN.lastIndex : this.i + 1;
        last = 'text';
      }
      end = this.i;
    }
    if (end === start) throw OUTSIDE;
    const raw = text.slice(start, end);
    if (this.pending.length > 0 && raw.includes('\n')) throw OUTSIDE; // a quoted newline before a heredoc's body
    return { value: unquote(raw), raw, span: { start, end } };
  }

  private doubleQuoted(): void {
    const { text } = this;
    for (this.i++; this.i < text.length; ) {
      const c = text[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') this.i += 2;
      else if (c === '$') this.dollar();
      else if (c === '`') this.backtick(true);
      else this.i++;
    }
    throw OUTSIDE; // unterminated
  }

  /** The list of a `$(` or `<(` up to its `)`: its commands run in a subshell. */
  private substitute(): void {
    this.substitutions++;
    this.subshells++;
    this.list({ close: true });
    this.substitutions--;
    this.subshells--;
    this.i++;
  }

  /** A `$` and the parameter after it; what kind of part it was. */
  private dollar(): 'text' | 'param' | 'closed' | 'special' {
    const { text } = this;
    const c = text[this.i + 1];
    if (c === '{') {
      const close = text.indexOf('}', this.i + 2);
      const inner = close < 0 ? '' : text.slice(this.i + 2, close);
      // (`${##x}` is an error to mvdan-sh: `#` cannot be followed by a word)
      if (!BRACED.test(inner) || /["'`$\\{\n]/.test(inner) || /^##./.test(inner)) throw OUTSIDE;
      this.i = close + 1;
      return 'closed';
    }
    if (isNameStart(c)) {
      NAME_REST.lastIndex = this.i + 2;
      NAME_REST.test(text);
      this.i = NAME_REST.lastIndex;
      return 'param';
    }
    if (c !== undefined && /[0-9@*#?$!-]/.test(c)) {
      this.i += 2;
      return 'special';
    }
    if (c === '(' && text[this.i + 2] !== '(' && text[this.i + 2] !== ')') {
      this.i += 2;
      this.substitute();
      return 'closed';
    }
    if (c === undefined || /[(['"`\\]/.test(c)) throw OUTSIDE; // $(( )), $[ ], $'...', $"...", and the odd cases
    this.i++; // a `$` followed by anything else is literal
    return 'text';
  }
}
