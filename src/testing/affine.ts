/**
 * Arbitraries for affine expressions, maps and integer sets. Expressions stay
 * purely affine (MLIR rejects others in maps): products have a constant side,
 * and `floordiv`/`ceildiv`/`mod` divide by a positive constant.
 */
import fc from 'fast-check';
import type { AffineExpr, AffineMap, IntegerSet } from '../ir/index.js';

export interface AffineOptions {
  /** Most dimensions of a map or set (default 3). */
  readonly maxDims?: number;
  /** Most symbols (default 2). */
  readonly maxSymbols?: number;
  /** Most results of a map or constraints of a set (default 3). */
  readonly maxResults?: number;
  /** Nesting depth of an expression tree (default 3). */
  readonly maxDepth?: number;
}

const constant = (value: number): AffineExpr => ({ kind: 'constant', value: BigInt(value) });

/** A purely affine expression over `numDims` dimensions and `numSymbols` symbols. */
export function affineExprArbitrary(numDims: number, numSymbols: number, maxDepth = 3): fc.Arbitrary<AffineExpr> {
  const leaves: fc.Arbitrary<AffineExpr>[] = [fc.integer({ min: -16, max: 16 }).map(constant)];
  if (numDims > 0) leaves.unshift(fc.nat(numDims - 1).map((position): AffineExpr => ({ kind: 'dim', position })));
  if (numSymbols > 0) leaves.push(fc.nat(numSymbols - 1).map((position): AffineExpr => ({ kind: 'symbol', position })));
  const leaf = fc.oneof(...leaves);
  const build = (depth: number): fc.Arbitrary<AffineExpr> => {
    if (depth <= 0) return leaf;
    const sub = build(depth - 1);
    const branches: fc.WeightedArbitrary<AffineExpr>[] = [
      { arbitrary: leaf, weight: 3 },
      { arbitrary: fc.tuple(sub, sub).map(([lhs, rhs]): AffineExpr => ({ kind: 'add', lhs, rhs })), weight: 2 },
    ];
    // MLIR folds a product or quotient of constants away, so keep a dim or
    // symbol on the left (impossible without any).
    if (numDims + numSymbols > 0) {
      const nonConstant = sub.filter((e) => e.kind !== 'constant');
      branches.push(
        { arbitrary: fc.tuple(nonConstant, fc.integer({ min: -8, max: 8 })).map(([lhs, c]): AffineExpr => ({ kind: 'mul', lhs, rhs: constant(c) })), weight: 2 },
        {
          arbitrary: fc
            .tuple(nonConstant, fc.constantFrom('floordiv', 'ceildiv', 'mod') as fc.Arbitrary<'floordiv' | 'ceildiv' | 'mod'>, fc.integer({ min: 1, max: 8 }))
            .map(([lhs, kind, c]): AffineExpr => ({ kind, lhs, rhs: constant(c) })),
          weight: 1,
        },
      );
    }
    return fc.oneof(...branches);
  };
  return build(maxDepth);
}

/** An affine map `(d0, ...)[s0, ...] -> (e0, ...)`; `numDims` fixes the dimension count when given. */
export function affineMapArbitrary(options: AffineOptions & { readonly numDims?: number } = {}): fc.Arbitrary<AffineMap> {
  const dims = options.numDims !== undefined ? fc.constant(options.numDims) : fc.nat(options.maxDims ?? 3);
  return fc
    .tuple(dims, fc.nat(options.maxSymbols ?? 2))
    .chain(([numDims, numSymbols]) =>
      fc
        .array(affineExprArbitrary(numDims, numSymbols, options.maxDepth ?? 3), { maxLength: options.maxResults ?? 3 })
        .map((results): AffineMap => ({ numDims, numSymbols, results })),
    );
}

/** An integer set `(d0, ...)[s0, ...] : (e >= 0, e == 0, ...)` with at least one constraint. */
export function integerSetArbitrary(options: AffineOptions = {}): fc.Arbitrary<IntegerSet> {
  return fc.tuple(fc.nat(options.maxDims ?? 3), fc.nat(options.maxSymbols ?? 2)).chain(([numDims, numSymbols]) =>
    fc
      .array(fc.record({ expr: affineExprArbitrary(numDims, numSymbols, options.maxDepth ?? 3), isEquality: fc.boolean() }), {
        minLength: 1,
        maxLength: options.maxResults ?? 3,
      })
      .map((constraints): IntegerSet => ({ numDims, numSymbols, constraints })),
  );
}
