import type { Dirent } from 'node:fs';
import { listDir, noteRead, present, readText } from '../util/reads.js';
import path from 'node:path';
import { Dockerignore, cleanPath, goMatchRegExp } from '../parse/dockerignore.js';

/**
 * How many times any build context was looked at: a rule whose run leaves it unchanged found what it found without
 * the context, so copies of a Dockerfile in other contexts get the same findings (engine/run.ts, `Reuse`).
 */
export let contextLooks = 0;

/** What a Docker build context sends to the builder, and what COPY/ADD sources take from it. */
export class BuildContext {
  private ignoreCache?: { file: string; rules: Dockerignore } | null;
  private ignoreCandidates?: string[];
  private absoluteRoot?: string;
  private fileCache?: string[];
  /** `fileCache` split into path segments, for matching COPY sources. */
  private splitCache?: string[][];
  /** The directories walked for `files()`: a file added or removed under them changes their mtime. */
  private listed: string[] = [];

  /** `dockerfilePath` is resolved against the process cwd, as `docker build -f` does. */
  constructor(private readonly root: string, private readonly dockerfilePath?: string) {}

  /** The context directory resolved, once: a monorepo run has thousands of contexts, each asked for often. */
  private absolute(): string {
    return (this.absoluteRoot ??= path.resolve(this.root));
  }

  /** `path.resolve(root, name)` for a plain file name. */
  private inRoot(name: string): string {
    const root = this.absolute();
    return root.endsWith(path.sep) ? root + name : root + path.sep + name;
  }

  get dir(): string {
    contextLooks++;
    return this.root;
  }

  /** `<Dockerfile>.dockerignore` beside the Dockerfile wins over `<context>/.dockerignore`. */
  get ignore(): { file: string; rules: Dockerignore } | undefined {
    contextLooks++;
    // Resolved once: rules ask for the ignore file of each context many times.
    const candidates = (this.ignoreCandidates ??= [
      ...(this.dockerfilePath ? [`${path.resolve(this.dockerfilePath)}.dockerignore`] : []),
      this.inRoot('.dockerignore'),
    ]);
    if (this.ignoreCache === undefined) {
      this.ignoreCache = null;
      for (const file of candidates) {
        noteRead(file);
        try {
          // Most contexts have no ignore file: an error thrown for each missing one costs far more than this test,
          // which a listing of the directory made earlier in the run usually answers without asking the system.
          if (!present(file)) continue;
          this.ignoreCache = { file, rules: Dockerignore.parse(readText(file)) };
          break;
        } catch {
          // missing or unreadable (or a directory): try the next one
        }
      }
    }
    // Noted on every use, not only the first: each result that used it depends on it (--cache).
    for (const file of candidates) {
      noteRead(file, file === this.ignoreCache?.file ? 'content' : 'exists');
      if (file === this.ignoreCache?.file) break;
    }
    return this.ignoreCache ?? undefined;
  }

  files(): string[] {
    contextLooks++;
    if (this.fileCache) {
      for (const dir of this.listed) noteRead(dir, 'listing');
      return this.fileCache;
    }
    const rules = this.ignore?.rules;
    const root = this.absolute();
    const entries = listTree(root, rules ? prunable(rules) : new Set());
    this.fileCache = entries.filter((e) => !e.endsWith('/') && !rules?.isExcluded(e)).sort();
    this.listed = [root, ...entries.filter((e) => e.endsWith('/')).map((e) => path.join(root, e))];
    return this.files();
  }

  filesTakenBy(sources: string[]): string[] {
    contextLooks++;
    const files = this.files();
    const taken = new Set<string>();
    for (const src of sources) {
      // Remote sources and unresolved variables say nothing about the local context.
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith('git@') || /\$[{\w]/.test(src)) continue;
      const clean = cleanPath(src).replace(/^\/+/, '') || '.'; // a leading '/' is the context root
      if (clean === '..' || clean.startsWith('../')) continue; // outside the context: Docker refuses it
      if (clean === '.') {
        files.forEach((f) => taken.add(f));
        continue;
      }
      if (!/[*?[\\]/.test(clean)) {
        // No wildcard or escape: each segment's pattern matches only itself, so compare the paths as text.
        const under = `${clean}/`;
        for (const f of files) if (f === clean || f.startsWith(under)) taken.add(f);
        continue;
      }
      const segs = clean.split('/').map(goMatchRegExp);
      if (segs.some((r) => r === undefined)) continue; // a malformed pattern is a build error
      // A file is taken if it is the match itself or lies under a matched directory.
      (this.splitCache ??= files.map((f) => f.split('/'))).forEach((parts, k) => {
        if (parts.length >= segs.length && segs.every((r, i) => r!.test(parts[i]))) taken.add(files[k]);
      });
    }
    return [...taken].sort();
  }
}

/**
 * Every entry under `root` (relative, `/`-separated, directories with a trailing `/`), breadth first in directory
 * order, as fast-glob's `**` listed them with dot files, no symlinks followed and errors suppressed (an unreadable
 * directory lists nothing). Entries named in `pruned` are left out with everything under them. Walked by hand: a
 * fast-glob call costs ~1 ms of set-up, and a monorepo has thousands of mostly tiny contexts.
 */
function listTree(root: string, pruned: Set<string>): string[] {
  const entries: string[] = [];
  const queue: { dir: string; rel: string }[] = [{ dir: root, rel: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { dir, rel } = queue[i]!;
    let dirents: Dirent[];
    try {
      dirents = listDir(dir); // discovery listed most of these already (util/reads.ts)
    } catch {
      continue;
    }
    for (const d of dirents) {
      const relPath = rel + d.name;
      if (pruned.has(relPath)) continue;
      if (d.isDirectory()) {
        entries.push(`${relPath}/`);
        queue.push({ dir: dir.endsWith('/') ? dir + d.name : `${dir}/${d.name}`, rel: `${relPath}/` });
      } else {
        entries.push(relPath);
      }
    }
  }
  return entries;
}

/**
 * Paths whose whole tree is excluded (node_modules, .git), to skip without walking them.
 * Safe only with no '!' exceptions (nothing can be re-included) and for plain literal names.
 */
function prunable(rules: Dockerignore): Set<string> {
  if (rules.patterns.some((p) => p.negate)) return new Set();
  return new Set(rules.patterns.map((p) => p.pattern).filter((p) => /^[\w.-]+(\/[\w.-]+)*$/.test(p) && !p.split('/').some((s) => s === '.' || s === '..')));
}
