// More generated TOSA ops: the other convolutions, rescale, resize, scatter,
// table, FFTs, shape ops; plus attribute mutations (bad strides, pads, axes).
import fc from 'fast-check';
import type { AttrValue } from '../../../src/dialects/tosa/semantics/index.js';
import { type Draft, type OpCase, basicDraftArb, build, dim, mutationArb, shapeArb, shapeOperand, staticShape, t, zp } from './op-cases.js';

const small = (min: number, max: number, n: number) => fc.array(fc.integer({ min, max }), { minLength: n, maxLength: n });

const convs: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({ h: fc.integer({ min: 3, max: 8 }), w: fc.integer({ min: 3, max: 8 }), c: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 2 }),
    k: small(1, 3, 2), pad: small(0, 1, 4), stride: small(1, 2, 2), dil: small(1, 2, 2) })
    .map((r): Draft => ({
      name: 'tosa.depthwise_conv2d',
      operands: [{ type: t([1, r.h, r.w, r.c], 'f32') }, { type: t([r.k[0]!, r.k[1]!, r.c, r.m], 'f32') }, { type: t([r.c * r.m], 'f32') }, zp('f32'), zp('f32')],
      attrs: { pad: r.pad, stride: r.stride, dilation: r.dil, acc_type: { kind: 'type', type: 'f32' } }, resultElements: ['f32'],
    })),
  fc.record({ d: fc.integer({ min: 2, max: 5 }), h: fc.integer({ min: 2, max: 5 }), w: fc.integer({ min: 2, max: 5 }), o: fc.integer({ min: 1, max: 3 }),
    k: small(1, 2, 3), pad: small(0, 1, 6), stride: small(1, 2, 3), dil: small(1, 1, 3) })
    .map((r): Draft => ({
      name: 'tosa.conv3d',
      operands: [{ type: t([1, r.d, r.h, r.w, 2], 'f32') }, { type: t([r.o, r.k[0]!, r.k[1]!, r.k[2]!, 2], 'f32') }, { type: t([r.o], 'f32') }, zp('f32'), zp('f32')],
      attrs: { pad: r.pad, stride: r.stride, dilation: r.dil, acc_type: { kind: 'type', type: 'f32' } }, resultElements: ['f32'],
    })),
  fc.record({ h: fc.integer({ min: 1, max: 5 }), w: fc.integer({ min: 1, max: 5 }), o: fc.integer({ min: 1, max: 3 }), k: small(1, 3, 2),
    outPad: small(-1, 1, 4), stride: small(1, 2, 2), bias: fc.constantFrom(1, 0) })
    .map((r): Draft => ({
      name: 'tosa.transpose_conv2d',
      operands: [{ type: t([1, r.h, r.w, 2], 'f32') }, { type: t([r.o, r.k[0]!, r.k[1]!, 2], 'f32') }, { type: t([r.bias ? r.o : 1], 'f32') }, zp('f32'), zp('f32')],
      attrs: { out_pad: r.outPad, stride: r.stride, acc_type: { kind: 'type', type: 'f32' } }, resultElements: ['f32'],
    })),
  fc.record({ e: fc.constantFrom('i8', 'i16'), acc: fc.constantFrom('i32', 'i48', 'f32'), izp: fc.integer({ min: -1, max: 1 }), wzp: fc.integer({ min: -1, max: 1 }) })
    .map((r): Draft => ({
      name: 'tosa.conv2d',
      operands: [{ type: t([1, 4, 4, 2], r.e) }, { type: t([3, 1, 1, 2], 'i8') }, { type: t([3], r.e === 'i8' ? 'i32' : 'i48') }, zp(r.e, r.izp), zp('i8', r.wzp)],
      attrs: { pad: [0, 0, 0, 0], stride: [1, 1], dilation: [1, 1], acc_type: { kind: 'type', type: r.acc } }, resultElements: [r.e === 'i8' ? 'i32' : 'i48'],
    })),
);

