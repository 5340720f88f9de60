/**
 * Constant uniquing and hoisting, as MLIR's `OperationFolder`: constants
 * live at the front of the entry block of their insertion region (the
 * nearest region whose parent is isolated from above), one per
 * (dialect, value, type); new constants go to the very front.
 */
import type { Attribute, Operation, Region, Type } from '../../ir/index.js';
import { constantValue, foldRegistry } from './folding.js';
import type { PatternRewriter } from './rewriter.js';

function insertionRegion(op: Operation): Region | null {
  let region = op.parentRegion;
  while (region && region.parentOp && !region.parentOp.hasTrait('IsolatedFromAbove')) {
    const up = region.parentOp.parentRegion;
    if (!up) break;
    region = up;
  }
  return region;
}

function key(dialect: string, value: Attribute, type: Type): string {
  return `${dialect}\u0000${value.id}\u0000${type.id}`;
}

export class ConstantFolder {
  readonly #scopes = new Map<Region, Map<string, Operation>>();
  readonly #owned = new Set<Operation>();
  /** Where each uniqued constant is recorded, for O(1) removal. */
  readonly #slot = new Map<Operation, { scope: Map<string, Operation>; key: string }>();

  #scope(region: Region): Map<string, Operation> {
    let s = this.#scopes.get(region);
    if (!s) this.#scopes.set(region, (s = new Map()));
    return s;
  }

  isOwned(op: Operation | null): boolean {
    return op !== null && this.#owned.has(op);
  }

  /**
   * Registers a constant (existing, or just created before the op it
   * replaces) and returns the canonical op for its value: a known duplicate
   * is replaced by the earlier one and erased; otherwise it is hoisted to the
   * front of its insertion block, unless it already follows a hoisted
   * constant there (which keeps constants in creation order).
   */
  insertKnownConstant(op: Operation, rewriter: PatternRewriter): Operation {
    const block = op.parentBlock;
    const value = constantValue(op);
    if (!block || !value) return op;
    if (this.#owned.has(op)) {
      if (block.firstOp !== op && !this.isOwned(op.prevOp)) rewriter.moveOpBefore(op, block.firstOp!);
      return op;
    }
    const region = insertionRegion(op);
    if (!region) return op;
    const scope = this.#scope(region);
    const k = key(op.dialect, value, op.results[0].type);
    const existing = scope.get(k);
    if (existing && existing !== op) {
      rewriter.replaceOp(op, existing.results);
      return existing;
    }
    const entry = region.blocks[0];
    if (block !== entry || (entry.firstOp !== op && !this.isOwned(op.prevOp))) rewriter.moveOpBefore(op, entry.firstOp!);
    scope.set(k, op);
    this.#owned.add(op);
    this.#slot.set(op, { scope, key: k });
    return op;
  }

  /** The known constant of `value`/`type` for code at `near`, if any. */
  lookup(near: Operation, dialect: string, value: Attribute, type: Type): Operation | undefined {
    const region = insertionRegion(near);
    return region ? this.#scopes.get(region)?.get(key(dialect, value, type)) : undefined;
  }

  /**
   * A constant of `value`/`type` for replacing a result of `near`: a known
   * one, or a new one materialized by `dialect` just before `near` and then
   * registered (so hoisted like MLIR's folder does).
   */
  getOrCreateConstant(near: Operation, dialect: string, value: Attribute, type: Type, rewriter: PatternRewriter): Operation | undefined {
    const known = this.lookup(near, dialect, value, type);
    if (known) return known;
    const created = foldRegistry.materializerFor(dialect)?.(value, type, near);
    if (!created || !near.parentBlock) return undefined;
    near.parentBlock.insertBefore(created, near);
    return this.insertKnownConstant(created, rewriter);
  }

  /** Forgets an erased constant. */
  notifyRemoval(op: Operation): void {
    if (!this.#owned.delete(op)) return;
    const slot = this.#slot.get(op);
    if (slot && slot.scope.get(slot.key) === op) slot.scope.delete(slot.key);
    this.#slot.delete(op);
  }
}
