/**
 * Folders for scalar `arith` integer ops (MLIR's `ArithOps.cpp` folds):
 * constant evaluation with two's-complement wrap-around, the usual
 * identities (x+0, x*1, x*0, x-x, x&x, x^x, ...), constants moved to the
 * right of commutative ops, `cmpi`/`select` on constants, and the
 * `arith.constant` materializer.
 */
import { emptyState, Operation, type Attribute, type FloatAttr, type FloatType, type Type, type Value } from '../../ir/index.js';
import { foldRegistry, type FoldResult, type OpFolder } from '../rewrite/index.js';
import { IEEE_FORMATS, elementType, intWidth, makeElems, readElems, splatValue } from './const-elements.js';

const unsigned = (v: bigint, w: number): bigint => BigInt.asUintN(w, v);
const signed = (v: bigint, w: number): bigint => BigInt.asIntN(w, v);

type IntIdentity = (op: Operation, lhs: Value, rhs: Value, rc: bigint | undefined, w: number) => FoldResult | undefined;

/** A constant of the result type with every element `v`. */
function splatOf(op: Operation, v: bigint | number): Attribute | undefined {
  const t = op.results[0].type;
  const shape = (t as unknown as { shape?: readonly number[] }).shape ?? [];
  if (shape.some((d) => d < 0)) return undefined;
  const count = shape.reduce((a, b) => a * b, 1);
  return makeElems(op.context, t, Array.from({ length: count }, () => v));
}

/** Folds an elementwise binary integer op: `evaluate` on constants, `identity` otherwise, constants to the right if commutative. */
function binary(evaluate: (a: bigint, b: bigint, w: number) => bigint | undefined, identity?: IntIdentity): OpFolder {
  return (op, operands) => {
    if (op.operands.length !== 2 || op.results.length !== 1) return undefined;
    const t = op.results[0].type;
    const w = intWidth(elementType(t));
    if (w === undefined) return undefined;
    const l = readElems(operands[0], op.operand(0).type);
    const r = readElems(operands[1], op.operand(1).type);
    if (l?.kind === 'int' && r?.kind === 'int' && l.values.length === r.values.length) {
      const out: bigint[] = [];
      for (let i = 0; i < l.values.length; ++i) {
        const v = evaluate(l.values[i], r.values[i], w);
        if (v === undefined) return undefined;
        out.push(unsigned(v, w));
      }
      const a = makeElems(op.context, t, out);
      return a ? [a] : undefined;
    }
    const rc = r?.kind === 'int' ? (splatValue(r) as bigint | undefined) : undefined;
    const res = identity?.(op, op.operand(0), op.operand(1), rc, w);
    if (res !== undefined) return [res];
    if (op.hasTrait('Commutative') && l && !r) {
      const [a, b] = op.operands;
      op.setOperands([b, a]);
      return 'in-place';
    }
    return undefined;
  };
}

/** Folds an elementwise binary float op on constants (f32/f64), with an optional identity. */
function binaryF(
  evaluate: (a: number, b: number) => number,
  identity?: (lhs: Value, rc: number | undefined) => Value | undefined,
  nanRule: NaNRule = 'first',
): OpFolder {
  return (op, operands) => {
    if (op.operands.length !== 2 || op.results.length !== 1) return undefined;
    const nan = scalarNaNResult(operands[0], operands[1], nanRule);
    if (nan !== undefined) return nan ? [nan] : undefined;
    const l = readElems(operands[0], op.operand(0).type);
    const r = readElems(operands[1], op.operand(1).type);
    if (l?.kind === 'float' && r?.kind === 'float' && l.values.length === r.values.length) {
      const a = makeElems(op.context, op.results[0].type, l.values.map((x, i) => evaluate(x, r.values[i])));
      return a ? [a] : undefined;
    }
    const rc = r?.kind === 'float' ? (splatValue(r) as number | undefined) : undefined;
    const id = identity?.(op.operand(0), rc);
    if (id) return [id];
    if (op.hasTrait('Commutative') && l && !r) {
      const [a, b] = op.operands;
      op.setOperands([b, a]);
      return 'in-place';
    }
    return undefined;
  };
}

