/**
 * Arbitraries for builtin types (and opaque dialect types), created through a
 * Context so they are uniqued exactly as parsed ones are. Every generated type
 * is one MLIR 22 accepts: element types obey tensor/memref/vector rules,
 * memref layouts match the rank, vectors have positive sizes.
 */
import fc from 'fast-check';
import { DYNAMIC, FLOAT_KINDS, printType, type Attribute, type Context, type FloatKind, type Type } from '../ir/index.js';
import { affineMapArbitrary } from './affine.js';
import { printableArb } from './printable.js';

export interface TypeOptions {
  /** Nesting depth of tuples, function types and shaped element types (default 2). */
  readonly maxDepth?: number;
  /** Largest rank of shaped types (default 3). */
  readonly maxRank?: number;
  /** Largest static dimension size (default 8). */
  readonly maxDimSize?: number;
  /** Dialect namespaces used for opaque dialect types; they must not be registered anywhere you run the IR (default foo, bar). */
  readonly dialects?: readonly string[];
  /** Allow zero-sized dimensions in tensors and memrefs (default true). */
  readonly zeroSizedDims?: boolean;
}

export interface TypeArbitraries {
  /** `i1`, `i32`, `si8`, `ui64`, `i17`, … */
  readonly integer: fc.Arbitrary<Type>;
  /** Signless integers only (what arith works on). */
  readonly signlessInteger: fc.Arbitrary<Type>;
  readonly index: fc.Arbitrary<Type>;
  /** Every float kind MLIR 22 has, f8/f6/f4 variants included. */
  readonly float: fc.Arbitrary<Type>;
  /** f16, bf16, f32, f64: the kinds with infinities and NaNs. */
  readonly ieeeFloat: fc.Arbitrary<Type>;
  /** Integer, index or float. */
  readonly scalar: fc.Arbitrary<Type>;
  readonly complex: fc.Arbitrary<Type>;
  /** Ranked (dynamic dims, optional encoding) or unranked. */
  readonly tensor: fc.Arbitrary<Type>;
  /** Ranked tensors with a static shape and an integer, float or i1 element type (for dense elements). */
  readonly staticTensor: fc.Arbitrary<Type>;
  /** Ranked (strided or affine layouts, memory spaces) or unranked. */
  readonly memref: fc.Arbitrary<Type>;
  /** Fixed and scalable dims (`vector<[4]x2xf32>`), 0-d vectors. */
  readonly vector: fc.Arbitrary<Type>;
  readonly tuple: fc.Arbitrary<Type>;
  readonly function: fc.Arbitrary<Type>;
  readonly none: fc.Arbitrary<Type>;
  /** `!foo.bar`, `!foo.bar<...>`, `!foo<"...">`. */
  readonly dialect: fc.Arbitrary<Type>;
  /** Any of the above. */
  readonly any: fc.Arbitrary<Type>;
}

/** Bodies of opaque dialect types and attributes: balanced, verbatim-preserved text. */
export const DIALECT_BODIES = ['', '4', 'i32', '1, 2', '"s"', 'a<b>', 'x = [1, 2]', '?x4', 'nested<tensor<4xf32>, @sym>'] as const;

/** A dialect-symbol mnemonic: a bare identifier. */
const mnemonicArb = fc.constantFrom('t', 'x', 'value', 'my_type', 'a1');

export function dialectSymbolParts(dialects: readonly string[]): fc.Arbitrary<{ dialect: string; mnemonic: string; body: string }> {
  return fc.record({
    dialect: fc.constantFrom(...dialects),
    mnemonic: mnemonicArb,
    body: fc.constantFrom(...DIALECT_BODIES),
  });
}

const COMMON_WIDTHS = [1, 8, 16, 32, 64] as const;

