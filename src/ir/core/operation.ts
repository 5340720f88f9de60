import type { Attribute } from '../attributes/attribute.js';
import { DictionaryAttr } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Context } from './context.js';
import type { OpDefinition } from './dialect.js';
import { OpOperand, OpResult, type Value } from './value.js';
import { Region } from './region.js';
import type { Block } from './block.js';

/** Everything needed to create an operation (MLIR's OperationState). */
export interface OperationState {
  name: string;
  location: Location;
  operands: Value[];
  resultTypes: Type[];
  /** Inherent attributes (MLIR's properties, printed `<{...}>` in generic form). */
  properties: Map<string, Attribute>;
  /** Properties of an unregistered op written as a non-dictionary attribute. */
  opaqueProperties?: Attribute;
  /** Discardable attributes (`{...}`). */
  attributes: Map<string, Attribute>;
  /**
   * Inherent attributes a custom parser was given with a value of the wrong
   * kind: MLIR drops them, leaving the property null (not even defaulted).
   * Kept apart only so the generic form reproduces that (see printer).
   */
  droppedInherent?: Map<string, Attribute>;
  regions: Region[];
  successors: Block[];
}

/** The shared empty list of ops without results, regions or successors (frozen: writes throw). */
const NONE: never[] = Object.freeze([]) as never[];

export function emptyState(name: string, location: Location): OperationState {
  return { name, location, operands: [], resultTypes: [], properties: new Map(), attributes: new Map(), regions: [], successors: [] };
}

/**
 * A generic operation, as in MLIR. Typed accessors are thin views over it.
 * Operations sit in an intrusive doubly linked list inside their block.
 */
export class Operation {
  readonly name: string;
  readonly definition: OpDefinition | undefined;
  location: Location;
  readonly results: OpResult[];
  /** @internal */ operandList: OpOperand[];
  readonly regions: Region[];
  successors: Block[];
  properties: DictionaryAttr;
  opaqueProperties: Attribute | undefined;
  attributes: DictionaryAttr;
  /** See OperationState.droppedInherent. */
  droppedInherent: ReadonlyMap<string, Attribute> | undefined;
  /** @internal */ parent: Block | null = null;
  /** @internal */ prev: Operation | null = null;
  /** @internal */ next: Operation | null = null;
  /** @internal order index within the block for O(1) isBeforeInBlock; -1 when stale */
  orderIndex = -1;

  private constructor(readonly context: Context, state: OperationState, definition: OpDefinition | undefined) {
    this.definition = definition;
    // The definition's name string is shared by all ops of the kind, not one copy per parsed op.
    this.name = definition !== undefined && definition.name === state.name ? definition.name : state.name;
    this.location = state.location;
    // Most ops have no regions or successors (and many no results): they share one frozen
    // empty list instead of keeping three of their own alive for the life of the IR.
    this.results = state.resultTypes.length === 0 ? (NONE as OpResult[]) : state.resultTypes.map((t, i) => new OpResult(t, this, i));
    this.operandList = state.operands.map((v, i) => new OpOperand(this, i, v));
    this.regions = state.regions.length === 0 ? (NONE as Region[]) : state.regions;
    for (const r of this.regions) r.parentOp = this;
    this.successors = state.successors.length === 0 ? (NONE as Block[]) : state.successors;
    this.properties = toDict(context, state.properties);
    this.opaqueProperties = state.opaqueProperties;
    this.attributes = toDict(context, state.attributes);
    this.droppedInherent = state.droppedInherent?.size ? state.droppedInherent : undefined;
  }

  /**
   * Create a detached operation. For registered ops, inherent attributes that
   * arrive in the discardable dictionary move into the properties, as MLIR does.
   */
  static create(context: Context, state: OperationState): Operation {
    const def = context.getOpDefinition(state.name);
    if (def?.inherentAttributes && def.inherentAttributes.size > 0) {
      for (const [name, value] of state.attributes) {
        if (def.inherentAttributes.has(name) && !state.properties.has(name)) {
          state.properties.set(name, value);
          state.attributes.delete(name);
        }
      }
    }
    return new Operation(context, state, def);
  }

  get isRegistered(): boolean {
    return this.definition !== undefined;
  }

  get dialect(): string {
    const dot = this.name.indexOf('.');
    return dot > 0 ? this.name.slice(0, dot) : '';
  }

  // ---- operands -----------------------------------------------------------
  get operands(): Value[] {
    return this.operandList.map((o) => o.value);
  }
  get numOperands(): number {
    return this.operandList.length;
  }
  operand(i: number): Value {
    return this.operandList[i].value;
  }
  get opOperands(): readonly OpOperand[] {
    return this.operandList;
  }
  setOperand(i: number, v: Value): void {
    this.operandList[i].set(v);
  }
  setOperands(values: readonly Value[]): void {
    for (const o of this.operandList) o.drop();
    this.operandList = values.map((v, i) => new OpOperand(this, i, v));
  }
  result(i = 0): OpResult {
    return this.results[i];
  }
  get resultTypes(): Type[] {
    return this.results.map((r) => r.type);
  }