const CMP: ((a: bigint, b: bigint, w: number) => boolean)[] = [
  (a, b) => a === b,
  (a, b) => a !== b,
  (a, b, w) => signed(a, w) < signed(b, w),
  (a, b, w) => signed(a, w) <= signed(b, w),
  (a, b, w) => signed(a, w) > signed(b, w),
  (a, b, w) => signed(a, w) >= signed(b, w),
  (a, b, w) => unsigned(a, w) < unsigned(b, w),
  (a, b, w) => unsigned(a, w) <= unsigned(b, w),
  (a, b, w) => unsigned(a, w) > unsigned(b, w),
  (a, b, w) => unsigned(a, w) >= unsigned(b, w),
];

/** Swapped predicate for `cmpi p, c, x` → `cmpi p', x, c`. */
const SWAPPED = [0, 1, 4, 5, 2, 3, 8, 9, 6, 7];

const foldCmpI: OpFolder = (op, operands) => {
  const pred = op.getAttr('predicate') as unknown as { kind: string; value: bigint; type: Type } | undefined;
  const w = intWidth(elementType(op.operand(0).type));
  if (!pred || pred.kind !== 'integer' || w === undefined) return undefined;
  const p = Number(pred.value);
  const cmp = CMP[p];
  if (!cmp) return undefined;
  const l = readElems(operands[0], op.operand(0).type);
  const r = readElems(operands[1], op.operand(1).type);
  const t = op.results[0].type;
  if (l?.kind === 'int' && r?.kind === 'int' && l.values.length === r.values.length) {
    const a = makeElems(op.context, t, l.values.map((x, i) => (cmp(x, r.values[i], w) ? 1n : 0n)));
    return a ? [a] : undefined;
  }
  if (op.operand(0) === op.operand(1)) {
    const a = splatOf(op, cmp(0n, 0n, w) ? 1n : 0n);
    return a ? [a] : undefined;
  }
  if (l && !r) {
    op.setOperands([op.operand(1), op.operand(0)]);
    op.setAttr('predicate', op.context.integerAttr(pred.type, BigInt(SWAPPED[p])));
    return 'in-place';
  }
  return undefined;
};

const foldSelect: OpFolder = (op, operands) => {
  if (op.operands.length !== 3) return undefined;
  const [, t, f] = op.operands;
  if (t === f) return [t];
  const c = readElems(operands[0], op.operand(0).type);
  const v = c?.kind === 'int' ? splatValue(c) : undefined;
  if (v !== undefined && intWidth(op.operand(0).type) === 1) return [v !== 0n ? t : f];
  return undefined;
};

function cast(evaluate: (v: bigint, inW: number, outW: number) => bigint): OpFolder {
  return (op, operands) => {
    const c = readElems(operands[0], op.operand(0).type);
    const inW = intWidth(elementType(op.operand(0).type));
    const outW = intWidth(elementType(op.results[0].type));
    if (c?.kind !== 'int' || inW === undefined || outW === undefined) return undefined;
    const a = makeElems(op.context, op.results[0].type, c.values.map((v) => unsigned(evaluate(v, inW, outW), outW)));
    return a ? [a] : undefined;
  };
}

function minMax(pick: (a: bigint, b: bigint, w: number) => bigint, extreme: (w: number) => bigint, identityIsLhs: (w: number) => bigint): OpFolder {
  return binary(
    (a, b, w) => pick(a, b, w),
    (op, lhs, rhs, rc, w) => {
      if (lhs === rhs) return lhs;
      if (rc !== undefined && unsigned(rc, w) === unsigned(extreme(w), w)) return op.operand(1);
      if (rc !== undefined && unsigned(rc, w) === unsigned(identityIsLhs(w), w)) return lhs;
      return undefined;
    },
  );
}

const smax = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
const smin = (w: number): bigint => -(1n << BigInt(w - 1));
const umax = (w: number): bigint => (1n << BigInt(w)) - 1n;

/**
 * Which operand APFloat returns when NaNs meet: `first` — the first NaN
 * operand, quieted (add, sub, mul, div, rem, maximum, minimum); `number` —
 * the other operand when one is NaN (maxnum, minnum).
 */
type NaNRule = 'first' | 'number';

/**
 * The fold of two scalar constants when at least one is a NaN: a JS number
 * cannot carry a NaN's sign or payload, so the result is the APFloat operand
 * itself. `undefined`: no NaN here (fold normally); `null`: do not fold (a
 * signalling NaN, or a format whose quiet bit we do not know).
 */
