// OCP-MX block-scaled ops: matmul_t_block_scaled, cast_to_block_scaled and
// cast_from_block_scaled (messages and check order observed from mlir-opt-22).
import { inferred, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type AbstractType, type Dim, dimOf, isRanked, isTensor, printType } from '../types.js';
import { shapesCompatible } from '../broadcast.js';
import type { OpRule } from './common.js';

/** The only block size LLVM 22 defines (BLOCK_SIZE_32). */
export function blockSize(op: InferInput): number {
  const v = op.attrs['block_size'];
  const m = typeof v === 'string' ? /(\d+)/.exec(v) : null;
  const n = typeof v === 'number' ? v : m ? Number(m[1]) : 32;
  // A non-positive size cannot come from the enum; never divide by it.
  return Number.isInteger(n) && n > 0 ? n : 32;
}

const shapeOf = (t: AbstractType | undefined) => (t && isTensor(t) ? t.shape : null);
const dims = (s: readonly Dim[]): string => s.join(', ');

function inferMatmul(op: InferInput): InferResult {
  const a = op.operands[0];
  const as = op.operands[1];
  const b = op.operands[2];
  const bs = op.operands[3];
  const pick = (...c: Dim[]): Dim => c.find((d) => d !== '?') ?? '?';
  const n = pick(...[a, as].filter(isRanked).map((t) => dimOf(t, 0)));
  const d = pick(...[b, bs].filter(isRanked).map((t) => dimOf(t, 0)));
  const h = pick(...[a, as].filter(isRanked).map((t) => dimOf(t, 1)));
  const w = pick(...[b, bs].filter(isRanked).map((t) => dimOf(t, 1)));
  // B's batch only fills in A's when it is not the broadcast size 1.
  return inferred({ shape: [n !== '?' ? n : d !== 1 ? d : '?', h, w] });
}

function verifyMatmul(op: OpView): string | undefined {
  const bs = blockSize(op);
  const [ad, bd] = [op.operands[0], op.operands[2]];
  if (isTensor(ad) && isTensor(bd) && ad.element !== bd.element)
    return `expect A_data and B_data to have same element type, got '${ad.element}' and '${bd.element}'`;
  const v = { N: '?' as Dim, H: '?' as Dim, C: '?' as Dim, D: '?' as Dim, W: '?' as Dim, CB: '?' as Dim };
  const update = (key: keyof typeof v, what: string, operand: string, actual: Dim): string | undefined => {
    if (actual === '?') return undefined;
    if (v[key] === '?') v[key] = actual;
    else if (v[key] !== actual) return `expected ${what} of ${operand} to match size ${v[key]}, got ${actual}`;
    return undefined;
  };
  const [a, as, b, bsc] = [op.operands[0], op.operands[1], op.operands[2], op.operands[3]];
  const steps: [AbstractType | undefined, string, [keyof typeof v, string][]][] = [
    [a, 'a_data', [['N', 'batch'], ['H', 'height'], ['C', 'channels']]],
    [as, 'a_scale', [['N', 'batch'], ['H', 'height'], ['CB', 'C/block_size']]],
    [b, 'b_data', [['D', 'batch'], ['W', 'width'], ['C', 'channels']]],
    [bsc, 'b_scale', [['D', 'batch'], ['W', 'width'], ['CB', 'C/block_size']]],
  ];
  for (const [t, name, keys] of steps) {
    if (!isRanked(t)) continue;
    for (let i = 0; i < keys.length; i++) {
      const m = update(keys[i]![0], keys[i]![1], name, dimOf(t, i));
      if (m) return m;
    }
  }
  if (v.N !== '?' && v.D !== '?' && v.D !== 1 && v.D !== v.N)
    return `expect B matrix batch size to be broadcast compatible with A, got D=${v.D} vs N=${v.N}`;
  if (v.C !== '?') {
    if (v.C % bs !== 0) return `expect C to be a multiple of block size, got C=${v.C}, block_size=${bs}`;
    if (v.CB !== '?' && v.CB !== v.C / bs) return `expect scale operands dimension 2 to equal C/block_size (${v.C}/${bs}), got ${v.CB}`;
  }
  const out = op.results[0];
  const expected: Dim[] = [v.N !== '?' ? v.N : v.D, v.H, v.W];
  if (isRanked(out) && !shapesCompatible(out.shape, expected))
    return `expected output shape ${dims(out.shape)} to be compatible with expected output shape ${dims(expected)}`;
  return undefined;
}

const lastDim = (t: AbstractType | undefined): Dim => (isRanked(t) && t.shape.length ? t.shape[t.shape.length - 1]! : '?');
const compatibleButLast = (a: AbstractType, b: AbstractType): boolean =>
  !isRanked(a) || !isRanked(b) || shapesCompatible(a.shape.slice(0, -1), b.shape.slice(0, -1)) && a.shape.length === b.shape.length;

/** Shared checks; `data`/`scale` are the block-scaled pair, `other` the plain tensor. */
function verifyCast(op: OpView, names: { data: string; scale: string; plain: string }, data: AbstractType, scale: AbstractType, plain: AbstractType, plainFirst: boolean): string | undefined {
  const bs = blockSize(op);
  const [x, y] = plainFirst ? [plain, data] : [data, plain];
  const [xn, yn] = plainFirst ? [names.plain, names.data] : [names.data, names.plain];
  if (!shapesCompatible(shapeOf(x), shapeOf(y))) return `require compatible shapes for ${xn} ('${printType(x)}') and ${yn} ('${printType(y)}')`;
  const c = lastDim(plainFirst ? plain : data);
  if (c !== '?' && c % bs !== 0) return `expect last dimension of input_data (${c}) to be divisible by block_size (${bs})`;
  if (!compatibleButLast(data, scale))
    return `require compatible shapes for ${names.data} ('${printType(data)}') and ${names.scale} ('${printType(scale)}') except for the last dimension`;
  const s = lastDim(scale);
  const dc = lastDim(data);
  if (s !== '?' && dc !== '?' && s !== Math.trunc(dc / bs))
    return `expect last dimension of ${names.scale} (${s}) to be equal to last dimension of ${names.data} / block_size (${Math.trunc(dc / bs)})`;
  return undefined;
}

export const BLOCK_SCALED_RULES: Record<string, OpRule> = {
  'tosa.matmul_t_block_scaled': { infer: inferMatmul, verify: verifyMatmul },
  'tosa.cast_from_block_scaled': {
    infer: (op) => inferred({ shape: shapeOf(op.operands[0]) }),
    verify: (op) => verifyCast(op, { data: 'input_data', scale: 'input_scale', plain: 'output_data' }, op.operands[0]!, op.operands[1]!, op.results[0]!, false),
  },
  'tosa.cast_to_block_scaled': {
    infer: (op) => {
      const s = shapeOf(op.operands[0]);
      if (s === null) return inferred({ shape: null }, { shape: null });
      const last = s[s.length - 1] ?? '?';
      return inferred({ shape: [...s] }, { shape: [...s.slice(0, -1), last === '?' ? '?' : Math.trunc(last / blockSize(op))] });
    },
    verify: (op) => verifyCast(op, { data: 'output_data', scale: 'output_scale', plain: 'input_data' }, op.results[0]!, op.results[1]!, op.operands[0]!, true),
  },
};
