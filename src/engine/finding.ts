import type { Range } from '../model/location.js';

export type Level = 'error' | 'warning' | 'note';
export type LevelSetting = Level | 'off';

export const LEVEL_RANK: Record<Level, number> = { note: 1, warning: 2, error: 3 };

/** One problem found by a rule, after the engine has applied levels and formatted the message. */
export interface Finding {
  ruleId: string;
  level: Level;
  messageId: string;
  /** The rule's message template filled with `data`. Never contains a full secret. */
  message: string;
  data: Record<string, string | number>;
  /** Absolute path of the file where the offending text was written. */
  file: string;
  range: Range;
  /** The stack the finding was made in (findings about a compose service). */
  stack?: string;
  /**
   * The text at `range` (trimmed, at most one line), used for fingerprints that survive
   * unrelated edits. Secrets are masked before they reach here.
   */
  snippet: string;
}
