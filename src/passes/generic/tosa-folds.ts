/**
 * `tosa` folds (from MLIR's TosaCanonicalizations.cpp): ops that do nothing
 * (same-type cast, one-input concat, identity transpose, whole slice, tile
 * by ones, zero padding, reduction over a unit axis), arithmetic with a
 * neutral splat constant, `select` with equal or constant choices, reshape
 * chains and reshapes of constants, and the `tosa.const` materializer.
 */
import { emptyState, Operation, type Attribute, type Type, type Value } from '../../ir/index.js';
import { constantOf, foldRegistry, type OpFolder } from '../rewrite/index.js';
import { elementType, readElems, splatValue } from './const-elements.js';

interface ShapedLike {
  readonly kind: string;
  readonly shape?: readonly number[];
}

const shapeOf = (t: Type): readonly number[] | undefined => (t as unknown as ShapedLike).shape;
const isStatic = (t: Type): boolean => shapeOf(t)?.every((d) => d >= 0) ?? false;
const dynamicDims = (t: Type): number => shapeOf(t)?.filter((d) => d < 0).length ?? 0;

/** The integer values of a `tosa.const_shape` (or other constant) operand. */
function shapeValues(v: Value): bigint[] | undefined {
  const a = constantOf(v) as unknown as { kind?: string; values?: readonly unknown[]; isSplat?: boolean } | undefined;
  if (a?.kind !== 'dense' || !a.values) return undefined;
  const vals = a.values.map((x) => (typeof x === 'bigint' ? x : typeof x === 'number' ? BigInt(x) : undefined));
  return vals.every((x) => x !== undefined) ? (vals as bigint[]) : undefined;
}

function splatOf(v: Value): bigint | number | undefined {
  const e = readElems(constantOf(v), v.type);
  return splatValue(e);
}

const sameTypeAsResult = (op: Operation, v: Value): boolean => v.type === op.results[0].type;

const passThrough: OpFolder = (op) => (op.operands.length > 0 && sameTypeAsResult(op, op.operand(0)) ? [op.operand(0)] : undefined);

const foldConcat: OpFolder = (op) => (op.operands.length === 1 && sameTypeAsResult(op, op.operand(0)) ? [op.operand(0)] : undefined);

const foldTranspose: OpFolder = (op) => {
  const perms = op.getAttr('perms') as unknown as { values?: readonly (number | bigint)[] } | undefined;
  if (!perms?.values || !sameTypeAsResult(op, op.operand(0))) return undefined;
  return perms.values.every((p, i) => Number(p) === i) ? [op.operand(0)] : undefined;
};

const foldReshape: OpFolder = (op, operands) => {
  const input = op.operand(0);
  const resT = op.results[0].type;
  if (input.type === resT && dynamicDims(resT) < 2) return [input];
  const inner = input.definingOp?.name === 'tosa.reshape' ? input.definingOp : undefined;
  if (inner) {
    op.setOperand(0, inner.operand(0));
    return 'in-place';
  }
  const c = operands[0] as unknown as { kind?: string; type?: Type; values?: readonly unknown[]; isSplat?: boolean; hex?: string } | undefined;
  if (c?.kind !== 'dense' || c.hex !== undefined || !isStatic(resT) || !c.type) return undefined;
  // Quantized (or otherwise re-typed) constants are left alone, as MLIR does.
  const elem = elementType(resT);
  if (elementType(c.type) !== elem || !['integer', 'float', 'index'].includes((elem as { kind: string }).kind)) return undefined;
  if (c.isSplat) return [op.context.denseElementsAttr(resT, c.values as never, true)];
  if (!input.hasOneUse) return undefined;
  return [op.context.denseElementsAttr(resT, c.values as never, false)];
};

/** add/sub with a zero splat on the right (or left for add) of the result's type. */
function foldAddSub(commutes: boolean): OpFolder {
  return (op) => {
    const [l, r] = op.operands;
    if (splatOf(r) === 0n || splatOf(r) === 0) if (sameTypeAsResult(op, l)) return [l];
    if (commutes && (splatOf(l) === 0n || splatOf(l) === 0) && sameTypeAsResult(op, r)) return [r];
    return undefined;
  };
}

const foldMul: OpFolder = (op) => {
  const [l, r, shift] = op.operands;
  if (shift && splatOf(shift) !== undefined && splatOf(shift) !== 0n) return undefined;
  const one = (v: Value): boolean => splatOf(v) === 1n || splatOf(v) === 1;
  if (one(r) && sameTypeAsResult(op, l)) return [l];
  if (one(l) && sameTypeAsResult(op, r)) return [r];
  return undefined;
};

const foldSelect: OpFolder = (op) => {
  const [pred, a, b] = op.operands;
  if (a === b && sameTypeAsResult(op, a)) return [a];
  const p = splatOf(pred);
  if (p === undefined) return undefined;
  const pick = p !== 0n ? a : b;
  return sameTypeAsResult(op, pick) ? [pick] : undefined;
};

/** tile by all-ones multiples, pad by all-zero paddings: the input, when the type is unchanged. */
function foldByShape(neutral: bigint): OpFolder {
  return (op) => {
    const [input, shape] = op.operands;
    const vals = shape ? shapeValues(shape) : undefined;
    if (!vals || !sameTypeAsResult(op, input)) return undefined;
    return vals.every((v) => v === neutral) ? [input] : undefined;
  };
}