const conversions: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({ inE: fc.constantFrom('i8', 'i16', 'i32'), outE: fc.constantFrom('i8', 'i16', 'i32'), scale32: fc.boolean(), perChannel: fc.boolean(),
    c: fc.integer({ min: 1, max: 3 }), mLen: fc.integer({ min: 1, max: 3 }), izp: fc.integer({ min: -1, max: 1 }), ozp: fc.integer({ min: -1, max: 1 }),
    inU: fc.boolean(), outU: fc.boolean(), multE: fc.constantFrom('i16', 'i32') })
    .map((r): Draft => ({
      name: 'tosa.rescale',
      operands: [{ type: t([2, r.c], r.inE) }, { type: t([r.mLen], r.multE), constant: new Array<number>(r.mLen).fill(3) }, { type: t([r.mLen], 'i8'), constant: new Array<number>(r.mLen).fill(2) },
        zp(r.inE, r.izp), zp(r.outE, r.ozp)],
      attrs: { scale32: r.scale32, rounding_mode: 'SINGLE_ROUND', per_channel: r.perChannel, input_unsigned: r.inU, output_unsigned: r.outU },
      resultElements: [r.outE],
    })),
  fc.record({ h: fc.integer({ min: 1, max: 6 }), w: fc.integer({ min: 1, max: 6 }), scale: small(0, 4, 4), offset: small(-1, 1, 2), border: small(-1, 1, 2),
    mode: fc.constantFrom('BILINEAR', 'NEAREST_NEIGHBOR') })
    .map((r): Draft => ({
      name: 'tosa.resize',
      operands: [{ type: t([1, r.h, r.w, 2], 'f32') }, shapeOperand(r.scale), shapeOperand(r.offset), shapeOperand(r.border)],
      attrs: { mode: r.mode }, resultElements: ['f32'],
    })),
  shapeArb(1, 3).map((s): Draft => ({ name: 'tosa.table', operands: [{ type: t(s, 'i8') }, { type: t([256], 'i8') }], attrs: {}, resultElements: ['i8'] })),
  fc.tuple(dim, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([n, h, w]): Draft => ({
    name: 'tosa.fft2d', operands: [{ type: t([n, h, w], 'f32') }, { type: t([n, h, w], 'f32') }], attrs: { inverse: false }, resultElements: ['f32', 'f32'],
  })),
  fc.tuple(dim, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([n, h, w]): Draft => ({
    name: 'tosa.rfft2d', operands: [{ type: t([n, h, w], 'f32') }], attrs: {}, resultElements: ['f32', 'f32'],
  })),
  fc.tuple(dim, dim, dim, dim).map(([n, k, w, c]): Draft => ({
    name: 'tosa.scatter', operands: [{ type: t([n, k, c], 'f32') }, { type: t([n, w], 'i32') }, { type: t([n, w, c], 'f32') }], attrs: {}, resultElements: ['f32'],
  })),
  fc.tuple(fc.constantFrom('i32', 'i16', 'i64', 'f32'), fc.constantFrom('i32', 'i16'), fc.constantFrom('i8', 'i16'), fc.constantFrom('SINGLE_ROUND', 'DOUBLE_ROUND'))
    .map(([v, m, s, rounding]): Draft => ({
      name: 'tosa.apply_scale',
      operands: [{ type: { kind: 'other', text: v } }, { type: { kind: 'other', text: m } }, { type: { kind: 'other', text: s } }],
      attrs: { rounding_mode: rounding }, resultElements: [], results: [{ kind: 'other', text: 'i32' }],
    })),
  shapeArb().map((s): Draft => ({ name: 'tosa.identity', operands: [{ type: t(s, 'f32') }], attrs: {}, resultElements: ['f32'] })),
);

const shapeOps: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(fc.constantFrom('tosa.add_shape', 'tosa.sub_shape', 'tosa.mul_shape', 'tosa.max_shape', 'tosa.min_shape', 'tosa.mod_shape', 'tosa.div_floor_shape'),
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })).map(([name, v]): Draft => ({
    name, operands: [shapeOperand(v), shapeOperand(v)], attrs: {}, resultElements: [],
  })),
  fc.tuple(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }))
    .map(([a, b]): Draft => ({ name: 'tosa.concat_shape', operands: [shapeOperand(a), shapeOperand(b)], attrs: {}, resultElements: [] })),
  fc.tuple(staticShape(), fc.integer({ min: -1, max: 4 })).map(([s, axis]): Draft => ({
    name: 'tosa.dim', operands: [{ type: t(s, 'f32') }], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } }, resultElements: [],
  })),
);

