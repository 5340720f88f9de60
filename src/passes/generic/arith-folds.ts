/**
 * Folders for scalar `arith` integer ops (MLIR's `ArithOps.cpp` folds):
 * constant evaluation with two's-complement wrap-around, the usual
 * identities (x+0, x*1, x*0, x-x, x&x, x^x, ...), constants moved to the
 * right of commutative ops, `cmpi`/`select` on constants, and the
 * `arith.constant` materializer.
 */
import { emptyState, Operation, type Attribute, type Type, type Value } from '../../ir/index.js';
import { foldRegistry, type FoldResult, type OpFolder } from '../rewrite/index.js';

interface IntAttr {
  readonly kind: 'integer';
  readonly type: Type;
  readonly value: bigint;
}

function widthOf(t: Type): number | undefined {
  const k = (t as { kind: string }).kind;
  if (k === 'index') return 64;
  if (k === 'integer') return (t as unknown as { width: number }).width;
  return undefined;
}

function asInt(a: Attribute | undefined): IntAttr | undefined {
  return a && (a as { kind: string }).kind === 'integer' ? (a as unknown as IntAttr) : undefined;
}

/** Normalises to MLIR's printed form: i1 as 0/1, other widths signed. */
function norm(v: bigint, width: number): bigint {
  return width === 1 ? BigInt.asUintN(1, v) : BigInt.asIntN(width, v);
}

const unsigned = (v: bigint, w: number): bigint => BigInt.asUintN(w, v);
const signed = (v: bigint, w: number): bigint => BigInt.asIntN(w, v);

function intResult(op: Operation, v: bigint): Attribute {
  const t = op.results[0].type;
  return op.context.integerAttr(t, norm(v, widthOf(t)!));
}

/** Folds a binary integer op: `evaluate` on two constants, `identity` for the rest. */
function binary(
  evaluate: (a: bigint, b: bigint, w: number) => bigint | undefined,
  identity?: (op: Operation, lhs: Value, rhs: Value, lc: IntAttr | undefined, rc: IntAttr | undefined, w: number) => FoldResult | undefined,
): OpFolder {
  return (op, operands) => {
    if (op.operands.length !== 2 || op.results.length !== 1) return undefined;
    const w = widthOf(op.results[0].type);
    if (w === undefined) return undefined;
    const [lc, rc] = [asInt(operands[0]), asInt(operands[1])];
    if (lc && rc) {
      const v = evaluate(lc.value, rc.value, w);
      return v === undefined ? undefined : [intResult(op, v)];
    }
    const r = identity?.(op, op.operand(0), op.operand(1), lc, rc, w);
    if (r !== undefined) return [r];
    if (op.hasTrait('Commutative') && lc && !rc) {
      const [a, b] = op.operands;
      op.setOperands([b, a]);
      return 'in-place';
    }
    return undefined;
  };
}

const isZero = (c: IntAttr | undefined): boolean => c !== undefined && c.value === 0n;
const isOne = (c: IntAttr | undefined, w: number): boolean => c !== undefined && unsigned(c.value, w) === 1n;
const isAllOnes = (c: IntAttr | undefined, w: number): boolean => c !== undefined && unsigned(c.value, w) === unsigned(-1n, w);

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

function boolResult(op: Operation, v: boolean): Attribute {
  return op.context.integerAttr(op.results[0].type, v ? 1n : 0n);
}

const foldCmpI: OpFolder = (op, operands) => {
  const pred = asInt(op.getAttr('predicate'));
  const w = widthOf(op.operand(0).type);
  if (!pred || w === undefined || widthOf(op.results[0].type) !== 1) return undefined;
  const cmp = CMP[Number(pred.value)];
  if (!cmp) return undefined;
  const [l, r] = [asInt(operands[0]), asInt(operands[1])];
  if (l && r) return [boolResult(op, cmp(l.value, r.value, w))];
  if (op.operand(0) === op.operand(1)) return [boolResult(op, cmp(0n, 0n, w))];
  return undefined;
};

const foldSelect: OpFolder = (op, operands) => {
  if (op.operands.length !== 3) return undefined;
  const [, t, f] = op.operands;
  if (t === f) return [t];
  const c = asInt(operands[0]);
  if (c && widthOf(op.operand(0).type) === 1) return [c.value !== 0n ? t : f];
  return undefined;
};

function cast(evaluate: (v: bigint, inW: number, outW: number) => bigint): OpFolder {
  return (op, operands) => {
    const c = asInt(operands[0]);
    const inW = widthOf(op.operand(0).type);
    const outW = widthOf(op.results[0].type);
    if (!c || inW === undefined || outW === undefined) return undefined;
    return [intResult(op, evaluate(c.value, inW, outW))];
  };
}

