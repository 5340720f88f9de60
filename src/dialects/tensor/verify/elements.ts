/**
 * tensor.extract/insert/empty/splat/generate/reshape verifiers (TensorOps.cpp).
 * Some use `emitError` in MLIR, i.e. without the `'op' op` prefix; kept so.
 */
import type { Operation, VerifyContext } from '../../../ir/index.js';
import { group, isDyn, numDynamicDims, ranked } from './util.js';

export function verifyExtract(op: Operation, ctx: VerifyContext): void {
  const t = ranked(op.operand(0).type);
  if (t && t.shape.length !== group(op, 'indices').length) ctx.emitOpError(op, 'incorrect number of indices for extract_element');
}

export function verifyInsert(op: Operation, ctx: VerifyContext): void {
  const t = ranked(group(op, 'dest')[0]?.type);
  if (t && t.shape.length !== group(op, 'indices').length) ctx.emitOpError(op, 'incorrect number of indices');
}

/** tensor.empty, tensor.splat and tensor.generate: one dynamic size per `?` of the result. */
export function dynamicSizesVerifier(groupName: 'dynamicSizes' | 'dynamicExtents'): (op: Operation, ctx: VerifyContext) => void {
  return (op, ctx) => {
    const t = ranked(op.results[0]?.type);
    const given = group(op, groupName).length;
    if (t && numDynamicDims(t) !== given) ctx.emitOpError(op, `incorrect number of dynamic sizes, has ${given}, expected ${numDynamicDims(t)}`);
  };
}

export function verifyGenerateRegions(op: Operation, ctx: VerifyContext): void {
  const t = ranked(op.results[0]?.type);
  const block = op.regions[0]?.blocks[0];
  if (!t || !block) return;
  if (!block.arguments.every((a) => a.type.kind === 'index')) return ctx.emitError(op.location, 'all body arguments must be index');
  if (block.arguments.length !== t.shape.length) return ctx.emitError(op.location, 'must have one body argument per input dimension');
  const yieldOp = block.lastOp;
  if (yieldOp?.name === 'tensor.yield' && yieldOp.numOperands === 1 && yieldOp.operand(0).type !== t.elementType) {
    ctx.emitOpError(op, 'body must be terminated with a `yield` operation of the tensor element type');
  }
}

export function verifyReshape(op: Operation, ctx: VerifyContext): void {
  const source = op.operand(0).type;
  const result = op.results[0]?.type;
  if (!result) return;
  const elementOf = (t: typeof source): unknown => (t as { elementType?: unknown }).elementType;
  if (elementOf(source) !== elementOf(result)) {
    return ctx.emitOpError(op, 'element types of source and destination tensor types should be the same');
  }
  const shapeSize = ranked(op.operand(1).type)?.shape[0];
  const r = ranked(result);
  const s = ranked(source);
  if (!r || shapeSize === undefined) return;
  if (s && !r.shape.some(isDyn) && !s.shape.some(isDyn)) {
    const count = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
    if (count(s.shape) !== count(r.shape)) return ctx.emitOpError(op, 'source and destination tensor should have the same number of elements');
  }
  if (isDyn(shapeSize)) return ctx.emitOpError(op, 'cannot use shape operand with dynamic length to reshape to statically-ranked tensor type');
  if (shapeSize !== r.shape.length) ctx.emitOpError(op, "length of shape operand differs from the result's tensor rank");
}
