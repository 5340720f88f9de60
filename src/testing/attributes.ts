/**
 * Arbitraries for builtin attributes (and opaque dialect attributes), created
 * through a Context. Every value is one MLIR 22 accepts: integers fit their
 * width, floats are exact in their kind, dense elements match their shape.
 */
import fc from 'fast-check';
import {
  numElements,
  printAttribute,
  type Attribute,
  type Context,
  type DenseScalar,
  type FloatType,
  type IntegerType,
  type RankedTensorType,
  type Type,
} from '../ir/index.js';
import { affineMapArbitrary, integerSetArbitrary } from './affine.js';
import { floatValueArbitrary } from './floats.js';
import { locationArbitrary } from './locations.js';
import { printableArb } from './printable.js';
import { DIALECT_BODIES, dialectSymbolParts, typeArbitraries, type TypeArbitraries, type TypeOptions } from './types.js';

export interface AttributeOptions extends TypeOptions {
  /** Nesting depth of arrays and dictionaries (default 2). */
  readonly maxAttributeDepth?: number;
}

export interface AttributeArbitraries {
  /** `42 : i32`, `true`, `-3 : si8`, `7 : index`. */
  readonly integer: fc.Arbitrary<Attribute>;
  /** `1.5 : f32`, NaN/inf/-0 in hex where the kind has them, f8 values. */
  readonly float: fc.Arbitrary<Attribute>;
  /** Strings with quotes, backslashes, control and non-ASCII characters. */
  readonly string: fc.Arbitrary<Attribute>;
  readonly unit: fc.Arbitrary<Attribute>;
  readonly array: fc.Arbitrary<Attribute>;
  /** `array<i32: 1, 2>`, `array<f64: ...>`, `array<i1: true>`. */
  readonly denseArray: fc.Arbitrary<Attribute>;
  readonly dictionary: fc.Arbitrary<Attribute>;
  readonly type: fc.Arbitrary<Attribute>;
  /** `@a`, `@"quoted name"`, `@a::@b::@c`. */
  readonly symbolRef: fc.Arbitrary<Attribute>;
  readonly affineMap: fc.Arbitrary<Attribute>;
  readonly integerSet: fc.Arbitrary<Attribute>;
  /** `dense<...>` splat, nested lists, and `dense<"0x...">` hex blobs. */
  readonly denseElements: fc.Arbitrary<Attribute>;
  readonly location: fc.Arbitrary<Attribute>;
  /** `#foo.x`, `#foo.x<...>`, `#foo<"...">`. */
  readonly dialect: fc.Arbitrary<Attribute>;
  /** Any of the above. */
  readonly any: fc.Arbitrary<Attribute>;
  /** The type arbitraries these attributes draw from. */
  readonly types: TypeArbitraries;
}

/** An integer value that fits `t` (signed range for signless and si, unsigned for ui). */
export function integerValueArbitrary(t: IntegerType | { kind: 'index' }): fc.Arbitrary<bigint> {
  if (t.kind === 'index') return fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
  // Signless i1 prints as true/false, i.e. 1 and 0 (MLIR's printing of signless values as signed stops there).
  if (t.width === 1 && t.signedness === 'signless') return fc.constantFrom(0n, 1n);
  const w = BigInt(t.width);
  const [min, max] = t.signedness === 'unsigned' ? [0n, (1n << w) - 1n] : [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
  return fc.oneof(fc.constantFrom(...[0n, 1n, min, max].filter((v) => v >= min && v <= max)), fc.bigInt({ min, max }));
}

/** String contents that exercise escaping: quotes, backslashes, control bytes, non-ASCII. */
export const trickyStringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.array(fc.constantFrom('a', '"', '\\', '\n', '\t', '\x01', '\x7f', 'é', '€', '\u{1F600}', ' ', '}', '#-}'), { maxLength: 8 }).map((cs) => cs.join('')),
);

const IDENT_START = 'abcxyz_';
/** An MLIR bare identifier: `[a-zA-Z_][a-zA-Z0-9_$.]*`. */
export const bareIdentifierArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...IDENT_START), fc.array(fc.constantFrom('a', 'b', '0', '9', '_', '$', '.'), { maxLength: 5 }))
  .map(([h, t]) => h + t.join(''))
  .filter((s) => !s.endsWith('.'));

