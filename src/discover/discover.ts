import { closeSync, openSync, promises as fsp, readSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Ignore } from 'ignore';
import { listDir, present } from '../util/reads.js';

export type FileKind = 'dockerfile' | 'compose';

export interface DiscoveredFile {
  path: string; // absolute
  kind: FileKind;
  explicit: boolean; // named on the command line
}

/** `path` is the argument as the user wrote it, so messages echo their words. */
export interface DiscoverError {
  path: string;
  message: string;
}

const DOCKERFILE = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.[Dd]ockerfile)$/;
const COMPOSE = /^(?:docker-)?compose(?:\..+)?\.ya?ml$/;

export function kindOfName(basename: string): FileKind | undefined {
  if (basename.endsWith('.dockerignore')) return undefined; // Dockerfile.dockerignore is an ignore file
  if (DOCKERFILE.test(basename)) return 'dockerfile';
  if (COMPOSE.test(basename)) return 'compose';
  return undefined;
}

/** Directories never searched. */
const SKIP = new Set(['.git', 'node_modules']);
/**
 * A line terminator in a directory's name: the fast-glob walk this replaces found nothing under such a directory
 * (its globs' `**` did not match them), and results must not change.
 */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

const INSTRUCTION =
  /^(?:FROM|ARG|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(?:\s|$)/i;

/** For an oddly named explicit file: the first non-comment line decides. */
export function sniff(text: string): FileKind {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    return INSTRUCTION.test(t) ? 'dockerfile' : 'compose';
  }
  return 'compose';
}

