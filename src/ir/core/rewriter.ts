import type { Operation } from './operation.js';
import type { Value } from './value.js';
import { Builder } from './builder.js';

/** Observes IR changes made through a Rewriter (so drivers can maintain worklists). */
export interface RewriteListener {
  notifyOperationInserted?(op: Operation): void;
  notifyOperationErased?(op: Operation): void;
  notifyOperationModified?(op: Operation): void;
  notifyOperationReplaced?(op: Operation, replacement: readonly Value[]): void;
}

/** A Builder that also erases, replaces and modifies ops, reporting every change to its listener. */
export class Rewriter extends Builder {
  listener: RewriteListener | undefined;

  protected override onInserted(op: Operation): void {
    this.listener?.notifyOperationInserted?.(op);
  }

  /** Replace all uses of `op`'s results, then erase it. */
  replaceOp(op: Operation, replacement: readonly Value[]): void {
    if (replacement.length !== op.results.length) throw new Error(`replaceOp: ${op.name} has ${op.results.length} results, got ${replacement.length} values`);
    this.listener?.notifyOperationReplaced?.(op, replacement);
    op.results.forEach((r, i) => {
      for (const use of [...r.uses()]) {
        use.set(replacement[i]);
        this.listener?.notifyOperationModified?.(use.owner);
      }
    });
    this.eraseOp(op);
  }

  eraseOp(op: Operation): void {
    for (const r of op.results) if (r.hasUses) throw new Error(`eraseOp: '${op.name}' still has uses`);
    op.walk((nested) => {
      this.listener?.notifyOperationErased?.(nested);
    });
    op.erase();
  }

  /** Change `op` in place through `mutate`, then tell the listener. */
  modifyOpInPlace(op: Operation, mutate: () => void): void {
    mutate();
    this.listener?.notifyOperationModified?.(op);
  }
}
