/**
 * More `arith` folds, from MLIR's ArithOps.cpp: and/xor of related
 * operands, float min/max/neg identities, `cmpf` on constants (with NaN
 * ordering rules), `cmpi ne/eq` of an extended i1 against 0, and `bitcast`
 * (same type, bitcast chains, constants reinterpreted bit for bit).
 */
import type { Attribute, Operation, Type, Value } from '../../ir/index.js';
import { foldRegistry, type OpFolder } from '../rewrite/index.js';
import { IEEE_FORMATS, elementType, intWidth, makeElems, readElems, splatValue } from './const-elements.js';

const defOf = (v: Value, name: string): Operation | undefined => (v.definingOp?.name === name ? v.definingOp : undefined);

/** Chains onto an earlier folder (or none): the first that folds wins. */
function chain(name: string, extra: OpFolder): void {
  const base = foldRegistry.folderFor({ name, definition: undefined } as unknown as Operation);
  foldRegistry.registerFolder(name, (op, operands) => base?.(op, operands) ?? extra(op, operands));
}

/** `andi(andi(a, b), a)` and friends → the inner andi; `andi(x, xori(x, -1))` → 0. */
const andiMore: OpFolder = (op) => {
  const [l, r] = op.operands;
  for (const [inner, other] of [
    [l, r],
    [r, l],
  ] as const) {
    const and = defOf(inner, 'arith.andi');
    if (and && (and.operand(0) === other || and.operand(1) === other)) return [inner];
    const not = defOf(inner, 'arith.xori');
    if (not && not.operand(0) === other) {
      const c = readElems(constOfValue(not.operand(1)), not.operand(1).type);
      const w = intWidth(elementType(op.results[0].type));
      if (c?.kind === 'int' && w !== undefined && splatValue(c) === BigInt.asUintN(w, -1n)) return zeroOf(op);
    }
  }
  return undefined;
};

/** `xori(xori(x, a), a)` → x, in any operand order. */
const xoriMore: OpFolder = (op) => {
  const [l, r] = op.operands;
  for (const [inner, other] of [
    [l, r],
    [r, l],
  ] as const) {
    const x = defOf(inner, 'arith.xori');
    if (!x) continue;
    if (x.operand(1) === other) return [x.operand(0)];
    if (x.operand(0) === other) return [x.operand(1)];
  }
  return undefined;
};

function constOfValue(v: Value): Attribute | undefined {
  const d = v.definingOp;
  return d?.hasTrait('ConstantLike') ? d.getAttr('value') : undefined;
}

function zeroOf(op: Operation): Attribute[] | undefined {
  const t = op.results[0].type;
  const shape = (t as unknown as { shape?: readonly number[] }).shape ?? [];
  if (shape.some((d) => d < 0)) return undefined;
  const a = makeElems(op.context, t, Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => 0n));
  return a ? [a] : undefined;
}

/** `cmpi ne, ext(x : i1), 0` → x and `cmpi eq, extui/extsi(x : i1), 0`'s negation is left alone. */
const cmpiMore: OpFolder = (op, operands) => {
  const pred = (op.getAttr('predicate') as unknown as { value?: bigint } | undefined)?.value;
  if (pred !== 1n) return undefined;
  const ext = defOf(op.operand(0), 'arith.extui') ?? defOf(op.operand(0), 'arith.extsi');
  const c = readElems(operands[1], op.operand(1).type);
  if (ext && intWidth(elementType(ext.operand(0).type)) === 1 && c?.kind === 'int' && splatValue(c) === 0n && ext.operand(0).type === op.results[0].type) {
    return [ext.operand(0)];
  }
  return undefined;
};

/** min/max of a value with itself is the value. */
const sameOperands: OpFolder = (op) => (op.operands.length === 2 && op.operand(0) === op.operand(1) ? [op.operand(0)] : undefined);

const negfNegf: OpFolder = (op) => {
  const inner = defOf(op.operand(0), 'arith.negf');
  return inner ? [inner.operand(0)] : undefined;
};

