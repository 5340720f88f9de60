/**
 * Source texts by file name, with the line arithmetic LLVM's SourceMgr does:
 * lines are counted by '\n', a line's text ends at '\n' or '\r', and columns
 * are 1-based byte columns (MLIR reports byte columns; for ASCII lines they
 * equal character columns).
 */

/** What the renderer needs: the text of a file, if known. */
export interface SourceManager {
  getText(file: string): string | undefined;
}

/** A plain map-backed source manager. */
export class MapSourceManager implements SourceManager {
  private readonly files = new Map<string, string>();
  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [name, text] of entries) this.files.set(name, text);
  }
  add(file: string, text: string): this {
    this.files.set(file, text);
    return this;
  }
  getText(file: string): string | undefined {
    return this.files.get(file);
  }
}

/** Precomputed line starts of one text, for offset ↔ line/column conversion. */
export class LineIndex {
  /** UTF-16 offsets where each line starts; lineStarts[0] = 0. */
  private readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line of a UTF-16 offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and byte column of a UTF-16 offset, as LLVM computes them. */
  positionOf(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    const start = this.lineStarts[line - 1];
    return { line, col: byteLength(this.text.slice(start, offset)) + 1 };
  }

  /** UTF-16 offset where a 1-based line starts, or undefined past the end. */
  lineStart(line: number): number | undefined {
    return line >= 1 && line <= this.lineStarts.length ? this.lineStarts[line - 1] : undefined;
  }

  /** The text of a 1-based line without its terminator (ends at '\n' or '\r'). */
  lineText(line: number): string | undefined {
    const start = this.lineStart(line);
    if (start === undefined) return undefined;
    let end = start;
    const t = this.text;
    while (end < t.length && t[end] !== '\n' && t[end] !== '\r') end++;
    return t.slice(start, end);
  }
}

const utf8 = new TextEncoder();

/** UTF-8 byte length of a string (fast path for ASCII). */
export function byteLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return isAscii(s) ? s.length : utf8.encode(s).length;
}

/** True when every character is 7-bit ASCII. */
export function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s);
}
