/** arith.constant and arith.select verifiers (mlir/lib/Dialect/Arith/IR/ArithOps.cpp). */
import { IntegerType, isShaped, type Operation, type Type, type VectorType, type VerifyContext } from '../../../ir/index.js';
import { applyTransformer } from '../../../ir/assembly-format/engine/index.js';

function isSplatElements(a: { kind: string; isSplat?: boolean }): boolean {
  return (a.kind === 'dense' || a.kind === 'dense_string') && a.isSplat === true;
}

/** `arith::ConstantOp::verify`. */
export function verifyConstant(op: Operation, ctx: VerifyContext): void {
  const type = op.results[0]?.type;
  const value = op.getAttr('value');
  if (!type || !value) return;
  if (type instanceof IntegerType && type.signedness !== 'signless') return ctx.emitOpError(op, 'integer return type must be signless');
  const elements = ['dense', 'dense_string', 'dense_resource', 'sparse'].includes(value.kind);
  if (value.kind !== 'integer' && value.kind !== 'float' && !elements) {
    return ctx.emitOpError(op, 'value must be an integer, float, or elements attribute');
  }
  const scalable = type.kind === 'vector' && (type as VectorType).scalableDims.some((s) => s);
  if (scalable && !isSplatElements(value as { kind: string; isSplat?: boolean })) {
    ctx.emitOpError(op, "intializing scalable vectors with elements attribute is not supported unless it's a vector splat");
  }
}

/** `arith::SelectOp::verify`: an i1 condition, or an i1 mask shaped like the result. */
export function verifySelect(op: Operation, ctx: VerifyContext): void {
  if (op.numOperands < 1 || op.results.length < 1) return;
  const condition = op.operand(0).type;
  if (condition instanceof IntegerType && condition.signedness === 'signless' && condition.width === 1) return;
  const result = op.results[0].type;
  const isTensorOrVector = (t: Type): boolean => t.kind === 'vector' || t.kind === 'tensor' || t.kind === 'unranked_tensor';
  if (!isTensorOrVector(result)) {
    return ctx.emitOpError(op, `expected condition to be a signless i1, but got '${ctx.printType(condition)}'`);
  }
  const expected = isShaped(result) ? applyTransformer(op.context, '::getI1SameShape($_self)', result)?.[0] : undefined;
  if (expected && condition !== expected) {
    ctx.emitOpError(
      op,
      `expected condition type to have the same shape as the result type, expected '${ctx.printType(expected)}', but got '${ctx.printType(condition)}'`,
    );
  }
}
