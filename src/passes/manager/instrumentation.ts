/**
 * Hooks around pass execution, as MLIR's `PassInstrumentation`: IR printing
 * and timing are instrumentations; embedders can add their own.
 */
import type { Operation } from '../../ir/index.js';
import type { ResolvedPass } from '../registry/index.js';

export interface PassInstrumentation {
  /** Before a nested pipeline on `op` (`anchor` is the manager's op name). */
  runBeforePipeline?(anchor: string, op: Operation): void;
  runAfterPipeline?(anchor: string, op: Operation): void;
  runBeforePass?(pass: ResolvedPass, op: Operation): void;
  runAfterPass?(pass: ResolvedPass, op: Operation): void;
  runAfterPassFailed?(pass: ResolvedPass, op: Operation): void;
}

/** Calls every instrumentation in order (after-hooks in reverse, as MLIR does). */
export class InstrumentationList implements PassInstrumentation {
  constructor(readonly list: PassInstrumentation[] = []) {}
  runBeforePipeline(anchor: string, op: Operation): void {
    for (const i of this.list) i.runBeforePipeline?.(anchor, op);
  }
  runAfterPipeline(anchor: string, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; --k) this.list[k].runAfterPipeline?.(anchor, op);
  }
  runBeforePass(pass: ResolvedPass, op: Operation): void {
    for (const i of this.list) i.runBeforePass?.(pass, op);
  }
  runAfterPass(pass: ResolvedPass, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; --k) this.list[k].runAfterPass?.(pass, op);
  }
  runAfterPassFailed(pass: ResolvedPass, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; --k) this.list[k].runAfterPassFailed?.(pass, op);
  }
}
