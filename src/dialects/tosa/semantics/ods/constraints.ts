// JS predicates for the ODS type and attribute constraints used by TOSA ops,
// keyed like the generated table. Each mirrors the C++ predicate of the def
// with the same name in TosaTypesBase.td / OpBase.td.
import {
  type AbstractType, isFloat, isQuant, isMxInt8, isSignlessInteger, isUnsignedInteger, quantStorageWidth, bitWidth,
} from '../types.js';
import type { AttrValue } from '../op-view.js';

type ElemPred = (e: string) => boolean;

const tosaInt: ElemPred = (e) => isSignlessInteger(e) || isUnsignedInteger(e);
const tosaQuantInt: ElemPred = (e) => isQuant(e) && [4, 8, 16, 32].includes(quantStorageWidth(e));
const anyNumber: ElemPred = (e) => tosaInt(e) || tosaQuantInt(e) || isFloat(e) || isMxInt8(e);
const intOrFloat: ElemPred = (e) => tosaInt(e) || isFloat(e);
const exactly = (...names: string[]): ElemPred => (e) => names.includes(e);
const mxfpNumber: ElemPred = (e) => ['f8E4M3FN', 'f8E5M2', 'f4E2M1FN', 'f6E2M3FN', 'f6E3M2FN', '!tosa.mxint8'].includes(e);
const mxfpScale: ElemPred = exactly('f8E8M0FNU');

const noZeroDims = (t: AbstractType): boolean => t.kind === 'tensor' && (t.shape === null || t.shape.every((d) => d !== 0));
/** TosaTensorOf: a tensor whose ranked form has no 0 dims. */
const conformant = (p: ElemPred) => (t: AbstractType): boolean => t.kind === 'tensor' && noZeroDims(t) && p(t.element);
const unranked = (p: ElemPred) => (t: AbstractType): boolean => t.kind === 'tensor' && t.shape === null && p(t.element);
const rankedOf = (p: ElemPred, ranks?: readonly number[]) => (t: AbstractType): boolean =>
  t.kind === 'tensor' && t.shape !== null && noZeroDims(t) && p(t.element) && (ranks === undefined || ranks.includes(t.shape.length));
/** 1DTensorOf (plain RankedTensorOf, no 0-dim rule). */
const oneD = (p: ElemPred) => (t: AbstractType): boolean => t.kind === 'tensor' && t.shape !== null && t.shape.length === 1 && p(t.element);
const scalarTensor = (p: ElemPred) => (t: AbstractType): boolean =>
  t.kind === 'tensor' && t.shape !== null && t.shape.length === 1 && t.shape.every((d) => d === 1) && p(t.element);
const or = (...ps: ((t: AbstractType) => boolean)[]) => (t: AbstractType): boolean => ps.some((p) => p(t));
const atLeast1D = (p: ElemPred) => or(unranked(p), (t) => rankedOf(p)(t) && t.kind === 'tensor' && (t.shape?.length ?? 0) >= 1);
const rankN = (n: number, p: ElemPred = anyNumber) => or(unranked(anyNumber), rankedOf(p, [n]));
/** Tosa_TypeLike: scalar, non-0-rank vector or conformant tensor of the element predicate. */
const typeLike = (p: ElemPred) => (t: AbstractType): boolean => {
  if (t.kind === 'tensor') return conformant(p)(t);
  if (t.kind !== 'other') return false;
  const vec = /^vector<((?:\d+x)+)(.+)>$/.exec(t.text);
  return vec ? p(vec[2]!) : p(t.text);
};

