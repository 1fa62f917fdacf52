// Two changes to dockerfile-ast's parser (0.7.1) for speed, each doing what the library does, step for step, with
// less work; dockerfile-ast-patches.test.ts compares them with the library's own on real and generated Dockerfiles,
// so a new version of the library that reads Dockerfiles differently fails it.
//
// Instruction.getRawArguments: characters are compared by code, an argument's value is cut out of the text as slices
// instead of grown one character at a time, and its range is built without the validating Range.create. The library
// tokenizes every instruction while parsing (a RUN's arguments in its constructor), and the one-character
// concatenations made a rope per argument that every later read flattened: this was the largest cost of parsing.
//
// Parser.processArguments: to look for heredocs, the library builds every instruction twice, once up to its first
// unescaped newline (read by processHeredocs, then dropped) and once whole. Only a `<` can start a heredoc, so an
// instruction without one skips the first.
import { Argument, Instruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';

interface Position {
  line: number;
  character: number;
}

/** The parts of an instruction that the tokenizer reads (private in dockerfile-ast's typings). */
interface Internals {
  document: { positionAt(offset: number): Position; offsetAt(position: Position): number };
  escapeChar: string;
  getInstructionRange(): { start: Position; end: Position };
  getTextContent(): string;
}

const proto = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };

/** dockerfile-ast's own getRawArguments, for the test that compares the two. */
export const libraryGetRawArguments = proto.getRawArguments;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const DOLLAR = 36;

function getRawArguments(this: Instruction): Argument[] {
  const self = this as unknown as Internals;
  const document = self.document;
  const escapeChar = self.escapeChar;
  // Characters are compared by code; the escape character is always one (`\\` or a backtick).
  if (escapeChar.length !== 1) return libraryGetRawArguments.call(this);
  const escape = escapeChar.charCodeAt(0);
  const args: Argument[] = [];
  const range = self.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const content = self.getTextContent();
  const fullArgs = content.substring(extra);
  const length = fullArgs.length;
  const offset = document.offsetAt(range.start) + extra;
  let start = false;
  let comment = false;
  let found = -1;
  // determines whether the parser has found a space or tab whitespace character that's a part of an escaped newline
  // sequence
  let escapedWhitespaceDetected = false;
  // determines if the parser is currently in an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  // The argument's value so far is `head` followed by fullArgs[runStart, runEnd): a character appended right after
  // the run extends it; any other starts a new run, and the old one moves into `head`.
  let head = '';
  let runStart = -1;
  let runEnd = -1;
  const push = (end: number): void => {
    const value = runStart === -1 ? head : head + fullArgs.slice(runStart, runEnd);
    args.push(new Argument(value, { start: document.positionAt(offset + found), end: document.positionAt(offset + end) }));
    head = '';
    runStart = -1;
    found = -1;
  };
  /** Appends fullArgs[from, to) to the value, starting it at `at` when it is the argument's first character. */
  const take = (from: number, to: number, at: number): void => {
    if (runStart !== -1 && runEnd === from) {
      runEnd = to;
    } else {
      if (runStart !== -1) head += fullArgs.slice(runStart, runEnd);
      runStart = from;
      runEnd = to;
    }
    if (found === -1) found = at;
  };
  for (let i = 0; i < length; i++) {
    const char = fullArgs.charCodeAt(i);
    if (char === SPACE || char === TAB || char === CR || char === LF) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === CR || char === LF) {
          // reached a newline, any previously detected whitespace should be ignored
          escapedWhitespaceDetected = false;
          if (comment) {
            // reached a newline, no longer in a comment
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (char === escape) {
      // charCodeAt past the end is NaN, which equals nothing: the library's charAt gives ''.
      const next = fullArgs.charCodeAt(i + 1);
      if (next === SPACE || next === TAB) {
        whitespaceCheck: for (let j = i + 2; j < length; j++) {
          const newlineCheck = fullArgs.charCodeAt(j);
          switch (newlineCheck) {
            case SPACE:
            case TAB:
              continue;
            case CR:
            case LF:
              // `\r\n` is one newline
              if (newlineCheck === CR) j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) {
                escapeMarker = i;
              }
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) {
                i = j - 1;
              }
              break whitespaceCheck;
          }
        }
      } else if (next === CR || next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i += next === CR ? 2 : 1; // a CR is taken as the start of CRLF
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker);
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (i + 1 >= length) {
          // reached EOF, stop processing
          break;
        }
        // `\$` keeps its escape; any other escaped character is taken without it.
        take(next === DOLLAR ? i : i + 1, i + 2, i);
        i++;
      }
    } else if (!comment) {
      if (start && char === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker);
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        take(i, i + 1, i);
      }
      // non-whitespace character detected, reset
      start = false;
    }
  }
  if (found !== -1) {
    push(escapeMarker === -1 ? length : escapeMarker);
  }
  return args;
}

proto.getRawArguments = getRawArguments;

/** The parser's state and steps that processArguments uses (private in dockerfile-ast's typings). */
interface ParserInternals {
  buffer: string;
  escapeChar: string;
  createInstruction(dockerfile: unknown, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
  processHeredocs(instruction: Instruction, offset: number): number;
  processComment(dockerfile: unknown, start: number): number;
}

const parserProto = Parser.prototype as unknown as { processArguments(this: ParserInternals, ...args: unknown[]): number };

/** dockerfile-ast's own processArguments, for the test that compares the two. */
export const libraryProcessArguments = parserProto.processArguments;

function processArguments(this: ParserInternals, dockerfile: unknown, instruction: string, instructionEnd: number, start: number, offset: number): number {
  const buffer = this.buffer;
  let escaped = false;
  argumentsCheck: for (let i = offset + 1; i < buffer.length; i++) {
    const char = buffer.charAt(i);
    switch (char) {
      case '\r':
      case '\n': {
        if (escaped) {
          continue;
        }
        // The one change: without a `<` (a heredoc may be written `<\<EOF`), processHeredocs would find none.
        if (!hasLessThan(buffer, start, i)) return i;
        return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
      }
      case this.escapeChar: {
        const next = buffer.charAt(i + 1);
        if (next === '\n' || next === '\r') {
          escaped = true;
          i++;
        } else if (next === ' ' || next === '\t') {
          for (let j = i + 2; j < buffer.length; j++) {
            const c = buffer.charAt(j);
            if (c === ' ' || c === '\t') continue;
            if (c === '\r' || c === '\n') escaped = true;
            i = j;
            continue argumentsCheck;
          }
          // reached EOF
          return buffer.length;
        }
        continue;
      }
      case '#':
        if (escaped) {
          i = this.processComment(dockerfile, i);
          continue argumentsCheck;
        }
        break;
      case ' ':
      case '\t':
        break;
      default:
        if (escaped) {
          escaped = false;
        }
        break;
    }
  }
  return buffer.length;
}

/** Whether text[start, end) holds a `<` (looked for in that range only: indexOf would scan the rest of the file). */
function hasLessThan(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 60) return true;
  return false;
}

parserProto.processArguments = processArguments;
