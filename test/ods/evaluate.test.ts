import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Context, DYNAMIC, type Attribute, type Type } from '../../src/ir/index.js';
import { buildClassTable, evaluatePred, type OdsConstraint, type Pred } from '../../src/ir/ods/index.js';
import { ALL_DIALECTS } from './all-dialects.js';

const ctx = new Context();
const i1 = ctx.integerType(1);
const i8 = ctx.integerType(8);
const i32 = ctx.integerType(32);
const i64 = ctx.integerType(64);
const si32 = ctx.integerType(32, 'signed');
const f32 = ctx.floatType('f32');
const index = ctx.indexType();
const classes = buildClassTable(ALL_DIALECTS);

function constraint(dialect: string, name: string): OdsConstraint {
  const c = ALL_DIALECTS.find((d) => d.name === dialect)!.constraints[name];
  if (!c) throw new Error(`no constraint ${dialect}:${name}`);
  return c;
}
const check = (dialect: string, name: string, s: Type | Attribute | { blocks: unknown[] }) =>
  evaluatePred(constraint(dialect, name).pred, s, { classes });

describe('evaluatePred on upstream constraints', () => {
  it('arith SignlessIntegerOrIndexLike: signless ints, index, and tensors/vectors of them', () => {
    expect(check('arith', 'SignlessIntegerOrIndexLike', i32)).toBe(true);
    expect(check('arith', 'SignlessIntegerOrIndexLike', index)).toBe(true);
    expect(check('arith', 'SignlessIntegerOrIndexLike', ctx.tensorType([4], i32))).toBe(true);
    expect(check('arith', 'SignlessIntegerOrIndexLike', ctx.vectorType([4], index))).toBe(true);
    expect(check('arith', 'SignlessIntegerOrIndexLike', si32)).toBe(false);
    expect(check('arith', 'SignlessIntegerOrIndexLike', f32)).toBe(false);
    expect(check('arith', 'SignlessIntegerOrIndexLike', ctx.memrefType([4], i32))).toBe(false);
  });

  it('arith BoolLike accepts i1 and shaped i1 only', () => {
    expect(check('arith', 'BoolLike', i1)).toBe(true);
    expect(check('arith', 'BoolLike', ctx.tensorType([2, DYNAMIC], i1))).toBe(true);
    expect(check('arith', 'BoolLike', i8)).toBe(false);
  });

  it('Tosa_Tensor rejects zero-sized dimensions and non-tensors', () => {
    expect(check('tosa', 'Tosa_Tensor', ctx.tensorType([2, 3], f32))).toBe(true);
    expect(check('tosa', 'Tosa_Tensor', ctx.unrankedTensorType(i8))).toBe(true);
    expect(check('tosa', 'Tosa_Tensor', ctx.tensorType([DYNAMIC, 3], i32))).toBe(true);
    expect(check('tosa', 'Tosa_Tensor', ctx.tensorType([0, 3], f32))).toBe(false);
    expect(check('tosa', 'Tosa_Tensor', ctx.memrefType([2], f32))).toBe(false);
    expect(check('tosa', 'Tosa_Tensor', si32)).toBe(false);
  });

  it('Tosa_ScalarInt8Tensor is a rank-1 all-ones (or unranked) i8 tensor', () => {
    expect(check('tosa', 'Tosa_ScalarInt8Tensor', ctx.tensorType([1], i8))).toBe(true);
    expect(check('tosa', 'Tosa_ScalarInt8Tensor', ctx.unrankedTensorType(i8))).toBe(true);
    expect(check('tosa', 'Tosa_ScalarInt8Tensor', ctx.tensorType([2], i8))).toBe(false);
    expect(check('tosa', 'Tosa_ScalarInt8Tensor', ctx.tensorType([1], i32))).toBe(false);
  });

  it('Tosa_IntArrayAttr2 is an i64 dense array of exactly two elements', () => {
    expect(check('tosa', 'Tosa_IntArrayAttr2', ctx.denseArrayAttr(i64, [1n, 2n]))).toBe(true);
    expect(check('tosa', 'Tosa_IntArrayAttr2', ctx.denseArrayAttr(i64, [1n]))).toBe(false);
    expect(check('tosa', 'Tosa_IntArrayAttr2', ctx.denseArrayAttr(i32, [1, 2]))).toBe(false);
  });

  it('dialect classes: !tosa.shape ranks, !mpi.comm, #tosa.rounding_mode', () => {
    expect(check('tosa', 'Rank4TosaShape', ctx.dialectType('tosa', 'shape', '4'))).toBe(true);
    expect(check('tosa', 'Rank4TosaShape', ctx.dialectType('tosa', 'shape', '2'))).toBe(false);
    expect(check('mpi', 'MPI_Comm', ctx.dialectType('mpi', 'comm', ''))).toBe(true);
    expect(check('mpi', 'MPI_Comm', ctx.dialectType('mpi', 'request', ''))).toBe(false);
    const rm = ctx.dialectAttr('tosa', 'rounding_mode', 'SINGLE_ROUND');
    expect(check('tosa', 'Tosa_RoundingModeAttr', rm)).toBe(true);
  });

  it('integer enum attributes: arith cmpi predicates are i64 values among the cases', () => {
    expect(check('arith', 'Arith_CmpIPredicateAttr', ctx.integerAttr(i64, 2n))).toBe(true);
    expect(check('arith', 'Arith_CmpIPredicateAttr', ctx.integerAttr(i64, 10n))).toBe(false);
    expect(check('arith', 'Arith_CmpIPredicateAttr', ctx.integerAttr(i32, 2n))).toBe(false);
  });

  it('region constraints count blocks', () => {
    expect(check('tosa', 'SizedRegion<1>', { blocks: [{}] })).toBe(true);
    expect(check('tosa', 'SizedRegion<1>', { blocks: [] })).toBe(false);
  });
});

