/**
 * Folding, as MLIR's `fold` hooks: an op folder sees its operands' constant
 * values and returns, per result, an existing value or a constant attribute
 * (materialized by the op's dialect), or 'in-place' after changing the op.
 * Folders and materializers are registered by op name / dialect name;
 * dialects may also provide them as the `fold` interface of an op definition
 * and a `materializeConstant` entry of a dialect-level registration here.
 */
import type { Attribute, Operation, Type, Value } from '../../ir/index.js';

export type FoldResult = Value | Attribute;

export type OpFolder = (op: Operation, operands: readonly (Attribute | undefined)[]) => readonly FoldResult[] | 'in-place' | undefined;

/** Creates a constant op for `value` of `type` (not inserted anywhere), or undefined if it cannot. */
export type ConstantMaterializer = (value: Attribute, type: Type, near: Operation) => Operation | undefined;

export class FoldRegistry {
  readonly #folders = new Map<string, OpFolder>();
  readonly #materializers = new Map<string, ConstantMaterializer>();

  registerFolder(opName: string, folder: OpFolder): void {
    this.#folders.set(opName, folder);
  }

  registerMaterializer(dialect: string, m: ConstantMaterializer): void {
    this.#materializers.set(dialect, m);
  }

  folderFor(op: Operation): OpFolder | undefined {
    const own = this.#folders.get(op.name);
    if (own) return own;
    const hook = op.definition?.interfaces?.get('fold');
    return typeof hook === 'function' ? (hook as OpFolder) : undefined;
  }

  materializerFor(dialect: string): ConstantMaterializer | undefined {
    return this.#materializers.get(dialect);
  }
}

/** The process-wide fold registry the canonicalizer uses. */
export const foldRegistry = new FoldRegistry();

export function isValue(r: FoldResult): r is Value {
  return typeof (r as { uses?: unknown }).uses === 'function';
}

/** The constant attribute an op defines (ConstantLike ops: their `value`, or `values` as in tosa). */
export function constantValue(op: Operation | undefined): Attribute | undefined {
  if (!op || !op.hasTrait('ConstantLike')) return undefined;
  return op.getAttr('value') ?? op.getAttr('values');
}

/** The constant value a value holds, when defined by a constant op. */
export function constantOf(v: Value): Attribute | undefined {
  return constantValue(v.definingOp);
}
