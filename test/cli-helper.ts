import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/main.js';

/** Runs the CLI in-process (same code path as bin/dockpolicy.js) and captures its output and exit code. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { cwd, env, isTTY: false, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await main(argv, stdin === undefined ? io : { ...io, stdin: async () => stdin });
  return { code, stdout, stderr };
}

/** Writes a file tree (relative paths to contents) into a new directory under `parent` and returns it. */
export function writeTree(parent: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(parent, 'tree-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