function scalarNaNResult(lhs: Attribute | undefined, rhs: Attribute | undefined, rule: NaNRule): Attribute | null | undefined {
  if (lhs?.kind !== 'float' || rhs?.kind !== 'float') return undefined;
  const [l, r] = [lhs as FloatAttr, rhs as FloatAttr];
  const [lNaN, rNaN] = [Number.isNaN(l.value), Number.isNaN(r.value)];
  if (!lNaN && !rNaN) return undefined;
  const pick = rule === 'first' ? (lNaN ? l : r) : lNaN ? r : l;
  if (!Number.isNaN(pick.value)) return pick;
  // A NaN without bits is one our folds made: the default quiet NaN, as APFloat makes it.
  if (pick.bits === undefined) return pick;
  const format = pick.type.kind === 'float' ? IEEE_FORMATS[(pick.type as FloatType).floatKind] : undefined;
  if (format === undefined) return null;
  const mantissa = format[0];
  // Only quiet NaNs pass through unchanged; quieting a signalling one is left to MLIR.
  return (pick.bits >> BigInt(mantissa - 1)) & 1n ? pick : null;
}

/**
 * `negf` of a scalar NaN constant written by its bits (`0x7FC00000`): the
 * sign bit flips, as APFloat's negation does. Folding it matters beyond the
 * constant: left unfolded, a commutative user would move the other NaN
 * constant to the right-hand side, and APFloat's `NaN + NaN` keeps the
 * left operand's sign, so the program's bits would change.
 */
function negateNaNScalar(op: Operation, operand: Attribute | undefined): Attribute | undefined {
  if (operand?.kind !== 'float') return undefined;
  const { type, value, bits } = operand as FloatAttr;
  if (!Number.isNaN(value) || bits === undefined || type.kind !== 'float' || type !== op.results[0].type) return undefined;
  const width = (type as FloatType).width;
  return op.context.floatAttr(type, NaN, bits ^ (1n << BigInt(width - 1)));
}

/** IEEE maximum/minimum (NaN-propagating, -0 < +0) and maxnum/minnum (NaN-ignoring). */
function fmaximum(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return Math.max(a, b);
}
function fminimum(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return Math.min(a, b);
}
const fmaxnum = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : fmaximum(a, b));
const fminnum = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : fminimum(a, b));

