/** Maps offsets in a source text to 1-based line/column, as MLIR reports them. */
export class SourceFile {
  private lineStarts: Int32Array | undefined;

  constructor(readonly name: string, readonly text: string) {}

  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    let count = 1;
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) count++;
    const starts = new Int32Array(count);
    let k = 1;
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts[k++] = i + 1;
    this.lineStarts = starts;
    return starts;
  }

  /** The line of the last lookup: parsing asks in source order, so the next answer is usually on it or just after. */
  private lastLine = 0;

  position(offset: number): { line: number; col: number } {
    const s = this.starts();
    const last = this.lastLine;
    if (s[last] <= offset) {
      if (last + 1 >= s.length || offset < s[last + 1]) return { line: last + 1, col: offset - s[last] + 1 };
      if (last + 2 >= s.length || offset < s[last + 2]) {
        this.lastLine = last + 1;
        return { line: last + 2, col: offset - s[last + 1] + 1 };
      }
    }
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo + 1, col: offset - s[lo] + 1 };
  }

  lineText(line: number): string {
    const s = this.starts();
    if (line < 1 || line > s.length) return '';
    const start = s[line - 1];
    const end = line < s.length ? s[line] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
