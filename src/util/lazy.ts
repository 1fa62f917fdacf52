// Dependencies that only some runs need, loaded at first use from synchronous code (a rule, the model), so that a
// run that needs none of them never initialises them.
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';
import type Ignore from 'ignore';
import type * as NodeCrypto from 'node:crypto';
import type * as NodeNet from 'node:net';
import type * as NodeOs from 'node:os';
import type * as NodeTty from 'node:tty';

// In the CLI bundle (CommonJS) `require` is the bundler's: these packages are part of the bundle and of its code cache.
// Unbundled (dist/src, an ES module) there is no `require`.
const esmRequire = typeof require === 'function' ? undefined : createRequire(import.meta.url);
const once = <T>(load: () => T) => {
  let value: T | undefined;
  return () => (value ??= load());
};

export const picomatch = once(() => (esmRequire ? esmRequire('picomatch') : require('picomatch')) as typeof Picomatch);
export const ignore = once(() => (esmRequire ? esmRequire('ignore') : require('ignore')) as typeof Ignore);
// A few ms to load; only a run that writes or applies a baseline hashes anything.
export const nodeCrypto = once(() => (esmRequire ? esmRequire('node:crypto') : require('node:crypto')) as typeof NodeCrypto);
// node:net brings the stream modules with it; only a port or address written with `.` or `:` needs isIP.
export const nodeNet = once(() => (esmRequire ? esmRequire('node:net') : require('node:net')) as typeof NodeNet);
// Only a run of several batches asks how many cores are idle.
export const nodeOs = once(() => (esmRequire ? esmRequire('node:os') : require('node:os')) as typeof NodeOs);
// Only a text report with no --color flag asks whether stdout is a terminal; node:tty loads node:net.
export const nodeTty = once(() => (esmRequire ? esmRequire('node:tty') : require('node:tty')) as typeof NodeTty);
