/** A malformed assembly format string, with the position of the problem. */
export class FormatSyntaxError extends Error {
  /** 0-based offset into the format string. */
  readonly offset: number;
  /** 1-based line and column of `offset`. */
  readonly line: number;
  readonly col: number;
  readonly format: string;
  constructor(message: string, format: string, offset: number) {
    const before = format.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - (before.lastIndexOf('\n') + 1) + 1;
    super(`assembly format ${line}:${col}: ${message}`);
    this.name = 'FormatSyntaxError';
    this.offset = offset;
    this.line = line;
    this.col = col;
    this.format = format;
  }
}
