/**
 * What a pass is at run time: an object with `run(op, context)`. Passes
 * report problems through the context (located diagnostics) and fail with
 * `signalPassFailure()` or by emitting an error; throwing anything other
 * than a `DiagnosticError` counts as a crash.
 */
import type { Operation } from '../../ir/index.js';
import type { AnyOptionValues } from '../options/index.js';
import type { PassInfo } from './pass-info.js';

export interface DiagnosticNoteInput {
  readonly op?: Operation;
  readonly message: string;
}

/** The handle a running pass gets. */
export interface PassRunContext {
  readonly info: PassInfo;
  readonly options: AnyOptionValues;
  /** `error: message` at `op`'s location; the pass fails. */
  emitError(op: Operation, message: string, notes?: readonly DiagnosticNoteInput[]): void;
  /** `error: 'op.name' op message`, MLIR's `emitOpError`; the pass fails. */
  emitOpError(op: Operation, message: string, notes?: readonly DiagnosticNoteInput[]): void;
  emitWarning(op: Operation, message: string): void;
  emitRemark(op: Operation, message: string): void;
  /** Fail without (or in addition to) a diagnostic. */
  signalPassFailure(): void;
}

export interface PassInstance {
  run(op: Operation, context: PassRunContext): void;
}

