/**
 * Offset/size/stride ops (extract_slice, insert_slice, parallel_insert_slice)
 * and tensor.pad: `verifyOffsetSizeAndStrideOp` (ViewLikeInterface.cpp),
 * `isRankReducedType` (BuiltinTypes.cpp) and the TensorOps.cpp verifiers.
 */
import { DYNAMIC, type Operation, type RankedTensorType, type VerifyContext } from '../../../ir/index.js';
import { group, isDyn, ranked, staticArray } from './util.js';

/** `OffsetSizeAndStrideOpInterface` verifier; `maxRank` is the rank of the sliced tensor. */
function verifyOffsetSizeStride(op: Operation, ctx: VerifyContext, maxRank: number): boolean {
  const lists = (['offset', 'size', 'stride'] as const).map((name) => ({
    name,
    statics: staticArray(op, `static_${name}s`),
    values: group(op, `${name}s`),
  }));
  const [offsets, sizes, strides] = lists;
  const fail = (m: string): false => {
    ctx.emitError(op.location, m);
    return false;
  };
  if (!(offsets.statics.length === 1 && maxRank === 1) && offsets.statics.length !== sizes.statics.length) {
    return fail(`expected mixed offsets rank to match mixed sizes rank (${offsets.statics.length} vs ${sizes.statics.length}) so the rank of the result type is well-formed.`);
  }
  if (sizes.statics.length !== strides.statics.length) {
    return fail(`expected mixed sizes rank to match mixed strides rank (${sizes.statics.length} vs ${strides.statics.length}) so the rank of the result type is well-formed.`);
  }
  for (const l of lists) {
    if (l.statics.length !== maxRank) return fail(`expected ${maxRank} ${l.name} values, got ${l.statics.length}`);
    const dynamic = l.statics.filter(isDyn).length;
    if (l.values.length !== dynamic) {
      return fail(`expected the number of '${l.name}s' to match the number of dynamic entries in 'static_${l.name}s' (${l.values.length} vs ${dynamic})`);
    }
  }
  for (const o of offsets.statics) if (o < 0 && !isDyn(o)) return fail(`expected offsets to be non-negative, but got ${o}`);
  for (const s of sizes.statics) if (s < 0 && !isDyn(s)) return fail(`expected sizes to be non-negative, but got ${s}`);
  return true;
}

/** `computeRankReductionMask` without dynamic matching: can `reduced` be `original` minus unit dims? */
function rankReducible(original: readonly number[], reduced: readonly number[]): boolean {
  let r = 0;
  for (const d of original) {
    if (r < reduced.length && d === reduced[r]) r++;
    else if (d !== 1) return false;
  }
  return r === reduced.length;
}

/** `isRankReducedType` + `produceSliceErrorMsg` (emitted without the op prefix, as MLIR does). */
function verifySliceType(op: Operation, ctx: VerifyContext, expected: RankedTensorType, actual: RankedTensorType): boolean {
  const fail = (m: string): false => {
    ctx.emitError(op.location, m);
    return false;
  };
  if (expected === actual) return true;
  if (actual.shape.length > expected.shape.length) return fail('expected rank to be smaller or equal to the other rank. ');
  if (!rankReducible(expected.shape, actual.shape)) {
    return fail(`expected type to be '${ctx.printType(expected)}' or a rank-reduced version. (size mismatch) `);
  }
  if (expected.elementType !== actual.elementType) return fail(`expected element type to be '${ctx.printType(expected.elementType)}'`);
  return true;
}

