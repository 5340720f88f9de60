import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Pred, and, countUnknown, not, or, translateCPred } from '../../src/ir/ods/index.js';

// C++ snippets as llvm-tblgen dumps them for LLVM 22's CommonTypeConstraints.td /
// CommonAttrConstraints.td / TosaTypesBase.td, with the meaning ODS documents.
const cases: [string, Pred][] = [
  ['(::llvm::isa<::mlir::TensorType>($_self))', { kind: 'isa', class: 'TensorType' }],
  ['($_self.isSignlessInteger(8))', { kind: 'integer', signedness: 'signless', width: 8 }],
  ['($_self.isSignlessInteger())', { kind: 'integer', signedness: 'signless' }],
  ['($_self.isUnsignedInteger(16))', { kind: 'integer', signedness: 'unsigned', width: 16 }],
  ['($_self.isInteger(1))', { kind: 'integer', signedness: 'any', width: 1 }],
  ['($_self.isF32())', { kind: 'float', format: 'f32' }],
  ['(::llvm::isa<::mlir::Float8E4M3FNType>($_self))', { kind: 'float', format: 'f8E4M3FN' }],
  ['(::llvm::isa<::mlir::BFloat16Type>($_self))', { kind: 'float', format: 'bf16' }],
  ['(::llvm::isa<::mlir::IndexType>($_self))', { kind: 'index' }],
  ['($_self.isSignlessIntOrIndex())', { kind: 'signlessIntOrIndex' }],
  ['(::llvm::cast<::mlir::ShapedType>($_self).hasStaticShape())', { kind: 'hasStaticShape' }],
  ['(::llvm::cast<::mlir::ShapedType>($_self).getRank()\n                         == 4)', { kind: 'rank', cmp: '==', value: 4 }],
  ['(::llvm::cast<::mlir::RankedTensorType>($_self).getRank() >= 1)', { kind: 'rank', cmp: '>=', value: 1 }],
  [
    '(::llvm::all_of(::llvm::cast<::mlir::RankedTensorType>($_self).getShape(), [](auto v) { return v != 0; }))',
    { kind: 'allDims', cmp: '!=', value: 0 },
  ],
  ['($_self.hasTrait<::mlir::ValueSemantics>())', { kind: 'hasTrait', trait: 'ValueSemantics' }],
  [
    '(::llvm::cast<::mlir::IntegerAttr>($_self).getType().isSignlessInteger(64))',
    { kind: 'attrType', pred: { kind: 'integer', signedness: 'signless', width: 64 } },
  ],
  [
    '(::llvm::isa<::mlir::IndexType>(::llvm::cast<::mlir::IntegerAttr>($_self).getType()))',
    { kind: 'attrType', pred: { kind: 'index' } },
  ],
  [
    '(::llvm::cast<::mlir::DenseIntElementsAttr>($_self)\n  .getType()\n  .getElementType()\n  .isIndex())',
    { kind: 'attrType', pred: { kind: 'elementType', pred: { kind: 'index' } } },
  ],
  [
    '(::llvm::isa<::mlir::DenseFPElementsAttr>($_self) &&::llvm::cast<::mlir::DenseElementsAttr>($_self).getType().getElementType().isF64())',
    {
      kind: 'and',
      operands: [
        { kind: 'isa', class: 'DenseFPElementsAttr' },
        { kind: 'attrType', pred: { kind: 'elementType', pred: { kind: 'float', format: 'f64' } } },
      ],
    },
  ],
  [
    '(::llvm::isa<::mlir::FunctionType>(::llvm::cast<::mlir::TypeAttr>($_self).getValue()))',
    { kind: 'typeAttrValue', pred: { kind: 'isa', class: 'FunctionType' } },
  ],
  ['(\n    ::llvm::cast<::mlir::IntegerAttr>($_self).getValue().eq(::llvm::APInt(32, 3)))', { kind: 'intValue', cmp: '==', value: '3' }],
  [
    '(!::llvm::cast<::mlir::IntegerAttr>($_self).getValue().isNegative())',
    { kind: 'not', operand: { kind: 'intValue', cmp: '<', value: '0' } },
  ],
  ['(::llvm::cast<::mlir::IntegerAttr>($_self).getInt() <= 3)', { kind: 'intValue', cmp: '<=', value: '3' }],
  [
    '(!(::llvm::cast<::mlir::IntegerAttr>($_self).getValue().getZExtValue() & (~(0u|1u|2u|4u))))',
    { kind: 'not', operand: { kind: 'bitsOutside', mask: '7' } },
  ],
  ['(::llvm::cast<::mlir::DenseArrayAttr>($_self).size() == 2)', { kind: 'arraySize', cmp: '==', value: 2 }],
  ['($_self == $_builder.getBoolAttr(false))', { kind: 'boolValue', value: false }],
  ['(::llvm::hasNItems($_self, 1))', { kind: 'blockCount', value: 1 }],
  ['(::llvm::isa<mlir::tosa::RoundingModeAttr>($_self))', { kind: 'isa', class: 'tosa::RoundingModeAttr' }],
  ['(mlir::tosa::isa_tosa_shape_type($_self))', { kind: 'isa', class: 'tosa::shapeType' }],
  [
    '(::llvm::cast<mlir::quant::QuantizedType>($_self).getStorageTypeIntegralWidth() == 8)',
    { kind: 'quantStorageWidth', cmp: '==', value: 8 },
  ],
  ['(true)', { kind: 'true' }],
  [
    '((::llvm::cast<::mlir::ShapedType>($condition.getType()).getShape()) == (::llvm::cast<::mlir::ShapedType>($result.getType()).getShape()))',
    { kind: 'valuesEqual', property: 'shape', values: ['condition', 'result'] },
  ],
  ['(($value.getType()) == ($result.getType()))', { kind: 'valuesEqual', property: 'type', values: ['value', 'result'] }],
];

