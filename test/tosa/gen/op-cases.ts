// fast-check generators of single TOSA ops, well-typed or mutated, each with
// its OpView (for our verifier) and an MLIR chunk (for mlir-opt-22).
import fc from 'fast-check';
import type { AbstractType, AttrValue, Dim, OpView } from '../../../src/dialects/tosa/semantics/index.js';
import { inferTosaResultTypes, isFloat, printType, tensor } from '../../../src/dialects/tosa/semantics/index.js';

export interface OpCase {
  readonly view: OpView;
  /** MLIR text of a function holding the op (generic form); the op is on line `opLine` (0-based). */
  readonly text: string;
  readonly opLine: number;
}

export interface Operand {
  type: AbstractType;
  /** Route a shape constant through tosa.max_shape(c, c): same value, but no longer a tosa.const_shape. */
  viaShapeOp?: boolean;
  /** Constant values: emitted as tosa.const / tosa.const_shape. */
  constant?: readonly number[];
}

export interface Draft {
  name: string;
  operands: Operand[];
  attrs: Record<string, AttrValue>;
  /** Result element types, shapes come from inference (then maybe mutated). */
  resultElements: string[];
  /** Explicit result types, for ops without shape inference (e.g. scalar apply_scale). */
  results?: AbstractType[];
}

export const dim = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant<Dim>('?') });
export const shapeArb = (min = 1, max = 4) => fc.array(dim, { minLength: min, maxLength: max });
export const staticShape = (min = 1, max = 4) => fc.array(fc.integer({ min: 1, max: 5 }), { minLength: min, maxLength: max });
export const t = (shape: readonly Dim[] | null, e: string): AbstractType => tensor(shape, e);
export const shapeOperand = (values: readonly number[]): Operand => ({ type: { kind: 'shape', rank: values.length }, constant: values });
export const zp = (e: string, v = 0): Operand => ({ type: t([1], e), constant: [v] });

const BINARY: Record<string, string[]> = {
  f32: ['tosa.add', 'tosa.sub', 'tosa.maximum', 'tosa.minimum', 'tosa.pow'],
  i32: ['tosa.bitwise_and', 'tosa.bitwise_or', 'tosa.bitwise_xor', 'tosa.intdiv', 'tosa.logical_left_shift', 'tosa.arithmetic_right_shift'],
  i1: ['tosa.logical_and', 'tosa.logical_or', 'tosa.logical_xor'],
};
const UNARY: Record<string, string[]> = {
  f32: ['tosa.abs', 'tosa.exp', 'tosa.log', 'tosa.ceil', 'tosa.floor', 'tosa.reciprocal', 'tosa.rsqrt', 'tosa.tanh', 'tosa.sigmoid', 'tosa.sin', 'tosa.cos', 'tosa.erf'],
  i32: ['tosa.bitwise_not', 'tosa.clz', 'tosa.abs'],
  i1: ['tosa.logical_not'],
};

/** Replaces some dims by 1 so the pair broadcasts. */
const broadcastPartner = (s: readonly Dim[]) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((ones) => s.map((d, i) => (ones[i] ? 1 : d)));

