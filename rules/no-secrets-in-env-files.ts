import { exists, readText } from '../src/util/reads.js';
import path from 'node:path';
import type { Ignore } from 'ignore';
import { ignore } from '../src/util/lazy.js';
import { defineRule } from '../src/engine/rule.js';
import { envFileRef, readEnvFile, secretsInAssignment } from '../src/parse/env-file.js';
import { maskSecret } from '../src/util/secrets.js';

export default defineRule({
  meta: {
    id: 'no-secrets-in-env-files',
    aliases: [],
    level: 'warning',
    target: 'compose',
    tags: ['security', 'secrets'],
    securitySeverity: 7.0,
    description: 'Env files that compose reads hold no plaintext secret unless git ignores them.',
    docs: {
      what:
        "Reads the env files a compose configuration uses, every service's `env_file` (string, list or `{path, required}` items) and the project `.env` that Compose reads for interpolation, and reports each plaintext secret written in one that no `.gitignore` excludes. The `.gitignore` files are read as git does, from the repository root (the nearest directory above the env file holding `.git`, else the directory the run started in) down to the env file's directory, with `.git/info/exclude`; deeper files win, `!` re-includes, and nothing under an ignored directory can be re-included. A secret is what rule no-secrets-in-environment reports in `environment`: a literal value under a name that reads as a secret (`POSTGRES_PASSWORD=postgres`), a credential of a known format under any name (tokens, private keys, URLs with `user:password@`), or a `${VAR:-default}` whose default is a literal secret. Placeholders are not secrets (empty values, `changeme`, `example`, `your-api-key-here`, `<token>`, `xxx`, paths), so a committed template such as `.env.example` with placeholder values passes. The finding points at the value in the env file (line and column); the secret is never printed. It is a warning: the rule sees ignore rules, not the git index, so a file that is not ignored may still be untracked, and an ignored file may have been committed before it was ignored.",
      why: 'An env file that is not ignored is one `git add .` away from publishing every credential in it with the repository and its whole history; rotating them afterwards is the only fix. Ignoring the file and committing a template keeps the configuration documented without the secrets.',
      example: '# compose.yaml\nservices:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    env_file: .env\n\n# .env (not in .gitignore)\nDATABASE_URL=postgres://app:s3cr3t-db-pass@db:5432/app\nSESSION_SECRET=8f2c1e9b7a4d',
      fix: 'Ignore the real env file, commit a template with placeholders, and keep the real values outside the repository (or in top-level `secrets:` files):\n\n# .gitignore\n.env\n\n# .env.example (committed)\nDATABASE_URL=postgres://app:changeme@db:5432/app\nSESSION_SECRET=',
    },
    messages: {
      secretValue: '{{file}} sets {{name}} to a plaintext secret ({{masked}}) and no .gitignore excludes the file: ignore it and commit a template without values.',
      credential: '{{file}} holds a {{kind}} ({{masked}}) in {{name}} and no .gitignore excludes the file: ignore it and commit a template without values.',
      secretDefault: '{{file}} gives ${{{variable}}} a plaintext default secret ({{masked}}) in {{name}} and no .gitignore excludes the file: ignore it and commit a template without values.',
    },
  },
  check({ project, report }) {
    // Each env file once, judged for the first stack that reads it.
    const files = new Map<string, string>();
    for (const service of project.services) for (const ref of service.envFiles) if (!files.has(ref.path)) files.set(ref.path, service.stack.name);
    for (const stack of project.stacks) for (const file of stack.envFiles) if (!files.has(file)) files.set(file, stack.name);
    const git = new GitIgnored(project.cwd);
    for (const [file, stack] of files) {
      let text: string;
      try {
        text = readText(file);
      } catch {
        continue; // a missing optional env_file (compose-references reports required ones)
      }
      if (git.ignored(file)) continue;
      const env = readEnvFile(file, text);
      const shown = path.relative(project.cwd, file).split(path.sep).join('/') || path.basename(file);
      for (const entry of env.entries) {
        for (const hit of secretsInAssignment(entry.name, entry.raw)) {
          const masked = maskSecret(hit.value);
          const data = { file: shown, name: entry.name, masked };
          if (hit.kind === 'literal') {
            const at = envFileRef(env, entry.valueStart, entry.raw.length + (entry.quote ? 2 : 0));
            report({ messageId: 'secretValue', data, at, stack, snippet: `${entry.name} ${masked}` });
            continue;
          }
          const at = envFileRef(env, entry.contentStart + hit.index, hit.length);
          if (hit.kind === 'credential') report({ messageId: 'credential', data: { ...data, kind: hit.credential! }, at, stack, snippet: `${entry.name} ${hit.credential} ${masked}` });
          else report({ messageId: 'secretDefault', data: { ...data, variable: hit.variable! }, at, stack, snippet: `${entry.name} \${${hit.variable}:-${masked}}` });
        }
      }
    }
  },
});

/**
 * Git's layered ignore rules, read synchronously: `.git/info/exclude` and the `.gitignore` files from the repository
 * root down; a deeper file overrides a shallower one, and a path under an ignored directory stays ignored.
 */
class GitIgnored {
  private readonly rules = new Map<string, Ignore | undefined>();

  constructor(private readonly cwd: string) {}

  private root(file: string): string {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (exists(path.join(dir, '.git'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
    const rel = path.relative(this.cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? this.cwd : path.dirname(file);
  }

  private load(dir: string, isRoot: boolean): Ignore | undefined {
    const key = `${dir}\0${isRoot}`;
    if (!this.rules.has(key)) {
      const texts: string[] = [];
      for (const f of [...(isRoot ? [path.join(dir, '.git', 'info', 'exclude')] : []), path.join(dir, '.gitignore')]) {
        try {
          texts.push(readText(f));
        } catch {
          // no such file
        }
      }
      this.rules.set(key, texts.length ? ignore()({ ignorecase: false }).add(texts.join('\n')) : undefined);
    }
    return this.rules.get(key);
  }

  ignored(file: string): boolean {
    const root = this.root(file);
    const segments = path.relative(root, file).split(path.sep);
    if (segments.some((s) => s === '' || s === '..')) return false;
    // Ignore rule files by depth: index j holds those of root/segments[0..j).
    const levels = segments.map((_s, j) => this.load(path.join(root, ...segments.slice(0, j)), j === 0));
    for (let k = 1; k <= segments.length; k++) {
      const isDir = k < segments.length;
      let state = false;
      for (let j = 0; j < k; j++) {
        const ig = levels[j];
        if (!ig) continue;
        try {
          const result = ig.test(segments.slice(j, k).join('/') + (isDir ? '/' : ''));
          if (result.ignored) state = true;
          else if (result.unignored) state = false;
        } catch {
          // a path the ignore package rejects is not ignored
        }
      }
      if (state) return true;
    }
    return false;
  }
}
