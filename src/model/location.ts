/** 1-based line and column, as editors and SARIF count them. */
export interface Position {
  line: number;
  column: number;
}

/** A span of source text; `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** Where some text was written: an absolute file path and a range inside it. */
export interface SourceRef {
  file: string;
  range: Range;
}

/** Converts character offsets of one text into 1-based positions (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Character offset of a 1-based position. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  /** Column just past the last character of a 1-based line (a CR before the newline is not counted). */
  lineEndColumn(line: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) return 1;
    let end = this.starts[line] !== undefined ? this.starts[line]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end - start + 1;
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(Math.max(startOffset, endOffset)) };
  }
}

export function pointRange(line: number, column: number, length = 1): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}
