/**
 * `isa<Class>` for numaccl IR objects: the builtin C++ classes ODS predicates
 * name, plus dialect classes resolved through a `ClassTable`.
 */
import {
  Attribute,
  DenseArrayAttr,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  DenseStringElementsAttr,
  DialectAttr,
  FloatAttr,
  IntegerAttr,
  SparseElementsAttr,
  StringAttr,
} from '../attributes/attribute.js';
import { DialectType, IntegerType, type Type, isShaped } from '../types/type.js';
import type { ClassTable } from './class-table.js';
import type { Truth } from './evaluate.js';

export function isI1(t: Type): boolean {
  return t instanceof IntegerType && t.width === 1;
}

/** Type of a typed attribute (IntegerAttr, FloatAttr, elements, typed strings). */
export function attrType(a: Attribute): Type | undefined {
  if (
    a instanceof IntegerAttr ||
    a instanceof FloatAttr ||
    a instanceof DenseElementsAttr ||
    a instanceof DenseStringElementsAttr ||
    a instanceof DenseResourceElementsAttr ||
    a instanceof SparseElementsAttr ||
    a instanceof DialectAttr
  )
    return a.type;
  if (a instanceof StringAttr) return a.type;
  return undefined;
}

export function isaType(cls: string, t: Type, classes: ClassTable | undefined): Truth {
  switch (cls) {
    case 'Type':
      return true;
    case 'TensorType':
    case 'bufferization::TensorLikeType':
      return t.kind === 'tensor' || t.kind === 'unranked_tensor';
    case 'RankedTensorType':
      return t.kind === 'tensor';
    case 'UnrankedTensorType':
      return t.kind === 'unranked_tensor';
    case 'MemRefType':
      return t.kind === 'memref';
    case 'UnrankedMemRefType':
      return t.kind === 'unranked_memref';
    case 'BaseMemRefType':
    case 'bufferization::BufferLikeType':
      return t.kind === 'memref' || t.kind === 'unranked_memref';
    case 'ShapedType':
      return isShaped(t);
    case 'VectorType':
      return t.kind === 'vector';
    case 'FixedVectorType':
    case 'ScalableVectorType': {
      if (t.kind !== 'vector') return false;
      const scalable = (t as Type & { scalableDims: readonly boolean[] }).scalableDims.some((x) => x);
      return cls === 'ScalableVectorType' ? scalable : !scalable;
    }
    case 'FloatType':
      return t.kind === 'float';
    case 'TupleType':
      return t.kind === 'tuple';
    case 'FunctionType':
      return t.kind === 'function';
    case 'ComplexType':
      return t.kind === 'complex';
    case 'NoneType':
      return t.kind === 'none';
    case 'OpaqueType':
      return t instanceof DialectType && t.mnemonic === '';
    case 'quant::QuantizedType':
      return t instanceof DialectType && t.dialect === 'quant';
    default: {
      const c = classes?.get(cls);
      if (!c) return 'unknown';
      return c.kind === 'dialectType' && t instanceof DialectType && t.dialect === c.dialect && t.mnemonic === c.mnemonic;
    }
  }
}

const DENSE_ARRAY_ELEMENTS: Readonly<Record<string, (t: Type) => boolean>> = {
  DenseBoolArrayAttr: isI1,
  DenseI8ArrayAttr: (t) => t instanceof IntegerType && t.width === 8,
  DenseI16ArrayAttr: (t) => t instanceof IntegerType && t.width === 16,
  DenseI32ArrayAttr: (t) => t instanceof IntegerType && t.width === 32,
  DenseI64ArrayAttr: (t) => t instanceof IntegerType && t.width === 64,
  DenseF32ArrayAttr: (t) => t.kind === 'float' && (t as Type & { floatKind: string }).floatKind === 'f32',
  DenseF64ArrayAttr: (t) => t.kind === 'float' && (t as Type & { floatKind: string }).floatKind === 'f64',
};

function elementTypeOf(a: Attribute): Type | undefined {
  const t = attrType(a);
  return t && isShaped(t) ? t.elementType : undefined;
}

export function isaAttr(cls: string, a: Attribute, classes: ClassTable | undefined): Truth {
  if (cls in DENSE_ARRAY_ELEMENTS) return a instanceof DenseArrayAttr && DENSE_ARRAY_ELEMENTS[cls](a.elementType);
  switch (cls) {
    case 'Attribute':
      return true;
    case 'IntegerAttr':
      return a.kind === 'integer';
    case 'BoolAttr':
      return a instanceof IntegerAttr && isI1(a.type);
    case 'FloatAttr':
      return a.kind === 'float';
    case 'StringAttr':
      return a.kind === 'string';
    case 'UnitAttr':
      return a.kind === 'unit';
    case 'ArrayAttr':
      return a.kind === 'array';
    case 'DictionaryAttr':
      return a.kind === 'dictionary';
    case 'TypeAttr':
      return a.kind === 'type';
    case 'SymbolRefAttr':
      return a.kind === 'symbol_ref';
    case 'FlatSymbolRefAttr':
      return a.kind === 'symbol_ref' && (a as Attribute & { nested: readonly string[] }).nested.length === 0;
    case 'AffineMapAttr':
      return a.kind === 'affine_map';
    case 'IntegerSetAttr':
      return a.kind === 'integer_set';
    case 'DenseArrayAttr':
      return a.kind === 'dense_array';
    case 'ElementsAttr':
      return a.kind === 'dense' || a.kind === 'dense_string' || a.kind === 'dense_resource' || a.kind === 'sparse';
    case 'DenseElementsAttr':
      return a.kind === 'dense' || a.kind === 'dense_string';
    case 'DenseIntElementsAttr': {
      const e = a.kind === 'dense' ? elementTypeOf(a) : undefined;
      return !!e && (e.kind === 'integer' || e.kind === 'index');
    }
    case 'DenseFPElementsAttr': {
      const e = a.kind === 'dense' ? elementTypeOf(a) : undefined;
      return !!e && e.kind === 'float';
    }
    case 'DenseStringElementsAttr':
      return a.kind === 'dense_string';
    case 'DenseResourceElementsAttr':
      return a.kind === 'dense_resource';
    case 'TypedAttr':
      // StringAttr is always typed in MLIR (NoneType when no type is written).
      return attrType(a) !== undefined || a instanceof StringAttr;
    case 'LocationAttr':
      return a.kind === 'location';
    case 'MemRefLayoutAttrInterface':
      return a.kind === 'affine_map' || a.kind === 'strided';
    default: {
      const c = classes?.get(cls);
      if (!c) return 'unknown';
      if (c.kind === 'intEnum')
        return (
          a instanceof IntegerAttr &&
          a.type instanceof IntegerType &&
          a.type.width === c.width &&
          c.values.some((v) => BigInt(v) === a.value)
        );
      return c.kind === 'dialectAttr' && a instanceof DialectAttr && a.dialect === c.dialect && a.mnemonic === c.mnemonic;
    }
  }
}
