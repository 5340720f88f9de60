// Semantics of the ccl collectives over all ranks at once (DESIGN §6.1), with a
// deterministic reduction order: members combine in group order.
import type { Operation, RankedTensorType, StringAttr, Type } from '../ir/index.js';
import { decodeRankMatrix, futureValueType } from '../dialects/ccl/index.js';
import { concatAlong, coords, flatIndex, makeTensor, multiply, normalize, strides, type Tensor } from './tensor.js';
import { scalarAttr } from './constants.js';
import { InterpError } from './kernels/types.js';

const REDUCE: Record<string, (a: number, b: number, t: Type) => number> = {
  sum: (a, b) => a + b,
  prod: multiply,
  max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  min: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
};

function reduceAll(inputs: readonly Tensor[], kind: string): Tensor {
  const f = REDUCE[kind];
  const t = inputs[0].elementType;
  const out = makeTensor(inputs[0].shape, t, Float64Array.from(inputs[0].data));
  for (const x of inputs.slice(1)) for (let i = 0; i < out.data.length; i++) out.data[i] = normalize(f(out.data[i], x.data[i], t), t);
  return out;
}

/** Slice `index` of `k` equal parts along `dim`. */
function part(t: Tensor, dim: number, index: number, k: number): Tensor {
  const shape = [...t.shape];
  shape[dim] = shape[dim] / k;
  const out = makeTensor(shape, t.elementType);
  const inSt = strides(t.shape);
  for (let i = 0; i < out.data.length; i++) {
    const c = coords(i, shape);
    c[dim] += index * shape[dim];
    out.data[i] = t.data[flatIndex(c, inSt)];
  }
  return out;
}

/** Results of collective `op` for every rank, given every rank's input. */
export function runCollective(op: Operation, inputs: readonly Tensor[]): Tensor[] {
  const R = inputs.length;
  const name = op.name.slice(4);
  const red = (op.getAttr('reduction') as StringAttr | undefined)?.value ?? 'sum';
  const out = new Array<Tensor>(R);
  if (name === 'permute') {
    const pairs = decodeRankMatrix(op.getAttr('pairs')) ?? [];
    for (let r = 0; r < R; r++) out[r] = makeTensor(inputs[r].shape, inputs[r].elementType);
    for (const [s, d] of pairs) out[d] = inputs[s];
    return out;
  }
  const groups = decodeRankMatrix(op.getAttr('groups'));
  if (!groups) throw new InterpError(op, 'collective without groups');
  for (const g of groups) {
    const k = g.length;
    const mine = g.map((r) => {
      if (r >= R) throw new InterpError(op, `rank ${r} in groups but only ${R} ranks run`);
      return inputs[r];
    });
    g.forEach((r, i) => {
      switch (name) {
        case 'all_reduce':
          out[r] = i === 0 ? reduceAll(mine, red) : out[g[0]];
          break;
        case 'reduce_scatter': {
          const dim = scalarAttr(op.getAttr('dim')) ?? 0;
          out[r] = part(reduceAll(mine, red), dim, i, k);
          break;
        }
        case 'all_gather':
          out[r] = concatAlong(mine, scalarAttr(op.getAttr('dim')) ?? 0);
          break;
        case 'all_to_all': {
          const split = scalarAttr(op.getAttr('split_dim')) ?? 0;
          const cat = scalarAttr(op.getAttr('concat_dim')) ?? 0;
          out[r] = concatAlong(mine.map((m) => part(m, split, i, k)), cat);
          break;
        }
        case 'broadcast':
          out[r] = mine[scalarAttr(op.getAttr('root')) ?? 0];
          break;
        case 'reduce':
          out[r] = i === (scalarAttr(op.getAttr('root')) ?? 0) ? reduceAll(mine, red) : inputs[r];
          break;
        default:
          throw new InterpError(op, `unknown collective '${op.name}'`);
      }
    });
  }
  return out;
}

/** Result type of a collective without its future wrapper. */
export function collectiveValueType(op: Operation): RankedTensorType {
  const t: Type = op.resultTypes[0];
  return (futureValueType(t) ?? t) as RankedTensorType;
}
