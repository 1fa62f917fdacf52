import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.js';
import { compareFindings, sortUnique } from './run.js';

const at = (message: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'no-latest-tag',
  level: 'warning',
  messageId: 'latest',
  message,
  data: {},
  file: '/p/compose.yaml',
  range: { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } },
  snippet: '',
  ...extra,
});

describe('the order of findings', () => {
  it('ties at one place for one rule are broken by message in code-unit order, not by the machine locale', () => {
    // A collator ignores the quote and puts "netbox-worker" first; code units put `"` (0x22) before `-` (0x2d).
    const worker = at('Service "netbox-worker" uses image "netbox:latest"');
    const netbox = at('Service "netbox" uses image "netbox:latest"');
    expect(netbox.message.localeCompare(worker.message, 'en')).toBe(1);
    expect(sortUnique([worker, netbox]).map((f) => f.message)).toEqual([netbox.message, worker.message]);
    expect(compareFindings(at('É'), at('F'))).toBe(1);
  });

  it('file, then line, column and rule come before the message; equal findings are kept once', () => {
    const later = at('a', { range: { start: { line: 4, column: 1 }, end: { line: 4, column: 2 } } });
    const otherRule = at('a', { ruleId: 'image-tag' });
    const otherFile = at('a', { file: '/p/a.yaml' });
    expect(sortUnique([later, at('z'), otherRule, at('z'), otherFile]).map((f) => `${f.file} ${f.range.start.line} ${f.ruleId} ${f.message}`)).toEqual([
      '/p/a.yaml 3 no-latest-tag a',
      '/p/compose.yaml 3 image-tag a',
      '/p/compose.yaml 3 no-latest-tag z',
      '/p/compose.yaml 4 no-latest-tag a',
    ]);
  });
});
