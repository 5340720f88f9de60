/**
 * Errors located in a pipeline or option string. They print the way MLIR's
 * pipeline parser prints through `llvm::SourceMgr`: a
 * `<buffer>:line:col: error: message` headline, the offending source line and
 * a caret under the column.
 */

import { DiagnosticError } from '../../ir/index.js';

const pick = (p: { line: number; col: number }): { line: number; col: number } => ({ line: p.line, col: p.col });

/** The buffer name MLIR uses for pipeline strings. */
export const PIPELINE_BUFFER_NAME = 'MLIR Textual PassPipeline Parser';

export interface PipelineNote {
  readonly message: string;
  readonly offset?: number;
}

/** 1-based line and column of `offset` in `source`. */
export function lineAndColumn(source: string, offset: number): { line: number; col: number; lineText: string } {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const lineStart = source.lastIndexOf('\n', clamped - 1) + 1;
  let lineEnd = source.indexOf('\n', clamped);
  if (lineEnd < 0) lineEnd = source.length;
  let line = 1;
  for (let i = 0; i < lineStart; ++i) if (source[i] === '\n') ++line;
  return { line, col: clamped - lineStart + 1, lineText: source.slice(lineStart, lineEnd) };
}

/** The three-line `where: error: msg` / source line / caret rendering. */
export function renderLocated(source: string, offset: number, severity: string, message: string, buffer = PIPELINE_BUFFER_NAME): string {
  const { line, col, lineText } = lineAndColumn(source, offset);
  const caretPad = lineText.slice(0, col - 1).replace(/[^\t]/g, ' ');
  return `${buffer}:${line}:${col}: ${severity}: ${message}\n${lineText}\n${caretPad}^`;
}

/**
 * A bad pipeline, pass name, option or option value, at `offset` in `source`.
 * It is a `DiagnosticError` (position: the buffer name, line and column) whose
 * message is the full rendering: headline, source line, caret, then notes.
 */
export class PipelineError extends DiagnosticError {
  readonly source: string;
  readonly offset: number;
  readonly notes: readonly PipelineNote[];
  readonly detail: string;
  /** The buffer name in the headline: the pipeline parser's, or e.g. `command line`. */
  readonly buffer: string;
  constructor(detail: string, source: string, offset: number, notes: readonly PipelineNote[] = [], buffer = PIPELINE_BUFFER_NAME) {
    const { line, col } = lineAndColumn(source, offset);
    const position = (at: number): { file: string; line: number; col: number } => ({ file: buffer, ...pick(lineAndColumn(source, at)) });
    super([
      {
        severity: 'error',
        message: detail,
        position: { file: buffer, line, col },
        notes: notes.map((n) => ({ severity: 'note' as const, message: n.message, ...(n.offset !== undefined ? { position: position(n.offset) } : {}), notes: [] })),
      },
    ]);
    this.name = 'PipelineError';
    this.buffer = buffer;
    this.source = source;
    this.offset = offset;
    this.notes = notes;
    this.detail = detail;
    // The message is the whole rendering, notes ("did you mean ...") included.
    this.message = this.format();
  }

  get line(): number {
    return lineAndColumn(this.source, this.offset).line;
  }

  get column(): number {
    return lineAndColumn(this.source, this.offset).col;
  }

  /** The full rendering, notes included (each note located when it has an offset). */
  format(): string {
    const parts = [renderLocated(this.source, this.offset, 'error', this.detail, this.buffer)];
    for (const n of this.notes) {
      parts.push(n.offset === undefined ? `note: ${n.message}` : renderLocated(this.source, n.offset, 'note', n.message, this.buffer));
    }
    return parts.join('\n');
  }
}