const elementwise: fc.Arbitrary<Draft> = fc.oneof(
  fc.constantFrom(...Object.entries(BINARY)).chain(([e, names]) =>
    fc.tuple(fc.constantFrom(...names), shapeArb()).chain(([name, s]) =>
      broadcastPartner(s).map((b): Draft => ({ name, operands: [{ type: t(s, e) }, { type: t(b, e) }], attrs: {}, resultElements: [e] })))),
  fc.constantFrom(...Object.entries(UNARY)).chain(([e, names]) =>
    fc.tuple(fc.constantFrom(...names), shapeArb()).map(([name, s]): Draft => ({ name, operands: [{ type: t(s, e) }], attrs: {}, resultElements: [e] }))),
  fc.tuple(fc.constantFrom('tosa.equal', 'tosa.greater', 'tosa.greater_equal'), fc.constantFrom('f32', 'i32'), shapeArb()).chain(([name, e, s]) =>
    broadcastPartner(s).map((b): Draft => ({ name, operands: [{ type: t(s, e) }, { type: t(b, e) }], attrs: {}, resultElements: ['i1'] }))),
  fc.tuple(shapeArb(), fc.constantFrom('f32', 'i32')).chain(([s, e]) =>
    broadcastPartner(s).map((b): Draft => ({ name: 'tosa.select', operands: [{ type: t(b, 'i1') }, { type: t(s, e) }, { type: t(s, e) }], attrs: {}, resultElements: [e] }))),
  fc.tuple(shapeArb(), fc.constantFrom('f32', 'i32')).chain(([s, e]) =>
    broadcastPartner(s).map((b): Draft => ({ name: 'tosa.mul', operands: [{ type: t(s, e) }, { type: t(b, e) }, { type: t([1], 'i8'), constant: [0] }], attrs: {}, resultElements: [e] }))),
  fc.tuple(shapeArb(), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })).map(([s, lo, hi]): Draft => ({
    name: 'tosa.clamp', operands: [{ type: t(s, 'f32') }], resultElements: ['f32'],
    attrs: { min_val: { kind: 'float', value: lo, type: 'f32' }, max_val: { kind: 'float', value: hi, type: 'f32' } },
  })),
  fc.tuple(shapeArb(), fc.constantFrom(['f32', 'i32'], ['i32', 'f32'], ['i8', 'i32'], ['f32', 'f16'])).map(([s, [a, b]]): Draft => ({ name: 'tosa.cast', operands: [{ type: t(s, a!) }], attrs: {}, resultElements: [b!] })),
  fc.tuple(shapeArb(), fc.constantFrom('f32', 'i8', 'i32'), fc.integer({ min: -1, max: 1 })).map(([s, e, z]): Draft => ({
    name: 'tosa.negate', operands: [{ type: t(s, e) }, zp(e, e === 'f32' ? 0 : z), zp(e)], attrs: {}, resultElements: [e],
  })),
);

const reductions: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(fc.constantFrom('tosa.reduce_sum', 'tosa.reduce_max', 'tosa.reduce_min', 'tosa.reduce_product'), shapeArb(), fc.integer({ min: 0, max: 4 })).map(([name, s, axis]): Draft => ({
    name, operands: [{ type: t(s, 'f32') }], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: ['f32'],
  })),
  fc.tuple(fc.constantFrom('tosa.reduce_all', 'tosa.reduce_any'), shapeArb(), fc.integer({ min: 0, max: 3 })).map(([name, s, axis]): Draft => ({
    name, operands: [{ type: t(s, 'i1') }], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: ['i1'],
  })),
  fc.tuple(shapeArb(), fc.integer({ min: 0, max: 3 })).map(([s, axis]): Draft => ({
    name: 'tosa.argmax', operands: [{ type: t(s, 'f32') }], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: ['i32'],
  })),
  fc.tuple(shapeArb(), fc.integer({ min: 0, max: 3 })).map(([s, axis]): Draft => ({
    name: 'tosa.reverse', operands: [{ type: t(s, 'f32') }], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: ['f32'],
  })),
);

const layout: fc.Arbitrary<Draft> = fc.oneof(
  shapeArb().chain((s) =>
    fc.oneof(
      fc.shuffledSubarray(s.map((_, i) => i), { minLength: s.length, maxLength: s.length }),
      fc.array(fc.integer({ min: -1, max: s.length }), { minLength: s.length, maxLength: s.length }),
    ).map((perms): Draft => ({ name: 'tosa.transpose', operands: [{ type: t(s, 'f32') }], attrs: { perms }, resultElements: ['f32'] }))),
  // No 0 in the new shape: mlir-opt-22 divides by the static product and dies with SIGFPE.
  fc.tuple(staticShape(), fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 4 })).map(([s, ns]): Draft => ({
    name: 'tosa.reshape', operands: [{ type: t(s, 'f32') }, shapeOperand(ns)], attrs: {}, resultElements: ['f32'],
  })),
  fc.tuple(staticShape(2, 3), fc.integer({ min: 1, max: 3 }), fc.nat(2)).chain(([s, n, axisRaw]) => {
    const axis = axisRaw % s.length;
    return fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }).map((sizes): Draft => ({
      name: 'tosa.concat', operands: sizes.map((k) => ({ type: t(s.map((d, i) => (i === axis ? k : d)), 'f32') })),
      attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: ['f32'],
    }));
  }),
  staticShape().chain((s) =>
    fc.tuple(
      fc.tuple(...s.map((d) => fc.integer({ min: 0, max: d - 1 }))),
      fc.tuple(...s.map(() => fc.integer({ min: -1, max: 3 }))),
    ).map(([start, size]): Draft => ({
      name: 'tosa.slice', operands: [{ type: t(s, 'f32') }, shapeOperand(start), shapeOperand(size)], attrs: {}, resultElements: ['f32'],
    }))),
  shapeArb().chain((s) =>
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: s.length, maxLength: s.length }).map((m): Draft => ({
      name: 'tosa.tile', operands: [{ type: t(s, 'f32') }, shapeOperand(m)], attrs: {}, resultElements: ['f32'],
    }))),
  shapeArb().chain((s) =>
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2 * s.length, maxLength: 2 * s.length }).map((p): Draft => ({
      name: 'tosa.pad', operands: [{ type: t(s, 'f32') }, shapeOperand(p), { type: t([1], 'f32'), constant: [0] }], attrs: {}, resultElements: ['f32'],
    }))),
);

