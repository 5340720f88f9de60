/**
 * What a pass is at run time: an object with `run(op, context)`. Passes
 * report problems through the context (located diagnostics) and fail with
 * `signalPassFailure()` or by emitting an error; throwing anything other
 * than a `DiagnosticError` counts as a crash.
 */
import { fileLineColOf, type Diagnostic, type Operation, type Severity } from '../../ir/index.js';
import type { AnyOptionValues } from '../options/index.js';
import type { DiagnosticNoteInput, PassInfo, PassInstance, PassRunContext } from '../registry/index.js';

export type { DiagnosticNoteInput, PassInstance, PassRunContext } from '../registry/index.js';

export function isPassInstance(x: unknown): x is PassInstance {
  return typeof x === 'object' && x !== null && typeof (x as { run?: unknown }).run === 'function';
}

/** A diagnostic at `op`'s source location (none when the location has no file position). */
export function diagnosticAt(op: Operation | undefined, severity: Severity, message: string, notes: readonly DiagnosticNoteInput[] = []): Diagnostic {
  const loc = op ? fileLineColOf(op.location) : undefined;
  return {
    severity,
    message,
    ...(loc ? { position: { file: loc.file, line: loc.line, col: loc.col } } : {}),
    notes: notes.map((n) => diagnosticAt(n.op, 'note', n.message)),
  };
}

/** Collects a pass's diagnostics and failure flag for one run on one op. */
export class PassRunRecorder implements PassRunContext {
  readonly diagnostics: Diagnostic[] = [];
  failed = false;
  constructor(
    readonly info: PassInfo,
    readonly options: AnyOptionValues,
  ) {}
  emitError(op: Operation, message: string, notes: readonly DiagnosticNoteInput[] = []): void {
    this.diagnostics.push(diagnosticAt(op, 'error', message, notes));
    this.failed = true;
  }
  emitOpError(op: Operation, message: string, notes: readonly DiagnosticNoteInput[] = []): void {
    this.emitError(op, `'${op.name}' op ${message}`, notes);
  }
  emitWarning(op: Operation, message: string): void {
    this.diagnostics.push(diagnosticAt(op, 'warning', message));
  }
  emitRemark(op: Operation, message: string): void {
    this.diagnostics.push(diagnosticAt(op, 'remark', message));
  }
  signalPassFailure(): void {
    this.failed = true;
  }
}
