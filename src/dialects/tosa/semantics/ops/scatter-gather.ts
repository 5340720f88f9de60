// gather (values [N,K,C], indices [N,W] -> [N,W,C]) and scatter.
import { inferred, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, dimOf, isRanked } from '../types.js';
import { type OpRule, sameElementTypes } from './common.js';

function inferGather(op: InferInput): InferResult {
  const values = op.operands[0]!;
  const indices = op.operands[1]!;
  const out: Dim[] = ['?', '?', '?'];
  if (isRanked(values)) {
    out[0] = dimOf(values, 0);
    out[2] = dimOf(values, 2);
  }
  if (isRanked(indices)) {
    if (out[0] === '?') out[0] = dimOf(indices, 0);
    if (out[1] === '?') out[1] = dimOf(indices, 1);
  }
  return inferred({ shape: out });
}

const mismatch = (what: string, i: number, want: Dim, got: Dim): string | undefined =>
  want !== '?' && got !== '?' && want !== got ? `requires ${what} dimension ${i} to have size ${want}, got ${got}` : undefined;

function verifyGather(op: OpView): string | undefined {
  const m = sameElementTypes(op.operands[0]!, op.results[0]!);
  if (m) return m;
  const values = op.operands[0]!;
  const indices = op.operands[1]!;
  const out = op.results[0]!;
  let n: Dim = '?';
  let w: Dim = '?';
  let c: Dim = '?';
  if (isRanked(values)) {
    n = dimOf(values, 0);
    c = dimOf(values, 2);
  }
  if (isRanked(indices)) {
    const iN = dimOf(indices, 0);
    w = dimOf(indices, 1);
    if (n === '?') n = iN;
    else {
      const e = mismatch('indices', 0, n, iN);
      if (e) return e;
    }
  }
  if (isRanked(out)) {
    return mismatch('output', 0, n, dimOf(out, 0)) ?? mismatch('output', 1, w, dimOf(out, 1)) ?? mismatch('output', 2, c, dimOf(out, 2));
  }
  return undefined;
}

function inferScatter(op: InferInput): InferResult {
  const valuesIn = op.operands[0]!;
  const indices = op.operands[1]!;
  const input = op.operands[2]!;
  const out: Dim[] = ['?', '?', '?'];
  if (isRanked(valuesIn)) for (let i = 0; i < 3; i++) out[i] = dimOf(valuesIn, i);
  if (isRanked(indices) && out[0] === '?') out[0] = dimOf(indices, 0);
  if (isRanked(input)) {
    if (out[0] === '?') out[0] = dimOf(input, 0);
    if (out[2] === '?') out[2] = dimOf(input, 2);
  }
  return inferred({ shape: out });
}

function verifyScatter(op: OpView): string | undefined {
  const [valuesIn, indices, input] = [op.operands[0]!, op.operands[1]!, op.operands[2]!];
  const out = op.results[0]!;
  const m = sameElementTypes(valuesIn, out) ?? sameElementTypes(input, out);
  if (m) return m;
  let n: Dim = '?';
  let k: Dim = '?';
  let w: Dim = '?';
  let c: Dim = '?';
  if (isRanked(valuesIn)) [n, k, c] = [dimOf(valuesIn, 0), dimOf(valuesIn, 1), dimOf(valuesIn, 2)];
  if (isRanked(indices)) {
    const iN = dimOf(indices, 0);
    w = dimOf(indices, 1);
    if (n === '?') n = iN;
    else {
      const e = mismatch('indices', 0, n, iN);
      if (e) return e;
    }
  }
  if (isRanked(input)) {
    const [iN, iW, iC] = [dimOf(input, 0), dimOf(input, 1), dimOf(input, 2)];
    const e = mismatch('input', 0, n, iN);
    if (e) return e;
    if (n === '?') n = iN;
    const e1 = mismatch('input', 1, w, iW);
    if (e1) return e1;
    if (w === '?') w = iW;
    const e2 = mismatch('input', 2, c, iC);
    if (e2) return e2;
    if (c === '?') c = iC;
  }
  if (isRanked(out)) {
    const e = mismatch('values_out', 0, n, dimOf(out, 0)) ?? mismatch('values_out', 1, k, dimOf(out, 1)) ?? mismatch('values_out', 2, c, dimOf(out, 2));
    if (e) return e;
    // A dynamic K in values_in is taken from values_out for the K >= W rule.
    if (k === '?') k = dimOf(out, 1);
  }
  if (k !== '?' && w !== '?' && k < w) return `requires dimensions K >= W, got K=${k} and W=${w}`;
  return undefined;
}

export const SCATTER_GATHER_RULES: Record<string, OpRule> = {
  'tosa.gather': { infer: inferGather, verify: verifyGather },
  'tosa.scatter': { infer: inferScatter, verify: verifyScatter },
};
