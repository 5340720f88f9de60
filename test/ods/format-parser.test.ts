import { describe, expect, it } from 'vitest';
import {
  FormatSyntaxError,
  formatVariables,
  parseAssemblyFormat,
  printAssemblyFormat,
} from '../../src/ir/assembly-format/syntax/index.js';

const v = (name: string) => ({ kind: 'variable', name }) as const;
const lit = (value: string) => ({ kind: 'literal', value }) as const;

describe('parseAssemblyFormat', () => {
  it('parses literals, variables, type and attr-dict (arith.addi)', () => {
    expect(parseAssemblyFormat('$lhs `,` $rhs attr-dict `:` type($result)')).toEqual([
      v('lhs'),
      lit(','),
      v('rhs'),
      { kind: 'attrDict', withKeyword: false },
      lit(':'),
      { kind: 'type', arg: v('result') },
    ]);
  });

  it('distinguishes the three whitespace literals from keywords', () => {
    expect(parseAssemblyFormat('`` ` ` `\\n` `to`')).toEqual([
      { kind: 'whitespace', value: '' },
      { kind: 'whitespace', value: ' ' },
      { kind: 'whitespace', value: '\n' },
      lit('to'),
    ]);
  });

  it('parses an optional group and records its anchor index', () => {
    const [g] = parseAssemblyFormat('(`overflow` `` $overflowFlags^)?');
    expect(g).toEqual({
      kind: 'optional',
      then: [lit('overflow'), { kind: 'whitespace', value: '' }, v('overflowFlags')],
      anchor: 2,
    });
  });

  it('parses an else group after `:`', () => {
    const [g] = parseAssemblyFormat('(`(` $x^ `)`)? : (`none`)');
    expect(g).toMatchObject({ kind: 'optional', anchor: 1, else: [lit('none')] });
  });

  it('parses functional-type over operands and results', () => {
    expect(parseAssemblyFormat('functional-type(operands, results)')).toEqual([
      { kind: 'functionalType', inputs: { kind: 'operands' }, results: { kind: 'results' } },
    ]);
  });

  it('parses custom directives with ref, type and string arguments', () => {
    expect(parseAssemblyFormat('custom<DynamicIndexList>($offsets, ref(type($x)), "i64") attr-dict')).toEqual([
      {
        kind: 'custom',
        name: 'DynamicIndexList',
        args: [v('offsets'), { kind: 'ref', arg: { kind: 'type', arg: v('x') } }, { kind: 'string', value: 'i64' }],
      },
      { kind: 'attrDict', withKeyword: false },
    ]);
  });

  it('parses qualified(type(...)), prop-dict, regions, successors, attr-dict-with-keyword', () => {
    expect(parseAssemblyFormat('qualified(type($t)) prop-dict regions successors attr-dict-with-keyword')).toEqual([
      { kind: 'qualified', arg: { kind: 'type', arg: v('t') } },
      { kind: 'propDict' },
      { kind: 'regions' },
      { kind: 'successors' },
      { kind: 'attrDict', withKeyword: true },
    ]);
  });

  it('parses oilist clauses', () => {
    expect(parseAssemblyFormat('oilist(`lower` `(` $lb `)` | `nowait` $nowait)')).toEqual([
      {
        kind: 'oilist',
        clauses: [
          { keyword: 'lower', elements: [lit('('), v('lb'), lit(')')] },
          { keyword: 'nowait', elements: [v('nowait')] },
        ],
      },
    ]);
  });

  it('accepts params and struct only in attribute/type formats', () => {
    expect(parseAssemblyFormat('`<` struct(params) `>`', { context: 'attrOrType' })).toEqual([
      lit('<'),
      { kind: 'struct', args: [{ kind: 'params' }] },
      lit('>'),
    ]);
    expect(() => parseAssemblyFormat('`<` params `>`')).toThrow(/only valid in attribute and type formats/);
  });

  it('lists variables in order of first appearance, including nested ones', () => {
    expect(formatVariables(parseAssemblyFormat('$a (`x` $b^ type($c))? custom<F>($d, ref($a)) type($a)'))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('malformed formats', () => {
  const cases: [string, RegExp, number][] = [
    ['$a `,', /unterminated literal/, 3],
    ['$a (`x` $b)?', /no anchor/, 3],
    ['($a^ $b^)?', /only one element/, 7],
    ['$a foo', /unknown directive 'foo'/, 3],
    ['type(`x`)', /literals are not allowed here/, 5],
    ['type(attr-dict)', /invalid argument to 'type'/, 5],
    ['ref($x)', /only valid within a custom directive/, 0],
    ['custom<>($x)', /custom directive name/, 7],
    ['`%bad`', /valid literal/, 0],
    ['($x^', /close optional group/, 0],
    ['($x^)', /expected '\?'/, 5],
    ['(`a` $x^)? : ()', /else group has no elements/, 13],
    ['$', /variable name/, 0],
    ['$a # $b', /unexpected character '#'/, 3],
  ];
  for (const [src, message, offset] of cases) {
    it(`rejects ${JSON.stringify(src)} at offset ${offset}`, () => {
      let err: unknown;
      try {
        parseAssemblyFormat(src);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormatSyntaxError);
      const fe = err as FormatSyntaxError;
      expect(fe.message).toMatch(message);
      expect(fe.offset).toBe(offset);
    });
  }

  it('reports line and column for multi-line formats', () => {
    try {
      parseAssemblyFormat('$a `,` $b\n    attr-dict bogus');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ line: 2, col: 15 });
    }
  });
});

describe('printAssemblyFormat', () => {
  it('prints a canonical form that re-parses to the same AST', () => {
    const src = '$a `,` $b (`fastmath` `` $fm^)?\n attr-dict `:` functional-type(operands, results) `\\n`';
    const ast = parseAssemblyFormat(src);
    const printed = printAssemblyFormat(ast);
    expect(printed).toBe('$a `,` $b (`fastmath` `` $fm^)? attr-dict `:` functional-type(operands, results) `\\n`');
    expect(parseAssemblyFormat(printed)).toEqual(ast);
  });
});