/** Hex blob (`0x` + little-endian bytes) of integer values of width 8/16/32/64. */
function hexOfIntegers(values: readonly bigint[], width: number): string {
  const bytes = width / 8;
  let out = '0x';
  for (const v of values) {
    let u = BigInt.asUintN(width, v);
    for (let i = 0; i < bytes; i++) {
      out += Number(u & 0xffn).toString(16).toUpperCase().padStart(2, '0');
      u >>= 8n;
    }
  }
  return out;
}

function hexOfFloats(values: readonly number[], width: 32 | 64): string {
  const buf = width === 32 ? new Float32Array(values) : new Float64Array(values);
  return '0x' + [...new Uint8Array(buf.buffer)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

export function attributeArbitraries(ctx: Context, options: AttributeOptions = {}): AttributeArbitraries {
  const types = typeArbitraries(ctx, options);
  const maxDepth = options.maxAttributeDepth ?? 2;
  const dialects = options.dialects ?? ['foo', 'bar'];
  const wrap = (a: fc.Arbitrary<Attribute>): fc.Arbitrary<Attribute> => printableArb(a, printAttribute);

  const integerOf = (t: Type): fc.Arbitrary<Attribute> =>
    integerValueArbitrary(t as IntegerType).map((v) => ctx.integerAttr(t, v));
  const integer = wrap(fc.oneof(types.integer, types.index).chain(integerOf));
  const floatOf = (t: Type): fc.Arbitrary<Attribute> => floatValueArbitrary((t as FloatType).floatKind).map((v) => ctx.floatAttr(t, v));
  const float = wrap(fc.oneof(types.float, types.ieeeFloat).chain(floatOf));
  const string = wrap(
    fc.oneof(
      { arbitrary: trickyStringArbitrary.map((s) => ctx.stringAttr(s)), weight: 4 },
      { arbitrary: fc.tuple(trickyStringArbitrary, types.scalar).map(([s, t]) => ctx.stringAttr(s, t)), weight: 1 },
    ),
  );
  const unit = wrap(fc.constant(ctx.unitAttr()));
  const type = wrap(types.any.map((t) => ctx.typeAttr(t)));
  const symbolName = fc.oneof({ arbitrary: bareIdentifierArbitrary, weight: 3 }, { arbitrary: trickyStringArbitrary.filter((s) => s.length > 0), weight: 1 });
  const symbolRef = wrap(fc.tuple(symbolName, fc.array(symbolName, { maxLength: 2 })).map(([r, n]) => ctx.symbolRefAttr(r, n)));
  const affineMap = wrap(affineMapArbitrary().map((m) => ctx.affineMapAttr(m)));
  const integerSet = wrap(integerSetArbitrary().map((s) => ctx.integerSetAttr(s)));
  const location = wrap(locationArbitrary(ctx));
  const dialect = wrap(
    fc.oneof(
      dialectSymbolParts(dialects).map(({ dialect, mnemonic, body }) => ctx.dialectAttr(dialect, mnemonic, body)),
      fc.record({ dialect: fc.constantFrom(...dialects), body: fc.constantFrom(...DIALECT_BODIES), t: types.scalar }).map(({ dialect, body, t }) =>
        ctx.dialectAttr(dialect, 'typed', body, [], t),
      ),
    ),
  );

  const denseArrayTypes = [ctx.integerType(1), ctx.integerType(8), ctx.integerType(16), ctx.integerType(32), ctx.integerType(64), ctx.floatType('f32'), ctx.floatType('f64')];
  const denseArray = wrap(
    fc.constantFrom(...denseArrayTypes).chain((t) => {
      if (t.kind === 'float') return fc.array(floatValueArbitrary(t.floatKind, false), { maxLength: 5 }).map((vs) => ctx.denseArrayAttr(t, vs));
      const it = t as IntegerType;
      if (it.width === 1) return fc.array(fc.constantFrom(0, 1), { maxLength: 5 }).map((vs) => ctx.denseArrayAttr(t, vs));
      return fc.array(integerValueArbitrary(it), { maxLength: 5 }).map((vs) => ctx.denseArrayAttr(t, vs));
    }),
  );

  const denseElements = wrap(
    fc
      .oneof(types.staticTensor, types.staticTensor.map((t) => ctx.vectorType((t as RankedTensorType).shape, (t as RankedTensorType).elementType)))
      .filter((t) => numElements((t as RankedTensorType).shape) <= 64 && (t.kind !== 'vector' || (t as RankedTensorType).shape.length > 0))
      .chain((t) => {
        const shaped = t as RankedTensorType;
        const el = shaped.elementType;
        const n = numElements(shaped.shape);
        const scalar: fc.Arbitrary<DenseScalar> =
          el.kind === 'float'
            ? floatValueArbitrary((el as FloatType).floatKind)
            : (el as IntegerType).width === 1
              ? fc.boolean()
              : integerValueArbitrary(el as IntegerType);
        const forms: fc.Arbitrary<Attribute>[] = [
          scalar.map((v) => ctx.denseElementsAttr(t, [v], true)),
          // One element is a splat (MLIR makes no difference; numaccl's uniquer does).
          fc.array(scalar, { minLength: n, maxLength: n }).map((vs) => ctx.denseElementsAttr(t, vs, n === 1)),
        ];
        const w = el.kind === 'float' ? (el as FloatType).width : (el as IntegerType).width;
        if (el.kind === 'integer' && [8, 16, 32, 64].includes(w)) {
          forms.push(fc.array(integerValueArbitrary(el as IntegerType), { minLength: n, maxLength: n }).map((vs) => ctx.denseElementsAttr(t, [], false, hexOfIntegers(vs, w))));
        } else if ((el as FloatType).floatKind === 'f32' || (el as FloatType).floatKind === 'f64') {
          forms.push(
            fc.array(floatValueArbitrary((el as FloatType).floatKind), { minLength: n, maxLength: n }).map((vs) => ctx.denseElementsAttr(t, [], false, hexOfFloats(vs, w as 32 | 64))),
          );
        }
        return fc.oneof(...forms);
      }),
  );

  const leaf = fc.oneof(
    { arbitrary: integer, weight: 4 },
    { arbitrary: float, weight: 3 },
    { arbitrary: string, weight: 3 },
    { arbitrary: unit, weight: 1 },
    { arbitrary: denseArray, weight: 2 },
    { arbitrary: type, weight: 2 },
    { arbitrary: symbolRef, weight: 2 },
    { arbitrary: affineMap, weight: 1 },
    { arbitrary: integerSet, weight: 1 },
    { arbitrary: denseElements, weight: 2 },
    { arbitrary: location, weight: 1 },
    { arbitrary: dialect, weight: 1 },
  );
  const keyArb = fc.oneof({ arbitrary: bareIdentifierArbitrary, weight: 4 }, { arbitrary: trickyStringArbitrary.filter((s) => s.length > 0), weight: 1 });
  const dictOf = (values: fc.Arbitrary<Attribute>): fc.Arbitrary<Attribute> =>
    fc
      .uniqueArray(fc.tuple(keyArb, values), { maxLength: 4, selector: ([k]) => k })
      .map((entries) => ctx.dictionaryAttr(entries.map(([name, value]) => ({ name, value }))));
  const level = (depth: number): { array: fc.Arbitrary<Attribute>; dictionary: fc.Arbitrary<Attribute>; any: fc.Arbitrary<Attribute> } => {
    const inner = depth >= maxDepth ? leaf : level(depth + 1).any;
    const array = wrap(fc.array(inner, { maxLength: 4 }).map((xs) => ctx.arrayAttr(xs)));
    const dictionary = wrap(dictOf(inner));
    return { array, dictionary, any: fc.oneof({ arbitrary: leaf, weight: 6 }, { arbitrary: array, weight: 1 }, { arbitrary: dictionary, weight: 1 }) };
  };
  const top = level(1);
  return { integer, float, string, unit, array: top.array, denseArray, dictionary: top.dictionary, type, symbolRef, affineMap, integerSet, denseElements, location, dialect, any: top.any, types };
}
