// Generated tosa.cond_if / tosa.while_loop ops with (possibly mismatched)
// region signatures, as OpViews for our verifier and MLIR text for mlir-opt-22.
import fc from 'fast-check';
import type { AbstractType, OpView } from '../../../src/dialects/tosa/semantics/index.js';
import { parseType } from '../../../src/dialects/tosa/semantics/index.js';
import type { OpCase } from './op-cases.js';

const TYPES = ['tensor<2xf32>', 'tensor<3xf32>', 'tensor<2xi32>', 'tensor<?xf32>', 'tensor<*xf32>', 'tensor<i32>', 'tensor<2x2xf32>'];
const typeArb = fc.constantFrom(...TYPES);
const listArb = (min = 1, max = 3) => fc.array(typeArb, { minLength: min, maxLength: max });

/** Usually `base`, sometimes a different list (mutated types or count). */
const around = (base: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: listArb(0, 3) });

const join = (ts: readonly string[]) => ts.join(', ');

/** Function arguments: the tested op's operands plus one value per yielded type (regions are not isolated). */
function header(args: string[]): string {
  return `func.func @t(${args.map((t, i) => `%v${i}: ${t}`).join(', ')}) {`;
}

export const condIfArb: fc.Arbitrary<OpCase> = fc
  .record({ inputs: listArb(), results: listArb(0, 2), cond: fc.constantFrom('tensor<i1>', 'tensor<1xi1>', 'tensor<2xi1>') })
  .chain((b) => fc.record({
    base: fc.constant(b),
    thenArgs: around(b.inputs), elseArgs: around(b.inputs),
    thenYield: around(b.results), elseYield: around(b.results),
  }))
  .map(({ base, thenArgs, elseArgs, thenYield, elseYield }): OpCase => {
    const args = [base.cond, ...base.inputs, ...thenYield, ...elseYield];
    const inputNames = base.inputs.map((_, i) => `%v${i + 1}`);
    const yieldNames = (k: number, ts: string[]) => ts.map((_, i) => `%v${1 + base.inputs.length + k + i}`);
    const yieldLine = (names: string[], ts: string[]) => (ts.length ? `    tosa.yield ${join(names)} : ${join(ts)}` : '    "tosa.yield"() : () -> ()');
    const bind = base.results.length === 0 ? '' : base.results.length === 1 ? '%r = ' : `%r:${base.results.length} = `;
    const lines = [
      header(args),
      `  ${bind}tosa.cond_if %v0 (${inputNames.map((n, i) => `%x${i} = ${n}`).join(', ')}) : ${base.cond} (${join(base.inputs)}) -> (${join(base.results)}) {`,
      `  ^bb0(${thenArgs.map((t, i) => `%t${i}: ${t}`).join(', ')}):`,
      yieldLine(yieldNames(0, thenYield), thenYield),
      '  } else {',
      `  ^bb0(${elseArgs.map((t, i) => `%e${i}: ${t}`).join(', ')}):`,
      yieldLine(yieldNames(thenYield.length, elseYield), elseYield),
      '  }',
      '  return',
      '}',
    ];
    const p = (ts: string[]): AbstractType[] => ts.map(parseType);
    const view: OpView = {
      name: 'tosa.cond_if', operands: p([base.cond, ...base.inputs]), results: p(base.results), attrs: {},
      regions: [{ args: p(thenArgs), yields: p(thenYield) }, { args: p(elseArgs), yields: p(elseYield) }],
    };
    return { view, text: lines.join('\n'), opLine: 1 };
  });

export const whileArb: fc.Arbitrary<OpCase> = fc
  .record({ inputs: listArb(), cond: fc.constantFrom('tensor<i1>', 'tensor<1xi1>', 'tensor<2xi1>', 'tensor<i32>') })
  .chain((b) => fc.record({
    base: fc.constant(b), results: around(b.inputs), bodyArgs: around(b.inputs), bodyYield: around(b.inputs),
    condCount: fc.constantFrom(1, 1, 1, 2),
  }))
  .map(({ base, results, bodyArgs, bodyYield, condCount }): OpCase => {
    const condYield = new Array<string>(condCount).fill(base.cond);
    const args = [...base.inputs, base.cond, ...bodyYield];
    const condNames = new Array<string>(condCount).fill(`%v${base.inputs.length}`);
    const yieldNames = bodyYield.map((_, i) => `%v${base.inputs.length + 1 + i}`);
    const bind = results.length === 0 ? '' : results.length === 1 ? '%r = ' : `%r:${results.length} = `;
    const lines = [
      header(args),
      `  ${bind}tosa.while_loop (${base.inputs.map((_, i) => `%x${i} = %v${i}`).join(', ')}) : (${join(base.inputs)}) -> (${join(results)}) {`,
      `    tosa.yield ${join(condNames)} : ${join(condYield)}`,
      '  } do {',
      `  ^bb0(${bodyArgs.map((t, i) => `%b${i}: ${t}`).join(', ')}):`,
      bodyYield.length ? `    tosa.yield ${join(yieldNames)} : ${join(bodyYield)}` : '    "tosa.yield"() : () -> ()',
      '  }',
      '  return',
      '}',
    ];
    const p = (ts: string[]): AbstractType[] => ts.map(parseType);
    const view: OpView = {
      name: 'tosa.while_loop', operands: p(base.inputs), results: p(results), attrs: {},
      regions: [{ args: p(base.inputs), yields: p(condYield) }, { args: p(bodyArgs), yields: p(bodyYield) }],
    };
    return { view, text: lines.join('\n'), opLine: 1 };
  });

export const controlFlowArb: fc.Arbitrary<OpCase> = fc.oneof(condIfArb, whileArb);