// cmpf predicates in MLIR's order: false oeq ogt oge olt ole one ord ueq ugt uge ult ule une uno true.
function cmpf(p: number, a: number, b: number): boolean | undefined {
  const unordered = Number.isNaN(a) || Number.isNaN(b);
  switch (p) {
    case 0:
      return false;
    case 15:
      return true;
    case 7:
      return !unordered;
    case 14:
      return unordered;
  }
  const ordered = p >= 1 && p <= 6;
  if (unordered) return !ordered;
  const rel = [undefined, a === b, a > b, a >= b, a < b, a <= b, a !== b][ordered ? p : p - 7];
  return rel;
}

const foldCmpF: OpFolder = (op, operands) => {
  const p = Number((op.getAttr('predicate') as unknown as { value?: bigint } | undefined)?.value ?? -1n);
  if (p < 0 || p > 15) return undefined;
  const l = readElems(operands[0], op.operand(0).type);
  const r = readElems(operands[1], op.operand(1).type);
  const t = op.results[0].type;
  if (l?.kind === 'float' && r?.kind === 'float' && l.values.length === r.values.length) {
    const out: bigint[] = [];
    for (let i = 0; i < l.values.length; ++i) {
      const v = cmpf(p, l.values[i], r.values[i]);
      if (v === undefined) return undefined;
      out.push(v ? 1n : 0n);
    }
    const a = makeElems(op.context, t, out);
    return a ? [a] : undefined;
  }
  // One NaN operand decides every predicate but true/false.
  const nan = [l, r].some((e) => e?.kind === 'float' && e.values.length > 0 && e.values.every((v) => Number.isNaN(v)));
  if (nan && !(t as unknown as { shape?: unknown }).shape) {
    const v = cmpf(p, NaN, 0);
    return v === undefined ? undefined : [op.context.integerAttr(t, v ? 1n : 0n)];
  }
  return undefined;
};

function floatBits(kind: string): number | undefined {
  return kind === 'f16' || kind === 'bf16' ? 16 : kind === 'f32' ? 32 : kind === 'f64' ? 64 : undefined;
}

function scalarBits(t: Type): { float?: string; bits: number } | undefined {
  const k = (t as { kind: string }).kind;
  if (k === 'float') {
    const fk = (t as unknown as { floatKind: string }).floatKind;
    const bits = floatBits(fk);
    return bits ? { float: fk, bits } : undefined;
  }
  const w = intWidth(t);
  return w !== undefined ? { bits: w } : undefined;
}

/** The 16-bit kinds, encoded by hand (DataView covers f32 and f64). */
const smallFormat = (kind: string): readonly [number, number] | undefined => (kind === 'f16' || kind === 'bf16' ? IEEE_FORMATS[kind] : undefined);

/** Bits of `v` (already representable) in a small IEEE format. */
function encodeSmall(v: number, mant: number, exp: number): bigint {
  const sign = v < 0 || Object.is(v, -0) ? 1n : 0n;
  const bias = 2 ** (exp - 1) - 1;
  const expMask = (1n << BigInt(exp)) - 1n;
  const shift = BigInt(mant);
  let e: bigint;
  let m: bigint;
  const a = Math.abs(v);
  if (Number.isNaN(v)) [e, m] = [expMask, 1n << (shift - 1n)];
  else if (a === Infinity) [e, m] = [expMask, 0n];
  else if (a === 0) [e, m] = [0n, 0n];
  else {
    let x = Math.floor(Math.log2(a));
    if (2 ** x > a) x--;
    else if (2 ** (x + 1) <= a) x++;
    if (x < 1 - bias) [e, m] = [0n, BigInt(Math.round(a / 2 ** (1 - bias - mant)))];
    else [e, m] = [BigInt(x + bias), BigInt(Math.round((a / 2 ** x - 1) * 2 ** mant))];
  }
  return (sign << BigInt(exp + mant)) | (e << shift) | m;
}

function decodeSmall(b: bigint, mant: number, exp: number): number {
  const bias = 2 ** (exp - 1) - 1;
  const m = Number(b & ((1n << BigInt(mant)) - 1n));
  const e = Number((b >> BigInt(mant)) & ((1n << BigInt(exp)) - 1n));
  const sign = (b >> BigInt(exp + mant)) & 1n ? -1 : 1;
  if (e === 2 ** exp - 1) return m ? NaN : sign * Infinity;
  if (e === 0) return sign * m * 2 ** (1 - bias - mant);
  return sign * (1 + m / 2 ** mant) * 2 ** (e - bias);
}

