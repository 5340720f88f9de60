// memref.dma_start's verifier (MemRefOps.cpp): its operand list is variadic
// in ODS, so the structure (memrefs, index operands per rank, optional
// stride pair) is checked here, in MLIR's order and wording.
import type { Operation, Type, VerifyContext } from '../../ir/index.js';

const rank = (t: Type): number => (t as unknown as { shape: readonly number[] }).shape.length;
const isIndex = (t: Type): boolean => t.kind === 'index';

export function verifyDmaStart(op: Operation, ctx: VerifyContext): void {
  const types = op.operands.map((v) => v.type);
  const n = types.length;
  const fail = (m: string): void => ctx.emitOpError(op, m);
  if (n < 4) return fail('expected at least 4 operands');
  if (types[0].kind !== 'memref') return fail('expected source to be of memref type');
  const srcRank = rank(types[0]);
  if (n < srcRank + 4) return fail(`expected at least ${srcRank + 4} operands`);
  if (!types.slice(1, 1 + srcRank).every(isIndex)) return fail('expected source indices to be of index type');
  const dst = 1 + srcRank;
  if (types[dst].kind !== 'memref') return fail('expected destination to be of memref type');
  const dstRank = rank(types[dst]);
  let expected = srcRank + dstRank + 4;
  if (n < expected) return fail(`expected at least ${expected} operands`);
  if (!types.slice(dst + 1, dst + 1 + dstRank).every(isIndex)) return fail('expected destination indices to be of index type');
  const num = dst + 1 + dstRank;
  if (!isIndex(types[num])) return fail('expected num elements to be of index type');
  const tag = num + 1;
  if (types[tag].kind !== 'memref') return fail('expected tag to be of memref type');
  const tagRank = rank(types[tag]);
  expected += tagRank;
  if (n < expected) return fail(`expected at least ${expected} operands`);
  if (!types.slice(tag + 1, tag + 1 + tagRank).every(isIndex)) return fail('expected tag indices to be of index type');
  if (n !== expected && n !== expected + 2) return fail('incorrect number of operands');
  if (n === expected + 2 && !(isIndex(types[n - 2]) && isIndex(types[n - 1]))) {
    return fail('expected stride and num elements per stride to be of type index');
  }
}
