import type { ReportChunks, Reporter } from './types.js';

export type { ReportChunks, Reporter, ReportOptions, RunResult } from './types.js';

export const FORMATS = ['text', 'sarif', 'json', 'github', 'gitlab', 'junit', 'checkstyle', 'compact', 'editor'] as const;
export type Format = (typeof FORMATS)[number];

/** Imports only the reporter asked for: start-up time matters, and chalk is needed by `text` alone. */
export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).text;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'json':
      return (await import('./json.js')).json;
    case 'github':
      return (await import('./github.js')).github;
    case 'gitlab':
      return (await import('./gitlab.js')).gitlab;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'checkstyle':
      return (await import('./checkstyle.js')).checkstyle;
    case 'compact':
      return (await import('./compact.js')).compact;
    case 'editor':
      return (await import('./editor.js')).editor;
  }
}

/** The reporter asked for, as one that makes its report in pieces (the CLI writes them as they come). */
export async function loadReportChunks(format: Format): Promise<ReportChunks> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).textChunks;
    case 'sarif':
      return (await import('./sarif.js')).sarifChunks;
    case 'json':
      return (await import('./json.js')).jsonChunks;
    case 'github':
      return (await import('./github.js')).githubChunks;
    case 'gitlab':
      return (await import('./gitlab.js')).gitlabChunks;
    case 'junit':
      return (await import('./junit.js')).junitChunks;
    case 'checkstyle':
      return (await import('./checkstyle.js')).checkstyleChunks;
    case 'compact':
      return (await import('./compact.js')).compactChunks;
    case 'editor':
      return (await import('./editor.js')).editorChunks;
  }
}
