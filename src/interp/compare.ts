import type { Tensor } from './tensor.js';
import type { InterpretResult } from './interpreter.js';

export interface Comparison {
  readonly equal: boolean;
  /** Where the first difference is, readable in a shrunk counterexample. */
  readonly difference?: string;
}

/** Integers must be identical; floats within `rtol` relative (and `atol` absolute near zero). */
export function compareResults(a: InterpretResult, b: InterpretResult, rtol = 1e-5, atol = 1e-6): Comparison {
  if (a.results.length !== b.results.length) return { equal: false, difference: `${a.results.length} vs ${b.results.length} ranks` };
  for (let r = 0; r < a.results.length; r++) {
    const x = a.results[r];
    const y = b.results[r];
    if (x.length !== y.length) return { equal: false, difference: `rank ${r}: ${x.length} vs ${y.length} results` };
    for (let i = 0; i < x.length; i++) {
      const d = tensorDifference(x[i], y[i], rtol, atol);
      if (d) return { equal: false, difference: `rank ${r}, result #${i}: ${d}` };
    }
  }
  return { equal: true };
}

function tensorDifference(x: Tensor, y: Tensor, rtol: number, atol: number): string | undefined {
  if (x.shape.join('x') !== y.shape.join('x')) return `shape [${x.shape}] vs [${y.shape}]`;
  const isFloat = x.elementType.kind === 'float';
  for (let i = 0; i < x.data.length; i++) {
    const a = x.data[i];
    const b = y.data[i];
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    const ok = isFloat ? Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b)) : a === b;
    if (!ok) return `element ${i}: ${a} vs ${b}`;
  }
  return undefined;
}
