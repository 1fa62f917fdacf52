import type { ReportChunks, Reporter } from './types.js';

export type { ReportChunks, Reporter, ReportOptions, RunResult } from './types.js';

export const FORMATS = ['text', 'sarif', 'json', 'github', 'gitlab', 'junit', 'checkstyle', 'compact', 'editor'] as const;
export type Format = (typeof FORMATS)[number];

/** Imports only the reporter module asked for: start-up time matters, and chalk is needed by `text` alone. */
async function reporterModule(format: Format): Promise<Record<string, unknown>> {
  switch (format) {
    case 'text':
      return import('./text.js');
    case 'sarif':
      return import('./sarif.js');
    case 'json':
      return import('./json.js');
    case 'github':
      return import('./github.js');
    case 'gitlab':
      return import('./gitlab.js');
    case 'junit':
      return import('./junit.js');
    case 'checkstyle':
      return import('./checkstyle.js');
    case 'compact':
      return import('./compact.js');
    case 'editor':
      return import('./editor.js');
  }
}

/** The reporter asked for (each module exports it by the format's name). */
export async function loadReporter(format: Format): Promise<Reporter> {
  return (await reporterModule(format))[format] as Reporter;
}

/** The reporter asked for, as one that makes its report in pieces (the CLI writes them as they come). */
export async function loadReportChunks(format: Format): Promise<ReportChunks> {
  return (await reporterModule(format))[`${format}Chunks`] as ReportChunks;
}
