// The faster parsing steps (dockerfile-ast-patches.ts, and the heredoc shortcut in dockerfile.ts) must give what
// dockerfile-ast itself gives: each Dockerfile here is parsed with the library's own steps and with ours, and every
// accessor the model reads is compared.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { describe, expect, it } from 'vitest';
import { libraryGetRawArguments, libraryProcessArguments } from './dockerfile-ast-patches.js';
import { libraryGetHeredocs, parseDockerfile } from './dockerfile.js';

const instructionProto = Instruction.prototype as unknown as Record<string, unknown>;
const parserProto = Parser.prototype as unknown as Record<string, unknown>;

/** Runs `f` with dockerfile-ast's own getRawArguments and processArguments in place of ours. */
function withLibrary<T>(f: () => T): T {
  const ours = [instructionProto.getRawArguments, parserProto.processArguments];
  instructionProto.getRawArguments = libraryGetRawArguments;
  parserProto.processArguments = libraryProcessArguments;
  try {
    return f();
  } finally {
    [instructionProto.getRawArguments, parserProto.processArguments] = ours;
  }
}

const attempt = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
};

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the model and the rules read of an instruction, as plain data. */
function describeInstruction(i: Any, heredocs: (i: Any) => unknown): unknown {
  return {
    keyword: i.getKeyword(),
    range: i.getRange(),
    instructionRange: i.getInstructionRange(),
    args: attempt(() => i.getArguments().map((a: Any) => [a.getValue(), a.getRange()])),
    argsRange: attempt(() => i.getArgumentsRange()),
    argsContent: attempt(() => i.getArgumentsContent()),
    rawArgsContent: attempt(() => i.getRawArgumentsContent()),
    heredocs: attempt(() => heredocs(i)),
    flags: i.getFlags ? attempt(() => i.getFlags().map((f: Any) => [f.getName(), f.getValue(), f.getRange()])) : null,
    json: i.getJSONStrings ? attempt(() => i.getJSONStrings().map((s: Any) => [s.getValue(), s.getRange()])) : null,
    properties: i.getProperties ? attempt(() => i.getProperties().map((p: Any) => [p.getName(), p.getValue(), p.getRange()])) : null,
    trigger: i.getTriggerInstruction ? attempt(() => {
      const t = i.getTriggerInstruction();
      return t && describeInstruction(t, heredocs);
    }) : null,
  };
}

function describeParse(parse: () => Dockerfile, heredocs: (i: Any) => unknown): unknown {
  return attempt(() => {
    const df = parse();
    return {
      instructions: df.getInstructions().map((i) => describeInstruction(i, heredocs)),
      comments: df.getComments().map((c) => [c.getRange(), c.getContent()]),
      escape: df.getEscapeCharacter(),
    };
  });
}

const heredocData = (h: Any): unknown => [h.getName(), h.getStartRange(), h.getNameRange(), h.getContentRange(), h.getDelimiterRange()];

/** dockerfile-ast's own heredocs; none when it throws, as dockerfile.ts takes them. */
function libraryHeredocs(i: Any): unknown {
  let heredocs: unknown[];
  try {
    heredocs = libraryGetHeredocs.call(i);
  } catch {
    heredocs = [];
  }
  return heredocs.map(heredocData);
}

function expectSameParse(text: string): void {
  // The library's tree is read while its own steps are in place: accessors run on first use.
  const library = withLibrary(() => describeParse(() => DockerfileParser.parse(text), libraryHeredocs));
  // parseDockerfile's tree, read as the rules read it (memoized, with the heredoc shortcut).
  const ours = describeParse(() => parseDockerfile('/x/Dockerfile', text).ast, (i) => i.getHeredocs().map(heredocData));
  expect(ours, JSON.stringify(text)).toEqual(library);
}

function dockerfilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dockerfilesUnder(p));
    else if (/dockerfile|containerfile/i.test(entry.name)) out.push(p);
  }
  return out;
}

describe('dockerfile-ast patches', () => {
  it('parse the fixtures as dockerfile-ast does, with LF, CRLF and the backtick escape', () => {
    const files = dockerfilesUnder(path.join(import.meta.dirname, '../../fixtures'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectSameParse(text);
      expectSameParse(text.replace(/\n/g, '\r\n'));
      expectSameParse(`# escape=\`\n${text.replace(/\\(\r?\n)/g, '`$1')}`);
    }
  });

  it('parse what dockerfile-ast parses oddly as it does', () => {
    for (const text of [
      'FROM a\nRUN <<EOF\necho hi\nEOF\n',
      'FROM a\nRUN <\\<EOF\necho hi\nEOF\n',
      'FROM a\nRUN <<-"EOF" cat\n\tx\n\tEOF\n',
      'FROM a\nCOPY <<A <<B /x/\na\nA\nb\nB\n',
      'FROM a\nONBUILD RUN <<EOF\nx\nEOF\n',
      'FROM a\nRUN echo \\\n#\\--\n x\n',
      'FROM a\nRUN a\\ b \\$c \\\\ d\\',
      'FROM a\nRUN a \\  \n  # c\n\n  b \\\t\r\n c',
      'FROM a\nRUN ["a", "b\\"c"] \\\n  x',
      'FROM a\nENV A=1 B="2 3" \\\n C=4\n',
      'FROM a\nRUN é \ud83d\ude00 \ud83d x\n',
      '# escape=`\nFROM a\nRUN a `\n b `$c ``d`',
    ]) {
      expectSameParse(text);
    }
  });

  it('parse generated Dockerfiles as dockerfile-ast does', () => {
    const pieces = ['\\', '`', ' ', '\t', '\n', '\r', '\r\n', '#', 'a', 'b', '$', '<<', '<', '<\\<', 'EOF', '"', "'", '[', ']', ',', '--x=', '\\\n', '\\ \n', 'é', '\ud83d', '${a:-b}', '=', '-'];
    const heads = ['RUN ', 'COPY ', 'FROM ', 'ENV ', 'ONBUILD RUN ', 'ONBUILD COPY ', 'CMD ', 'ARG ', 'LABEL ', 'HEALTHCHECK CMD ', 'run ', 'ADD ', 'EOF\n', '  ', 'R\\\nUN '];
    let seed = 1;
    const pick = <T>(list: T[]): T => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return list[seed % list.length]!;
    };
    for (let k = 0; k < 3000; k++) {
      let text = (k % 5 === 0 ? '# escape=`\n' : '') + pick(heads);
      const length = k % 30;
      for (let i = 0; i < length; i++) {
        text += pick(pieces);
        if (pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) === 0) text += `\n${pick(heads)}`;
      }
      expectSameParse(text);
    }
  });
});
