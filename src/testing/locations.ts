/** Arbitraries for locations of every kind MLIR 22 prints. */
import fc from 'fast-check';
import { printLocationBody, type Context, type Location } from '../ir/index.js';
import { printableArb } from './printable.js';

export interface LocationOptions {
  /** Nesting depth of name/callsite/fused locations (default 2). */
  readonly maxDepth?: number;
}

const FILES = ['input.mlir', 'dir/file.mlir', 'with space.mlir', 'q"uote.mlir'] as const;
const NAMES = ['x', 'layer.0', 'name with space', 'tab\there', 'ünï'] as const;

/**
 * `loc(unknown)`, `loc("f":1:2)`, ranges `loc("f":1:2 to 3:4)`, name
 * locations with and without a child, call sites, fused locations with and
 * without metadata.
 */
export function locationArbitrary(ctx: Context, options: LocationOptions = {}): fc.Arbitrary<Location> {
  const maxDepth = options.maxDepth ?? 2;
  const show = (l: Location): string => `loc(${printLocationBody(l)})`;
  const pos = fc.integer({ min: 1, max: 500 });
  const file = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...FILES), pos, pos).map(([f, l, c]): Location => ctx.fileLineColLoc(f, l, c)), weight: 4 },
    {
      // MLIR 22's range form: `"f":l:c to l2:c2` (end line and column), or `to :c2` on the same line.
      arbitrary: fc.tuple(fc.constantFrom(...FILES), pos, pos, fc.nat(5), pos).map(([f, l, c, dl, c2]): Location => ctx.fileLineColLoc(f, l, c, l + dl, c2)),
      weight: 1,
    },
  );
  const leaf = fc.oneof(
    { arbitrary: file, weight: 4 },
    { arbitrary: fc.constant(ctx.unknownLoc() as Location), weight: 1 },
    { arbitrary: fc.constantFrom(...NAMES).map((n): Location => ctx.nameLoc(n)), weight: 1 },
  );
  const level = (depth: number): fc.Arbitrary<Location> => {
    if (depth >= maxDepth) return leaf;
    const sub = level(depth + 1);
    return fc.oneof(
      { arbitrary: leaf, weight: 4 },
      // No name location directly inside another (MLIR 22 allows it, numaccl's
      // parser does not yet); an unknown child is the same as none in MLIR
      // (numaccl keeps the two apart), so avoid both.
      { arbitrary: fc.tuple(fc.constantFrom(...NAMES), sub.filter((c) => c.locKind !== 'name' && c.locKind !== 'unknown')).map(([n, c]): Location => ctx.nameLoc(n, c)), weight: 1 },
      { arbitrary: fc.tuple(sub, sub).map(([callee, caller]): Location => ctx.callSiteLoc(callee, caller)), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.array(sub, { minLength: 2, maxLength: 3 }), fc.option(fc.constantFrom('meta', 'x y'), { nil: undefined }))
          .map(([ls, m]): Location => ctx.fusedLoc(ls, m === undefined ? undefined : ctx.stringAttr(m))),
        weight: 1,
      },
    );
  };
  return printableArb(level(0), show);
}