const constants: fc.Arbitrary<Draft> = fc.oneof(
  fc.tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 }), fc.constantFrom('f32', 'i8', 'i32', 'i1')).map(([s, e]): Draft => {
    const n = s.reduce((a, b) => a * b, 1);
    const values = new Array<number>(n).fill(e === 'i1' ? 1 : 2);
    return {
      name: 'tosa.const', operands: [], resultElements: [e],
      attrs: { values: { kind: 'dense', type: t(s, e === 'i1' ? 'i1' : e), values: e === 'i1' ? values.map(() => 1) : values, splat: false } },
    };
  }),
  fc.tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 }), fc.boolean()).map(([v, twoD]): Draft => ({
    name: 'tosa.const_shape', operands: [], resultElements: [],
    attrs: { values: { kind: 'dense', type: t(twoD ? [1, v.length] : [v.length], 'index'), values: v, splat: false } },
  })),
);

const mxDim = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant<'?'>('?') });
const blockScaled: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({ n: mxDim, d: mxDim, h: mxDim, w: mxDim, c: fc.constantFrom(32, 64, 96, 60), cbA: fc.integer({ min: 1, max: 3 }), cbB: fc.integer({ min: 1, max: 3 }),
    hs: mxDim, e: fc.constantFrom('f8E4M3FN', 'f8E5M2', 'f4E2M1FN') })
    .map((r): Draft => ({
      name: 'tosa.matmul_t_block_scaled',
      operands: [{ type: t([r.n, r.h, r.c], r.e) }, { type: t([r.n, r.hs, r.cbA], 'f8E8M0FNU') }, { type: t([r.d, r.w, r.c], r.e) }, { type: t([r.d, r.w, r.cbB], 'f8E8M0FNU') }],
      attrs: { block_size: 'BLOCK_SIZE_32' }, resultElements: ['f32'],
    })),
  fc.tuple(fc.array(mxDim, { minLength: 0, maxLength: 2 }), fc.constantFrom(32, 64, 60)).map(([lead, c]): Draft => ({
    name: 'tosa.cast_to_block_scaled', operands: [{ type: t([...lead, c], 'f32') }], attrs: { block_size: 'BLOCK_SIZE_32' }, resultElements: ['f8E4M3FN', 'f8E8M0FNU'],
  })),
  fc.tuple(fc.array(mxDim, { minLength: 0, maxLength: 2 }), fc.constantFrom(32, 64, 60), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([lead, c, cb, same]): Draft => ({
    name: 'tosa.cast_from_block_scaled',
    operands: [{ type: t([...lead, c], 'f8E4M3FN') }, { type: t([...(same ? lead : lead.map(() => 2)), cb], 'f8E8M0FNU') }],
    attrs: { block_size: 'BLOCK_SIZE_32' }, resultElements: ['f32'],
  })),
);

/** Attribute and constant-operand mutations: values MLIR's verifiers range-check. */
type AttrMutation = { key: string; index: number; value: number } | null;
const attrMutationArb: fc.Arbitrary<AttrMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<AttrMutation>(null) },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom('stride', 'pad', 'dilation', 'kernel', 'out_pad', 'perms', 'axis'), index: fc.nat(5), value: fc.integer({ min: -2, max: 0 }) }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constant('#const'), index: fc.nat(7), value: fc.integer({ min: -2, max: 0 }) }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constant('#via-shape-op'), index: fc.nat(3), value: fc.constant(0) }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constant('#drop'), index: fc.nat(5), value: fc.constant(0) }) },
);

function mutateConstants(d: Draft, index: number, value: number): Draft {
  const k = d.operands.findIndex((o) => o.constant !== undefined && o.type.kind === 'shape');
  if (k < 0) return d;
  const o = d.operands[k]!;
  const constant = [...o.constant!];
  constant[index % constant.length] = value;
  // No 0 in a reshape target: mlir-opt-22 dies with SIGFPE dividing by the static product.
  if (d.name === 'tosa.reshape' && constant.includes(0)) return d;
  return { ...d, operands: d.operands.map((x, i) => (i === k ? { ...o, constant } : x)) };
}