export const TYPE_CONSTRAINTS: Readonly<Record<string, (t: AbstractType) => boolean>> = {
  Tosa_Tensor: conformant(anyNumber),
  Tosa_TensorAtLeast1D: atLeast1D(anyNumber),
  Tosa_Tensor1D: rankN(1),
  Tosa_Tensor3D: rankN(3),
  Tosa_Tensor4D: rankN(4),
  Tosa_Tensor5D: rankN(5),
  Tosa_I1Tensor: conformant(exactly('i1')),
  Tosa_Int32Tensor: conformant(exactly('i32')),
  Tosa_Int32Or64Tensor: conformant(exactly('i32', 'i64')),
  Tosa_FloatTensor: conformant(isFloat),
  Tosa_ScalarIntOrFloatTensor: or(unranked(intOrFloat), scalarTensor(intOrFloat)),
  Tosa_ScalarTensor: or(unranked(intOrFloat), scalarTensor(anyNumber)),
  Tosa_ScalarInt8Tensor: or(unranked(exactly('i8')), scalarTensor(exactly('i8'))),
  Tosa_ScalarInt32Tensor: or(unranked(exactly('i32')), scalarTensor(exactly('i32'))),
  Tosa_IndexTensor2D: or(unranked(anyNumber), rankedOf(exactly('i32', 'i64'), [2])),
  Tosa_1DInt8Tensor: oneD(exactly('i8')),
  Tosa_1DInt16Or32Tensor: oneD(exactly('i16', 'i32')),
  Tosa_MXFPDataTensor3D: or(unranked(mxfpNumber), rankedOf(mxfpNumber, [3])),
  Tosa_MXFPScaleTensor3D: or(unranked(mxfpScale), rankedOf(mxfpScale, [3])),
  Tosa_MXFPDataTensorAtLeast1D: atLeast1D(mxfpNumber),
  Tosa_MXFPScaleTensorAtLeast1D: atLeast1D(mxfpScale),
  Tosa_Shape: (t) => t.kind === 'shape',
  Rank1TosaShape: (t) => t.kind === 'shape' && t.rank === 1,
  Rank2TosaShape: (t) => t.kind === 'shape' && t.rank === 2,
  Rank4TosaShape: (t) => t.kind === 'shape' && t.rank === 4,
  Tosa_IntLike: typeLike(tosaInt),
  Tosa_Int8Like: typeLike(exactly('i8')),
};

export function checkType(constraint: string, t: AbstractType): boolean {
  const inner = /^(?:Variadic|Optional)<(.+)>$/.exec(constraint);
  const pred = TYPE_CONSTRAINTS[inner ? inner[1]! : constraint];
  return pred === undefined ? true : pred(t);
}

const isTyped = (v: AttrValue | undefined, kind: 'int' | 'float'): boolean =>
  typeof v === 'object' && v !== null && 'kind' in v && v.kind === kind;

/** Attribute constraints; unknown keys accept anything. */
export function checkAttr(constraint: string, v: AttrValue): boolean {
  const count = /^Tosa_IntArrayAttr(\d)$/.exec(constraint);
  if (count) return Array.isArray(v) && v.length === Number(count[1]);
  const upto = /^Tosa_IntArrayAttrUpto(\d)$/.exec(constraint);
  if (upto) return Array.isArray(v) && v.length <= Number(upto[1]);
  switch (constraint) {
    case 'I32Attr':
      return typeof v === 'number' || (isTyped(v, 'int') && (v as { type: string }).type === 'i32');
    case 'BoolAttr':
      return typeof v === 'boolean';
    case 'DenseI32ArrayAttr':
    case 'DenseI64ArrayAttr':
      return Array.isArray(v);
    case 'Tosa_IntOrFloatAttr':
      return typeof v === 'number' || typeof v === 'boolean' || isTyped(v, 'int') || isTyped(v, 'float');
    case 'IndexElementsAttr':
      return typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'dense' && v.type.kind === 'tensor' && v.type.element === 'index';
    case 'ElementsAttr':
      return typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'dense';
    case 'StrAttr':
    case 'SymbolNameAttr':
      return typeof v === 'string';
    default:
      if (constraint.startsWith('TypeAttrOf:')) {
        const t = typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'type' ? v.type : undefined;
        return t === undefined || ['i32', 'i48', 'f16', 'f32'].includes(t);
      }
      return true;
  }
}

export { bitWidth };
