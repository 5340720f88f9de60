/** tensor.gather and tensor.scatter (`verifyGatherOrScatterDims`, TensorOps.cpp). */
import type { Operation, RankedTensorType, VerifyContext } from '../../../ir/index.js';
import { group, ranked, staticArray } from './util.js';

function verifyDims(op: Operation, ctx: VerifyContext, dims: readonly number[], indices: readonly number[], rank: number, kind: 'gather' | 'scatter'): boolean {
  const where = kind === 'gather' ? 'source' : 'dest';
  const fail = (m: string): false => {
    ctx.emitOpError(op, `${kind}_dims ${m}`);
    return false;
  };
  if (dims.length === 0) {
    ctx.emitOpError(op, `${kind}_dims must be non-empty`);
    return false;
  }
  if (dims.length > rank) return fail(`overflow ${where} rank`);
  if (indices.length === 0 || indices[indices.length - 1] !== dims.length) {
    return fail('length must match the size of last dimension of indices');
  }
  for (const d of dims) {
    if (d < 0) return fail('value must be non-negative');
    if (d >= rank) return fail(`value must be smaller than ${where} rank`);
  }
  for (let i = 1; i < dims.length; i++) if (dims[i - 1] >= dims[i]) return fail('values must be strictly increasing');
  return true;
}

/** `GatherOp::inferResultType`: index batch dims, then the source with gathered dims set to 1 or dropped. */
function inferGather(op: Operation, source: RankedTensorType, indices: RankedTensorType, dims: readonly number[], rankReduced: boolean): RankedTensorType {
  const shape = indices.shape.slice(0, -1);
  source.shape.forEach((d, i) => {
    if (dims.includes(i)) {
      if (!rankReduced) shape.push(1);
    } else shape.push(d);
  });
  return op.context.tensorType(shape, source.elementType, source.encoding);
}

function checkInferred(op: Operation, ctx: VerifyContext, what: 'result' | 'source', actual: RankedTensorType, full: RankedTensorType, reduced: RankedTensorType): void {
  if (actual === full || actual === reduced) return;
  const q = (t: RankedTensorType): string => `'${ctx.printType(t)}'`;
  ctx.emitOpError(op, `${what} type mismatch: expected ${q(full)} or its rank-reduced variant ${q(reduced)} (got: ${q(actual)})`);
}

export function verifyGather(op: Operation, ctx: VerifyContext): void {
  const source = ranked(group(op, 'source')[0]?.type);
  const indices = ranked(group(op, 'indices')[0]?.type);
  const result = ranked(op.results[0]?.type);
  if (!source || !indices || !result) return;
  const dims = staticArray(op, 'gather_dims');
  if (!verifyDims(op, ctx, dims, indices.shape, source.shape.length, 'gather')) return;
  checkInferred(op, ctx, 'result', result, inferGather(op, source, indices, dims, false), inferGather(op, source, indices, dims, true));
}

export function verifyScatter(op: Operation, ctx: VerifyContext): void {
  const source = ranked(group(op, 'source')[0]?.type);
  const dest = ranked(group(op, 'dest')[0]?.type);
  const indices = ranked(group(op, 'indices')[0]?.type);
  if (!source || !dest || !indices) return;
  const dims = staticArray(op, 'scatter_dims');
  if (!verifyDims(op, ctx, dims, indices.shape, dest.shape.length, 'scatter')) return;
  if (!op.getAttr('unique')) return ctx.emitOpError(op, "requires 'unique' attribute to be set");
  checkInferred(op, ctx, 'source', source, inferGather(op, dest, indices, dims, false), inferGather(op, dest, indices, dims, true));
}
