// The parser finds repeated plain shaped-type texts (`tensor<4x8xf32>`) by
// lookup and skips their tokens. A newline inside the brackets keeps a type off
// that path, so the same module written both ways must parse to the same IR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext, parse, print } from '../../src/index.js';

const TYPES = ['tensor<4x8xf32>', 'tensor<?x3xi8>', 'tensor<*xf16>', 'tensor<f32>', 'vector<4xf32>', 'vector<[4]x2xi1>', 'memref<4x?xi8, 1>', 'memref<2x2xf32>'];

/** The module with every type written on one line (`plain`) or split before its `>`. */
function moduleText(uses: readonly { type: number; withLoc: boolean }[], plain: boolean): string {
  const spell = (t: string): string => (plain ? t : `${t.slice(0, -1)}\n>`);
  const lines = uses.map(({ type, withLoc }, i) => {
    const t = spell(TYPES[type]);
    return `  %v${i} = "x.op"() : () -> ${t}${withLoc ? ` loc("l${i}")` : ''}\n  "x.use"(%v${i}) : (${t}) -> ()`;
  });
  return `module {\n${lines.join('\n')}\n}\n`;
}

describe('repeated shaped-type texts', () => {
  it('property: parse to the same IR as when every type takes the full parse', () => {
    const use = fc.record({ type: fc.nat(TYPES.length - 1), withLoc: fc.boolean() });
    fc.assert(
      fc.property(fc.array(use, { minLength: 1, maxLength: 30 }), (uses) => {
        const parseText = (text: string) => parse(createContext({ allowUnregistered: true }), text, { fileName: 't.mlir' }).module;
        const cached = print(parseText(moduleText(uses, true)), { debugInfo: true });
        const full = print(parseText(moduleText(uses, false)), { debugInfo: true });
        // Locations differ by the extra lines of the split spelling; compare without them.
        const strip = (s: string): string => s.replace(/loc\("t\.mlir":\d+:\d+\)/g, 'loc(T)').replace(/#loc\d* = loc\("t\.mlir":\d+:\d+\)\n/g, '');
        expect(strip(cached)).toBe(strip(full));
        expect(cached).toContain(`"x.use"(%0) : (${TYPES[uses[0].type]}) -> ()`);
      }),
      { numRuns: 300 },
    );
  });

  it('a type error is still found after the same and similar texts were looked up', () => {
    const text = 'module {\n  %a = "x.op"() : () -> vector<4xf32>\n  %b = "x.op"() : () -> vector<4xf32>\n  %c = "x.op"() : () -> vector<0xf32>\n}\n';
    let message = '';
    try {
      parse(createContext({ allowUnregistered: true }), text, { fileName: 'bad.mlir' });
    } catch (e) {
      message = String((e as { diagnostics?: { message: string; position?: { line: number } }[] }).diagnostics?.map((d) => `${d.position?.line}: ${d.message}`));
    }
    expect(message).toBe('4: vector types must have positive constant sizes but got 0');
  });
});
