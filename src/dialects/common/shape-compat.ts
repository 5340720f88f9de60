/**
 * MLIR's shape compatibility rules (mlir/IR/TypeUtilities.cpp): two shapes
 * are compatible when their ranks agree and each pair of dimensions is equal
 * or has a dynamic side; unranked shapes are compatible with everything.
 */
import { DYNAMIC, isRanked, isShaped, type Type, type VectorType } from '../../ir/index.js';

export function isDynamic(d: number): boolean {
  return d === DYNAMIC;
}

function isScalable(t: Type): boolean {
  return t.kind === 'vector' && (t as VectorType).scalableDims.some((s) => s);
}

/** `verifyCompatibleShape(ArrayRef, ArrayRef)`. */
export function compatibleShapes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((d, i) => isDynamic(d) || isDynamic(b[i]) || d === b[i]);
}

/**
 * `verifyCompatibleShape(Type, Type)`: both or neither shaped, ranked shapes
 * compatible. Scalability is not compared here (mlir-opt-22 accepts
 * `arith.mulf` on `vector<[4]xf32>` and `vector<4xf32>` as far as
 * SameOperandsAndResultType goes).
 */
export function compatibleShape(a: Type, b: Type): boolean {
  if (!isShaped(a)) return !isShaped(b);
  if (!isShaped(b)) return false;
  if (!isRanked(a) || !isRanked(b)) return true;
  return compatibleShapes(a.shape, b.shape);
}

/**
 * `verifyCompatibleShapes(TypeRange)`: all shaped or none; all scalable
 * vectors or none (`vector<[4]x4xi8>` and `vector<4x[4]xi8>` are compatible,
 * `memref<4x4xi8>` and `vector<4x[4]xi8>` are not); one rank; at most one
 * static size per dimension.
 */
export function compatibleShapesOf(types: readonly Type[]): boolean {
  const shaped = types.filter(isShaped);
  if (shaped.length !== types.length) return shaped.length === 0;
  if (types.some((t) => isScalable(t) !== isScalable(types[0]))) return false;
  const ranked = types.filter(isRanked);
  if (ranked.length === 0) return true;
  const rank = ranked[0].shape.length;
  if (ranked.some((t) => t.shape.length !== rank)) return false;
  for (let i = 0; i < rank; i++) {
    const statics = new Set(ranked.map((t) => t.shape[i]).filter((d) => !isDynamic(d)));
    if (statics.size > 1) return false;
  }
  return true;
}

/** Type-id identity as MLIR's `getTypeID()` (ranked vs unranked tensors differ). */
export function sameTypeClass(a: Type, b: Type): boolean {
  return a.kind === b.kind;
}