function mutateAttrs(d: Draft, m: AttrMutation): Draft {
  if (m && m.key === '#const') return mutateConstants(d, m.index, m.value);
  if (m && m.key === '#drop') {
    const keys = Object.keys(d.attrs);
    if (keys.length === 0) return d;
    const drop = keys[m.index % keys.length]!;
    return { ...d, attrs: Object.fromEntries(Object.entries(d.attrs).filter(([k]) => k !== drop)) };
  }
  if (m && m.key === '#via-shape-op') {
    const shapes = d.operands.map((o, i) => (o.constant !== undefined && o.type.kind === 'shape' ? i : -1)).filter((i) => i >= 0);
    if (shapes.length === 0) return d;
    const k = shapes[m.index % shapes.length]!;
    return { ...d, operands: d.operands.map((o, i) => (i === k ? { ...o, viaShapeOp: true } : o)) };
  }
  if (!m || !(m.key in d.attrs)) return d;
  const v = d.attrs[m.key]!;
  let nv: AttrValue = v;
  if (Array.isArray(v) && v.length) {
    const copy = [...(v as number[])];
    copy[m.index % copy.length] = m.value;
    nv = copy;
  } else if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'int') nv = { ...v, value: m.value };
  return { ...d, attrs: { ...d.attrs, [m.key]: nv } };
}

export const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  { weight: 4, arbitrary: basicDraftArb },
  { weight: 1, arbitrary: convs },
  { weight: 1, arbitrary: conversions },
  { weight: 1, arbitrary: shapeOps },
  { weight: 1, arbitrary: blockScaled },
  { weight: 1, arbitrary: constants },
);

/** Operand element-type mutations: exercise the ODS type constraints and element-type rules. */
type OperandMutation = { index: number; to: string } | { index: number; unranked: true } | null;
const operandMutationArb: fc.Arbitrary<OperandMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<OperandMutation>(null) },
  { weight: 1, arbitrary: fc.record({ index: fc.nat(4), to: fc.constantFrom('f16', 'bf16', 'i8', 'i16', 'i1', 'ui8', 'si8', 'i64', 'f8E4M3FN', 'f64', '!quant.uniform<i8:f32, 1.000000e-01>', '!quant.uniform<u8:f32, 5.000000e-01:3>', '!quant.uniform<i16:f32, 2.500000e-01>') }) },
  { weight: 1, arbitrary: fc.record({ index: fc.nat(4), unranked: fc.constant(true as const) }) },
);

function mutateOperand(d: Draft, m: OperandMutation): Draft {
  if (!m || d.operands.length === 0) return d;
  const k = m.index % d.operands.length;
  const o = d.operands[k]!;
  if (o.type.kind !== 'tensor') return d;
  if ('unranked' in m) {
    if (o.constant !== undefined) return d;
    return { ...d, operands: d.operands.map((x, i) => (i === k ? { ...o, type: t(null, o.type.kind === 'tensor' ? o.type.element : 'f32') } : x)) };
  }
  // Constant tensors (zero points, shifts, pad values) only take types their tosa.const can hold.
  if (o.constant !== undefined && !['i8', 'i16', 'f16', 'bf16', 'f64', 'i64'].includes(m.to)) return d;
  return { ...d, operands: d.operands.map((x, i) => (i === k ? { ...o, type: t(o.type.kind === 'tensor' ? o.type.shape : null, m.to) } : x)) };
}

/** Drafts with attribute, constant and operand mutations applied (results still to be chosen). */
export const mutatedDraftArb: fc.Arbitrary<Draft> = fc
  .tuple(draftArb, attrMutationArb, operandMutationArb)
  .map(([d, a, o]) => mutateOperand(mutateAttrs(d, a), o));

export const opCaseArb: fc.Arbitrary<OpCase> = fc.tuple(mutatedDraftArb, mutationArb).map(([d, m]) => build(d, m));
