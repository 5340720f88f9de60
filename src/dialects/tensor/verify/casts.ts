/** tensor.cast and tensor.bitcast: `CastOpInterface::areCastCompatible` (TensorOps.cpp). */
import { FloatType, IntegerType, type Type } from '../../../ir/index.js';
import type { OpOverride } from '../../common/ods-dialect.js';
import { compatibleShape } from '../../common/shape-compat.js';
import { verifyCastInterface } from '../../common/cast-interface.js';

const isTensor = (t: Type): boolean => t.kind === 'tensor' || t.kind === 'unranked_tensor';
const elementOf = (t: Type): Type => (t as Type & { elementType: Type }).elementType;

function bitWidth(t: Type): number | undefined {
  if (t instanceof IntegerType || t instanceof FloatType) return t.width;
  if (t.kind === 'index') return 64;
  return undefined;
}

/** `tensor::CastOp::areCastCompatible`: same element type, compatible shapes. */
export function tensorCastCompatible(a: Type, b: Type): boolean {
  if (!isTensor(a) || !isTensor(b)) return false;
  return elementOf(a) === elementOf(b) && compatibleShape(a, b);
}

/** `tensor::BitcastOp::areCastCompatible`: same element bit width, compatible shapes. */
export function tensorBitcastCompatible(a: Type, b: Type): boolean {
  if (!isTensor(a) || !isTensor(b)) return false;
  const wa = bitWidth(elementOf(a));
  return wa !== undefined && wa === bitWidth(elementOf(b)) && compatibleShape(a, b);
}

export function tensorCastOverrides(): Record<string, OpOverride> {
  return {
    'tensor.cast': { traitVerifiers: { CastOpInterface: (op, ctx) => verifyCastInterface(tensorCastCompatible, op, ctx) } },
    'tensor.bitcast': { traitVerifiers: { CastOpInterface: (op, ctx) => verifyCastInterface(tensorBitcastCompatible, op, ctx) } },
  };
}
