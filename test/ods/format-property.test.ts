import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FormatElement,
  FormatSyntaxError,
  parseAssemblyFormat,
  printAssemblyFormat,
} from '../../src/ir/assembly-format/syntax/index.js';

const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
const keyword = fc.stringMatching(/^[a-z][a-z0-9_.]{0,6}$/);
const punct = fc.constantFrom('->', ':', ',', '=', '<', '>', '(', ')', '[', ']', '{', '}', '?', '+', '*', '|', '...');

const literal = fc.oneof(keyword, punct).map((value): FormatElement => ({ kind: 'literal', value }));
const whitespace = fc.constantFrom<FormatElement>(
  { kind: 'whitespace', value: '' },
  { kind: 'whitespace', value: ' ' },
  { kind: 'whitespace', value: '\n' },
);
const variable = ident.map((name): FormatElement => ({ kind: 'variable', name }));
const typeArg = fc.oneof(variable, fc.constantFrom<FormatElement>({ kind: 'operands' }, { kind: 'results' }));
const typeDir = typeArg.map((arg): FormatElement => ({ kind: 'type', arg }));
const qualified = fc.oneof(variable, typeDir).map((arg): FormatElement => ({ kind: 'qualified', arg }));
const functional = fc
  .tuple(typeArg, typeArg)
  .map(([inputs, results]): FormatElement => ({ kind: 'functionalType', inputs, results }));
const keywordDirective = fc.constantFrom<FormatElement>(
  { kind: 'attrDict', withKeyword: false },
  { kind: 'attrDict', withKeyword: true },
  { kind: 'propDict' },
  { kind: 'operands' },
  { kind: 'results' },
  { kind: 'regions' },
  { kind: 'successors' },
);
const customArg = fc.oneof(
  variable,
  typeDir,
  fc.oneof(variable, typeDir).map((arg): FormatElement => ({ kind: 'ref', arg })),
  fc.stringMatching(/^[a-z0-9 ]{0,5}$/).map((value): FormatElement => ({ kind: 'string', value })),
);
const custom = fc
  .tuple(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/), fc.array(customArg, { maxLength: 3 }))
  .map(([name, args]): FormatElement => ({ kind: 'custom', name, args }));

const leaf = fc.oneof(literal, whitespace, variable, typeDir, qualified, functional, keywordDirective, custom);

/** An optional group: a literal/variable/custom first, the anchor on a variable or custom directive. */
const optional = (inner: fc.Arbitrary<FormatElement>): fc.Arbitrary<FormatElement> =>
  fc
    .tuple(
      fc.oneof(literal, variable, custom),
      fc.array(inner, { maxLength: 3 }),
      fc.oneof(variable, custom),
      fc.nat(),
      fc.option(fc.array(inner, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    )
    .map(([first, rest, anchorElem, pos, elseElems]): FormatElement => {
      const then = [first, ...rest];
      const at = 1 + (pos % then.length);
      then.splice(at, 0, anchorElem);
      return elseElems
        ? { kind: 'optional', then, anchor: at, else: elseElems }
        : { kind: 'optional', then, anchor: at };
    });

const oilist = fc
  .array(fc.tuple(keyword, fc.array(fc.oneof(literal, variable, typeDir), { maxLength: 3 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map(([...clauses]): FormatElement => ({
    kind: 'oilist',
    clauses: clauses.map(([kw, elements]) => ({ keyword: kw, elements })),
  }));

const element = fc.oneof({ weight: 6, arbitrary: leaf }, { weight: 2, arbitrary: optional(fc.oneof(leaf, optional(leaf))) }, { weight: 1, arbitrary: oilist });
const format = fc.array(element, { minLength: 1, maxLength: 8 });

describe('assembly-format print → parse', () => {
  it('is a fixed point on random format ASTs', () => {
    fc.assert(
      fc.property(format, (ast) => {
        const text = printAssemblyFormat(ast);
        const back = parseAssemblyFormat(text);
        expect(back).toEqual(ast);
        expect(printAssemblyFormat(back)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never fails with anything but FormatSyntaxError on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'$`()?^:,<>|"ab_- \n'.split(''), 'type', 'custom', 'attr-dict', 'ref', 'oilist');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((xs) => xs.join('')), (text) => {
        try {
          parseAssemblyFormat(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FormatSyntaxError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
