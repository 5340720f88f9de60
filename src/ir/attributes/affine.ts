/** Affine expressions, maps and integer sets (MLIR's AffineExpr/AffineMap/IntegerSet). */
export type AffineBinaryKind = 'add' | 'mul' | 'mod' | 'floordiv' | 'ceildiv';

export type AffineExpr =
  | { readonly kind: 'dim'; readonly position: number }
  | { readonly kind: 'symbol'; readonly position: number }
  | { readonly kind: 'constant'; readonly value: bigint }
  | { readonly kind: AffineBinaryKind; readonly lhs: AffineExpr; readonly rhs: AffineExpr };

export interface AffineMap {
  readonly numDims: number;
  readonly numSymbols: number;
  readonly results: readonly AffineExpr[];
}

export interface AffineConstraint {
  readonly expr: AffineExpr;
  /** `== 0` when true, `>= 0` otherwise. */
  readonly isEquality: boolean;
}

export interface IntegerSet {
  readonly numDims: number;
  readonly numSymbols: number;
  readonly constraints: readonly AffineConstraint[];
}

const PRECEDENCE: Record<AffineExpr['kind'], number> = {
  dim: 3, symbol: 3, constant: 3, mul: 2, mod: 2, floordiv: 2, ceildiv: 2, add: 1,
};

/** Print an expression in MLIR's syntax; parenthesises only where precedence needs it. */
export function printAffineExpr(e: AffineExpr): string {
  switch (e.kind) {
    case 'dim':
      return `d${e.position}`;
    case 'symbol':
      return `s${e.position}`;
    case 'constant':
      return e.value.toString();
    case 'add': {
      // MLIR prints `a + b * -1` as `a - b` and `a + -c` as `a - c`.
      const r = e.rhs;
      if (r.kind === 'constant' && r.value < 0n) return `${printAffineExpr(e.lhs)} - ${(-r.value).toString()}`;
      if (r.kind === 'mul' && r.rhs.kind === 'constant' && r.rhs.value === -1n) {
        return `${printAffineExpr(e.lhs)} - ${wrap(r.lhs, 2)}`;
      }
      return `${printAffineExpr(e.lhs)} + ${wrap(e.rhs, 2)}`;
    }
    default: {
      const op = e.kind === 'mul' ? '*' : e.kind;
      return `${wrap(e.lhs, 2)} ${op} ${wrap(e.rhs, 3)}`;
    }
  }
}

function wrap(e: AffineExpr, minPrecedence: number): string {
  const s = printAffineExpr(e);
  if (e.kind === 'constant' && e.value < 0n) return minPrecedence > 2 ? `(${s})` : s;
  return PRECEDENCE[e.kind] >= minPrecedence ? s : `(${s})`;
}

function printDimsAndSymbols(numDims: number, numSymbols: number): string {
  const dims = Array.from({ length: numDims }, (_, i) => `d${i}`).join(', ');
  const syms = numSymbols > 0 ? `[${Array.from({ length: numSymbols }, (_, i) => `s${i}`).join(', ')}]` : '';
  return `(${dims})${syms}`;
}

export function printAffineMap(m: AffineMap): string {
  return `${printDimsAndSymbols(m.numDims, m.numSymbols)} -> (${m.results.map(printAffineExpr).join(', ')})`;
}

export function printIntegerSet(s: IntegerSet): string {
  const cs = s.constraints.map((c) => `${printAffineExpr(c.expr)} ${c.isEquality ? '==' : '>='} 0`);
  // An empty set of constraints is spelled `(1 == 0)`-free as `()`: MLIR prints the trivially true set `0 == 0`.
  return `${printDimsAndSymbols(s.numDims, s.numSymbols)} : (${cs.length > 0 ? cs.join(', ') : '0 == 0'})`;
}

export function affineMapKey(m: AffineMap): string {
  return `${printAffineMap(m)}`;
}

export function integerSetKey(s: IntegerSet): string {
  return printIntegerSet(s);
}
