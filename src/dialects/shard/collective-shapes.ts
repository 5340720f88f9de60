// Shape rules of shard's collectives (ShardOps.cpp): the result dims a
// gather/all_to_all/scatter/slice implies from the operand and the size of the
// device group, with MLIR's messages. Sizes are numbers, `null` when dynamic.
import { DYNAMIC, type Type } from '../../ir/index.js';
import { K_DYNAMIC } from '../common/dynamic-index-list.js';

export type Size = number | null;

/** Why a check failed, or undefined. */
export type Check = string | undefined;

export const mul = (a: Size, b: Size): Size => (a === null || b === null ? null : a * b);
export const div = (a: Size, b: Size): Size => (a === null || b === null ? null : Math.trunc(a / b));

/** Dims of a shaped type, null for `?`; [] for anything unranked. */
export function dimsOf(t: Type): Size[] {
  const shape = (t as unknown as { shape?: readonly number[] }).shape;
  return shape ? shape.map((d) => (d === DYNAMIC ? null : d)) : [];
}

/** An i64 array entry, null for MLIR's kDynamic. */
export function staticOrNull(v: number | bigint): Size {
  return BigInt(v) === K_DYNAMIC ? null : Number(v);
}

/** Product of the grid's sizes along `axes` (1 for none), null when one is dynamic. */
export function groupSize(axes: readonly number[], gridShape: readonly Size[]): Size {
  let size: Size = 1;
  for (const a of axes) size = mul(size, gridShape[a] ?? null);
  return size;
}

export function dimensionCompatible(expected: Size, actual: Size, axis: number): Check {
  if (actual !== null && expected !== actual) {
    return `Dimension size mismatch for result axis ${axis}. Expected ${expected === null ? 'dynamic' : expected}, but got ${actual}.`;
  }
  return undefined;
}

export function gatherShapes(operand: readonly Size[], result: readonly Size[], gatherAxis: number, group: Size): Check {
  if (gatherAxis < 0 || gatherAxis >= result.length) return `Gather axis ${gatherAxis} is out of bounds [0, ${result.length}).`;
  for (let axis = 0; axis < operand.length; axis++) {
    const expected = axis === gatherAxis ? mul(group, operand[axis]) : operand[axis];
    const m = dimensionCompatible(expected, result[axis] ?? null, axis);
    if (m) return m;
  }
  return undefined;
}

export function allToAllShapes(operand: readonly Size[], result: readonly Size[], split: number, concat: number, group: Size): Check {
  for (let axis = 0; axis < operand.length; axis++) {
    if ((axis !== split && axis !== concat) || split === concat) {
      const m = dimensionCompatible(operand[axis], result[axis] ?? null, axis);
      if (m) return m;
    }
  }
  if (split === concat) return undefined;
  const splitSize = operand[split] ?? null;
  let expectedSplit = div(splitSize, group);
  if (expectedSplit !== null && (splitSize as number) % (group as number) !== 0) expectedSplit = null;
  return (
    dimensionCompatible(mul(operand[concat] ?? null, group), result[concat] ?? null, concat) ??
    dimensionCompatible(expectedSplit, result[split] ?? null, split)
  );
}

export function scatterOrSliceShapes(operand: readonly Size[], result: readonly Size[], tensorAxis: number, group: Size): Check {
  for (let axis = 0; axis < operand.length; axis++) {
    if (axis === tensorAxis) continue;
    const m = dimensionCompatible(operand[axis], result[axis] ?? null, axis);
    if (m) return m;
  }
  const size = operand[tensorAxis] ?? null;
  if (size !== null && group !== null && size % group !== 0) {
    return `Operand dimension size ${size} is not divisible by collective device group size ${group} for tensor axis ${tensorAxis}.`;
  }
  return dimensionCompatible(div(size, group), result[tensorAxis] ?? null, tensorAxis);
}

/** A device index within the group (`root`, `source`, `destination`): one coordinate per grid axis, each in range. */
export function inGroupDevice(name: string, device: readonly Size[], axes: readonly number[], gridShape: readonly Size[]): Check {
  if (device.length !== axes.length) {
    return `In-group device "${name}" has unexpected multi-index size ${device.length}. Expected ${axes.length}.`;
  }
  for (let i = 0; i < device.length; i++) {
    const d = device[i];
    const extent = gridShape[axes[i]] ?? null;
    if (d !== null && extent !== null && extent <= d) {
      return `Out of bounds coordinate ${i} for in-group device "${name}". Got ${d}, but expected value in the range [0, ${extent - 1}].`;
    }
  }
  return undefined;
}
