import type { Attribute } from '../attributes/attribute.js';

/** Discriminant of every type numaccl models structurally. */
export type TypeKind =
  | 'integer'
  | 'index'
  | 'float'
  | 'none'
  | 'complex'
  | 'tensor'
  | 'unranked_tensor'
  | 'memref'
  | 'unranked_memref'
  | 'vector'
  | 'tuple'
  | 'function'
  | 'dialect';

/** Base of all types. Instances are uniqued by their Context: compare with `===`. */
export abstract class Type {
  abstract readonly kind: TypeKind;
  constructor(readonly id: number) {}
}

export type Signedness = 'signless' | 'signed' | 'unsigned';

export class IntegerType extends Type {
  readonly kind = 'integer' as const;
  constructor(id: number, readonly width: number, readonly signedness: Signedness) {
    super(id);
  }
  get isSignless(): boolean {
    return this.signedness === 'signless';
  }
}

export class IndexType extends Type {
  readonly kind = 'index' as const;
}

/** The float kinds MLIR 22 has; the f8/f6/f4 variants are kept as named kinds. */
export const FLOAT_KINDS = [
  'f16', 'bf16', 'f32', 'f64', 'f80', 'f128', 'tf32',
  'f4E2M1FN', 'f6E2M3FN', 'f6E3M2FN', 'f8E5M2', 'f8E4M3', 'f8E4M3FN', 'f8E5M2FNUZ',
  'f8E4M3FNUZ', 'f8E4M3B11FNUZ', 'f8E3M4', 'f8E8M0FNU',
] as const;
export type FloatKind = (typeof FLOAT_KINDS)[number];

const FLOAT_WIDTH: Record<FloatKind, number> = {
  f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128, tf32: 19,
  f4E2M1FN: 4, f6E2M3FN: 6, f6E3M2FN: 6, f8E5M2: 8, f8E4M3: 8, f8E4M3FN: 8, f8E5M2FNUZ: 8,
  f8E4M3FNUZ: 8, f8E4M3B11FNUZ: 8, f8E3M4: 8, f8E8M0FNU: 8,
};

export class FloatType extends Type {
  readonly kind = 'float' as const;
  constructor(id: number, readonly floatKind: FloatKind) {
    super(id);
  }
  get width(): number {
    return FLOAT_WIDTH[this.floatKind];
  }
}

export class NoneType extends Type {
  readonly kind = 'none' as const;
}

export class ComplexType extends Type {
  readonly kind = 'complex' as const;
  constructor(id: number, readonly elementType: Type) {
    super(id);
  }
}

/** Marker for a dynamic dimension (`?`), as MLIR's ShapedType::kDynamic. */
export const DYNAMIC = Number.MIN_SAFE_INTEGER;

export class RankedTensorType extends Type {
  readonly kind = 'tensor' as const;
  constructor(id: number, readonly shape: readonly number[], readonly elementType: Type, readonly encoding: Attribute | undefined) {
    super(id);
  }
}

export class UnrankedTensorType extends Type {
  readonly kind = 'unranked_tensor' as const;
  constructor(id: number, readonly elementType: Type) {
    super(id);
  }
}

export class MemRefType extends Type {
  readonly kind = 'memref' as const;
  constructor(
    id: number,
    readonly shape: readonly number[],
    readonly elementType: Type,
    readonly layout: Attribute | undefined,
    readonly memorySpace: Attribute | undefined,
  ) {
    super(id);
  }
}

export class UnrankedMemRefType extends Type {
  readonly kind = 'unranked_memref' as const;
  constructor(id: number, readonly elementType: Type, readonly memorySpace: Attribute | undefined) {
    super(id);
  }
}

export class VectorType extends Type {
  readonly kind = 'vector' as const;
  constructor(id: number, readonly shape: readonly number[], readonly elementType: Type, readonly scalableDims: readonly boolean[]) {
    super(id);
  }
}

export class TupleType extends Type {
  readonly kind = 'tuple' as const;
  constructor(id: number, readonly types: readonly Type[]) {
    super(id);
  }
}

export class FunctionType extends Type {
  readonly kind = 'function' as const;
  constructor(id: number, readonly inputs: readonly Type[], readonly results: readonly Type[]) {
    super(id);
  }
}

/**
 * A dialect type `!dialect.name<...>` or `!dialect<"...">`. Registered
 * dialects may parse `params` structurally; otherwise `body` keeps the text
 * verbatim so unknown types round-trip.
 */
export class DialectType extends Type {
  readonly kind = 'dialect' as const;
  constructor(
    id: number,
    readonly dialect: string,
    /** Mnemonic for the pretty form (`!d.m<..>`), or '' for the opaque form `!d<"...">`. */
    readonly mnemonic: string,
    /** Text between the angle brackets, verbatim ('' when there are none). */
    readonly body: string,
    /** Structured parameters when the owning dialect defines the type. */
    readonly params: readonly (Type | Attribute)[],
  ) {
    super(id);
  }
}

export type ShapedType = RankedTensorType | UnrankedTensorType | MemRefType | UnrankedMemRefType | VectorType;

export function isShaped(t: Type): t is ShapedType {
  return t.kind === 'tensor' || t.kind === 'unranked_tensor' || t.kind === 'memref' || t.kind === 'unranked_memref' || t.kind === 'vector';
}

export function isRanked(t: Type): t is RankedTensorType | MemRefType | VectorType {
  return t.kind === 'tensor' || t.kind === 'memref' || t.kind === 'vector';
}

/** Element type of a shaped type, the type itself otherwise (MLIR's getElementTypeOrSelf). */
export function elementTypeOrSelf(t: Type): Type {
  return isShaped(t) ? t.elementType : t;
}

export function hasStaticShape(t: Type): boolean {
  return isRanked(t) && t.shape.every((d) => d !== DYNAMIC);
}

export function numElements(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