  // ---- attributes -----------------------------------------------------------
  /** Inherent or discardable attribute by name (inherent first). */
  getAttr(name: string): Attribute | undefined {
    return this.properties.get(name) ?? this.attributes.get(name);
  }
  getProperty(name: string): Attribute | undefined {
    return this.properties.get(name);
  }
  setProperty(name: string, value: Attribute | undefined): void {
    this.properties = withEntry(this.context, this.properties, name, value);
  }
  getDiscardableAttr(name: string): Attribute | undefined {
    return this.attributes.get(name);
  }
  /** Sets an inherent attribute when the op defines `name`, a discardable one otherwise. */
  setAttr(name: string, value: Attribute | undefined): void {
    if (this.definition?.inherentAttributes?.has(name)) this.setProperty(name, value);
    else this.attributes = withEntry(this.context, this.attributes, name, value);
  }
  removeAttr(name: string): void {
    this.setAttr(name, undefined);
  }

  // ---- structure --------------------------------------------------------------
  get parentBlock(): Block | null {
    return this.parent;
  }
  get parentRegion(): Region | null {
    return this.parent?.parent ?? null;
  }
  get parentOp(): Operation | null {
    return this.parent?.parent?.parentOp ?? null;
  }
  get nextOp(): Operation | null {
    return this.next;
  }
  get prevOp(): Operation | null {
    return this.prev;
  }
  hasTrait(trait: string): boolean {
    return this.definition?.traits.has(trait) ?? false;
  }

  /** Is this op an ancestor of (or equal to) `other`? */
  isAncestorOf(other: Operation): boolean {
    for (let o: Operation | null = other; o; o = o.parentOp) if (o === this) return true;
    return false;
  }

  /** Is this op before `other` in the same block? O(1) after the first query. */
  isBeforeInBlock(other: Operation): boolean {
    const block = this.parent;
    if (!block || block !== other.parent) throw new Error('isBeforeInBlock: ops are not in the same block');
    block.ensureOrder();
    return this.orderIndex < other.orderIndex;
  }

  /** Detach from the parent block without destroying. */
  remove(): void {
    this.parent?.removeOp(this);
  }

  /** Remove from the block and drop all uses this op makes; its results must be unused. */
  erase(): void {
    this.remove();
    this.dropAllReferences();
  }

  /** Drop operand uses (recursively in regions), so nothing refers to values here. */
  dropAllReferences(): void {
    for (const o of this.operandList) o.drop();
    this.operandList = [];
    for (const r of this.regions) for (const b of r.blocks) for (const op of b.operations) op.dropAllReferences();
  }

  moveBefore(other: Operation): void {
    this.remove();
    other.parent!.insertBefore(this, other);
  }
  moveAfter(other: Operation): void {
    this.remove();
    other.parent!.insertAfter(this, other);
  }

  /**
   * Walk nested operations. Post-order by default (like MLIR's walk); the
   * callback may return 'skip' (pre-order only) or 'interrupt'.
   */
  walk(callback: (op: Operation) => void | 'skip' | 'interrupt', order: 'pre' | 'post' = 'post'): 'interrupt' | undefined {
    return walkOp(this, callback, order);
  }
}

function walkOp(op: Operation, cb: (op: Operation) => void | 'skip' | 'interrupt', order: 'pre' | 'post'): 'interrupt' | undefined {
  if (order === 'pre') {
    const r = cb(op);
    if (r === 'interrupt') return 'interrupt';
    if (r === 'skip') return undefined;
  }
  for (const region of op.regions) {
    for (const block of region.blocks) {
      for (let child = block.firstOp; child; ) {
        const next = child.nextOp; // allow erasing the visited op
        if (walkOp(child, cb, order) === 'interrupt') return 'interrupt';
        child = next;
      }
    }
  }
  if (order === 'post' && cb(op) === 'interrupt') return 'interrupt';
  return undefined;
}

function toDict(context: Context, entries: Map<string, Attribute>): DictionaryAttr {
  if (entries.size === 0) return context.emptyDictionary();
  const list: { name: string; value: Attribute }[] = [];
  for (const [name, value] of entries) list.push({ name, value });
  return context.dictionaryAttr(list);
}

function withEntry(context: Context, dict: DictionaryAttr, name: string, value: Attribute | undefined): DictionaryAttr {
  const entries = dict.entries.filter((e) => e.name !== name);
  if (value) entries.push({ name, value });
  return context.dictionaryAttr(entries);
}
