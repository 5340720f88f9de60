import { describe, expect, it } from 'vitest';
import { Builder, Rewriter, cloneOperation, SymbolTable, ValueMapping, createContext, parse, print, verify, type Operation } from '../../src/index.js';

const text = `func.func @f(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %0 : i32
  return %1 : i32
}
func.func private @g(i32) -> i32
`;

function setup() {
  const ctx = createContext();
  const { module } = parse(ctx, text);
  const fn = module.regions[0].blocks[0].firstOp!;
  const body = fn.regions[0].blocks[0];
  return { ctx, module, fn, body };
}

describe('Builder and Rewriter', () => {
  it('inserts ops at insertion points and keeps the IR valid', () => {
    const { ctx, module, body } = setup();
    const add = body.firstOp!;
    const b = new Builder(ctx);
    b.setInsertionPointAfter(add);
    const sub = b.create('arith.subi', { operands: [add.result(), body.arguments[1]], results: [ctx.integerType(32)] });
    expect(sub.prevOp).toBe(add);
    expect(verify(module)).toEqual([]);
    expect(print(module)).toContain('arith.subi %0, %arg1 : i32');
  });

  it('replaceOp rewires every use, erases the op and tells the listener', () => {
    const { ctx, module, body } = setup();
    const [add, mul] = [...body.operations];
    const events: string[] = [];
    const r = new Rewriter(ctx);
    r.listener = {
      notifyOperationInserted: (op) => events.push(`insert ${op.name}`),
      notifyOperationErased: (op) => events.push(`erase ${op.name}`),
      notifyOperationModified: (op) => events.push(`modify ${op.name}`),
      notifyOperationReplaced: (op) => events.push(`replace ${op.name}`),
    };
    r.setInsertionPointBefore(mul);
    const sub = r.create('arith.subi', { operands: [body.arguments[0], body.arguments[1]], results: [ctx.integerType(32)] });
    r.replaceOp(add, [sub.result()]);
    expect(events).toEqual(['insert arith.subi', 'replace arith.addi', 'modify arith.muli', 'modify arith.muli', 'erase arith.addi']);
    expect(add.parentBlock).toBeNull();
    expect(verify(module)).toEqual([]);
    expect(() => r.eraseOp(sub)).toThrow(/still has uses/);
  });
});

describe('clone and symbol tables', () => {
  it('clones a function deeply with remapped values, and the copy verifies', () => {
    const { module, fn } = setup();
    const mapping = new ValueMapping();
    const copy = cloneOperation(fn, mapping);
    const table = new SymbolTable(module);
    expect(table.insert(copy)).toBe('f_1');
    expect(verify(module)).toEqual([]);
    const copyBody = copy.regions[0].blocks[0];
    const ops: Operation[] = [...copyBody.operations];
    expect(ops[1].operand(0)).toBe(ops[0].result());
    expect(ops[0].operand(0)).toBe(copyBody.arguments[0]);
    expect(mapping.lookup(fn.regions[0].blocks[0].arguments[0])).toBe(copyBody.arguments[0]);
    expect(table.lookup('g')?.name).toBe('func.func');
    expect(SymbolTable.lookupNearest(ops[0], 'f_1')).toBe(copy);
  });
});
