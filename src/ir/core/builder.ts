import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Context } from './context.js';
import { Operation, emptyState } from './operation.js';
import type { Block } from './block.js';
import type { Region } from './region.js';
import type { Value } from './value.js';

/** Where the next created op goes: before `anchor` in `block` (at the end when anchor is null). */
export interface InsertionPoint {
  readonly block: Block;
  readonly before: Operation | null;
}

export interface CreateOptions {
  operands?: readonly Value[];
  results?: readonly Type[];
  /** Inherent attributes go to properties automatically for registered ops. */
  attributes?: Readonly<Record<string, Attribute>> | ReadonlyMap<string, Attribute>;
  properties?: Readonly<Record<string, Attribute>> | ReadonlyMap<string, Attribute>;
  regions?: readonly Region[];
  successors?: readonly Block[];
  location?: Location;
}

function toMap(x: CreateOptions['attributes']): Map<string, Attribute> {
  if (!x) return new Map();
  return x instanceof Map ? new Map(x) : new Map(Object.entries(x));
}

/** Creates operations at an insertion point (MLIR's OpBuilder). */
export class Builder {
  private point: InsertionPoint | undefined;

  constructor(readonly context: Context, point?: InsertionPoint) {
    this.point = point;
  }

  get insertionPoint(): InsertionPoint | undefined {
    return this.point;
  }
  setInsertionPointBefore(op: Operation): void {
    this.point = { block: op.parentBlock!, before: op };
  }
  setInsertionPointAfter(op: Operation): void {
    this.point = { block: op.parentBlock!, before: op.nextOp };
  }
  setInsertionPointToStart(block: Block): void {
    this.point = { block, before: block.firstOp };
  }
  setInsertionPointToEnd(block: Block): void {
    this.point = { block, before: null };
  }
  clearInsertionPoint(): void {
    this.point = undefined;
  }

  /** Create an op and insert it at the insertion point (if any). */
  create(name: string, options: CreateOptions = {}, location?: Location): Operation {
    const loc = location ?? options.location ?? this.context.unknownLoc();
    const state = emptyState(name, loc);
    state.operands = [...(options.operands ?? [])];
    state.resultTypes = [...(options.results ?? [])];
    state.attributes = toMap(options.attributes);
    state.properties = toMap(options.properties);
    state.regions = [...(options.regions ?? [])];
    state.successors = [...(options.successors ?? [])];
    const op = Operation.create(this.context, state);
    this.insert(op);
    return op;
  }

  /** Insert an existing detached op at the insertion point. */
  insert(op: Operation): Operation {
    if (this.point) {
      this.point.block.insertBefore(op, this.point.before);
      this.onInserted(op);
    }
    return op;
  }

  /** Hook for rewriters that track changes. */
  protected onInserted(_op: Operation): void {}
}
