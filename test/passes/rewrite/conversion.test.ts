import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { DiagnosticError, emptyState, Operation, parse, print, verify, type Type, type Value } from '../../../src/ir/index.js';
import { applyFullConversion, applyPartialConversion, ConversionTarget, TypeConverter, type ConversionPattern, type ConversionRewriter } from '../../../src/passes/index.js';

const SRC = `func.func @f(%a: i32, %b: i32) -> i32 {
  %0 = arith.subi %a, %b : i32
  return %0 : i32
}
`;

function create(rw: ConversionRewriter, near: Operation, name: string, operands: Value[], type: Type, props: [string, unknown][] = []): Operation {
  const s = emptyState(name, near.location);
  s.operands.push(...operands);
  s.resultTypes.push(type);
  for (const [k, v] of props) s.properties.set(k, v as never);
  return rw.create(Operation.create(near.context, s));
}

/** subi(x, y) → addi(x, muli(y, -1)). */
const subToAdd: ConversionPattern = {
  rootName: 'arith.subi',
  benefit: 1,
  matchAndRewrite(op, [x, y], rw) {
    const t = op.results[0].type;
    const minus1 = create(rw, op, 'arith.constant', [], t, [['value', op.context.integerAttr(t, -1n)]]);
    const neg = create(rw, op, 'arith.muli', [y, minus1.results[0]], t);
    const add = create(rw, op, 'arith.addi', [x, neg.results[0]], t);
    rw.replaceOp(op, [add.results[0]]);
    return true;
  },
};

/** muli(y, -1) → subi(0, y) would loop; instead muli → a shift-free stand-in addi (tests chained legalization). */
const mulToAdd: ConversionPattern = {
  rootName: 'arith.muli',
  benefit: 1,
  matchAndRewrite(op, [y, z], rw) {
    const add = create(rw, op, 'arith.addi', [y, z], op.results[0].type);
    rw.replaceOp(op, [add.results[0]]);
    return true;
  },
};

function module() {
  return parse(createContext(), SRC, { fileName: 'c.mlir' }).module;
}

describe('dialect conversion', () => {
  it('partial conversion legalizes illegal ops and leaves the rest', () => {
    const m = module();
    const target = new ConversionTarget().addIllegalOp('arith.subi');
    expect(applyPartialConversion(m, target, [subToAdd]).converted).toBe(1);
    const text = print(m);
    expect(text).not.toContain('arith.subi');
    expect(text).toContain('arith.muli');
    expect(verify(m)).toEqual([]);
  });

  it('legalizes the ops patterns create', () => {
    const m = module();
    const target = new ConversionTarget().addIllegalOp('arith.subi', 'arith.muli');
    expect(applyPartialConversion(m, target, [subToAdd, mulToAdd]).converted).toBe(2);
    expect(print(m)).not.toMatch(/arith\.(subi|muli)/);
  });

  it('reports explicitly illegal ops it cannot legalize, at their location', () => {
    try {
      applyPartialConversion(module(), new ConversionTarget().addIllegalDialect('arith'), []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DiagnosticError);
      const d = (e as DiagnosticError).diagnostics[0];
      expect(d.message).toBe("failed to legalize operation 'arith.subi' that was explicitly marked illegal");
      expect(d.position).toEqual({ file: 'c.mlir', line: 2, col: 8 });
    }
  });

  it('full conversion requires every op to be legal', () => {
    const target = new ConversionTarget().addLegalDialect('func', 'builtin').addLegalOp('arith.addi', 'arith.constant');
    try {
      applyFullConversion(module(), target, [subToAdd]);
      expect.unreachable();
    } catch (e) {
      expect((e as DiagnosticError).diagnostics.map((d) => d.message)).toEqual(["failed to legalize operation 'arith.muli'"]);
    }
    const m = module();
    applyFullConversion(m, target, [subToAdd, mulToAdd]);
    expect(print(m)).not.toMatch(/arith\.(subi|muli)/);
  });

  it('converts types with the latest matching rule first', () => {
    const m = module();
    const ctx = m.context;
    const i32 = ctx.integerType(32);
    const i64 = ctx.integerType(64);
    const tc = new TypeConverter().addConversion((t) => t).addConversion((t) => (t === i32 ? i64 : undefined));
    expect(tc.convertType(i32)).toBe(i64);
    expect(tc.convertType(i64)).toBe(i64);
    expect(tc.isLegalType(i32)).toBe(false);
    let fn: Operation | undefined;
    m.walk((op) => void (op.name === 'arith.subi' && (fn = op)));
    expect(tc.isLegalOp(fn!)).toBe(false);
    expect(new ConversionTarget().addDynamicallyLegalOp('arith.subi', (op) => tc.isLegalOp(op)).isLegal(fn!)).toBe(false);
  });
});