const tensorOps: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(dim, dim, dim, dim, fc.constantFrom('f32', 'i8')).map(([n, h, c, w, e]): Draft => ({
    name: 'tosa.matmul', operands: [{ type: t([n, h, c], e) }, { type: t([n, c, w], e) }, zp(e), zp(e)], attrs: {}, resultElements: [e === 'i8' ? 'i32' : e],
  })),
  fc.record({
    n: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 3, max: 9 }), w: fc.integer({ min: 3, max: 9 }), c: fc.integer({ min: 1, max: 4 }),
    o: fc.integer({ min: 1, max: 4 }), kh: fc.integer({ min: 1, max: 3 }), kw: fc.integer({ min: 1, max: 3 }),
    pad: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 4, maxLength: 4 }),
    stride: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
    dil: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
  }).map((r): Draft => ({
    name: 'tosa.conv2d',
    operands: [{ type: t([r.n, r.h, r.w, r.c], 'f32') }, { type: t([r.o, r.kh, r.kw, r.c], 'f32') }, { type: t([r.o], 'f32') }, zp('f32'), zp('f32')],
    attrs: { pad: r.pad, stride: r.stride, dilation: r.dil, acc_type: { kind: 'type', type: 'f32' } }, resultElements: ['f32'],
  })),
  fc.record({
    pool: fc.constantFrom('tosa.max_pool2d', 'tosa.avg_pool2d'), h: fc.integer({ min: 2, max: 9 }), w: fc.integer({ min: 2, max: 9 }),
    k: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
    stride: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
    pad: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 4, maxLength: 4 }),
  }).map((r): Draft => ({
    name: r.pool,
    operands: r.pool === 'tosa.avg_pool2d' ? [{ type: t([1, r.h, r.w, 3], 'f32') }, zp('f32'), zp('f32')] : [{ type: t([1, r.h, r.w, 3], 'f32') }],
    attrs: { kernel: r.k, stride: r.stride, pad: r.pad, ...(r.pool === 'tosa.avg_pool2d' ? { acc_type: { kind: 'type', type: 'f32' } } : {}) },
    resultElements: ['f32'],
  })),
  fc.tuple(dim, dim, dim, dim).map(([n, k, c, w]): Draft => ({
    name: 'tosa.gather', operands: [{ type: t([n, k, c], 'f32') }, { type: t([n, w], 'i32') }], attrs: {}, resultElements: ['f32'],
  })),
);

export const basicDraftArb: fc.Arbitrary<Draft> = fc.oneof(elementwise, reductions, layout, tensorOps);

/** Mutations that make an op ill-typed in the ways a verifier must notice. */
export type Mutation = { kind: 'none' } | { kind: 'dim'; index: number; value: number } | { kind: 'rank' } | { kind: 'element'; to: string } | { kind: 'unranked' };
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dim' as const), index: fc.nat(4), value: fc.integer({ min: 1, max: 7 }) }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'rank' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('element' as const), to: fc.constantFrom('f16', 'i32', 'i8') }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'unranked' }) },
);

function mutate(r: AbstractType, m: Mutation): AbstractType {
  if (r.kind !== 'tensor') return r;
  switch (m.kind) {
    case 'none': return r;
    case 'unranked': return { ...r, shape: null };
    case 'element': return { ...r, element: m.to };
    case 'rank': return { ...r, shape: r.shape ? [...r.shape, 2] : [2] };
    case 'dim': {
      if (!r.shape || r.shape.length === 0) return r;
      const shape = [...r.shape];
      shape[m.index % shape.length] = m.value;
      return { ...r, shape };
    }
  }
}

const ENUMS: Record<string, string> = { mode: 'resize_mode', rounding_mode: 'rounding_mode', nan_mode: 'nan_mode', block_size: 'block_size' };

