import type { Type } from '../types/type.js';
import type { Location } from '../attributes/location.js';
import { BlockArgument } from './value.js';
import type { Operation } from './operation.js';
import type { Region } from './region.js';

/** A basic block: arguments and an intrusive list of operations. */
export class Block {
  readonly arguments: BlockArgument[] = [];
  /** @internal */ parent: Region | null = null;
  /** @internal */ first: Operation | null = null;
  /** @internal */ last: Operation | null = null;
  private count = 0;
  private orderValid = false;
  /** Source location of the block label (for diagnostics). */
  location: Location | undefined;

  get parentRegion(): Region | null {
    return this.parent;
  }
  get parentOp(): Operation | null {
    return this.parent?.parentOp ?? null;
  }
  get firstOp(): Operation | null {
    return this.first;
  }
  get lastOp(): Operation | null {
    return this.last;
  }
  get numOperations(): number {
    return this.count;
  }
  get isEmpty(): boolean {
    return this.first === null;
  }
  /** The last op, when it is a terminator candidate. */
  get terminator(): Operation | null {
    return this.last;
  }

  get operations(): IterableIterator<Operation> {
    return this.opsFrom(this.first);
  }

  *opsFrom(start: Operation | null): IterableIterator<Operation> {
    for (let op = start; op; ) {
      const next = op.next;
      yield op;
      op = next;
    }
  }

  addArgument(type: Type, location: Location): BlockArgument {
    const arg = new BlockArgument(type, this, this.arguments.length, location);
    this.arguments.push(arg);
    return arg;
  }

  insertArgument(index: number, type: Type, location: Location): BlockArgument {
    const arg = new BlockArgument(type, this, index, location);
    this.arguments.splice(index, 0, arg);
    this.arguments.forEach((a, i) => (a.index = i));
    return arg;
  }

  eraseArgument(index: number): void {
    const [arg] = this.arguments.splice(index, 1);
    if (arg.hasUses) throw new Error('eraseArgument: argument still has uses');
    this.arguments.forEach((a, i) => (a.index = i));
  }

  append(op: Operation): void {
    this.insertAfter(op, this.last);
  }

  prepend(op: Operation): void {
    this.insertBefore(op, this.first);
  }

  /** Insert `op` before `anchor` (at the end when anchor is null). */
  insertBefore(op: Operation, anchor: Operation | null): void {
    if (anchor === null) return this.insertAfter(op, this.last);
    this.link(op, anchor.prev, anchor);
  }

  /** Insert `op` after `anchor` (at the start when anchor is null). */
  insertAfter(op: Operation, anchor: Operation | null): void {
    this.link(op, anchor, anchor === null ? this.first : anchor.next);
  }

  private link(op: Operation, prev: Operation | null, next: Operation | null): void {
    if (op.parent) throw new Error(`operation '${op.name}' is already in a block`);
    op.parent = this;
    op.prev = prev;
    op.next = next;
    if (prev) prev.next = op;
    else this.first = op;
    if (next) next.prev = op;
    else this.last = op;
    this.count++;
    // Appending keeps the order valid; anything else renumbers lazily.
    if (this.orderValid && next === null) op.orderIndex = prev ? prev.orderIndex + 1 : 0;
    else this.orderValid = false;
  }

  /** @internal */ removeOp(op: Operation): void {
    if (op.parent !== this) return;
    if (op.prev) op.prev.next = op.next;
    else this.first = op.next;
    if (op.next) op.next.prev = op.prev;
    else this.last = op.prev;
    op.prev = op.next = null;
    op.parent = null;
    this.count--;
  }

  /** @internal */ ensureOrder(): void {
    if (this.orderValid) return;
    let i = 0;
    for (let op = this.first; op; op = op.next) op.orderIndex = i++;
    this.orderValid = true;
  }

  /** Blocks this block's terminator may branch to. */
  get successors(): Block[] {
    return this.last ? this.last.successors : [];
  }

  /** Index of this block in its region. */
  get indexInRegion(): number {
    return this.parent ? this.parent.blocks.indexOf(this) : -1;
  }

  erase(): void {
    for (const op of [...this.operations]) op.erase();
    this.parent?.removeBlock(this);
  }
}
