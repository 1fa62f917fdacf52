// Dependencies that only some runs need, loaded at first use from synchronous code (a rule, the model): a check of
// one Dockerfile never pays for loading fast-glob, picomatch or ignore.
import { createRequire } from 'node:module';
import type FastGlob from 'fast-glob';
import type Picomatch from 'picomatch';
import type Ignore from 'ignore';

const require = createRequire(import.meta.url);
const once = <T>(load: () => T) => {
  let value: T | undefined;
  return () => (value ??= load());
};

export const fastGlob = once(() => require('fast-glob') as typeof FastGlob);
export const picomatch = once(() => require('picomatch') as typeof Picomatch);
export const ignore = once(() => require('ignore') as typeof Ignore);
