// resize: output size from the scale/offset/border shape operands.
import { constOf, inferFailed, inferred, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, dimOf, isRanked } from '../types.js';
import { type OpRule, list } from './common.js';

/** scale is [y_n, y_d, x_n, x_d], offset and border are [y, x]; denominators non-zero. */
function wellFormed(scale?: readonly number[], offset?: readonly number[], border?: readonly number[]): boolean {
  return !!scale && !!offset && !!border && scale.length === 4 && offset.length === 2 && border.length === 2 && scale[1] !== 0 && scale[3] !== 0;
}

function inferResize(op: InferInput): InferResult {
  const t = op.operands[0]!;
  if (!isRanked(t)) return inferFailed();
  const out: Dim[] = [dimOf(t, 0), '?', '?', dimOf(t, 3)];
  const ih = dimOf(t, 1);
  const iw = dimOf(t, 2);
  if (ih === '?' || iw === '?') return inferFailed();
  const scale = constOf(op, 1);
  const offset = constOf(op, 2);
  const border = constOf(op, 3);
  // Malformed shapes (wrong length, zero denominators) are the verifier's to report.
  if (!scale || !offset || !border || !wellFormed(scale, offset, border)) return inferFailed();
  out[1] = Math.trunc(((ih - 1) * scale[0]! - offset[0]! + border[0]!) / scale[1]!) + 1;
  out[2] = Math.trunc(((iw - 1) * scale[2]! - offset[1]! + border[1]!) / scale[3]!) + 1;
  return inferred({ shape: out });
}

function verifyResize(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const scale = op.constants?.[1];
  const offset = op.constants?.[2];
  const border = op.constants?.[3];
  if (!scale || !offset || !border) return undefined;
  if (scale.some((s) => s <= 0)) return `expect all scale values to be > 0, got ${list(scale)}`;
  if (!wellFormed(scale, offset, border)) return undefined;
  if (!isRanked(input) || !isRanked(out)) return undefined;
  const axes = [
    { name: 'height', a: 'y', i: dimOf(input, 1), o: dimOf(out, 1), n: scale[0]!, d: scale[1]!, off: offset[0]!, b: border[0]! },
    { name: 'width', a: 'x', i: dimOf(input, 2), o: dimOf(out, 2), n: scale[2]!, d: scale[3]!, off: offset[1]!, b: border[1]! },
  ];
  for (const x of axes) {
    if (x.i === '?' || x.i === 1) continue;
    const num = (x.i - 1) * x.n - x.off + x.b;
    if (num % x.d !== 0)
      return `expected (input_${x.name} - 1) * scale_${x.a}_n - offset_${x.a} + border_${x.a} to be wholly divisible by scale_${x.a}_d, got ((${x.i} - 1) * ${x.n} - ${x.off} + ${x.b}) / ${x.d}`;
    const calc = Math.trunc(num / x.d) + 1;
    if (x.o !== '?' && calc !== x.o) return `calculated output ${x.name} did not match expected: calculated=${calc}, expected=${x.o}`;
  }
  return undefined;
}

export const IMAGE_RULES: Record<string, OpRule> = {
  'tosa.resize': { infer: inferResize, verify: verifyResize },
};
