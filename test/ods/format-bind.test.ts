import { describe, expect, it } from 'vitest';
import type { OdsConstraint, OdsOp } from '../../src/ir/ods/index.js';
import { bindOpFormat, parseAssemblyFormat } from '../../src/ir/assembly-format/syntax/index.js';
import { ALL_DIALECTS } from './all-dialects.js';

describe('bindOpFormat over every upstream op format', () => {
  it('binds every declarative op format that LLVM 22 accepted', () => {
    const failures: string[] = [];
    let bound = 0;
    for (const d of ALL_DIALECTS)
      for (const op of d.ops) {
        if (!op.assemblyFormat) continue;
        try {
          bindOpFormat(op, parseAssemblyFormat(op.assemblyFormat), d.constraints);
          bound++;
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
    expect(failures).toEqual([]);
    expect(bound).toBeGreaterThan(200);
  });

  it('arith.constant takes its result type from the value attribute (AllTypesMatch)', () => {
    const arith = ALL_DIALECTS.find((d) => d.name === 'arith')!;
    const c = arith.ops.find((o) => o.name === 'arith.constant')!;
    const b = bindOpFormat(c, parseAssemblyFormat(c.assemblyFormat!), arith.constraints);
    expect(b.resultTypes).toEqual([{ kind: 'sameAs', ref: { kind: 'attribute', index: 0, name: 'value' } }]);
  });

  it('mpi.comm_rank builds the !mpi.comm operand type', () => {
    const mpi = ALL_DIALECTS.find((d) => d.name === 'mpi')!;
    const c = mpi.ops.find((o) => o.name === 'mpi.comm_rank')!;
    const b = bindOpFormat(c, parseAssemblyFormat(c.assemblyFormat!), mpi.constraints);
    expect(b.operandTypes).toEqual([{ kind: 'buildable', type: '!mpi.comm' }]);
  });
});

const ANY: OdsConstraint = { kind: 'type', summary: 'any type', pred: { kind: 'true' } };
const I1: OdsConstraint = { kind: 'type', summary: '1-bit signless integer', pred: { kind: 'true' }, buildableType: 'i1' };
const constraints = { AnyType: ANY, I1 };

function mkOp(partial: Partial<OdsOp>): OdsOp {
  return {
    name: 'test.op',
    def: 'TestOp',
    summary: '',
    description: '',
    operands: [],
    attributes: [],
    results: [],
    regions: [],
    successors: [],
    traits: [],
    assemblyFormat: null,
    hasCustomAssemblyFormat: false,
    hasVerifier: false,
    hasRegionVerifier: false,
    hasFolder: false,
    hasCanonicalizer: false,
    usePropertiesForAttributes: true,
    ...partial,
  };
}

const operand = (name: string, constraint = 'AnyType') => ({ name, kind: 'single' as const, constraint });
const bind = (op: OdsOp, format: string) => bindOpFormat(op, parseAssemblyFormat(format), constraints);

describe('bindOpFormat rules', () => {
  const binary = mkOp({ operands: [operand('lhs'), operand('rhs')], results: [operand('result')] });

  it('binds variables to their entities', () => {
    const op = mkOp({
      operands: [operand('x')],
      attributes: [{ name: 'a', kind: 'required', constraint: 'AnyAttr', isUnit: false }],
      results: [operand('r')],
    });
    const b = bind(op, '$x $a attr-dict `:` type($x) `->` type($r)');
    expect(b.variables).toEqual({
      x: { kind: 'operand', index: 0 },
      a: { kind: 'attribute', index: 0 },
      r: { kind: 'result', index: 0 },
    });
    expect(b.operandTypes).toEqual([{ kind: 'format' }]);
    expect(b.resultTypes).toEqual([{ kind: 'format' }]);
  });

  it("rejects a format without attr-dict, with MLIR's message", () => {
    expect(() => bind(binary, '$lhs `,` $rhs `:` type($result)')).toThrow("'attr-dict' directive not found");
  });

  it('rejects a format that omits an operand', () => {
    expect(() => bind(binary, '$lhs attr-dict `:` type($result)')).toThrow("operand #1, named 'rhs', not found");
  });

  it('rejects unknown variables', () => {
    expect(() => bind(binary, '$lhs $rhs $nope attr-dict')).toThrow(/'nope' to refer to an argument/);
  });

  it('rejects unresolvable types', () => {
    expect(() => bind(binary, '$lhs `,` $rhs attr-dict `:` type($result)')).toThrow(
      "type of operand #0, named 'lhs', is not buildable and a buildable type cannot be inferred",
    );
  });

  it('resolves operand types from SameOperandsAndResultType', () => {
    const op = { ...binary, traits: [{ kind: 'native', name: 'SameOperandsAndResultType' } as const] };
    const b = bind(op, '$lhs `,` $rhs attr-dict `:` type($result)');
    const ref = { kind: 'result', index: 0, name: 'result' };
    expect(b.operandTypes).toEqual([
      { kind: 'sameAs', ref },
      { kind: 'sameAs', ref },
    ]);
  });

  it('resolves through TypesMatchWith and AllTypesMatch chains', () => {
    const op = mkOp({
      operands: [operand('a'), operand('b'), operand('c')],
      traits: [
        { kind: 'typesMatchWith', lhs: 'a', rhs: 'b', transformer: 'f($_self)', transform: { kind: 'unknown', cpp: 'f($_self)' }, summary: '' },
        { kind: 'allMatch', name: 'AllTypesMatch', values: ['b', 'c'], summary: '' },
      ],
    });
    const b = bind(op, '$a $b $c attr-dict `:` type($a)');
    expect(b.operandTypes[1]).toEqual({ kind: 'transformed', ref: { kind: 'operand', index: 0, name: 'a' }, transformer: 'f($_self)' });
    expect(b.operandTypes[2]).toEqual({ kind: 'sameAs', ref: { kind: 'operand', index: 1, name: 'b' } });
  });

  it('uses buildable types and result inference', () => {
    const op = mkOp({
      operands: [operand('cond', 'I1')],
      results: [operand('r')],
      traits: [{ kind: 'interface', name: 'InferTypeOpInterface' }],
    });
    const b = bind(op, '$cond attr-dict');
    expect(b.operandTypes).toEqual([{ kind: 'buildable', type: 'i1' }]);
    expect(b.resultTypes).toEqual([{ kind: 'inferred' }]);
  });

  it('treats operands inside ref(...) as references only', () => {
    const op = mkOp({ operands: [operand('x')] });
    expect(() => bind(op, 'custom<Foo>(ref($x)) attr-dict')).toThrow("operand #0, named 'x', not found");
  });
});

describe('bindDefFormat', () => {
  it('binds every attribute/type def format to its parameters', async () => {
    const { bindDefFormat } = await import('../../src/ir/assembly-format/syntax/index.js');
    let n = 0;
    for (const d of ALL_DIALECTS)
      for (const def of [...Object.values(d.attrDefs), ...Object.values(d.typeDefs)]) {
        if (!def.assemblyFormat) continue;
        const b = bindDefFormat(def, parseAssemblyFormat(def.assemblyFormat, { context: 'attrOrType' }));
        expect(Object.keys(b.parameters).sort()).toEqual(def.parameters.map((p) => p.name).sort());
        n++;
      }
    expect(n).toBeGreaterThan(15);
  });

  it('reports a missing parameter and unknown variables', async () => {
    const { bindDefFormat } = await import('../../src/ir/assembly-format/syntax/index.js');
    const def = {
      def: 'Test_PairAttr',
      kind: 'attr' as const,
      cppClass: 'PairAttr',
      mnemonic: 'pair',
      summary: '',
      parameters: [
        { name: 'a', cppType: 'int64_t', summary: '', optional: false },
        { name: 'b', cppType: 'int64_t', summary: '', optional: false },
      ],
      assemblyFormat: null,
      hasCustomAssemblyFormat: false,
    };
    const ctxOpt = { context: 'attrOrType' as const };
    expect(() => bindDefFormat(def, parseAssemblyFormat('`<` $a `>`', ctxOpt))).toThrow('missing reference to parameter: b');
    expect(() => bindDefFormat(def, parseAssemblyFormat('`<` $a `,` $c `>`', ctxOpt))).toThrow("'c' is not a parameter");
    expect(bindDefFormat(def, parseAssemblyFormat('`<` struct(params) `>`', ctxOpt)).parameters).toEqual({ a: 0, b: 1 });
  });
});