describe('three-valued logic', () => {
  const unknown: Pred = { kind: 'unknown', cpp: 'whatever($_self)' };
  const yes: Pred = { kind: 'index' };
  const no: Pred = { kind: 'float', format: 'f32' };

  it('and/or/not follow Kleene logic around unknown leaves', () => {
    expect(evaluatePred({ kind: 'and', operands: [unknown, no] }, index)).toBe(false);
    expect(evaluatePred({ kind: 'and', operands: [unknown, yes] }, index)).toBe('unknown');
    expect(evaluatePred({ kind: 'or', operands: [unknown, yes] }, index)).toBe(true);
    expect(evaluatePred({ kind: 'or', operands: [unknown, no] }, index)).toBe('unknown');
    expect(evaluatePred({ kind: 'not', operand: unknown }, index)).toBe('unknown');
  });

  it('unknown classes stay unknown rather than guessing', () => {
    expect(evaluatePred({ kind: 'isa', class: 'foo::BarType' }, i32)).toBe('unknown');
  });
});

describe('every upstream constraint over random builtin types', () => {
  const element = fc.constantFrom<Type>(i1, i8, i32, i64, si32, f32, index, ctx.floatType('bf16'));
  const dim = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(DYNAMIC));
  const shape = fc.array(dim, { maxLength: 4 });
  const type: fc.Arbitrary<Type> = fc.oneof(
    element,
    fc.tuple(shape, element).map(([s, e]) => ctx.tensorType(s, e)),
    element.map((e) => ctx.unrankedTensorType(e)),
    fc.tuple(shape, element).map(([s, e]) => ctx.memrefType(s, e)),
    fc.tuple(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), element).map(([s, e]) =>
      ctx.vectorType(s, e),
    ),
  );
  const typeConstraints = ALL_DIALECTS.flatMap((d) =>
    Object.entries(d.constraints)
      .filter(([, c]) => c.kind === 'type')
      .map(([k, c]) => [`${d.name}:${k}`, c] as const),
  );

  it('never throws, and a shaped-element predicate agrees with checking the element alone', () => {
    fc.assert(
      fc.property(type, fc.constantFrom(...typeConstraints), (t, [, c]) => {
        const v = evaluatePred(c.pred, t, { classes });
        expect([true, false, 'unknown']).toContain(v);
        const viaElement = evaluatePred({ kind: 'elementType', pred: c.pred }, t, { classes });
        if (t.kind === 'tensor' || t.kind === 'memref' || t.kind === 'vector' || t.kind === 'unranked_tensor')
          expect(viaElement).toBe(evaluatePred(c.pred, (t as Type & { elementType: Type }).elementType, { classes }));
        else expect(viaElement).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a definite answer for builtin tensor/scalar types on tosa and arith constraints', () => {
    fc.assert(
      fc.property(type, (t) => {
        for (const d of ALL_DIALECTS.filter((x) => x.name === 'arith' || x.name === 'tensor'))
          for (const c of Object.values(d.constraints))
            if (c.kind === 'type') expect(evaluatePred(c.pred, t, { classes })).not.toBe('unknown');
      }),
      { numRuns: 300 },
    );
  });
});

describe('op-level predicates', () => {
  const arith = ALL_DIALECTS.find((d) => d.name === 'arith')!;
  const traitPred = (op: string, name: string): Pred => {
    const t = arith.ops.find((o) => o.name === op)!.traits.find((x) => x.kind === 'pred' && x.name === name);
    if (!t || t.kind !== 'pred') throw new Error(`no ${name} on ${op}`);
    return t.pred;
  };
  const withValues = (m: Record<string, Type>) => ({ classes, valueType: (n: string) => m[n] });

  it("arith.select's condition is i1 or has the result's shape", () => {
    const p = traitPred('arith.select', 'BooleanConditionOrMatchingShape');
    const t4 = ctx.tensorType([4], f32);
    expect(evaluatePred(p, t4, withValues({ condition: i1, result: t4 }))).toBe(true);
    expect(evaluatePred(p, t4, withValues({ condition: ctx.tensorType([4], i1), result: t4 }))).toBe(true);
    expect(evaluatePred(p, t4, withValues({ condition: ctx.tensorType([5], i1), result: t4 }))).toBe(false);
    expect(evaluatePred(p, t4, {})).toBe('unknown');
  });

  it('SameInputOutputTensorDims compares tensor shapes and treats scalars as rank 0', () => {
    const p = traitPred('arith.extf', 'SameInputOutputTensorDims');
    expect(evaluatePred(p, f32, withValues({ in: ctx.tensorType([2, 3], f32), out: ctx.tensorType([2, 3], ctx.floatType('f64')) }))).toBe(true);
    expect(evaluatePred(p, f32, withValues({ in: ctx.tensorType([2, 3], f32), out: ctx.tensorType([3, 2], f32) }))).toBe(false);
    expect(evaluatePred(p, f32, withValues({ in: f32, out: ctx.floatType('f64') }))).toBe(true);
  });
});
