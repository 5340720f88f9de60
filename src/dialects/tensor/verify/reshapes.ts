/**
 * tensor.expand_shape / tensor.collapse_shape: `verifyReshapeLikeTypes` and
 * `reshapeLikeShapesAreCompatible` (Dialect/Utils/ReshapeOpsUtils.cpp).
 */
import { DYNAMIC, type ArrayAttr, type IntegerAttr, type Operation, type RankedTensorType, type VerifyContext } from '../../../ir/index.js';
import { group, isDyn, ranked, staticArray } from './util.js';

function reassociation(op: Operation): number[][] | undefined {
  const a = op.getAttr('reassociation');
  if (a?.kind !== 'array') return undefined;
  const groups: number[][] = [];
  for (const g of (a as ArrayAttr).elements) {
    if (g.kind !== 'array') return undefined;
    groups.push((g as ArrayAttr).elements.map((e) => Number((e as IntegerAttr).value)));
  }
  return groups;
}

function verifyReshapeLike(op: Operation, ctx: VerifyContext, expanded: RankedTensorType, collapsed: RankedTensorType): void {
  const groups = reassociation(op);
  if (!groups) return;
  const q = (t: RankedTensorType): string => `'${ctx.printType(t)}'`;
  const expandedRank = expanded.shape.length;
  const collapsedRank = collapsed.shape.length;
  if (expandedRank < collapsedRank) {
    return ctx.emitOpError(op, `expected the expanded type, ${q(expanded)} to have a higher (or same) rank than the collapsed type, ${q(collapsed)}.`);
  }
  if (collapsedRank !== groups.length) {
    return ctx.emitOpError(op, `expected collapsed rank (${collapsedRank}) to equal the number of reassociation maps (${groups.length}).`);
  }
  if (groups.length > 0) {
    // The reassociation maps all have max(index) + 1 dims; then isReassociationValid: indices count up from 0.
    const nDims = Math.max(-1, ...groups.flat()) + 1;
    if (nDims !== expandedRank) {
      return ctx.emitOpError(op, `expected reassociation map #0 to have size equal to the expanded rank (${expandedRank}), but it is  ${nDims}.`);
    }
    let next = 0;
    for (let i = 0; i < groups.length; i++) {
      if (groups[i].some((d) => d !== next++)) return ctx.emitOpError(op, `expected reassociation map #${i} to be valid and contiguous.`);
    }
    if (next !== nDims) return ctx.emitOpError(op, `expected reassociation map #${groups.length - 1} to be valid and contiguous.`);
  }
  let start = 0;
  const inferred: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const band = expanded.shape.slice(start, start + groups[i].length);
    start += groups[i].length;
    inferred.push(band.some(isDyn) ? DYNAMIC : band.reduce((a, b) => a * b, 1));
    if (band.some(isDyn)) {
      if (!isDyn(collapsed.shape[i])) {
        return ctx.emitOpError(op, `expected dimension ${i} of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic`);
      }
    } else {
      const product = band.reduce((a, b) => a * b, 1);
      if (collapsed.shape[i] !== product) return ctx.emitOpError(op, `expected dimension ${i} of collapsed type to be static value of ${product}`);
    }
  }
  // isSameTypeWithoutEncoding(collapsed, inferCollapsedType(expanded)).
  if (collapsed.elementType !== expanded.elementType) {
    const expected = op.context.tensorType(inferred, expanded.elementType);
    ctx.emitOpError(op, `expected collapsed type to be ${q(expected)}, but got ${q(collapsed)}`);
  }
}

export function verifyExpandShape(op: Operation, ctx: VerifyContext): void {
  const src = ranked(op.operand(0).type);
  const result = ranked(op.results[0]?.type);
  if (!src || !result) return;
  const statics = staticArray(op, 'static_output_shape');
  if (statics.length !== result.shape.length) {
    return ctx.emitOpError(op, `expected number of static shape dims to be equal to the output rank (${result.shape.length}) but found ${statics.length} inputs instead`);
  }
  const dynamic = statics.filter(isDyn).length;
  const given = group(op, 'output_shape').length;
  if (given !== dynamic) {
    return ctx.emitOpError(op, `mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has ${dynamic} dynamic dims while output_shape has ${given} values`);
  }
  verifyReshapeLike(op, ctx, result, src);
}

export function verifyCollapseShape(op: Operation, ctx: VerifyContext): void {
  if (reassociation(op)?.some((g) => g.length === 0)) return ctx.emitOpError(op, 'reassociation indices must not be empty');
  const src = ranked(op.operand(0).type);
  const result = ranked(op.results[0]?.type);
  if (src && result) verifyReshapeLike(op, ctx, src, result);
}
