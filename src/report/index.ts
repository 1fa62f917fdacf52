import type { Reporter } from './types.js';

export type { Reporter, ReportOptions, RunResult } from './types.js';

export type Format = 'text' | 'sarif' | 'json';
export const FORMATS: readonly Format[] = ['text', 'sarif', 'json'];

/** Imports only the reporter asked for: start-up time matters, and chalk is needed by `text` alone. */
export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).text;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'json':
      return (await import('./json.js')).json;
  }
}
