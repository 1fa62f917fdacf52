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
  /** May be a getter, computed when first read (YamlView.at): copy a SourceRef as `{ file, range }`, not by a spread. */
  range: Range;
}

/** Converts character offsets of one text into 1-based positions (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf finds the newlines natively: a loop over every character runs in V8's interpreter for most files.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line: line + 1, column: o - this.starts[line]! + 1 };
  }

  /** 0-based line of an offset within the text. */
  private lineAt(o: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
    const start = this.position(startOffset);
    const e = Math.max(0, Math.min(Math.max(startOffset, endOffset), this.text.length));
    // Most ranges end on the line they start on (YamlView.at cuts them there): no second search.
    const next = this.starts[start.line];
    const end = next === undefined || e < next ? { line: start.line, column: e - this.starts[start.line - 1]! + 1 } : this.position(e);
    return { start, end };
  }
}

export function pointRange(line: number, column: number, length = 1): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}