export async function discover(
  paths: string[],
  opts: { cwd: string; forceKind?: FileKind },
): Promise<{ files: DiscoveredFile[]; errors: DiscoverError[] }> {
  const found = new Map<string, DiscoveredFile>();
  const errors: DiscoverError[] = [];
  const gitignores = new GitIgnores();
  for (const arg of paths) {
    const abs = path.resolve(opts.cwd, arg);
    try {
      // Synchronous: fs.promises costs a single-file run ~1.5 ms to load, and nothing runs meanwhile.
      const st = statSync(abs);
      if (st.isFile()) {
        const kind = kindOfName(path.basename(abs)) ?? opts.forceKind ?? sniff(head(abs));
        found.set(abs, { path: abs, kind, explicit: true }); // explicit wins over a directory hit
      } else if (st.isDirectory()) {
        for (const f of await searchDir(abs, gitignores)) if (!found.has(f.path)) found.set(f.path, f);
      } else {
        errors.push({ path: arg, message: 'not a regular file or directory' });
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      errors.push({ path: arg, message: err.code === 'ENOENT' ? 'no such file or directory' : err.message });
    }
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, errors };
}

/** The first 64 KB of a file, enough to sniff its kind: a named file may be huge, or a device that never ends. */
function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

/** A file's text, refused (rejected) unless it is a regular file of at most 10 MB: a .gitignore may be a link to a device. */
async function regularFileText(file: string): Promise<string> {
  const st = await fsp.stat(file);
  if (!st.isFile() || st.size > 10 * 1024 * 1024) throw new Error(`${file}: not a regular file of at most 10 MB`);
  return fsp.readFile(file, 'utf8');
}

async function searchDir(root: string, gitignores: GitIgnores): Promise<DiscoveredFile[]> {
  const entries = walk(root);
  const withGitignore = new Set<string>();
  for (const e of entries) if (path.posix.basename(e) === '.gitignore') withGitignore.add(path.join(root, path.posix.dirname(e)));
  // With no .gitignore above or below root, nothing is ignored: no file needs asking.
  const rules = withGitignore.size > 0 || (await gitignores.above(root)).length > 0;
  const out: DiscoveredFile[] = [];
  for (const e of entries) {
    const kind = kindOfName(path.posix.basename(e));
    if (!kind) continue;
    const abs = path.join(root, e);
    if (!rules || !(await gitignores.ignored(abs, root, withGitignore))) out.push({ path: abs, kind, explicit: false });
  }
  return out;
}

/**
 * The files under `root` (relative, `/`-separated) that may be a Dockerfile or a compose file (kindOfName decides),
 * and the .gitignore files. Walked by hand with one readdir per directory: fast-glob took ~1 s of CPU on a
 * 10,000-file tree. Like the fast-glob call it replaces: regular files only (a symlink is not followed, to a file or
 * a directory), dot files and directories included, .git and node_modules skipped, unreadable directories skipped.
 */
function walk(root: string): string[] {
  const out: string[] = [];
  const queue = [''];
  for (let i = 0; i < queue.length; i++) {
    const rel = queue[i]!;
    let dirents: Dirent[];
    try {
      // Kept for the run (util/reads.ts): build contexts list these directories again, and probes look in them.
      dirents = listDir(rel ? path.join(root, rel.slice(0, -1)) : root);
    } catch {
      continue;
    }
    for (const d of dirents) {
      const name = d.name;
      if (d.isDirectory()) {
        if (!SKIP.has(name) && !LINE_TERMINATOR.test(name)) queue.push(`${rel}${name}/`);
      } else if (d.isFile() && (name === '.gitignore' || kindOfName(name))) {
        out.push(rel + name);
      }
    }
  }
  return out;
}

/**
 * Git's layered .gitignore rules: each file applies to paths below its own directory, deeper files
 * override shallower ones, and nothing under an ignored directory can be re-included.
 * Files are read lazily and cached across the directory arguments of one run.
 */
class GitIgnores {
  private rules = new Map<string, Promise<Ignore | undefined>>();
  private dirIgnored = new Map<string, Promise<boolean>>();
  private roots = new Map<string, string | undefined>();
  private chains = new Map<string, Promise<string[]>>();

  /** The nearest directory at or above `dir` holding `.git` (a dir, or a file in worktrees). */
  private gitRoot(dir: string): string | undefined {
    if (!this.roots.has(dir)) {
      const parent = path.dirname(dir);
      this.roots.set(dir, present(path.join(dir, '.git')) ? dir : parent === dir ? undefined : this.gitRoot(parent));
    }
    return this.roots.get(dir);
  }

  private load(dir: string): Promise<Ignore | undefined> {
    let r = this.rules.get(dir);
    if (!r) {
      r = Promise.all([regularFileText(path.join(dir, '.gitignore')), import('ignore')]).then(
        ([text, { default: ignore }]) => ignore({ ignorecase: false }).add(text), // git is case-sensitive on Linux
        () => undefined,
      );
      this.rules.set(dir, r);
    }
    return r;
  }

  /** The directories from the git root down to root's parent that hold a .gitignore (read once per root). */
  above(root: string): Promise<string[]> {
    let found = this.chains.get(root);
    if (!found) {
      const chain: string[] = [];
      const top = this.gitRoot(root);
      if (top) for (let d = path.dirname(root); d.startsWith(top); d = path.dirname(d)) {
        chain.unshift(d);
        if (d === top) break;
      }
      found = Promise.all(chain.map((d) => this.load(d))).then((rules) => chain.filter((_, i) => rules[i]));
      this.chains.set(root, found);
    }
    return found;
  }

  /** Is `abs`, found while searching `root`, ignored? `root` itself and its parents never are: the user named it. */
  async ignored(abs: string, root: string, withGitignore: Set<string>): Promise<boolean> {
    // Rule files: from the git root down to root's parent, then those the glob saw under root.
    const chain = await this.above(root);
    const dirs: string[] = [];
    for (let d = path.dirname(abs); d !== root && d.startsWith(root); d = path.dirname(d)) dirs.unshift(d);
    const ruleDirs = [...chain, ...[root, ...dirs].filter((d) => withGitignore.has(d))];

    for (const d of dirs) {
      let p = this.dirIgnored.get(d);
      if (!p) this.dirIgnored.set(d, (p = this.self(d, true, ruleDirs)));
      if (await p) return true;
    }
    return this.self(abs, false, ruleDirs);
  }

  /** The path's own verdict: the last rule file with an opinion wins. */
  private async self(p: string, isDir: boolean, ruleDirs: string[]): Promise<boolean> {
    let verdict = false;
    for (const d of ruleDirs) {
      if (!p.startsWith(d.endsWith(path.sep) ? d : d + path.sep)) continue;
      const ig = await this.load(d);
      if (!ig) continue;
      const rel = path.relative(d, p).split(path.sep).join('/');
      const parent = path.posix.dirname(rel);
      // `ignore` also ignores a path whose parent its own rules ignore; our callers already know
      // the parent is not ignored overall (a deeper file re-included it), so that file has no say.
      if (parent !== '.' && ig.test(`${parent}/`).ignored) continue;
      const r = ig.test(isDir ? `${rel}/` : rel);
      if (r.ignored) verdict = true;
      else if (r.unignored) verdict = false;
    }
    return verdict;
  }
}
