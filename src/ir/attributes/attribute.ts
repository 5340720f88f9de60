import type { Type } from '../types/type.js';
import type { AffineMap, IntegerSet } from './affine.js';

export type AttributeKind =
  | 'integer'
  | 'float'
  | 'string'
  | 'unit'
  | 'array'
  | 'dense_array'
  | 'dictionary'
  | 'type'
  | 'symbol_ref'
  | 'affine_map'
  | 'integer_set'
  | 'dense'
  | 'dense_string'
  | 'dense_resource'
  | 'sparse'
  | 'strided'
  | 'distinct'
  | 'dialect'
  | 'location';

/** Base of all attributes. Uniqued by their Context: compare with `===`. */
export abstract class Attribute {
  abstract readonly kind: AttributeKind;
  constructor(readonly id: number) {}
}

/** `42 : i32`, `true` (an i1 integer), `7 : index`. */
export class IntegerAttr extends Attribute {
  readonly kind = 'integer' as const;
  constructor(id: number, readonly type: Type, readonly value: bigint) {
    super(id);
  }
}

/**
 * `1.5 : f32`. `bits` keeps the exact bit pattern when the source gave one in
 * hex (NaN payloads, signalling NaNs) so it round-trips exactly.
 */
export class FloatAttr extends Attribute {
  readonly kind = 'float' as const;
  constructor(id: number, readonly type: Type, readonly value: number, readonly bits: bigint | undefined) {
    super(id);
  }
}

export class StringAttr extends Attribute {
  readonly kind = 'string' as const;
  constructor(id: number, readonly value: string, readonly type: Type | undefined) {
    super(id);
  }
}

export class UnitAttr extends Attribute {
  readonly kind = 'unit' as const;
}

export class ArrayAttr extends Attribute {
  readonly kind = 'array' as const;
  constructor(id: number, readonly elements: readonly Attribute[]) {
    super(id);
  }
}

/** `array<i64: 1, 2>`; i1 values are 0/1, floats are numbers. */
export class DenseArrayAttr extends Attribute {
  readonly kind = 'dense_array' as const;
  constructor(id: number, readonly elementType: Type, readonly values: readonly number[] | readonly bigint[]) {
    super(id);
  }
}

export interface NamedAttribute {
  readonly name: string;
  readonly value: Attribute;
}

/** Entries are sorted by name, as MLIR keeps them. */
export class DictionaryAttr extends Attribute {
  readonly kind = 'dictionary' as const;
  constructor(id: number, readonly entries: readonly NamedAttribute[]) {
    super(id);
  }
  get(name: string): Attribute | undefined {
    for (const e of this.entries) if (e.name === name) return e.value;
    return undefined;
  }
}

export class TypeAttr extends Attribute {
  readonly kind = 'type' as const;
  constructor(id: number, readonly value: Type) {
    super(id);
  }
}

/** `@root::@nested::@leaf`. */
export class SymbolRefAttr extends Attribute {
  readonly kind = 'symbol_ref' as const;
  constructor(id: number, readonly root: string, readonly nested: readonly string[]) {
    super(id);
  }
  get leaf(): string {
    return this.nested.length > 0 ? this.nested[this.nested.length - 1] : this.root;
  }
}

export class AffineMapAttr extends Attribute {
  readonly kind = 'affine_map' as const;
  constructor(id: number, readonly map: AffineMap) {
    super(id);
  }
}

export class IntegerSetAttr extends Attribute {
  readonly kind = 'integer_set' as const;
  constructor(id: number, readonly set: IntegerSet) {
    super(id);
  }
}

/** One scalar of a dense elements literal. Complex values are [re, im]. */
export type DenseScalar = bigint | number | boolean | readonly [bigint | number, bigint | number];

/**
 * `dense<...> : tensor<...>` with integer/float/complex/bool elements. Either
 * `splat` holds the one value, or `values` holds all of them in row-major
 * order; `hex` keeps a `dense<"0x...">` blob verbatim.
 */
export class DenseElementsAttr extends Attribute {
  readonly kind = 'dense' as const;
  constructor(
    id: number,
    readonly type: Type,
    readonly values: readonly DenseScalar[],
    readonly isSplat: boolean,
    readonly hex: string | undefined,
  ) {
    super(id);
  }
}

export class DenseStringElementsAttr extends Attribute {
  readonly kind = 'dense_string' as const;
  constructor(id: number, readonly type: Type, readonly values: readonly string[], readonly isSplat: boolean) {
    super(id);
  }
}

/** `dense_resource<key> : type`; the blob lives in the module's resource section. */
export class DenseResourceElementsAttr extends Attribute {
  readonly kind = 'dense_resource' as const;
  constructor(id: number, readonly type: Type, readonly handle: string) {
    super(id);
  }
}

/** `sparse<indices, values> : type`. */
export class SparseElementsAttr extends Attribute {
  readonly kind = 'sparse' as const;
  constructor(id: number, readonly type: Type, readonly indices: Attribute, readonly values: Attribute) {
    super(id);
  }
}

/** `strided<[s0, s1], offset: o>`; DYNAMIC marks `?`. */
export class StridedLayoutAttr extends Attribute {
  readonly kind = 'strided' as const;
  constructor(id: number, readonly strides: readonly number[], readonly offset: number) {
    super(id);
  }
}

/** `distinct[N]<attr>`: unique by identity, not by value. */
export class DistinctAttr extends Attribute {
  readonly kind = 'distinct' as const;
  constructor(id: number, readonly referenced: Attribute) {
    super(id);
  }
}

/**
 * `#dialect.name<...>` or `#dialect<"...">`. Registered dialects may parse
 * `params`; `body` keeps the text verbatim so unknown attributes round-trip.
 * `namespaceForm` marks `#dialect<mnemonic body>`, the form registered
 * dialects print when the body is not `<...>` (e.g. `#shard<partial max>`).
 */
export class DialectAttr extends Attribute {
  readonly kind = 'dialect' as const;
  constructor(
    id: number,
    readonly dialect: string,
    readonly mnemonic: string,
    readonly body: string,
    readonly params: readonly (Type | Attribute)[],
    /** Trailing `: type` for typed opaque attributes. */
    readonly type: Type | undefined,
    readonly namespaceForm: boolean = false,
  ) {
    super(id);
  }
}
