import type { Type } from '../types/type.js';
import type { Location } from '../attributes/location.js';
import type { Operation } from './operation.js';
import type { Block } from './block.js';

/**
 * One use of a value by an operation. Uses form an intrusive doubly linked
 * list on the value, so adding, removing and replacing a use is O(1).
 */
export class OpOperand {
  /** @internal */ prevUse: OpOperand | null = null;
  /** @internal */ nextUse: OpOperand | null = null;
  private current: Value;

  constructor(readonly owner: Operation, public index: number, value: Value) {
    this.current = value;
    value.addUse(this);
  }

  get value(): Value {
    return this.current;
  }

  set(value: Value): void {
    if (value === this.current) return;
    this.current.removeUse(this);
    this.current = value;
    value.addUse(this);
  }

  /** @internal Unlink from the value's use list (when the owner is erased). */
  drop(): void {
    this.current.removeUse(this);
  }
}

export abstract class Value {
  /** @internal */ firstUse: OpOperand | null = null;
  /**
   * @internal The SSA name the printer gave this value in print number
   * `printEpoch`. Printing names every value; a field is several times cheaper
   * than a Map lookup, and the epoch keeps names from another print invisible.
   */
  printName = '';
  /** @internal */ printEpoch = 0;
  constructor(public type: Type) {}

  abstract get definingOp(): Operation | undefined;
  /** The block whose scope defines the value. */
  abstract get parentBlock(): Block | undefined;

  /** @internal */ addUse(use: OpOperand): void {
    use.prevUse = null;
    use.nextUse = this.firstUse;
    if (this.firstUse) this.firstUse.prevUse = use;
    this.firstUse = use;
  }

  /** @internal */ removeUse(use: OpOperand): void {
    if (use.prevUse) use.prevUse.nextUse = use.nextUse;
    else this.firstUse = use.nextUse;
    if (use.nextUse) use.nextUse.prevUse = use.prevUse;
    use.prevUse = use.nextUse = null;
  }

  *uses(): IterableIterator<OpOperand> {
    for (let u = this.firstUse; u; ) {
      const next = u.nextUse;
      yield u;
      u = next;
    }
  }

  get hasUses(): boolean {
    return this.firstUse !== null;
  }

  get hasOneUse(): boolean {
    return this.firstUse !== null && this.firstUse.nextUse === null;
  }

  /** Every use now refers to `other` instead. */
  replaceAllUsesWith(other: Value): void {
    if (other === this) return;
    for (let u = this.firstUse; u; ) {
      const next = u.nextUse;
      u.set(other);
      u = next;
    }
  }

  /** Replace only the uses for which `pred` holds. */
  replaceUsesWithIf(other: Value, pred: (use: OpOperand) => boolean): void {
    for (const u of [...this.uses()]) if (pred(u)) u.set(other);
  }
}

export class OpResult extends Value {
  constructor(type: Type, readonly owner: Operation, readonly index: number) {
    super(type);
  }
  get definingOp(): Operation {
    return this.owner;
  }
  get parentBlock(): Block | undefined {
    return this.owner.parentBlock ?? undefined;
  }
}

export class BlockArgument extends Value {
  constructor(type: Type, readonly owner: Block, public index: number, public location: Location) {
    super(type);
  }
  get definingOp(): undefined {
    return undefined;
  }
  get parentBlock(): Block {
    return this.owner;
  }
}
