// COPY and ADD read the way BuildKit reads them: flags, then whitespace-separated words (or a JSON array), the last
// word the destination, here-documents as inline sources. Shared by the COPY/ADD rules.
import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import { lineage } from './stage.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';

type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;

export interface CopyWord {
  /** The word as BuildKit uses it: quotes around it dropped, a JSON string decoded. */
  value: string;
  /** The word as written (quotes around it dropped), before escapes are processed: `c:\\app` keeps its backslashes. */
  raw: string;
  /** A here-document (`<<EOF`): inline content, not a path. */
  heredoc: boolean;
  at: SourceRef;
}

export interface CopyArgs {
  keyword: string;
  /** Written as a JSON array (`COPY ["a", "b"]`). */
  json: boolean;
  sources: CopyWord[];
  /** Undefined when the instruction has fewer than two words (a build error). */
  dest?: CopyWord;
  /** The `--from` value (COPY from a stage, an image or a named context); undefined when absent. */
  from?: string;
}

interface Flagged {
  getFlags?(): { getName(): string; getValue(): string | null }[];
  getJSONStrings?(): { getRange(): AstRange }[];
  getHeredocs?(): Heredoc[];
}

/** Drops the quotes around a word, as hadolint does and as BuildKit's word processing does for a plain quoted word. */
export function dropQuotes(word: string): string {
  return word.replace(/^["']+|["']+$/g, '');
}

/** Sources and destination of a COPY or ADD instruction (also an ONBUILD trigger), or undefined for other instructions. */
export function copyArgs(df: DockerfileModel, instruction: Instruction): CopyArgs | undefined {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return undefined;
  const flagged = instruction as unknown as Flagged;
  const from = flagged.getFlags?.().find((f) => f.getName().toLowerCase() === 'from');
  const words = jsonWords(df, instruction) ?? shellWords(df, instruction);
  const json = words.json;
  const list = words.list;
  return {
    keyword,
    json,
    sources: list.length >= 2 ? list.slice(0, -1) : [],
    dest: list.length >= 2 ? list[list.length - 1] : undefined,
    from: from ? (from.getValue() ?? '') : undefined,
  };
}

function jsonWords(df: DockerfileModel, instruction: Instruction): { json: true; list: CopyWord[] } | undefined {
  const args = instruction.getArguments();
  if (args.length === 0 || !args[0]!.getValue().startsWith('[')) return undefined;
  const strings = (instruction as unknown as Flagged).getJSONStrings?.() ?? [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(args.map((a) => written(df, a.getRange()) ?? a.getValue()).join(' '));
  } catch {
    return undefined; // not valid JSON: BuildKit reads it as shell words
  }
  if (!Array.isArray(parsed) || parsed.some((p) => typeof p !== 'string') || parsed.length !== strings.length) return undefined;
  const list = strings.map((s, i) => {
    const range = s.getRange();
    let value = parsed[i] as string;
    // Words joined with single spaces lose runs of blanks inside a string: decode the string's own text instead.
    const own = written(df, range);
    if (own !== undefined) {
      try {
        const decoded = JSON.parse(own) as unknown;
        if (typeof decoded === 'string') value = decoded;
      } catch {
        // keep the value from the joined words
      }
    }
    return { value, raw: value, heredoc: false, at: df.ref(range) };
  });
  return { json: true, list };
}

function shellWords(df: DockerfileModel, instruction: Instruction): { json: false; list: CopyWord[] } {
  const heredocs = (instruction as unknown as Flagged).getHeredocs?.() ?? [];
  // Here-document bodies and terminators are file content written inline, not words of the instruction.
  const inBody = (r: AstRange) => heredocs.some((h) => [h.getContentRange(), h.getDelimiterRange()].some((c) => c && contains(c, r)));
  const list = instruction
    .getArguments()
    .filter((a) => !inBody(a.getRange()))
    .map((a) => {
      const value = a.getValue();
      const heredoc = value.startsWith('<<');
      const r = a.getRange();
      const text = written(df, r) ?? value;
      return { value: heredoc ? value : dropQuotes(value), raw: heredoc ? text : dropQuotes(text), heredoc, at: df.ref(r) };
    });
  return { json: false, list };
}

/** The text of a one-line range as written in the file (escapes unprocessed); undefined for a range over lines. */
function written(df: DockerfileModel, r: AstRange): string | undefined {
  if (r.start.line !== r.end.line) return undefined;
  return df.text.slice(df.lines.offset(r.start.line + 1, r.start.character + 1), df.lines.offset(r.end.line + 1, r.end.character + 1));
}

function contains(outer: AstRange, inner: AstRange): boolean {
  const before = (a: AstRange['start'], b: AstRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** A source BuildKit fetches instead of reading the build context: an http(s), git or ssh URL, or `git@host:repo`. */
export function isRemoteSource(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@[^:/]+:/.test(value);
}

/** The stage an instruction belongs to (undefined before the first FROM). */
export function stageOf(df: DockerfileModel, instruction: Instruction): Stage | undefined {
  const line = instruction.getRange().start.line;
  let found: Stage | undefined;
  for (const stage of df.stages) if (stage.from.getRange().start.line <= line) found = stage;
  return found;
}

/**
 * ARG defaults and ENV values in effect where `instruction` stands: ENV from the stages it builds on, the stage's own
 * ARGs and ENVs before it. Values built from unknown variables are left out, so a word using them stays unknown.
 */
export function variablesAt(df: DockerfileModel, instruction: Instruction): Map<string, string> {
  const stage = stageOf(df, instruction);
  const vars = new Map<string, string>();
  if (!stage) return vars;
  const line = instruction.getRange().start.line;
  const env = new Map<string, string>();
  for (const s of lineage(stage)) {
    const args = new Map<string, string>();
    for (const i of s.instructions) {
      if (s === stage && i.getRange().start.line >= line) break;
      const keyword = i.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const p of (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        const scope = new Map<string, string | undefined>([...args, ...env]);
        const raw = p.getValue() ?? (keyword === 'ARG' ? df.globalArgs.get(p.getName()) : undefined);
        const value = raw === undefined || raw === null ? undefined : substitute(raw, scope);
        if (keyword === 'ENV') {
          if (value === undefined) env.delete(p.getName());
          else env.set(p.getName(), value);
        } else if (value === undefined) args.delete(p.getName());
        else args.set(p.getName(), value);
      }
    }
    if (s === stage) for (const [k, v] of args) if (!env.has(k)) env.set(k, v);
  }
  for (const [k, v] of env) vars.set(k, v);
  return vars;
}

/**
 * The word with known variables substituted; undefined when it uses one whose value cannot be known, when a `$` is
 * left that is no variable reference we can read (`${`, a lone `$`), or when it comes out empty.
 */
export function resolveWord(word: string, vars: ReadonlyMap<string, string>): string | undefined {
  if (!word.includes('$')) return word;
  const out = substitute(word, vars);
  return out === undefined || out === '' || out.includes('$') ? undefined : out;
}
