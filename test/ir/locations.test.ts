// Point locations are uniqued per (file, line, column) through a per-line table
// that switches to a map when a line holds several columns: check the table
// against a reference map, and parsed ops against their source positions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext, parse } from '../../src/index.js';
import type { FileLineColLoc, Operation } from '../../src/ir/index.js';

describe('file:line:col locations', () => {
  it('property: equal (file, line, col) give the same object, different ones different objects', () => {
    const position = fc.record({ file: fc.constantFrom('a.mlir', 'b.mlir'), line: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 60 }), (positions) => {
        const ctx = createContext();
        const seen = new Map<string, FileLineColLoc>();
        for (const { file, line, col } of positions) {
          const loc = ctx.fileLineColLoc(file, line, col);
          expect([loc.file, loc.line, loc.col]).toEqual([file, line, col]);
          const key = `${file}:${line}:${col}`;
          const prior = seen.get(key);
          if (prior) expect(loc).toBe(prior);
          else expect([...seen.values()]).not.toContain(loc);
          seen.set(key, loc);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: every parsed op is located at its name, also with several ops on one line', () => {
    const line = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const expected: [number, number][] = [];
        const text = lines
          .map((gaps, i) => {
            let out = '';
            for (const gap of gaps) {
              out += ' '.repeat(gap + 1);
              expected.push([i + 2, out.length + 1]);
              out += '"x.op"() : () -> ()';
            }
            return out;
          })
          .join('\n');
        const { module } = parse(createContext({ allowUnregistered: true }), `module {\n${text}\n}\n`, { fileName: 'l.mlir' });
        const ops: Operation[] = [];
        module.walk((op) => void (op.name === 'x.op' && ops.push(op)));
        expect(ops.map((op) => [(op.location as FileLineColLoc).line, (op.location as FileLineColLoc).col])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
