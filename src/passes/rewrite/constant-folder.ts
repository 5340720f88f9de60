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

  #scope(region: Region): Map<string, Operation> {
    let s = this.#scopes.get(region);
    if (!s) this.#scopes.set(region, (s = new Map()));
    return s;
  }

  isOwned(op: Operation | null): boolean {
    return op !== null && this.#owned.has(op);
  }

  /**
   * Registers an existing constant: returns false when it duplicated a known
   * one (it is then replaced and erased); otherwise it is hoisted to the
   * front of its insertion block unless already among the hoisted ones.
   */
  insertKnownConstant(op: Operation, rewriter: PatternRewriter): boolean {
    const block = op.parentBlock;
    const value = constantValue(op);
    if (!block || !value) return true;
    if (this.#owned.has(op)) {
      if (block.firstOp !== op && !this.isOwned(op.prevOp)) rewriter.moveOpBefore(op, block.firstOp!);
      return true;
    }
    const region = insertionRegion(op);
    if (!region) return true;
    const scope = this.#scope(region);
    const k = key(op.dialect, value, op.results[0].type);
    const existing = scope.get(k);
    if (existing && existing !== op) {
      rewriter.replaceOp(op, existing.results);
      return false;
    }
    const entry = region.blocks[0];
    if (block !== entry || (entry.firstOp !== op && !this.isOwned(op.prevOp))) rewriter.moveOpBefore(op, entry.firstOp!);
    scope.set(k, op);
    this.#owned.add(op);
    return true;
  }

  /** A constant of `value`/`type` usable at `near` (existing, or created at the front of the region). */
  getOrCreateConstant(near: Operation, dialect: string, value: Attribute, type: Type, rewriter: PatternRewriter): Operation | undefined {
    const region = insertionRegion(near);
    if (!region) return undefined;
    const scope = this.#scope(region);
    const k = key(dialect, value, type);
    const existing = scope.get(k);
    if (existing) return existing;
    const materialize = foldRegistry.materializerFor(dialect);
    const created = materialize?.(value, type, near);
    if (!created) return undefined;
    const entry = region.blocks[0];
    rewriter.setInsertionPointToStart(entry);
    rewriter.create(created);
    scope.set(k, created);
    this.#owned.add(created);
    return created;
  }

  /** Forgets an erased constant. */
  notifyRemoval(op: Operation): void {
    if (!this.#owned.delete(op)) return;
    for (const scope of this.#scopes.values()) for (const [k, v] of scope) if (v === op) scope.delete(k);
  }
}