const attrText = (v: AttrValue, name = ''): string => {
  if (Array.isArray(v)) return `array<i64: ${v.join(', ')}>`;
  if (typeof v === 'string' && ENUMS[name]) return `#tosa.${ENUMS[name]}<${v}>`;
  if (typeof v === 'object' && v !== null && 'kind' in v) {
    if (v.kind === 'int') return `${v.value} : ${v.type}`;
    if (v.kind === 'float') return `${Number.isInteger(v.value) ? v.value.toFixed(1) : v.value} : ${v.type}`;
    if (v.kind === 'type') return v.type;
    if (v.kind === 'dense') {
      const e = v.type.kind === 'tensor' ? v.type.element : 'f32';
      const vals = v.values.map((x) => (isFloat(e) ? x.toFixed(1) : String(x)));
      const shape = v.type.kind === 'tensor' && v.type.shape ? (v.type.shape as number[]) : [vals.length];
      // Nest the flat values by the type's shape, as the dense literal syntax requires.
      const nest = (dims: number[], at: number): [string, number] => {
        if (dims.length === 0) return [vals[at] ?? '0', at + 1];
        const parts: string[] = [];
        let k = at;
        for (let i = 0; i < dims[0]!; i++) {
          const [txt, next] = nest(dims.slice(1), k);
          parts.push(txt);
          k = next;
        }
        return [`[${parts.join(', ')}]`, k];
      };
      return `dense<${v.splat ? vals[0] : nest(shape, 0)[0]}> : ${printType(v.type)}`;
    }
  }
  return String(v);
};

export function build(d: Draft, m: Mutation): OpCase {
  const base: OpView = { name: d.name, operands: d.operands.map((o) => o.type), results: [], attrs: d.attrs };
  const inferred = d.results ?? inferTosaResultTypes(base) ?? d.resultElements.map((): AbstractType => t(null, 'f32'));
  // Inference can yield sizes <= 0 for impossible windows; such types cannot even be written.
  const writable = (r: AbstractType): AbstractType =>
    r.kind === 'tensor' && r.shape ? { ...r, shape: r.shape.map((x) => (x !== '?' && !(x > 0 && Number.isFinite(x)) ? 1 : x)) } : r;
  const results = inferred.map((r, i) => mutate(writable(r.kind === 'tensor' ? { ...r, element: d.resultElements[i] ?? r.element } : r), m));
  const lines: string[] = [];
  const args: string[] = [];
  const names = d.operands.map((o, i) => {
    if (o.constant && o.type.kind === 'shape') {
      lines.push(`  %c${i} = tosa.const_shape {values = dense<[${o.constant.join(', ')}]> : tensor<${o.constant.length}xindex>} : () -> ${printType(o.type)}`);
      if (!o.viaShapeOp) return `%c${i}`;
      lines.push(`  %d${i} = tosa.max_shape %c${i}, %c${i} : (${printType(o.type)}, ${printType(o.type)}) -> ${printType(o.type)}`);
      return `%d${i}`;
    }
    if (o.constant && o.type.kind === 'tensor') {
      const e = o.type.element;
      const v = isFloat(e) ? o.constant.map((x) => x.toFixed(1)) : o.constant;
      lines.push(`  %c${i} = "tosa.const"() <{values = dense<[${v.join(', ')}]> : ${printType(o.type)}}> : () -> ${printType(o.type)}`);
      return `%c${i}`;
    }
    args.push(`%a${i}: ${printType(o.type)}`);
    return `%a${i}`;
  });
  const props = Object.entries(d.attrs).map(([k, v]) => (k === 'perms' ? `perms = array<i32: ${(v as number[]).join(', ')}>` : `${k} = ${attrText(v, k)}`));
  const propText = props.length ? ` <{${props.join(', ')}}>` : '';
  const resText = results.length === 1 ? printType(results[0]!) : `(${results.map(printType).join(', ')})`;
  const bind = results.length === 0 ? '' : results.length === 1 ? '%r = ' : `%r:${results.length} = `;
  const opText = `  ${bind}"${d.name}"(${names.join(', ')})${propText} : (${d.operands.map((o) => printType(o.type)).join(', ')}) -> ${resText}`;
  const text = [`func.func @t(${args.join(', ')}) {`, ...lines, opText, '  return', '}'].join('\n');
  const view: OpView = {
    ...base,
    results,
    constants: d.operands.map((o) => (o.viaShapeOp ? undefined : o.constant)),
    definingOps: d.operands.map((o) => (o.viaShapeOp ? 'tosa.max_shape' : o.constant ? (o.type.kind === 'shape' ? 'tosa.const_shape' : 'tosa.const') : undefined)),
  };
  return { view, text, opLine: lines.length + 1 };
}

