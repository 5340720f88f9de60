/**
 * Differential test of the tensor shape rules: random extract_slice,
 * insert_slice, expand_shape, collapse_shape, concat and pad ops whose result
 * types are right, rank-reduced or slightly off; numaccl's first error
 * against mlir-opt-22's for each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, mlirFirstErrors, numacclFirstError } from '../verify-cases.js';

type Dim = number | '?';
const dimArb: fc.Arbitrary<Dim> = fc.constantFrom<Dim>(1, 2, 3, 4, '?');
const shapeArb = (min: number, max: number): fc.Arbitrary<Dim[]> => fc.array(dimArb, { minLength: min, maxLength: max });
const elementArb = fc.constantFrom('f32', 'f32', 'f32', 'i8');
const tensor = (shape: readonly Dim[], element: string): string => `tensor<${[...shape.map(String), element].join('x')}>`;
/** An index list entry: a constant or the SSA value %i. */
const entryArb = (values: readonly number[]): fc.Arbitrary<number | '%i'> => fc.constantFrom<number | '%i'>(...values, '%i');
const list = (xs: readonly (number | string)[]): string => `[${xs.join(', ')}]`;

/** Sometimes the right type, sometimes a perturbed one: one dim changed, dropped or the element type swapped. */
function perturb(shape: readonly Dim[], element: string, pick: number, dim: Dim): string {
  const s = [...shape];
  if (pick === 1 && s.length > 0) s[pick % s.length] = dim;
  if (pick === 2 && s.length > 0) s.splice(0, 1);
  if (pick === 3) return tensor(s, element === 'f32' ? 'i8' : 'f32');
  if (pick === 4) s.push(1);
  return tensor(s, element);
}

const sliceArb = fc
  .record({
    kind: fc.constantFrom('extract', 'insert'),
    src: shapeArb(1, 3),
    element: elementArb,
    offsets: fc.array(entryArb([0, 1, 2]), { minLength: 3, maxLength: 3 }),
    sizes: fc.array(entryArb([1, 2, 4]), { minLength: 3, maxLength: 3 }),
    strides: fc.array(entryArb([1, 2]), { minLength: 3, maxLength: 3 }),
    rankDelta: fc.constantFrom(0, 0, 0, 1, -1),
    pick: fc.integer({ min: 0, max: 6 }),
    dim: dimArb,
  })
  .map(({ kind, src, element, offsets, sizes, strides, rankDelta, pick, dim }) => {
    const n = Math.max(0, src.length + rankDelta);
    const o = offsets.slice(0, n);
    const z = sizes.slice(0, n);
    const st = strides.slice(0, n);
    const inferred: Dim[] = z.map((x) => (x === '%i' ? '?' : x));
    const slice = perturb(pick === 5 ? inferred.filter((d) => d !== 1) : inferred, element, pick, dim);
    const big = tensor(src, element);
    return kind === 'extract'
      ? fn(`%t: ${big}`, `%0 = tensor.extract_slice %t${list(o)} ${list(z)} ${list(st)} : ${big} to ${slice}`)
      : fn(`%t: ${big}, %s: ${slice}`, `%0 = tensor.insert_slice %s into %t${list(o)} ${list(z)} ${list(st)} : ${slice} into ${big}`);
  });

const reshapeArb = fc
  .record({
    kind: fc.constantFrom('expand', 'collapse'),
    groups: fc.array(shapeArb(1, 3), { minLength: 1, maxLength: 3 }),
    element: elementArb,
    pick: fc.integer({ min: 0, max: 5 }),
    dim: dimArb,
    mangle: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  })
  .map(({ kind, groups, element, pick, dim, mangle }) => {
    const expanded = groups.flat();
    const collapsed: Dim[] = groups.map((g) => (g.includes('?') ? '?' : g.reduce<number>((a, b) => a * (b as number), 1)));
    let next = 0;
    // Sometimes a broken reassociation: swapped indices, a dropped group, an empty group, an index past the end.
    const indices = groups.map((g) => g.map(() => next++));
    if (mangle === 1 && indices[0].length > 1) indices[0].reverse();
    if (mangle === 2 && indices.length > 1) indices.pop();
    if (mangle === 3) indices.unshift([]);
    if (mangle === 4) indices[indices.length - 1].push(next);
    const reassoc = `[${indices.map((g) => list(g)).join(', ')}]`;
    const small = perturb(collapsed, element, pick, dim);
    const large = tensor(expanded, element);
    if (kind === 'collapse') return fn(`%t: ${large}`, `%0 = tensor.collapse_shape %t ${reassoc} : ${large} into ${small}`);
    const outputShape = list(expanded.map((d) => (d === '?' ? '%i' : d)));
    return fn(`%t: ${small}`, `%0 = tensor.expand_shape %t ${reassoc} output_shape ${outputShape} : ${small} into ${large}`);
  });

