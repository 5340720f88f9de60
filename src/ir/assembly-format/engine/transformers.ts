import type { Context } from '../../core/context.js';
import { elementTypeOrSelf, isShaped, numElements, type FunctionType, type RankedTensorType, type Type, type VectorType } from '../../types/type.js';

/**
 * The C++ type transformers ODS `TypesMatchWith` traits use, as TypeScript.
 * Unknown transformers yield undefined (the caller reports the type as not inferable).
 */
export function applyTransformer(ctx: Context, transformer: string, t: Type): Type[] | undefined {
  const text = transformer.replace(/\s+/g, '');
  if (text === '$_self') return [t];
  if (text === '::getI1SameShape($_self)') {
    const i1 = ctx.integerType(1);
    if (t.kind === 'tensor') return [ctx.tensorType((t as RankedTensorType).shape, i1, (t as RankedTensorType).encoding)];
    if (t.kind === 'unranked_tensor') return [ctx.unrankedTensorType(i1)];
    if (t.kind === 'vector') {
      const vt = t as VectorType;
      return [ctx.vectorType(vt.shape, i1, vt.scalableDims)];
    }
    return [i1];
  }
  if (/getInputs\(\)$/.test(text) && t.kind === 'function') return [...(t as FunctionType).inputs];
  if (/getResults\(\)$/.test(text) && t.kind === 'function') return [...(t as FunctionType).results];
  if (/^SmallVector<Type,\d+>\(.*getNumElements\(\),.*getElementType\(\)\)$/.test(text) && t.kind === 'tensor') {
    const rt = t as RankedTensorType;
    if (rt.shape.some((d) => d < 0)) return undefined; // dynamic: no element count to derive
    return Array.from({ length: numElements(rt.shape) }, () => rt.elementType);
  }
  if (/getElementType\(\)$/.test(text) && isShaped(t)) return [elementTypeOrSelf(t)];
  return undefined;
}

/** Does the transformer build a list of types (one per value) rather than one type for all? */
export function transformerYieldsList(transformer: string): boolean {
  const text = transformer.replace(/\s+/g, '');
  return /^SmallVector</.test(text) || /getInputs\(\)$/.test(text) || /getResults\(\)$/.test(text);
}
