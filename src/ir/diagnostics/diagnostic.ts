/** Severity levels as MLIR names them. */
export type Severity = 'error' | 'warning' | 'note' | 'remark';

/** A resolved source position: 1-based line and column, as MLIR prints them. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * One diagnostic with its attached notes. `position` is absent for diagnostics
 * that have no source location (mlir-opt prints those at `<unknown>:0`).
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly position?: SourcePosition;
  /**
   * Optional highlighted range: how many byte columns from `position.col` the
   * rendered caret line underlines with `~` (as LLVM's SourceMgr ranges do).
   */
  readonly length?: number;
  readonly notes: readonly Diagnostic[];
}

/** Thrown by library calls that fail; carries every diagnostic, never a bare string. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? formatHeadline(first) : 'unknown error');
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col: error: message` (or `<unknown>:0: error: message`, as mlir-opt prints it). */
export function formatHeadline(d: Diagnostic): string {
  const where = d.position ? `${d.position.file}:${d.position.line}:${d.position.col}` : '<unknown>:0';
  return `${where}: ${d.severity}: ${d.message}`;
}