/** `verifyInBoundsSlice` (ViewLikeInterface.cpp): static offsets and last positions inside the sliced tensor. */
function verifyInBounds(op: Operation, ctx: VerifyContext, shape: readonly number[]): void {
  const offsets = staticArray(op, 'static_offsets');
  const sizes = staticArray(op, 'static_sizes');
  const strides = staticArray(op, 'static_strides');
  for (let i = 0; i < shape.length; i++) {
    if (isDyn(shape[i]) || isDyn(offsets[i])) continue;
    if (offsets[i] >= shape[i]) return ctx.emitError(op.location, `offset ${i} is out-of-bounds: ${offsets[i]} >= ${shape[i]}`);
    if (isDyn(sizes[i]) || isDyn(strides[i]) || sizes[i] === 0) continue;
    const last = offsets[i] + (sizes[i] - 1) * strides[i];
    if (last >= shape[i]) return ctx.emitError(op.location, `slice along dimension ${i} runs out-of-bounds: ${last} >= ${shape[i]}`);
  }
}

/** `ExtractSliceOp::inferResultType`: the static sizes over the source element type and encoding. */
function inferSlice(op: Operation, of: RankedTensorType): RankedTensorType {
  return op.context.tensorType(staticArray(op, 'static_sizes'), of.elementType, of.encoding);
}

export function sliceTraitVerifier(sliced: 'source' | 'dest'): (op: Operation, ctx: VerifyContext) => boolean {
  return (op, ctx) => {
    const t = ranked(group(op, sliced)[0]?.type);
    return !t || verifyOffsetSizeStride(op, ctx, t.shape.length);
  };
}

export function verifyExtractSlice(op: Operation, ctx: VerifyContext): void {
  const source = ranked(group(op, 'source')[0]?.type);
  const result = ranked(op.results[0]?.type);
  if (source && result && verifySliceType(op, ctx, inferSlice(op, source), result)) verifyInBounds(op, ctx, source.shape);
}

/** insert_slice and parallel_insert_slice: the source is a (rank-reduced) slice of the dest. */
export function verifyInsertSlice(op: Operation, ctx: VerifyContext): void {
  const source = ranked(group(op, 'source')[0]?.type);
  const dest = ranked(group(op, 'dest')[0]?.type);
  if (source && dest && verifySliceType(op, ctx, inferSlice(op, dest), source)) verifyInBounds(op, ctx, dest.shape);
}

export function verifyPad(op: Operation, ctx: VerifyContext): void {
  const source = ranked(group(op, 'source')[0]?.type);
  const result = ranked(op.results[0]?.type);
  if (!source || !result) return;
  const low = staticArray(op, 'static_low');
  const high = staticArray(op, 'static_high');
  const rank = source.shape.length;
  const q = (t: RankedTensorType): string => `'${ctx.printType(t)}'`;
  if (low.length !== rank || high.length !== rank) {
    return ctx.emitError(op.location, `failed to infer expectedType from sourceType ${q(source)}, specified resultType is ${q(result)}`);
  }
  const shape = source.shape.map((d, i) => (isDyn(d) || isDyn(low[i]) || isDyn(high[i]) ? DYNAMIC : d + low[i] + high[i]));
  const expected = op.context.tensorType(shape, source.elementType);
  const mismatch = result.shape.length !== rank || shape.some((d, i) => result.shape[i] !== d && !isDyn(d));
  if (mismatch) ctx.emitError(op.location, `specified type ${q(result)} does not match the inferred type ${q(expected)}`);
}

export function verifyPadRegions(op: Operation, ctx: VerifyContext): void {
  const result = ranked(op.results[0]?.type);
  const block = op.regions[0]?.blocks[0];
  if (!result || !block) return;
  const rank = result.shape.length;
  if (block.arguments.length !== rank) return ctx.emitError(op.location, `expected the block to have ${rank} arguments`);
  const bad = block.arguments.findIndex((a) => a.type.kind !== 'index');
  if (bad >= 0) return ctx.emitOpError(op, `expected block argument ${bad + 1} to be an index`);
  const y = block.lastOp;
  if (y?.name === 'tensor.yield' && y.numOperands === 1 && y.operand(0).type !== result.elementType) {
    ctx.emitOpError(op, 'expected yield type to match shape element type');
  }
}
