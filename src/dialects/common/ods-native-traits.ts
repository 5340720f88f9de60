/**
 * MLIR's native op traits (mlir/IR/OpDefinition.cpp `OpTrait::impl::verify*`)
 * with their exact wording. Each returns false after reporting, so the
 * caller stops at the first failure as MLIR's `verifyTraits` does.
 */
import { elementTypeOrSelf, type Operation, type RankedTensorType, type Type, type VerifyContext } from '../../ir/index.js';
import { compatibleShape, compatibleShapesOf, sameTypeClass } from './shape-compat.js';

type TraitCheck = (op: Operation, ctx: VerifyContext) => boolean;

function atLeastOneOperandAndResult(op: Operation, ctx: VerifyContext): boolean {
  if (op.numOperands < 1) {
    ctx.emitOpError(op, 'expected 1 or more operands, but found 0');
    return false;
  }
  if (op.results.length < 1) {
    ctx.emitOpError(op, 'expected 1 or more results, but found 0');
    return false;
  }
  return true;
}

function encodingOf(t: Type): unknown {
  return t.kind === 'tensor' ? (t as RankedTensorType).encoding : undefined;
}

function fail(op: Operation, ctx: VerifyContext, message: string): false {
  ctx.emitOpError(op, message);
  return false;
}

const sameOperandsAndResultType: TraitCheck = (op, ctx) => {
  if (!atLeastOneOperandAndResult(op, ctx)) return false;
  const type = op.results[0].type;
  const element = elementTypeOrSelf(type);
  const encoding = encodingOf(type);
  const n = op.results.length;
  // Results after the first, then operands; index loops since this runs for most arith ops.
  for (let i = 1; i < n + op.numOperands; i++) {
    const t = i < n ? op.results[i].type : op.operand(i - n).type;
    if (t === type) continue;
    if (elementTypeOrSelf(t) !== element || !compatibleShape(t, type)) return fail(op, ctx, 'requires the same type for all operands and results');
    if (encoding && t.kind === 'tensor' && encodingOf(t) !== encoding) return fail(op, ctx, 'requires the same encoding for all operands and results');
  }
  return true;
};

/** `verifySameOperandsAndResultShape`: `verifyCompatibleShapes` over every operand and result type. */
const sameOperandsAndResultShape: TraitCheck = (op, ctx) => {
  if (!atLeastOneOperandAndResult(op, ctx)) return false;
  if (!compatibleShapesOf([...op.operands.map((v) => v.type), ...op.resultTypes])) {
    return fail(op, ctx, 'requires the same shape for all operands and results');
  }
  return true;
};

const sameOperandsShape: TraitCheck = (op, ctx) => {
  if (op.numOperands < 1) return fail(op, ctx, 'expected 1 or more operands, but found 0');
  const type = op.operand(0).type;
  for (const v of op.operands) if (!compatibleShape(v.type, type)) return fail(op, ctx, 'requires the same shape for all operands');
  return true;
};

const sameOperandsElementType: TraitCheck = (op, ctx) => {
  if (op.numOperands < 1) return fail(op, ctx, 'expected 1 or more operands, but found 0');
  const e = elementTypeOrSelf(op.operand(0).type);
  for (const v of op.operands) if (elementTypeOrSelf(v.type) !== e) return fail(op, ctx, 'requires the same element type for all operands');
  return true;
};

const sameOperandsAndResultElementType: TraitCheck = (op, ctx) => {
  if (!atLeastOneOperandAndResult(op, ctx)) return false;
  const e = elementTypeOrSelf(op.results[0].type);
  for (const t of [...op.resultTypes, ...op.operands.map((v) => v.type)]) {
    if (elementTypeOrSelf(t) !== e) return fail(op, ctx, 'requires the same element type for all operands and results');
  }
  return true;
};

const sameTypeOperands: TraitCheck = (op, ctx) => {
  const types = op.operands.map((v) => v.type);
  if (types.some((t) => t !== types[0])) return fail(op, ctx, 'requires all operands to have the same type');
  return true;
};

const isMappable = (t: Type): boolean => t.kind === 'vector' || t.kind === 'tensor' || t.kind === 'unranked_tensor';

/** `verifyElementwise`: scalar/non-scalar mix and matching shapes of the mappable values. */
const elementwise: TraitCheck = (op, ctx) => {
  if (!op.results.some((r) => isMappable(r.type)) && !op.opOperands.some((o) => isMappable(o.value.type))) return true;
  const results = op.resultTypes.filter(isMappable);
  const operands = op.operands.map((v) => v.type).filter(isMappable);
  if (results.length === 0 && operands.length === 0) return true;
  if (results.length > 0 && operands.length === 0)
    return fail(op, ctx, 'if a result is non-scalar, then at least one operand must be non-scalar');
  if (results.length === 0) return fail(op, ctx, 'if an operand is non-scalar, then there must be at least one non-scalar result');
  if (results.length !== op.results.length) return fail(op, ctx, 'if an operand is non-scalar, then all results must be non-scalar');
  const types = [...operands, ...results];
  if (!types.every((t) => sameTypeClass(t, types[0])) || !compatibleShapesOf(types))
    return fail(op, ctx, 'all non-scalar operands/results must have the same shape and base type');
  return true;
};

const NATIVE_TRAITS: Readonly<Record<string, TraitCheck>> = {
  SameOperandsAndResultType: sameOperandsAndResultType,
  SameOperandsAndResultShape: sameOperandsAndResultShape,
  SameOperandsShape: sameOperandsShape,
  SameOperandsElementType: sameOperandsElementType,
  SameOperandsAndResultElementType: sameOperandsAndResultElementType,
  SameTypeOperands: sameTypeOperands,
  Elementwise: elementwise,
};

/** The verifier of a native trait, or undefined for traits without one (Commutative, ...). */
export function nativeTraitVerifier(name: string): TraitCheck | undefined {
  return Object.hasOwn(NATIVE_TRAITS, name) ? NATIVE_TRAITS[name] : undefined;
}
