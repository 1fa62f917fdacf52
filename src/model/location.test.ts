import { describe, expect, it } from 'vitest';
import { LineIndex, type Position } from './location.js';

/** Positions counted character by character: what LineIndex's searches must agree with. */
function naivePosition(text: string, offset: number): Position {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let column = 1;
  for (let i = 0; i < o; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

const TEXTS = ['', 'a', '\n', '\n\n', 'ab\ncd', 'ab\ncd\n', 'x\r\ny\r\n', 'services:\n  web:\n    image: nginx\n', 'one line, no newline'];

describe('LineIndex', () => {
  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))('positions of every offset of %s, and past both ends', (_, text) => {
    const lines = new LineIndex(text);
    for (let o = -2; o <= text.length + 2; o++) expect(lines.position(o), `offset ${o}`).toEqual(naivePosition(text, o));
  });

  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))('ranges between every pair of offsets of %s', (_, text) => {
    const lines = new LineIndex(text);
    for (let from = -1; from <= text.length + 1; from++) {
      for (let to = -1; to <= text.length + 1; to++) {
        // An end before the start is the start (an empty range).
        expect(lines.range(from, to), `${from}..${to}`).toEqual({ start: naivePosition(text, from), end: naivePosition(text, Math.max(from, to)) });
      }
    }
  });

  it('offsets and line ends of a 1-based position', () => {
    const lines = new LineIndex('ab\r\ncd\nlast');
    expect([lines.offset(1, 1), lines.offset(2, 2), lines.offset(3, 5), lines.offset(9, 1)]).toEqual([0, 5, 11, 11]);
    expect([1, 2, 3, 4].map((l) => lines.lineEndColumn(l))).toEqual([3, 3, 5, 1]);
  });
});
