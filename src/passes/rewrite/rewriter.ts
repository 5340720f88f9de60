/**
 * The rewriter patterns and drivers change IR through, with a listener that
 * hears about every insertion, modification, replacement and erasure (so a
 * driver can keep its worklist right).
 */
import { Operation, type Block, type OperationState, type Value } from '../../ir/index.js';

export interface RewriteListener {
  notifyOperationInserted?(op: Operation): void;
  notifyOperationModified?(op: Operation): void;
  /** Before `op`'s results are replaced by `values` (and `op` erased). */
  notifyOperationReplaced?(op: Operation, values: readonly Value[]): void;
  /** Before `op` is erased (called for nested ops first). */
  notifyOperationErased?(op: Operation): void;
}

export class PatternRewriter {
  #block: Block | null = null;
  #before: Operation | null = null;
  constructor(public listener: RewriteListener = {}) {}

  setInsertionPoint(op: Operation): void {
    this.#block = op.parentBlock;
    this.#before = op;
  }

  setInsertionPointToStart(block: Block): void {
    this.#block = block;
    this.#before = block.firstOp;
  }

  setInsertionPointToEnd(block: Block): void {
    this.#block = block;
    this.#before = null;
  }

  /** Creates an op from `state` at the insertion point. */
  create(op: Operation | OperationState, context?: Operation['context']): Operation {
    const created = op instanceof Operation ? op : Operation.create(context ?? (this.#before ?? this.#block?.parentOp)!.context, op);
    if (!this.#block) throw new Error('PatternRewriter.create: no insertion point');
    this.#block.insertBefore(created, this.#before);
    this.listener.notifyOperationInserted?.(created);
    return created;
  }

  /** Moves an existing op before `anchor`, reporting it as inserted there. */
  moveOpBefore(op: Operation, anchor: Operation): void {
    op.moveBefore(anchor);
    this.listener.notifyOperationInserted?.(op);
  }

  /** Replaces every use of `op`'s results by `values`, then erases `op`. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.results.length) throw new Error(`replaceOp: ${op.name} has ${op.results.length} results, got ${values.length} values`);
    this.listener.notifyOperationReplaced?.(op, values);
    op.results.forEach((r, i) => this.replaceAllUsesWith(r, values[i]));
    this.eraseOp(op);
  }

  replaceAllUsesWith(from: Value, to: Value): void {
    if (from === to) return;
    const users = new Set<Operation>();
    for (const use of from.uses()) users.add(use.owner);
    from.replaceAllUsesWith(to);
    for (const u of users) this.listener.notifyOperationModified?.(u);
  }

  /** Erases `op` (whose results must be unused), telling the listener about nested ops first. */
  eraseOp(op: Operation): void {
    if (this.listener.notifyOperationErased) {
      op.walk((nested) => this.listener.notifyOperationErased!(nested));
    }
    op.erase();
  }

  /** Runs `change` on `op` in place and reports it as modified. */
  modifyOpInPlace(op: Operation, change: () => void): void {
    change();
    this.listener.notifyOperationModified?.(op);
  }
}