/** Registers the folders and the `arith.constant` materializer. */
export function registerArithFolds(): void {
  const r = foldRegistry;
  r.registerMaterializer('arith', (value, type, near) => {
    const kind = (value as { kind: string }).kind;
    if (kind !== 'integer' && kind !== 'float' && kind !== 'dense') return undefined;
    const state = emptyState('arith.constant', near.location);
    state.resultTypes.push(type);
    state.properties.set('value', value);
    return Operation.create(near.context, state);
  });
  const zero = (op: Operation): Attribute | undefined => splatOf(op, 0n);
  const allOnes = (op: Operation, w: number): Attribute | undefined => splatOf(op, umax(w));
  r.registerFolder('arith.addi', binary((a, b) => a + b, (_op, lhs, _rhs, rc) => (rc === 0n ? lhs : undefined)));
  r.registerFolder('arith.subi', binary((a, b) => a - b, (op, lhs, rhs, rc) => (rc === 0n ? lhs : lhs === rhs ? zero(op) : undefined)));
  r.registerFolder('arith.muli', binary((a, b) => a * b, (op, lhs, _rhs, rc, w) => (rc !== undefined && unsigned(rc, w) === 1n ? lhs : rc === 0n ? zero(op) : undefined)));
  r.registerFolder('arith.andi', binary((a, b) => a & b, (op, lhs, rhs, rc, w) => (rc === 0n ? zero(op) : (rc !== undefined && rc === umax(w)) || lhs === rhs ? lhs : undefined)));
  r.registerFolder('arith.ori', binary((a, b) => a | b, (op, lhs, rhs, rc, w) => (rc === 0n || lhs === rhs ? lhs : rc !== undefined && rc === umax(w) ? allOnes(op, w) : undefined)));
  r.registerFolder('arith.xori', binary((a, b) => a ^ b, (op, lhs, rhs, rc) => (rc === 0n ? lhs : lhs === rhs ? zero(op) : undefined)));
  r.registerFolder('arith.divui', binary((a, b, w) => (unsigned(b, w) === 0n ? undefined : unsigned(a, w) / unsigned(b, w)), (_op, lhs, _rhs, rc) => (rc === 1n ? lhs : undefined)));
  r.registerFolder(
    'arith.divsi',
    binary(
      (a, b, w) => {
        const [x, y] = [signed(a, w), signed(b, w)];
        if (y === 0n || (y === -1n && x === smin(w))) return undefined;
        return x / y;
      },
      (_op, lhs, _rhs, rc) => (rc === 1n ? lhs : undefined),
    ),
  );
  r.registerFolder('arith.remui', binary((a, b, w) => (unsigned(b, w) === 0n ? undefined : unsigned(a, w) % unsigned(b, w)), (op, _l, _r, rc) => (rc === 1n ? zero(op) : undefined)));
  r.registerFolder('arith.remsi', binary((a, b, w) => (signed(b, w) === 0n ? undefined : signed(a, w) % signed(b, w)), (op, _l, _r, rc) => (rc === 1n ? zero(op) : undefined)));
  r.registerFolder('arith.shli', binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : a << unsigned(b, w)), (_o, lhs, _r, rc) => (rc === 0n ? lhs : undefined)));
  r.registerFolder('arith.shrui', binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : unsigned(a, w) >> unsigned(b, w)), (_o, lhs, _r, rc) => (rc === 0n ? lhs : undefined)));
  r.registerFolder('arith.shrsi', binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : signed(a, w) >> unsigned(b, w)), (_o, lhs, _r, rc) => (rc === 0n ? lhs : undefined)));
  r.registerFolder('arith.maxsi', minMax((a, b, w) => (signed(a, w) >= signed(b, w) ? a : b), smax, smin));
  r.registerFolder('arith.minsi', minMax((a, b, w) => (signed(a, w) <= signed(b, w) ? a : b), smin, smax));
  r.registerFolder('arith.maxui', minMax((a, b, w) => (unsigned(a, w) >= unsigned(b, w) ? a : b), umax, () => 0n));
  r.registerFolder('arith.minui', minMax((a, b, w) => (unsigned(a, w) <= unsigned(b, w) ? a : b), () => 0n, umax));
  r.registerFolder('arith.addf', binaryF((a, b) => a + b, (lhs, rc) => (Object.is(rc, -0) ? lhs : undefined)));
  r.registerFolder('arith.subf', binaryF((a, b) => a - b, (lhs, rc) => (Object.is(rc, 0) ? lhs : undefined)));
  r.registerFolder('arith.mulf', binaryF((a, b) => a * b, (lhs, rc) => (rc === 1 ? lhs : undefined)));
  r.registerFolder('arith.divf', binaryF((a, b) => a / b, (lhs, rc) => (rc === 1 ? lhs : undefined)));
  r.registerFolder('arith.remf', binaryF((a, b) => a % b));
  r.registerFolder('arith.maximumf', binaryF(fmaximum, (lhs, rc) => (rc === -Infinity ? lhs : undefined)));
  r.registerFolder('arith.minimumf', binaryF(fminimum, (lhs, rc) => (rc === Infinity ? lhs : undefined)));
  // No ±inf identity for maxnum/minnum: maxnum(NaN, -inf) is -inf, not NaN.
  r.registerFolder('arith.maxnumf', binaryF(fmaxnum, undefined, 'number'));
  r.registerFolder('arith.minnumf', binaryF(fminnum, undefined, 'number'));
  r.registerFolder('arith.negf', (op, operands) => {
    const nan = negateNaNScalar(op, operands[0]);
    if (nan) return [nan];
    const c = readElems(operands[0], op.operand(0).type);
    // Negating a NaN flips its sign bit, which a JS number cannot carry: leave those alone.
    if (c?.kind !== 'float' || c.values.some((v) => Number.isNaN(v))) return undefined;
    const a = makeElems(op.context, op.results[0].type, c.values.map((v) => -v));
    return a ? [a] : undefined;
  });
  r.registerFolder('arith.cmpi', foldCmpI);
  r.registerFolder('arith.select', foldSelect);
  r.registerFolder('arith.extui', cast((v, inW) => unsigned(v, inW)));
  r.registerFolder('arith.extsi', cast((v, inW) => signed(v, inW)));
  r.registerFolder('arith.trunci', cast((v) => v));
  r.registerFolder('arith.index_cast', cast((v, inW) => signed(v, inW)));
  r.registerFolder('arith.index_castui', cast((v, inW) => unsigned(v, inW)));
}
