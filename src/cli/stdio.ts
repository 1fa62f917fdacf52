// Standard output and error written straight to their file descriptors. process.stdout is a stream: over a pipe or a
// terminal, creating it loads Node's net and stream modules, ~4 ms of a single-file run, and a fast producer queues
// what a slow reader has not taken. A blocking write has neither cost, and keeps stdout and stderr in order.
import { writeSync } from 'node:fs';
import { nodeTty } from '../util/lazy.js';

/** A millisecond's pause while a descriptor another process made non-blocking is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd` (1 or 2). A reader that went away (`| head`): the run stops quietly, as other tools do. */
export function writeAll(fd: 1 | 2, text: string): void {
  // The string is encoded as it is written, in one go: twice as fast as making a Buffer of it first (~7 against ~14 ms
  // for a 5 MB report). What a partial write left, or a full non-blocking pipe refused, is written from a Buffer.
  let written = 0;
  try {
    written = writeSync(fd, text);
  } catch (e) {
    if (!writeAgain(fd, e)) return;
  }
  if (written === Buffer.byteLength(text)) return;
  const bytes = Buffer.from(text);
  for (let at = written; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if (!writeAgain(fd, e)) return;
    }
  }
}

/** After a failed write: true once a full pipe may take more; false when the reader is gone (stdout: the run stops). */
function writeAgain(fd: 1 | 2, e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EAGAIN') {
    Atomics.wait(pause, 0, 0, 1);
    return true;
  }
  if (code !== 'EPIPE') throw e;
  if (fd === 1) process.exit(process.exitCode ?? 0);
  return false;
}

/** Whether stdout is a terminal: asked only when a colour decision needs it (node:tty loads node:net). */
export const stdoutIsTTY = (): boolean => nodeTty().isatty(1);