function toBits(v: number, kind: string): bigint | undefined {
  const small = smallFormat(kind);
  if (small) return Number.isNaN(v) ? undefined : encodeSmall(v, small[0], small[1]);
  const dv = new DataView(new ArrayBuffer(8));
  if (kind === 'f64') {
    dv.setFloat64(0, v);
    return dv.getBigUint64(0);
  }
  if (kind === 'f32') {
    dv.setFloat32(0, v);
    return BigInt(dv.getUint32(0));
  }
  return undefined;
}

function fromBits(b: bigint, kind: string): number | undefined {
  const small = smallFormat(kind);
  if (small) {
    const v = decodeSmall(b, small[0], small[1]);
    return Number.isNaN(v) ? undefined : v;
  }
  const dv = new DataView(new ArrayBuffer(8));
  if (kind === 'f64') {
    dv.setBigUint64(0, b);
    return dv.getFloat64(0);
  }
  if (kind === 'f32') {
    dv.setUint32(0, Number(b));
    return dv.getFloat32(0);
  }
  return undefined;
}

const foldBitcast: OpFolder = (op, operands) => {
  const src = op.operand(0);
  const resT = op.results[0].type;
  if (src.type === resT) return [src];
  const inner = defOf(src, 'arith.bitcast');
  if (inner && inner.operand(0).type === resT) return [inner.operand(0)];
  if (inner) {
    op.setOperands([inner.operand(0)]);
    return 'in-place';
  }
  const from = scalarBits(elementType(src.type));
  const to = scalarBits(elementType(resT));
  const c = readElems(operands[0], src.type);
  if (!c || !from || !to || from.bits !== to.bits) return undefined;
  const bits: (bigint | undefined)[] = c.kind === 'int' ? [...c.values] : c.values.map((v) => toBits(v, from.float!));
  const out = bits.map((b) => (b === undefined ? undefined : to.float ? fromBits(b, to.float) : b));
  if (out.some((x) => x === undefined)) return undefined;
  const a = makeElems(op.context, resT, out as (bigint | number)[]);
  return a ? [a] : undefined;
};

/** Whether `op`'s `overflowFlags` include `flag` (`nsw`/`nuw`). */
function hasOverflowFlag(op: Operation, flag: string): boolean {
  const f = op.getProperty('overflowFlags') as unknown as { body?: string } | undefined;
  return typeof f?.body === 'string' && f.body.split(/[ ,|]+/).includes(flag);
}

/** div(muli(a, b), a) → b and div(muli(a, b), b) → a when the multiply cannot overflow (`nuw` for divui, `nsw` for divsi). */
function divOfMul(flag: string): OpFolder {
  return (op) => {
    const mul = defOf(op.operand(0), 'arith.muli');
    if (!mul || !hasOverflowFlag(mul, flag)) return undefined;
    const d = op.operand(1);
    if (mul.operand(0) === d) return [mul.operand(1)];
    if (mul.operand(1) === d) return [mul.operand(0)];
    return undefined;
  };
}

export function registerMoreArithFolds(): void {
  chain('arith.divui', divOfMul('nuw'));
  chain('arith.divsi', divOfMul('nsw'));
  chain('arith.andi', andiMore);
  chain('arith.xori', xoriMore);
  chain('arith.cmpi', cmpiMore);
  for (const n of ['arith.maximumf', 'arith.minimumf', 'arith.maxnumf', 'arith.minnumf']) chain(n, sameOperands);
  // maxnum/minnum ignore a NaN operand.
  for (const n of ['arith.maxnumf', 'arith.minnumf']) {
    chain(n, (op, operands) => {
      const r = readElems(operands[1], op.operand(1).type);
      return r?.kind === 'float' && r.values.length > 0 && r.values.every((v) => Number.isNaN(v)) ? [op.operand(0)] : undefined;
    });
  }
  chain('arith.negf', negfNegf);
  foldRegistry.registerFolder('arith.cmpf', foldCmpF);
  foldRegistry.registerFolder('arith.bitcast', foldBitcast);
}