/** Registers the folders and the `arith.constant` materializer. */
export function registerArithFolds(): void {
  const r = foldRegistry;
  r.registerMaterializer('arith', (value, type, near) => {
    const kind = (value as { kind: string }).kind;
    if (kind !== 'integer' && kind !== 'float') return undefined;
    const state = emptyState('arith.constant', near.location);
    state.resultTypes.push(type);
    state.properties.set('value', value);
    return Operation.create(near.context, state);
  });
  r.registerFolder(
    'arith.addi',
    binary(
      (a, b) => a + b,
      (_op, lhs, _rhs, _lc, rc) => (isZero(rc) ? lhs : undefined),
    ),
  );
  r.registerFolder(
    'arith.subi',
    binary(
      (a, b) => a - b,
      (op, lhs, rhs, _lc, rc) => (isZero(rc) ? lhs : lhs === rhs ? intResult(op, 0n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.muli',
    binary(
      (a, b) => a * b,
      (op, lhs, _rhs, _lc, rc, w) => (isOne(rc, w) ? lhs : isZero(rc) ? intResult(op, 0n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.andi',
    binary(
      (a, b) => a & b,
      (op, lhs, rhs, _lc, rc, w) => (isZero(rc) ? intResult(op, 0n) : isAllOnes(rc, w) || lhs === rhs ? lhs : undefined),
    ),
  );
  r.registerFolder(
    'arith.ori',
    binary(
      (a, b) => a | b,
      (op, lhs, rhs, _lc, rc, w) => (isZero(rc) || lhs === rhs ? lhs : isAllOnes(rc, w) ? intResult(op, -1n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.xori',
    binary(
      (a, b) => a ^ b,
      (op, lhs, rhs, _lc, rc) => (isZero(rc) ? lhs : lhs === rhs ? intResult(op, 0n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.divui',
    binary(
      (a, b, w) => (unsigned(b, w) === 0n ? undefined : unsigned(a, w) / unsigned(b, w)),
      (_op, lhs, _rhs, _lc, rc, w) => (isOne(rc, w) ? lhs : undefined),
    ),
  );
  r.registerFolder(
    'arith.divsi',
    binary(
      (a, b, w) => {
        const [x, y] = [signed(a, w), signed(b, w)];
        if (y === 0n || (y === -1n && x === -(1n << BigInt(w - 1)))) return undefined;
        return x / y;
      },
      (_op, lhs, _rhs, _lc, rc, w) => (isOne(rc, w) ? lhs : undefined),
    ),
  );
  r.registerFolder(
    'arith.remui',
    binary(
      (a, b, w) => (unsigned(b, w) === 0n ? undefined : unsigned(a, w) % unsigned(b, w)),
      (op, _lhs, _rhs, _lc, rc, w) => (isOne(rc, w) ? intResult(op, 0n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.remsi',
    binary(
      (a, b, w) => (signed(b, w) === 0n ? undefined : signed(a, w) % signed(b, w)),
      (op, _lhs, _rhs, _lc, rc, w) => (isOne(rc, w) ? intResult(op, 0n) : undefined),
    ),
  );
  r.registerFolder(
    'arith.shli',
    binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : a << unsigned(b, w)), (_o, lhs, _r, _lc, rc) => (isZero(rc) ? lhs : undefined)),
  );
  r.registerFolder(
    'arith.shrui',
    binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : unsigned(a, w) >> unsigned(b, w)), (_o, lhs, _r, _lc, rc) => (isZero(rc) ? lhs : undefined)),
  );
  r.registerFolder(
    'arith.shrsi',
    binary((a, b, w) => (unsigned(b, w) >= BigInt(w) ? undefined : signed(a, w) >> unsigned(b, w)), (_o, lhs, _r, _lc, rc) => (isZero(rc) ? lhs : undefined)),
  );
  r.registerFolder('arith.cmpi', foldCmpI);
  r.registerFolder('arith.select', foldSelect);
  r.registerFolder('arith.extui', cast((v, inW) => unsigned(v, inW)));
  r.registerFolder('arith.extsi', cast((v, inW) => signed(v, inW)));
  r.registerFolder('arith.trunci', cast((v) => v));
  r.registerFolder('arith.index_cast', cast((v, inW) => signed(v, inW)));
  r.registerFolder('arith.index_castui', cast((v, inW) => unsigned(v, inW)));
}
