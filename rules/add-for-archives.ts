import { defineRule } from '../src/engine/rule.js';
import { copyArgs, resolveWord, variablesAt, type CopyWord } from '../src/model/copy.js';
import { commandName } from '../src/model/run.js';
import { parsedRuns } from '../src/model/packages-lang.js';
import type { ShellCommand } from '../src/parse/shell.js';
import { dockerfilesOf } from '../src/model/project.js';

/** The names hadolint takes for archives (tar, possibly compressed); matched case-sensitively. */
const ARCHIVE_SUFFIXES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];
/** Commands that unpack what they are given. */
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

const isArchive = (name: string): boolean => ARCHIVE_SUFFIXES.some((suffix) => name.endsWith(suffix));
/** The last path component, for `/` and `\` separators. */
const basename = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** `tar -xf`, `tar --extract`, `tar xzf` (the old style, options bundled in the first word). */
function tarExtracts(command: ShellCommand): boolean {
  return command.args.some((a, i) => {
    const v = a.value;
    if (v === undefined) return false;
    if (v === '--extract' || v === '--get') return true;
    if (/^-[^-]/.test(v)) return v.includes('x');
    return i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(v);
  });
}

/** The names of the files an extracting command reads (the basenames of its words that are not options). */
function extractedNames(command: ShellCommand): Set<string> | undefined {
  const name = commandName(command);
  if (!(name === 'tar' && tarExtracts(command)) && !UNPACKERS.has(name ?? '')) return undefined;
  const names = new Set<string>();
  for (const arg of command.args) {
    const v = arg.value;
    if (v === undefined) continue;
    if (v.startsWith('--file=')) names.add(basename(v.slice('--file='.length)));
    else if (!v.startsWith('-')) names.add(basename(v));
  }
  return names;
}

interface Copied {
  name: string;
  word: CopyWord;
  reported: boolean;
}

export default defineRule({
  meta: {
    id: 'add-for-archives',
    aliases: ['DL3010'],
    level: 'note',
    target: 'dockerfile',
    tags: ['image-size', 'best-practice'],
    description: 'A local tar archive that a later RUN extracts is added with ADD, which extracts it, instead of COPY.',
    docs: {
      what: 'Finds a COPY (not `COPY --from`, not a here-document) that brings a tar archive into the image (a source, or a destination file, whose name ends in `.tar`, `.gz`, `.tgz`, `.bz2`, `.xz`, `.tbz2`, `.txz`, `.lz`, `.lzma`, `.Z` and the like) when a later RUN of the same stage (exec form and heredoc scripts included) extracts a file of that name: `tar -x`/`--extract`/`xf`, `unzip`, `gunzip`, `bunzip2`, `unxz`, `unlzma`, `uncompress`, `zcat`. Names are compared without their directories. The finding points at the archive in the COPY. Names built from variables whose value is unknown are not judged.',
      why: 'COPY followed by `tar -x` stores the archive in one layer and its content in another: the archive stays in the image even if a later RUN deletes it. ADD unpacks a local tar archive as it copies it, in one step and one layer.',
      example: 'FROM debian:12-slim\nCOPY dist/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
      fix: 'Let ADD unpack the archive:\n\nFROM debian:12-slim\nADD dist/app.tar.gz /opt/',
    },
    messages: {
      useAdd: '"{{archive}}" is copied here and extracted by the RUN on line {{line}}: ADD extracts a local tar archive as it copies it.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const runs = parsedRuns(df).filter((r) => !r.onbuild);
      for (const stage of df.stages) {
        const copied: Copied[] = [];
        for (const instruction of stage.instructions) {
          if (instruction.getKeyword() === 'COPY') {
            const args = copyArgs(df, instruction);
            // From another stage or image, or inline content: ADD would not extract those.
            if (!args?.dest || args.from !== undefined || args.sources.some((s) => s.heredoc)) continue;
            let vars: Map<string, string> | undefined;
            // As written (Windows paths keep their backslashes), or with its variables resolved.
            const nameOf = (word: CopyWord) => (word.value.includes('$') ? resolveWord(word.value, (vars ??= variablesAt(df, instruction))) : word.raw);
            const dest = nameOf(args.dest);
            if (dest !== undefined && isArchive(basename(dest))) copied.push({ name: basename(dest), word: args.dest, reported: false });
            else {
              for (const source of args.sources) {
                const value = nameOf(source);
                if (value !== undefined && isArchive(basename(value))) copied.push({ name: basename(value), word: source, reported: false });
              }
            }
            continue;
          }
          if (instruction.getKeyword() !== 'RUN' || copied.length === 0) continue;
          const run = runs.find((r) => r.instruction === instruction);
          if (!run) continue;
          for (const command of run.commands) {
            const names = extractedNames(command);
            if (!names) continue;
            for (const c of copied) {
              if (c.reported || !names.has(c.name)) continue;
              c.reported = true;
              report({ messageId: 'useAdd', data: { archive: c.name, line: instruction.getRange().start.line + 1 }, at: c.word.at });
            }
          }
        }
      }
    }
  },
});
