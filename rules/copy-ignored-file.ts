import path from 'node:path';
import type { Dirent } from 'node:fs';
import { listDir, noteRead } from '../src/util/reads.js';
import { defineRule } from '../src/engine/rule.js';
import type { BuildContext } from '../src/model/build-context.js';
import { copyArgs, isRemoteSource, resolveWord, variablesAt } from '../src/model/copy.js';
import { cleanPath, goMatchRegExp } from '../src/parse/dockerignore.js';
import { dockerfilesOf } from '../src/model/project.js';

/**
 * Whether a COPY/ADD source (a path relative to the context root) names something the context's .dockerignore
 * keeps out entirely: the path (or, for a wildcard, every entry it matches on disk) is excluded and no file under
 * it is sent back in by a `!` exception. The context root itself is never excluded.
 */
function isIgnored(context: BuildContext, source: string): boolean {
  const rules = context.ignore?.rules;
  if (!rules) return false;
  const clean = cleanPath(source).replace(/^\/+/, '') || '.';
  if (clean === '.' || clean === '..' || clean.startsWith('../')) return false;
  if (/[*?[\\]/.test(clean)) {
    const segs = clean.split('/').map(goMatchRegExp);
    if (segs.some((r) => r === undefined)) return false; // a malformed pattern is a build error of its own
    const matches = matchingEntries(path.resolve(context.dir), segs as RegExp[]);
    // Nothing there at all is a missing file, not an ignored one.
    if (matches.length === 0 || !matches.every((m) => rules.isExcluded(m))) return false;
  } else if (!rules.isExcluded(clean)) {
    return false;
  }
  return context.filesTakenBy([clean]).length === 0;
}

/**
 * The entries of the context that the pattern's segments match, level by level (only directories can hold the next
 * level; symbolic links are not followed). Each directory listed is noted for --cache: the answer depends on its names.
 */
function matchingEntries(root: string, segs: RegExp[]): string[] {
  let level = [''];
  for (let depth = 0; depth < segs.length && level.length > 0; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      const dir = path.join(root, rel);
      noteRead(dir, 'listing');
      let entries: Dirent[];
      try {
        entries = listDir(dir);
      } catch {
        continue;
      }
      for (const e of entries) {
        if (segs[depth]!.test(e.name) && (depth === segs.length - 1 || e.isDirectory())) next.push(rel ? `${rel}/${e.name}` : e.name);
      }
    }
    level = next;
  }
  return level;
}

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    aliases: ['CopyIgnoredFile'],
    level: 'warning',
    target: 'project',
    tags: ['correctness', 'build-context'],
    description: 'COPY and ADD do not name a source that the build context\'s .dockerignore excludes.',
    docs: {
      what: "Reports a COPY or ADD source argument that the build context's `.dockerignore` (or the `<Dockerfile>.dockerignore` beside the Dockerfile, which wins) excludes entirely: the path is excluded, or every entry a wildcard matches is, and no `!` exception sends anything under it back. A Dockerfile is checked against every context it is built with: each compose service that builds it, or its own directory when no service does; when only some of those contexts exclude the source, the message names the services. `COPY --from`, URLs, git sources, here-documents and sources built from variables with unknown values are not context files and are not checked; neither are ONBUILD triggers, which run in another build. `COPY . .` never is: the context root is always sent.",
      why: 'Files that match `.dockerignore` are not sent to the builder, so a COPY or ADD that names one fails with "not found", or, for a wildcard, copies nothing. The mistake usually comes from an ignore pattern written for something else (`*.md`, `config/`, `**/*.json`).',
      example: '# .dockerignore\nnode_modules\n*.md\nconfig/\n\n# Dockerfile\nFROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY config/ ./config/\nCOPY README.md ./',
      fix: 'Narrow the ignore pattern, or add an exception for what the image needs:\n\n# .dockerignore\nnode_modules\n*.md\n!README.md\nconfig/local/\n\nor stop copying the file if the image does not need it.',
    },
    messages: {
      ignored: '{{keyword}} source "{{source}}" is excluded by {{ignoreFile}}: it is not sent with the build context, so the build cannot find it.',
      ignoredIn: '{{keyword}} source "{{source}}" is excluded by {{ignoreFile}} in the build context of {{contexts}}: the build cannot find it there.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      const contexts = project.contextsOf(df);
      if (!contexts.some((c) => c.ignore)) continue;
      const label = (context: BuildContext): string[] =>
        project.services.filter((s) => s.dockerfile === df && s.context === context).map((s) => `"${s.name}"`);
      for (const instruction of df.ast.getInstructions()) {
        const args = copyArgs(df, instruction);
        if (!args || args.from !== undefined) continue; // COPY --from reads a stage, an image or a named context
        let vars: Map<string, string> | undefined;
        for (const source of args.sources) {
          if (source.heredoc) continue;
          const value = resolveWord(source.value, (vars ??= variablesAt(df, instruction)));
          if (value === undefined || isRemoteSource(value)) continue;
          const ignoring = contexts.filter((c) => isIgnored(c, value));
          if (ignoring.length === 0) continue;
          const ignoreFile = path.relative(project.cwd, ignoring[0]!.ignore!.file).split(path.sep).join('/');
          const data = { keyword: args.keyword, source: source.value, ignoreFile };
          if (ignoring.length === contexts.length) {
            report({ messageId: 'ignored', data, at: source.at });
            continue;
          }
          const names = [...new Set(ignoring.flatMap(label))];
          const contextsText = names.length === 0 ? 'some of its build contexts' : `${names.length > 1 ? 'services' : 'service'} ${names.join(', ')}`;
          report({ messageId: 'ignoredIn', data: { ...data, contexts: contextsText }, at: source.at });
        }
      }
    }
  },
});
