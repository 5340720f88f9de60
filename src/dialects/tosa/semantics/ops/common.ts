// Helpers shared by the per-family rules: the rule record, quoted type
// printing, element-type checks and zero-point rules as TosaOps.cpp has them.
import type { InferInput, InferResult, OpView } from '../op-view.js';
import { type AbstractType, elementOf, isFloat, isInteger, isTensor, isUniformQuant, printElement, printType, storageOf, bitWidth } from '../types.js';

export interface OpRule {
  /** inferReturnTypeComponents; absent when MLIR has none. */
  readonly infer?: (op: InferInput) => InferResult;
  /** The op's own verify() (after ODS constraints and traits); returns the first message. */
  readonly verify?: (op: OpView) => string | undefined;
}

/** Types as MLIR's diagnostics print them: in single quotes. */
export const q = (t: AbstractType | string): string => `'${typeof t === 'string' ? printElement(t) : printType(t)}'`;

const intOrFloat = (e: string): boolean => isInteger(e) || isFloat(e) || e === 'index';

/** verifySameElementTypes: int/float/uniform-quant element types must match. */
export function sameElementTypes(inType: AbstractType, outType: AbstractType): string | undefined {
  if (!isTensor(inType)) return `expect shaped tensor for input, got ${q(inType)}`;
  if (!isTensor(outType)) return `expect shaped tensor for output, got ${q(outType)}`;
  const a = inType.element;
  const b = outType.element;
  if ((intOrFloat(a) || isUniformQuant(a)) && (intOrFloat(b) || isUniformQuant(b)) && a !== b)
    return `expect input and output to have same element type, got ${q(a)} and ${q(b)}`;
  return undefined;
}

export const storageElement = (t: AbstractType): string => storageOf(elementOf(t));

/**
 * getZeroPoint: the constant value of a zero-point operand; float zero points
 * read as 0 when zero and -1 otherwise. Undefined when not a known constant.
 */
export function zeroPoint(op: OpView, index: number): number | undefined {
  const values = op.constants?.[index];
  if (!values || values.length === 0) return undefined;
  const e = elementOf(op.operands[index]!);
  const v = values[0]!;
  if (isFloat(storageOf(e))) return v === 0 ? 0 : -1;
  if (isInteger(storageOf(e))) return v;
  return -1;
}

/** verifyZeroPoint: non-zero zero points only for 8-bit integers. */
export function checkZeroPoint(op: OpView, index: number, name: string): string | undefined {
  const zp = zeroPoint(op, index);
  if (zp === undefined) return undefined;
  const e = elementOf(op.operands[index]!);
  const isInt8 = isInteger(e) && bitWidth(e) === 8;
  if (!isInt8 && zp !== 0) return `${name} zero point must be zero for non-int8 integer types`;
  return undefined;
}

export const first = (...checks: (() => string | undefined)[]): string | undefined => {
  for (const c of checks) {
    const m = c();
    if (m !== undefined) return m;
  }
  return undefined;
};

/**
 * Prefix of messages for failures MLIR 22 reports without any diagnostic
 * (its verify() returns failure() silently). Callers may print them or not.
 */
export const SILENT_FAILURE = '(mlir-opt-22 rejects this without a diagnostic) ';

/**
 * Prefix of messages MLIR emits at the op's location without the
 * `'tosa.x' op ` prefix (emitOptionalError in shape inference).
 */
export const PLAIN_ERROR = '(plain error) ';

/** MLIR prints an ArrayRef<int64_t> in diagnostics as `a, b, c`. */
export const list = (xs: readonly number[]): string => xs.join(', ');
