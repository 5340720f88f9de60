/** Shared helpers of the tensor verifiers: static index arrays, shapes, operand groups. */
import { DYNAMIC, type DenseArrayAttr, type Operation, type RankedTensorType, type Type, type Value } from '../../../ir/index.js';
import { operandGroups } from '../../../ir/assembly-format/engine/index.js';
import { K_DYNAMIC } from '../../common/dynamic-index-list.js';
import { tensorOds } from '../ods/index.js';

/** A static index array attribute as numbers, with kDynamic mapped to numaccl's DYNAMIC. */
export function staticArray(op: Operation, name: string): number[] {
  const a = op.getAttr(name);
  if (a?.kind !== 'dense_array') return [];
  return (a as DenseArrayAttr).values.map((v) => (BigInt(v) === K_DYNAMIC ? DYNAMIC : Number(v)));
}

export function isDyn(d: number): boolean {
  return d === DYNAMIC;
}

export function ranked(t: Type | undefined): RankedTensorType | undefined {
  return t?.kind === 'tensor' ? (t as RankedTensorType) : undefined;
}

/** Values of the ODS operand group `name` of a tensor op. */
export function group(op: Operation, name: string): Value[] {
  const ods = tensorOds.ops.find((o) => o.name === op.name);
  if (!ods) return [];
  const i = ods.operands.findIndex((d) => d.name === name);
  return i >= 0 ? (operandGroups(ods, op)[i] ?? []) : [];
}

export function numDynamicDims(t: RankedTensorType): number {
  return t.shape.filter(isDyn).length;
}

/** `'tensor<...>'` as MLIR diagnostics quote types. */
export type Quote = (t: Type) => string;
