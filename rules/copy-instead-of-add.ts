import { defineRule } from '../src/engine/rule.js';
import { copyArgs, isRemoteSource, resolveWord, variablesAt } from '../src/model/copy.js';
import { dockerfilesOf } from '../src/model/project.js';

/** Names hadolint takes for archives that ADD extracts (tar, possibly compressed); matched case-sensitively. */
const ARCHIVE_SUFFIXES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

export default defineRule({
  meta: {
    id: 'copy-instead-of-add',
    aliases: ['DL3020', 'DS005', 'AVD-DS-0005', 'CKV_DOCKER_4', 'Add Instead of Copy'],
    level: 'error',
    target: 'dockerfile',
    tags: ['best-practice', 'security'],
    description: 'ADD is used only for what COPY cannot do: remote URLs, git repositories and local tar archives to extract.',
    securitySeverity: 3.0,
    docs: {
      what: 'Reports an ADD instruction when one of its sources is a plain local file or folder (or a here-document): a source that is not an http(s), git or ssh URL, not `git@host:repo`, and whose name does not end in an archive extension (`.tar`, `.gz`, `.tgz`, `.bz2`, `.xz`, `.tbz2`, `.txz`, `.lz`, `.lzma`, `.Z` and the like; `.zip` is not one: ADD does not extract it). A source built from a variable whose value is unknown is not judged. ONBUILD triggers are not checked.',
      why: 'ADD does more than copy: it downloads URLs and silently unpacks local tar archives. Using it for plain files hides that magic where nobody expects it, and a file that later turns into an archive gets extracted instead of copied. COPY does exactly one thing and is the documented choice for local files.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nADD requirements.txt .\nADD src/ ./src/\nADD vendor/wheels.tar.gz /tmp/wheels/',
      fix: 'Use COPY for local files and folders; keep ADD for archives to extract and remote sources:\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY src/ ./src/\nADD vendor/wheels.tar.gz /tmp/wheels/',
    },
    messages: {
      useCopy: 'Use COPY instead of ADD for the local source "{{source}}": ADD is only needed for URLs, git repositories and tar archives to extract.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const instruction of df.ast.getInstructions()) {
        if (instruction.getKeyword() !== 'ADD') continue;
        const args = copyArgs(df, instruction);
        if (!args || args.sources.length === 0) continue;
        let vars: Map<string, string> | undefined;
        const local = args.sources.find((source) => {
          if (source.heredoc) return true;
          const value = source.value.includes('$') ? resolveWord(source.value, (vars ??= variablesAt(df, instruction))) : source.value;
          if (value === undefined) return false; // unknown: not judged
          return !isRemoteSource(value) && !ARCHIVE_SUFFIXES.some((suffix) => value.endsWith(suffix));
        });
        if (local) report({ messageId: 'useCopy', data: { source: local.value }, at: df.ref(instruction.getInstructionRange()) });
      }
    }
  },
});
