// Standard output and error written straight to their file descriptors. process.stdout is a stream: over a pipe or a
// terminal, creating it loads Node's net and stream modules, ~4 ms of a single-file run, and a fast producer queues
// what a slow reader has not taken. A blocking write has neither cost, and keeps stdout and stderr in order.
import { writeSync } from 'node:fs';
import { nodeTty } from '../util/lazy.js';

/** A millisecond's pause while a descriptor another process made non-blocking is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd` (1 or 2). A reader that went away (`| head`): the run stops quietly, as other tools do. */
export function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') {
        if (fd === 1) process.exit(process.exitCode ?? 0);
        return;
      } else throw e;
    }
  }
}

/** Whether stdout is a terminal: asked only when a colour decision needs it (node:tty loads node:net). */
export const stdoutIsTTY = (): boolean => nodeTty().isatty(1);
