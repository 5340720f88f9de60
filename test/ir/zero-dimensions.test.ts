/**
 * Shapes whose first dimension is 0 lex as hex integers (`0xf32`, `0x4xf32`);
 * the parser splits them again as MLIR does, keeping every dimension.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { parse, print } from '../../src/ir/index.js';

function roundTrip(type: string): string {
  const ctx = createContext();
  const { module } = parse(ctx, `func.func private @f() -> ${type}\n`);
  const m = /-> (.*)\n/.exec(print(module));
  return m ? m[1] : '';
}

describe('zero-sized dimensions', () => {
  for (const t of ['tensor<0xf32>', 'tensor<0x4xf32>', 'tensor<2x0x4xf32>', 'memref<0x0xf32>', 'tensor<0x0x0xi8>', 'tensor<0x?xf16>', 'vector<4x0xi1>']) {
    it(`${t} keeps its shape`, () => {
      if (t.startsWith('vector')) expect(() => roundTrip(t)).toThrow(/positive constant sizes/);
      else expect(roundTrip(t)).toBe(t);
    });
  }
});
