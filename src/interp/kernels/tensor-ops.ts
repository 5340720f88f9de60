// tensor dialect ops with static shapes (dynamic offsets/sizes come from index operands).
import type { DenseArrayAttr, Operation, RankedTensorType } from '../../ir/index.js';
import { concatAlong, coords, flatIndex, makeTensor, strides, type Tensor } from '../tensor.js';
import { scalarAttr } from '../constants.js';
import { InterpError, type Kernel } from './types.js';

const DYN = -(2 ** 63);
const rt = (op: Operation): RankedTensorType => op.resultTypes[0] as RankedTensorType;

/** Static list with kDynamic entries replaced, in order, by the given dynamic operands. */
function mixed(attr: unknown, dyn: readonly Tensor[]): number[] {
  const vals = ((attr as DenseArrayAttr | undefined)?.values ?? []).map((v) => Number(v));
  let k = 0;
  return vals.map((v) => (v <= DYN ? dyn[k++].data[0] : v));
}

function sliceParams(op: Operation, args: readonly Tensor[], firstDynamic: number): { offsets: number[]; sizes: number[]; strides: number[] } {
  const seg = (op.getAttr('operandSegmentSizes') as DenseArrayAttr).values.map(Number);
  const at = (k: number): Tensor[] => {
    const start = seg.slice(0, k).reduce((a, b) => a + b, 0);
    return args.slice(start, start + seg[k]) as Tensor[];
  };
  return {
    offsets: mixed(op.getAttr('static_offsets'), at(firstDynamic)),
    sizes: mixed(op.getAttr('static_sizes'), at(firstDynamic + 1)),
    strides: mixed(op.getAttr('static_strides'), at(firstDynamic + 2)),
  };
}

const extractSlice: Kernel = (op, args) => {
  const src = args[0];
  const { offsets, strides: steps } = sliceParams(op, args, 1);
  const t = rt(op);
  const out = makeTensor(t.shape, t.elementType);
  const inSt = strides(src.shape);
  // The result may drop unit dims: walk the full-rank slice shape.
  const full = sliceParams(op, args, 1).sizes;
  for (let i = 0; i < out.data.length; i++) {
    const c = coords(i, full);
    out.data[i] = src.data[flatIndex(c.map((x, d) => offsets[d] + x * steps[d]), inSt)];
  }
  return [out];
};

const insertSlice: Kernel = (op, args) => {
  const [src, dest] = args;
  const { offsets, sizes, strides: steps } = sliceParams(op, args, 2);
  const out = makeTensor(dest.shape, dest.elementType, Float64Array.from(dest.data));
  const outSt = strides(dest.shape);
  for (let i = 0; i < src.data.length; i++) {
    const c = coords(i, sizes);
    out.data[flatIndex(c.map((x, d) => offsets[d] + x * steps[d]), outSt)] = src.data[i];
  }
  return [out];
};

const concat: Kernel = (op, args) => [concatAlong(args, scalarAttr(op.getAttr('dim')) ?? 0, rt(op).elementType)];

const sameData: Kernel = (op, [a]) => {
  const t = rt(op);
  return [makeTensor(t.shape, t.elementType, a.data)];
};

export const TENSOR: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['tensor.empty', (op) => [makeTensor(rt(op).shape, rt(op).elementType)]],
  ['tensor.extract_slice', extractSlice],
  ['tensor.insert_slice', insertSlice],
  ['tensor.concat', concat],
  ['tensor.cast', sameData],
  ['tensor.reshape', sameData],
  ['tensor.expand_shape', sameData],
  ['tensor.collapse_shape', sameData],
  ['tensor.splat', (op, [s]) => {
    const out = makeTensor(rt(op).shape, rt(op).elementType);
    out.data.fill(s.data[0]);
    return [out];
  }],
  ['tensor.from_elements', (op, args) => [makeTensor(rt(op).shape, rt(op).elementType, Float64Array.from(args.map((a) => a.data[0])))]],
  ['tensor.extract', (op, [t, ...idx]) => {
    const v = t.data[flatIndex(idx.map((i) => i.data[0]), strides(t.shape))];
    return [makeTensor([], op.resultTypes[0], Float64Array.of(v))];
  }],
  ['tensor.insert', (op, [s, t, ...idx]) => {
    const out = makeTensor(t.shape, t.elementType, Float64Array.from(t.data));
    out.data[flatIndex(idx.map((i) => i.data[0]), strides(t.shape))] = s.data[0];
    return [out];
  }],
  ['tensor.dim', (op, [t, i]) => {
    const d = i.data[0];
    if (d < 0 || d >= t.shape.length) throw new InterpError(op, `tensor.dim index ${d} out of range`);
    return [makeTensor([], op.resultTypes[0], Float64Array.of(t.shape[d]))];
  }],
]);
