import { main } from '../src/cli/main.js';

/** Runs the CLI in-process (same code path as bin/dockpolicy.js) and captures its output and exit code. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env, isTTY: false, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
