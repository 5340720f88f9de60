import type { OdsOp, OdsValue } from '../../ods/index.js';
import type { Operation } from '../../core/operation.js';
import type { Value } from '../../core/value.js';
import type { DenseArrayAttr } from '../../attributes/attribute.js';

const traitSets = new WeakMap<OdsOp, ReadonlySet<string>>();

export function hasTrait(ods: OdsOp, name: string): boolean {
  let set = traitSets.get(ods);
  if (!set) {
    set = new Set(ods.traits.filter((t) => t.kind === 'native' || t.kind === 'internal' || t.kind === 'param').map((t) => (t as { name: string }).name));
    traitSets.set(ods, set);
  }
  return set.has(name);
}

/**
 * Split `count` values over the ODS declarations: segment sizes when the op
 * has AttrSized*Segments, else the single variadic takes the rest, else equal
 * variadic sizes (SameVariadic*Size) as ODS defines it.
 */
export function segmentSizes(decls: readonly OdsValue[], count: number, segments: readonly number[] | undefined): number[] {
  if (segments && segments.length === decls.length) return [...segments];
  const variadic = decls.filter((d) => d.kind !== 'single').length;
  if (variadic === 0) return decls.map(() => 1);
  const fixed = decls.length - variadic;
  const each = Math.max(0, Math.floor((count - fixed) / variadic));
  return decls.map((d) => (d.kind === 'single' ? 1 : each));
}

function segmentAttr(op: Operation, name: string): number[] | undefined {
  const a = op.getAttr(name);
  if (a?.kind !== 'dense_array') return undefined;
  return (a as DenseArrayAttr).values.map((v) => Number(v));
}

/** Operands grouped per ODS operand declaration. */
export function operandGroups(ods: OdsOp, op: Operation): Value[][] {
  return split(op.operands, segmentSizes(ods.operands, op.numOperands, hasTrait(ods, 'AttrSizedOperandSegments') ? segmentAttr(op, 'operandSegmentSizes') : undefined));
}

/** Results grouped per ODS result declaration. */
export function resultGroups(ods: OdsOp, op: Operation): Value[][] {
  return split(op.results, segmentSizes(ods.results, op.results.length, hasTrait(ods, 'AttrSizedResultSegments') ? segmentAttr(op, 'resultSegmentSizes') : undefined));
}

function split<T>(values: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(values.slice(i, i + n));
    i += n;
  }
  return out;
}
