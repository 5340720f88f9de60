// What the semantic rules see of an operation: types, attributes as plain JS
// values, and what is known about operands (constant values, defining op).
import type { AbstractType } from './types.js';

/** A typed scalar attribute (`3 : i32`, `2.5 : f32`); the type matters for clamp and for messages. */
export interface TypedScalar {
  readonly kind: 'int' | 'float';
  readonly value: number;
  readonly type: string;
  /** MLIR's hex spelling for non-finite floats, e.g. 0x7FC00000. */
  readonly hex?: string;
}
/** `TypeAttr`, e.g. `acc_type = f32`. */
export interface TypeValue {
  readonly kind: 'type';
  readonly type: string;
}
/** Dense elements (`dense<[1, 2]> : tensor<2xi64>`), flattened; a splat has one value. */
export interface DenseValue {
  readonly kind: 'dense';
  readonly type: AbstractType;
  readonly values: readonly number[];
  readonly splat: boolean;
}

/**
 * Attribute values. Integers and booleans are plain; dense arrays
 * (`array<i64: 1, 2>`) are number[]; enum cases (`DOUBLE_ROUND`, `PROPAGATE`)
 * and strings are strings.
 */
export type AttrValue = number | boolean | string | readonly number[] | TypedScalar | TypeValue | DenseValue;

/** Region signature seen by cond_if / while_loop rules. */
export interface RegionView {
  readonly args: readonly AbstractType[];
  /** Operand types of the terminating tosa.yield (or null when the terminator is something else). */
  readonly yields: readonly AbstractType[] | null;
}

export interface OpView {
  /** Full op name, e.g. 'tosa.add'. */
  readonly name: string;
  readonly operands: readonly AbstractType[];
  readonly results: readonly AbstractType[];
  readonly attrs: Readonly<Record<string, AttrValue | undefined>>;
  /** Known constant values per operand (from tosa.const / tosa.const_shape), flattened. */
  readonly constants?: readonly (readonly number[] | undefined)[];
  /** Name of the op defining each operand (undefined for block arguments). */
  readonly definingOps?: readonly (string | undefined)[];
  readonly regions?: readonly RegionView[];
}

/** Inputs to shape inference: the op without its results. */
export type InferInput = Omit<OpView, 'results'>;

/** A result as MLIR's ShapedTypeComponents: shape (null = unranked) and, if known, element type. */
export interface ResultComponents {
  readonly shape: readonly import('./types.js').Dim[] | null;
  readonly element?: string;
  /** For shape-typed results. */
  readonly shapeRank?: number;
}

export type InferResult =
  | { readonly ok: true; readonly results: readonly ResultComponents[] }
  | { readonly ok: false; readonly message: string };

export const inferred = (...results: ResultComponents[]): InferResult => ({ ok: true, results });
export const inferFailed = (message = 'failed to infer returned types'): InferResult => ({ ok: false, message });

export const intAttr = (op: InferInput, name: string): number | undefined => {
  const v = op.attrs[name];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v && typeof v === 'object' && 'kind' in v && (v.kind === 'int' || v.kind === 'float')) return v.value;
  return undefined;
};
export const arrayAttr = (op: InferInput, name: string): readonly number[] => {
  const v = op.attrs[name];
  return Array.isArray(v) ? (v as readonly number[]) : [];
};
export const boolAttr = (op: InferInput, name: string): boolean => {
  const v = op.attrs[name];
  return v === true || (typeof v === 'object' && v !== null && 'value' in v && v.value === 1);
};
export const typeAttr = (op: InferInput, name: string): string | undefined => {
  const v = op.attrs[name];
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'type') return v.type;
  return typeof v === 'string' ? v : undefined;
};
export const constOf = (op: InferInput, i: number): readonly number[] | undefined => op.constants?.[i];
