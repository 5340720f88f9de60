// MLIR's generic op traits, as they verify TOSA ops (mlir/lib/IR/Operation.cpp
// and mlir/lib/Dialect/Traits.cpp), with their exact messages.
import type { OpView } from './op-view.js';
import { type AbstractType, type Dim, elementOf, isFloat, isRanked, isShape, isTensor } from './types.js';
import { broadcastShapes, dimsCompatible, shapeString } from './broadcast.js';

const shapedRank = (t: AbstractType): number | null => (isRanked(t) ? t.shape.length : null);

/** verifyCompatibleShapes over a list of types: equal ranks where known and compatible dims. */
export function compatibleShapes(types: readonly AbstractType[]): boolean {
  const ranked = types.filter(isRanked);
  if (types.some((t) => !isTensor(t))) return false;
  if (ranked.length === 0) return true;
  const rank = ranked[0]!.shape.length;
  if (ranked.some((t) => t.shape.length !== rank)) return false;
  for (let i = 0; i < rank; i++) {
    const dims = ranked.map((t) => t.shape[i]!);
    const stat = dims.filter((d) => d !== '?');
    if (stat.some((d) => d !== stat[0])) return false;
  }
  return true;
}

export function sameOperandsAndResultShape(op: OpView): string | undefined {
  if (op.operands.length < 1) return `expected 1 or more operands, but found ${op.operands.length}`;
  if (!compatibleShapes([...op.operands, ...op.results])) return 'requires the same shape for all operands and results';
  return undefined;
}

export function sameOperandsAndResultElementType(op: OpView): string | undefined {
  if (op.operands.length < 1) return `expected 1 or more operands, but found ${op.operands.length}`;
  const e = elementOf(op.operands[0]!);
  if ([...op.operands, ...op.results].some((t) => elementOf(t) !== e))
    return 'requires the same element type for all operands and results';
  return undefined;
}

export function sameOperandsElementType(op: OpView): string | undefined {
  if (op.operands.length < 1) return `expected 1 or more operands, but found ${op.operands.length}`;
  const e = elementOf(op.operands[0]!);
  if (op.operands.some((t) => elementOf(t) !== e)) return 'requires the same element type for all operands';
  return undefined;
}

export function sameOperandsAndResultRank(op: OpView): string | undefined {
  if (op.operands.length < 1) return `expected 1 or more operands, but found ${op.operands.length}`;
  const ops = op.operands.map(shapedRank).filter((r): r is number => r !== null);
  const res = op.results.map(shapedRank).filter((r): r is number => r !== null);
  if (ops.length === 0 && res.length === 0) return undefined;
  const rank = ops.length ? ops[0]! : res[0]!;
  if (ops.some((r) => r !== rank)) return "operands don't have matching ranks";
  if (res.some((r) => r !== rank)) return 'result type has different rank than operands';
  return undefined;
}

/** OpTrait::impl::verifyCompatibleOperandBroadcast. */
export function resultsBroadcastableShape(op: OpView): string | undefined {
  const ranked = op.operands.filter(isRanked);
  if (ranked.length === 0) return undefined;
  let shape: Dim[] = [...ranked[0]!.shape];
  for (const t of ranked) {
    const next = broadcastShapes(shape, t.shape);
    if (next === null) return "operands don't have broadcast-compatible shapes";
    shape = next;
  }
  for (const r of op.results.filter(isRanked)) {
    const suffix = r.shape.slice(Math.max(0, r.shape.length - shape.length));
    const ok = suffix.length === shape.length && shape.every((d, i) => dimsCompatible(d, suffix[i]!));
    if (!ok) return `result type ${shapeString(r.shape)} not broadcast compatible with broadcasted operands's shapes ${shapeString(shape)}`;
  }
  return undefined;
}

export function resultsAreFloatLike(op: OpView): string | undefined {
  if (op.results.some((t) => !isFloat(elementOf(t)))) return 'requires a floating point type';
  return undefined;
}

/** Ops whose results count as compile-time shape values (TosaShapeOperator trait). */
export const SHAPE_OPERATORS = new Set([
  'tosa.const_shape', 'tosa.add_shape', 'tosa.sub_shape', 'tosa.mul_shape', 'tosa.div_ceil_shape', 'tosa.div_floor_shape',
  'tosa.mod_shape', 'tosa.max_shape', 'tosa.min_shape', 'tosa.exp2_shape', 'tosa.log2_ceil_shape', 'tosa.log2_floor_shape',
  'tosa.concat_shape', 'tosa.slice_shape', 'tosa.dim',
]);

export function resolvableShapeOperands(op: OpView): string | undefined {
  if (!op.definingOps) return undefined;
  for (let i = 0; i < op.operands.length; i++) {
    if (!isShape(op.operands[i])) continue;
    const def = op.definingOps[i];
    if (def === undefined || !SHAPE_OPERATORS.has(def)) return 'shape operand is not compile time resolvable';
  }
  return undefined;
}

export function shapeOperator(op: OpView): string | undefined {
  // tosa.dim and tosa.slice_shape take tensor operands by their ODS definition.
  const exempt = op.name === 'tosa.dim' || op.name === 'tosa.slice_shape';
  if (!exempt && op.operands.some((t) => !isShape(t))) return 'must have operands with tosa shape type';
  if (op.results.some((t) => !isShape(t))) return 'must have result with tosa shape type';
  return undefined;
}

export function shapeOperatorWithSameRanks(op: OpView): string | undefined {
  if (op.operands.length < 1) return `expected 1 or more operands, but found ${op.operands.length}`;
  const bad = shapeOperator(op);
  if (bad) return bad;
  const rank = (t: AbstractType): number => (isShape(t) ? t.rank : -1);
  const r = rank(op.operands[0]!);
  if (op.operands.some((t) => rank(t) !== r)) return "operands don't have matching ranks";
  if (op.results.some((t) => rank(t) !== r)) return 'result shape has different rank than operands';
  return undefined;
}