describe('translateCPred', () => {
  for (const [cpp, expected] of cases) {
    it(`translates ${JSON.stringify(cpp.replace(/\s+/g, ' ').slice(0, 80))}`, () => {
      expect(translateCPred(cpp)).toEqual(expected);
    });
  }

  it('keeps untranslatable C++ verbatim as unknown', () => {
    const cpp = '(::mlir::bufferization::detail::typesMatchAfterBufferization($_op, $tensor, $buffer))';
    expect(translateCPred(cpp)).toEqual({ kind: 'unknown', cpp });
  });

  it('marks only the untranslatable half of a conjunction unknown', () => {
    const p = translateCPred('(::llvm::isa<::mlir::TensorType>($_self) && foo($_self))');
    expect(p.kind).toBe('and');
    expect(countUnknown(p)).toBe(1);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const p = translateCPred(s);
        expect(typeof p.kind).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('predicate combinators', () => {
  const atoms: Pred[] = [
    { kind: 'index' },
    { kind: 'hasRank' },
    { kind: 'integer', signedness: 'signless', width: 8 },
    { kind: 'unknown', cpp: 'x' },
  ];
  const atom = fc.constantFrom(...atoms);

  it('and/or flatten nested combinations and drop duplicates', () => {
    fc.assert(
      fc.property(fc.array(atom, { minLength: 2, maxLength: 6 }), (xs) => {
        const p = and([and(xs.slice(0, 1)), and(xs.slice(1)), ...xs]);
        const distinct = new Set(xs.map((x) => JSON.stringify(x))).size;
        if (distinct === 1) expect(p).toEqual(xs[0]);
        else expect(p).toMatchObject({ kind: 'and' });
        if (p.kind === 'and') {
          expect(p.operands.length).toBe(distinct);
          expect(p.operands.every((o) => o.kind !== 'and')).toBe(true);
        }
        const q = or(xs);
        if (q.kind === 'or') expect(q.operands.length).toBe(distinct);
      }),
      { numRuns: 300 },
    );
  });

  it('not(not(p)) is p, and `true` is the unit of and / absorbing for or', () => {
    fc.assert(
      fc.property(atom, (p) => {
        expect(not(not(p))).toEqual(p);
        expect(and([{ kind: 'true' }, p])).toEqual(p);
        expect(or([{ kind: 'true' }, p])).toEqual({ kind: 'true' });
      }),
      { numRuns: 100 },
    );
  });
});

describe('translateTypeTransform', () => {
  it('translates the TypesMatchWith transformers LLVM 22 uses', async () => {
    const { translateTypeTransform } = await import('../../src/ir/ods/index.js');
    expect(translateTypeTransform('$_self')).toEqual({ kind: 'identity' });
    expect(translateTypeTransform('::getI1SameShape($_self)')).toEqual({ kind: 'i1SameShape' });
    expect(translateTypeTransform('::llvm::cast<TensorType>($_self).getElementType()')).toEqual({ kind: 'elementType' });
    expect(translateTypeTransform('::llvm::cast<FunctionType>($_self).getResults()')).toEqual({ kind: 'functionResults' });
    expect(translateTypeTransform('foo($_self)')).toEqual({ kind: 'unknown', cpp: 'foo($_self)' });
  });
});