/** A reduction over an axis of size 1 is the identity. */
const foldReduce: OpFolder = (op) => {
  const axis = (op.getAttr('axis') as unknown as { value?: bigint } | undefined)?.value;
  const shape = shapeOf(op.operand(0).type);
  if (axis === undefined || !shape || shape[Number(axis)] !== 1) return undefined;
  return passThrough(op, []);
};

const foldSlice: OpFolder = (op) => (isStatic(op.results[0].type) && sameTypeAsResult(op, op.operand(0)) ? [op.operand(0)] : undefined);

/** A clamp whose bounds cover its element type's whole range does nothing. */
const foldClamp: OpFolder = (op) => {
  const input = op.operand(0);
  if (!sameTypeAsResult(op, input)) return undefined;
  const elem = elementType(input.type) as unknown as { kind: string; width?: number; signedness?: string; floatKind?: string };
  const lo = op.getAttr('min_val') as unknown as { value?: bigint | number } | undefined;
  const hi = op.getAttr('max_val') as unknown as { value?: bigint | number } | undefined;
  if (lo?.value === undefined || hi?.value === undefined) return undefined;
  if (elem.kind === 'integer' && elem.width !== undefined && typeof lo.value === 'bigint' && typeof hi.value === 'bigint') {
    const w = BigInt(elem.width);
    const [min, max] = elem.signedness === 'unsigned' ? [0n, (1n << w) - 1n] : [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
    return lo.value <= min && hi.value >= max ? [input] : undefined;
  }
  if (elem.kind === 'float' && elem.floatKind && typeof lo.value === 'number' && typeof hi.value === 'number') {
    // Only infinite bounds leave every value (infinities included) unchanged.
    return lo.value === -Infinity && hi.value === Infinity ? [input] : undefined;
  }
  return undefined;
};

/** Integer values of a dense array attribute (`array<i64: ...>`). */
function arrayValues(a: Attribute | undefined): bigint[] | undefined {
  const d = a as unknown as { kind?: string; values?: readonly (bigint | number)[] } | undefined;
  return d?.kind === 'dense_array' && d.values ? d.values.map((v) => BigInt(v)) : undefined;
}

/** A 1x1 max pool with unit stride and no padding copies its input. */
const foldMaxPool: OpFolder = (op) => {
  const ones = (name: string): boolean => arrayValues(op.getAttr(name))?.every((v) => v === 1n) ?? false;
  const pad = arrayValues(op.getAttr('pad'));
  return ones('kernel') && ones('stride') && pad?.every((v) => v === 0n) && sameTypeAsResult(op, op.operand(0)) ? [op.operand(0)] : undefined;
};

/** mul by a zero splat: a zero splat of the (static) result type. */
const foldMulZero: OpFolder = (op) => {
  const resT = op.results[0].type;
  if (!isStatic(resT)) return undefined;
  for (const v of op.operands.slice(0, 2)) {
    const z = splatOf(v);
    if (z === 0n || z === 0) {
      const elems = (shapeOf(resT) ?? []).reduce((a, b) => a * b, 1);
      const zero = typeof z === 'bigint' ? 0n : 0;
      return [op.context.denseElementsAttr(resT, [zero] as never, elems > 0)];
    }
  }
  return undefined;
};

/** negate(negate(x)) with zero zero-points → x. */
const foldNegate: OpFolder = (op) => {
  const inner = op.operand(0).definingOp;
  if (inner?.name !== 'tosa.negate') return undefined;
  const zeroZps = (o: Operation): boolean => o.operands.slice(1).every((zp) => splatOf(zp) === 0n || splatOf(zp) === 0);
  return zeroZps(op) && zeroZps(inner) && sameTypeAsResult(op, inner.operand(0)) ? [inner.operand(0)] : undefined;
};

/** abs(abs(x)) → abs(x). */
const foldAbs: OpFolder = (op) => {
  const inner = op.operand(0).definingOp;
  return inner?.name === 'tosa.abs' && sameTypeAsResult(op, op.operand(0)) ? [op.operand(0)] : undefined;
};

export function registerTosaFolds(): void {
  const r = foldRegistry;
  r.registerMaterializer('tosa', (value: Attribute, type: Type, near: Operation) => {
    if ((value as { kind: string }).kind !== 'dense' || !shapeOf(type)) return undefined;
    const state = emptyState('tosa.const', near.location);
    state.resultTypes.push(type);
    state.properties.set('values', value);
    return Operation.create(near.context, state);
  });
  r.registerFolder('tosa.cast', passThrough);
  r.registerFolder('tosa.concat', foldConcat);
  r.registerFolder('tosa.transpose', foldTranspose);
  r.registerFolder('tosa.reshape', foldReshape);
  r.registerFolder('tosa.add', foldAddSub(true));
  r.registerFolder('tosa.sub', foldAddSub(false));
  r.registerFolder('tosa.mul', (op, operands) => foldMul(op, operands) ?? foldMulZero(op, operands));
  r.registerFolder('tosa.max_pool2d', foldMaxPool);
  r.registerFolder('tosa.select', foldSelect);
  r.registerFolder('tosa.tile', foldByShape(1n));
  r.registerFolder('tosa.pad', foldByShape(0n));
  r.registerFolder('tosa.slice', foldSlice);
  r.registerFolder('tosa.clamp', foldClamp);
  r.registerFolder('tosa.negate', foldNegate);
  r.registerFolder('tosa.abs', foldAbs);
  for (const red of ['reduce_all', 'reduce_any', 'reduce_max', 'reduce_min', 'reduce_product', 'reduce_sum']) r.registerFolder(`tosa.${red}`, foldReduce);
}