export function typeArbitraries(ctx: Context, options: TypeOptions = {}): TypeArbitraries {
  const maxDepth = options.maxDepth ?? 2;
  const maxRank = options.maxRank ?? 3;
  const maxDim = options.maxDimSize ?? 8;
  const dialects = options.dialects ?? ['foo', 'bar'];
  const show = (t: Type): string => printType(t);
  const wrap = (a: fc.Arbitrary<Type>): fc.Arbitrary<Type> => printableArb(a, show);

  const width = fc.oneof({ arbitrary: fc.constantFrom(...COMMON_WIDTHS), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 128 }), weight: 1 });
  const signlessInteger = wrap(width.map((w) => ctx.integerType(w)));
  const integer = wrap(
    fc.oneof(
      { arbitrary: signlessInteger, weight: 3 },
      { arbitrary: fc.tuple(width, fc.constantFrom('signed', 'unsigned') as fc.Arbitrary<'signed' | 'unsigned'>).map(([w, s]) => ctx.integerType(w, s)), weight: 1 },
    ),
  );
  const index = wrap(fc.constant(ctx.indexType()));
  const float = wrap(fc.constantFrom(...(FLOAT_KINDS as readonly FloatKind[])).map((k) => ctx.floatType(k)));
  const ieeeFloat = wrap(fc.constantFrom<FloatKind>('f16', 'bf16', 'f32', 'f64').map((k) => ctx.floatType(k)));
  const scalar = fc.oneof({ arbitrary: integer, weight: 3 }, { arbitrary: index, weight: 1 }, { arbitrary: float, weight: 2 });
  const complex = wrap(fc.oneof(signlessInteger, float).map((e) => ctx.complexType(e)));
  const none = wrap(fc.constant(ctx.noneType()));
  const dialect = wrap(
    fc.oneof(
      dialectSymbolParts(dialects).map(({ dialect, mnemonic, body }) => ctx.dialectType(dialect, mnemonic, body)),
      // The opaque form `!foo<"...">` with a body that is not an identifier.
      fc.record({ dialect: fc.constantFrom(...dialects), text: fc.constantFrom('"x y"', '"1"', '"a\\"b"') }).map(({ dialect, text }) => ctx.dialectType(dialect, '', text)),
    ),
  );

  // Zero-sized dims are legal but rare in real IR: keep them uncommon.
  const dim = fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: maxDim }), weight: 8 },
    { arbitrary: fc.constant(options.zeroSizedDims === false ? 1 : 0), weight: 1 },
    { arbitrary: fc.constant(DYNAMIC), weight: 3 },
  );
  const shape = fc.array(dim, { maxLength: maxRank });
  const staticShape = fc.array(fc.integer({ min: 1, max: maxDim }), { maxLength: maxRank });

  const vectorOf = (elements: fc.Arbitrary<Type>): fc.Arbitrary<Type> =>
    wrap(
      fc
        .array(fc.tuple(fc.integer({ min: 1, max: maxDim }), fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 })), {
          maxLength: maxRank,
        })
        .chain((dims) => elements.map((e) => ctx.vectorType(dims.map((d) => d[0]), e, dims.map((d) => d[1])))),
    );
  const vector = vectorOf(fc.oneof(signlessInteger, index, float));

  const encoding: fc.Arbitrary<Attribute | undefined> = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 5 },
    { arbitrary: fc.constantFrom('enc', 'sparse', 'a b').map((s) => ctx.stringAttr(s)), weight: 1 },
    { arbitrary: dialectSymbolParts(dialects).map(({ dialect, mnemonic, body }) => ctx.dialectAttr(dialect, mnemonic, body)), weight: 1 },
  );
  const memorySpace: fc.Arbitrary<Attribute | undefined> = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 7 }).map((n) => ctx.integerAttr(ctx.integerType(64), BigInt(n))), weight: 1 },
    { arbitrary: fc.constantFrom('gpu', 'host').map((s) => ctx.stringAttr(s)), weight: 1 },
    // MLIR takes integer, string and dictionary memory spaces (and registered dialects' own), not opaque ones.
    { arbitrary: fc.constantFrom('gpu', 'host').map((s) => ctx.dictionaryAttr([{ name: s, value: ctx.unitAttr() }])), weight: 1 },
  );
  const stride = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 64 }), weight: 3 }, { arbitrary: fc.constant(DYNAMIC), weight: 1 });
  const layoutFor = (rank: number): fc.Arbitrary<Attribute | undefined> =>
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      {
        arbitrary: fc.tuple(fc.array(stride, { minLength: rank, maxLength: rank }), fc.oneof(fc.nat(32), fc.constant(DYNAMIC))).map(([s, o]) => ctx.stridedLayoutAttr(s, o)),
        weight: 1,
      },
      { arbitrary: affineMapArbitrary({ numDims: rank, maxSymbols: 1, maxDepth: 2 }).filter((m) => m.results.length > 0).map((m) => ctx.affineMapAttr(m)), weight: 1 },
    );

  const tensorElement = fc.oneof({ arbitrary: scalar, weight: 6 }, complex, vector, dialect);
  const tensor = wrap(
    fc.oneof(
      { arbitrary: fc.tuple(shape, tensorElement, encoding).map(([s, e, enc]) => ctx.tensorType(s, e, enc) as Type), weight: 3 },
      { arbitrary: tensorElement.map((e) => ctx.unrankedTensorType(e) as Type), weight: 1 },
    ),
  );
  const staticTensor = wrap(fc.tuple(staticShape, fc.oneof(signlessInteger, float)).map(([s, e]) => ctx.tensorType(s, e)));
  const memrefElement = fc.oneof({ arbitrary: scalar, weight: 6 }, complex, vector);
  const memref = wrap(
    fc.oneof(
      { arbitrary: fc.tuple(shape, memrefElement, memorySpace).chain(([s, e, space]) => layoutFor(s.length).map((l) => ctx.memrefType(s, e, l, space) as Type)), weight: 3 },
      { arbitrary: fc.tuple(memrefElement, memorySpace).map(([e, space]) => ctx.unrankedMemrefType(e, space) as Type), weight: 1 },
    ),
  );

  // Tuples and function types nest; built eagerly one level per depth, so
  // shrinking walks towards scalars.
  const level = (depth: number): fc.Arbitrary<Type> => {
    const inner = depth >= maxDepth ? scalar : level(depth + 1);
    const tuple = wrap(fc.array(inner, { maxLength: 3 }).map((ts) => ctx.tupleType(ts)));
    const fn = wrap(fc.tuple(fc.array(inner, { maxLength: 3 }), fc.array(inner, { maxLength: 2 })).map(([i, r]) => ctx.functionType(i, r)));
    return fc.oneof(
      { arbitrary: scalar, weight: 8 },
      { arbitrary: tensor, weight: 4 },
      { arbitrary: memref, weight: 4 },
      { arbitrary: vector, weight: 2 },
      { arbitrary: complex, weight: 1 },
      { arbitrary: tuple, weight: 1 },
      { arbitrary: fn, weight: 1 },
      { arbitrary: none, weight: 1 },
      { arbitrary: dialect, weight: 1 },
    );
  };
  const any = level(1);
  const tuple = wrap(fc.array(level(maxDepth), { maxLength: 3 }).map((ts) => ctx.tupleType(ts)));
  const fn = wrap(fc.tuple(fc.array(level(maxDepth), { maxLength: 3 }), fc.array(level(maxDepth), { maxLength: 2 })).map(([i, r]) => ctx.functionType(i, r)));

  return { integer, signlessInteger, index, float, ieeeFloat, scalar, complex, tensor, staticTensor, memref, vector, tuple, function: fn, none, dialect, any };
}
