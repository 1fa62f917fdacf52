// Node's built-in modules required at first use, so that a run that never needs one never loads it. In the CLI bundle
// (CommonJS) there is `require`; unbundled (dist/src, ES modules) there is not.
import { createRequire } from 'node:module';

export const requireBuiltin: NodeJS.Require = typeof require === 'function' ? require : createRequire(import.meta.url);