const concatArb = fc
  .record({
    inputs: fc.array(shapeArb(2, 2), { minLength: 1, maxLength: 3 }),
    dim: fc.constantFrom(0, 1, 2),
    element: elementArb,
    result: shapeArb(1, 3),
    useInferred: fc.boolean(),
  })
  .map(({ inputs, dim, element, result, useInferred }) => {
    const types = inputs.map((s) => tensor(s, element));
    const inferred: Dim[] = inputs[0].map((d, i) =>
      i === dim ? (inputs.some((s) => s[i] === '?') ? '?' : inputs.reduce((a, s) => a + (s[i] as number), 0)) : inputs.find((s) => s[i] !== '?')?.[i] ?? '?',
    );
    const out = tensor(useInferred ? inferred : result, element);
    const args = types.map((t, k) => `%a${k}: ${t}`).join(', ');
    return fn(args, `%0 = tensor.concat dim(${dim}) ${types.map((_, k) => `%a${k}`).join(', ')} : (${types.join(', ')}) -> ${out}`);
  });

const padArb = fc
  .record({
    src: shapeArb(1, 2),
    low: fc.array(entryArb([0, 1, 2]), { minLength: 2, maxLength: 2 }),
    high: fc.array(entryArb([0, 1]), { minLength: 2, maxLength: 2 }),
    pick: fc.integer({ min: 0, max: 4 }),
    dim: dimArb,
  })
  .map(({ src, low, high, pick, dim }) => {
    const n = src.length;
    const inferred: Dim[] = src.map((d, i) => (d === '?' || low[i] === '%i' || high[i] === '%i' ? '?' : d + (low[i] as number) + (high[i] as number)));
    const out = perturb(inferred, 'f32', pick === 2 ? 0 : pick, dim);
    const args = Array.from({ length: n }, (_, i) => `%b${i}: index`).join(', ');
    return fn(
      `%t: ${tensor(src, 'f32')}, %v: f32`,
      `%0 = tensor.pad %t low${list(low.slice(0, n))} high${list(high.slice(0, n))} {\n  ^bb0(${args}):\n    tensor.yield %v : f32\n  } : ${tensor(src, 'f32')} to ${out}`,
    );
  });

function fn(args: string, body: string): string {
  return `func.func @f(%i: index, ${args}) {\n  ${body}\n  return\n}\n`;
}

const cases = [
  ...fc.sample(sliceArb, { numRuns: 300, seed: 7 }),
  ...fc.sample(reshapeArb, { numRuns: 200, seed: 8 }),
  ...fc.sample(concatArb, { numRuns: 150, seed: 9 }),
  ...fc.sample(padArb, { numRuns: 150, seed: 10 }),
];

describe.skipIf(!MLIR_OPT_AVAILABLE)('tensor shape rules agree with mlir-opt-22', () => {
  it(`gives the same first error (or acceptance) on ${cases.length} random ops`, async () => {
    const reference = await mlirFirstErrors(cases);
    const compared = cases
      .map((text, i) => ({ text, mlir: reference[i], ours: numacclFirstError(text) }))
      .filter((d) => !d.mlir?.message.startsWith('mlir-opt crashed'));
    const disagreements = compared.filter((d) => JSON.stringify(d.mlir) !== JSON.stringify(d.ours));
    const accepted = compared.filter((d) => d.mlir === undefined).length;
    const kinds = new Set(compared.map((d) => d.mlir?.message.replace(/'[^']*'|\d+/g, 'X'))).size;
    console.log(`[tensor shapes] ${compared.length} compared, ${accepted} accepted, ${kinds} kinds of outcome`);
    expect(disagreements.slice(0, 4)).toEqual([]);
    expect(compared.length).toBeGreaterThan(cases.length * 0.95);
    expect(accepted).toBeGreaterThan(50);
    expect(kinds).toBeGreaterThan(12);
  });
});
