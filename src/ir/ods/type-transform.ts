/**
 * The C++ `transformer` of `TypesMatchWith<..., lhs, rhs, transformer>`
 * (the rhs type is `transformer(lhs type)`), translated to a small AST so
 * the format machinery can derive elided types. No runtime imports: the
 * generator loads this file directly with Node's type stripping.
 */
export type TypeTransform =
  | { readonly kind: 'identity' }
  /** Element type of a shaped type (`cast<TensorType>($_self).getElementType()`). */
  | { readonly kind: 'elementType' }
  /** `i1` for scalars, or the same shape with `i1` elements (arith.cmpi/cmpf results). */
  | { readonly kind: 'i1SameShape' }
  /** The input or result types of a function type (func.call_indirect). */
  | { readonly kind: 'functionInputs' }
  | { readonly kind: 'functionResults' }
  /** As many copies of the element type as the ranked tensor has elements (tensor.from_elements). */
  | { readonly kind: 'elementTypePerElement' }
  | { readonly kind: 'unknown'; readonly cpp: string };

export function translateTypeTransform(cpp: string): TypeTransform {
  const s = cpp.replace(/::(llvm|mlir)::/g, '').replace(/\b(llvm|mlir)::/g, '').replace(/\s+/g, '');
  if (s === '$_self') return { kind: 'identity' };
  if (/^cast<(?:TensorType|MemRefType|ShapedType|RankedTensorType|VectorType)>\(\$_self\)\.getElementType\(\)$/.test(s))
    return { kind: 'elementType' };
  if (s.replace(/^::/, '') === 'getI1SameShape($_self)') return { kind: 'i1SameShape' };
  if (s === 'cast<FunctionType>($_self).getInputs()') return { kind: 'functionInputs' };
  if (s === 'cast<FunctionType>($_self).getResults()') return { kind: 'functionResults' };
  if (s === 'SmallVector<Type,2>(cast<RankedTensorType>($_self).getNumElements(),cast<RankedTensorType>($_self).getElementType())')
    return { kind: 'elementTypePerElement' };
  return { kind: 'unknown', cpp };
}
