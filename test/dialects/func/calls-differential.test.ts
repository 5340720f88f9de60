/**
 * Differential test of the func rules: random callee signatures, calls,
 * indirect calls, symbol constants and returns whose types are mostly right;
 * numaccl's first error against mlir-opt-22's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, mlirFirstErrors, numacclFirstError } from '../verify-cases.js';

const typeArb = fc.constantFrom('i32', 'f32', 'index', 'tensor<2xf32>');
const sigArb = fc.record({ inputs: fc.array(typeArb, { maxLength: 2 }), results: fc.array(typeArb, { maxLength: 2 }) });
/** The same list most of the time, else another one. */
const nearArb = (xs: readonly string[]): fc.Arbitrary<string[]> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([...xs]) }, { weight: 1, arbitrary: fc.array(typeArb, { maxLength: 2 }) });
const fnType = (ins: readonly string[], outs: readonly string[]): string => `(${ins.join(', ')}) -> ${outs.length === 1 ? outs[0] : `(${outs.join(', ')})`}`;

const caseArb = sigArb.chain(({ inputs, results }) =>
  fc
    .record({
      kind: fc.constantFrom('call', 'call_indirect', 'constant', 'return'),
      args: nearArb(inputs),
      outs: nearArb(results),
      callee: fc.oneof({ weight: 5, arbitrary: fc.constant('g') }, { weight: 1, arbitrary: fc.constant('missing') }),
    })
    .map(({ kind, args, outs, callee }) => {
      const decl = `func.func private @g(${inputs.join(', ')})${results.length > 0 ? ` -> ${fnType([], results).slice(6)}` : ''}\n`;
      const params = args.map((t, i) => `%a${i}: ${t}`).join(', ');
      const operands = args.map((_, i) => `%a${i}`).join(', ');
      const defs = outs.length > 0 ? `${outs.map((_, i) => `%r${i}`).join(', ')} = ` : '';
      let body: string;
      if (kind === 'call') body = `${defs}func.call @${callee}(${operands}) : ${fnType(args, outs)}`;
      else if (kind === 'call_indirect') body = `%c = func.constant @g : ${fnType(inputs, results)}\n  ${defs}"func.call_indirect"(%c${operands ? `, ${operands}` : ''}) : (${[fnType(inputs, results), ...args].join(', ')}) -> (${outs.join(', ')})`;
      else if (kind === 'constant') body = `%c = func.constant @${callee} : ${fnType(args, outs)}`;
      else return `${decl}func.func @f(${params}) -> (${results.join(', ')}) {\n  "func.return"(${operands}) : (${args.join(', ')}) -> ()\n}\n`;
      return `${decl}func.func @f(${params}) {\n  ${body}\n  return\n}\n`;
    }),
);

const cases = fc.sample(caseArb, { numRuns: 300, seed: 21 });

describe.skipIf(!MLIR_OPT_AVAILABLE)('func rules agree with mlir-opt-22', () => {
  it('gives the same first error (or acceptance) on 300 random calls, constants and returns', async () => {
    const reference = await mlirFirstErrors(cases);
    const compared = cases.map((text, i) => ({ text, mlir: reference[i], ours: numacclFirstError(text) }));
    const disagreements = compared.filter((d) => JSON.stringify(d.mlir) !== JSON.stringify(d.ours));
    const accepted = compared.filter((d) => d.mlir === undefined).length;
    const kinds = new Set(compared.map((d) => d.mlir?.message.replace(/'[^']*'|\d+/g, 'X'))).size;
    console.log(`[func calls] ${compared.length} compared, ${accepted} accepted, ${kinds} kinds, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 4)).toEqual([]);
    expect(accepted).toBeGreaterThan(60);
    expect(kinds).toBeGreaterThan(6);
  });
});
