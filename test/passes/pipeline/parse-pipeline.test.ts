import { describe, expect, it } from 'vitest';
import { formatPipeline, parsePipeline, plainPipeline } from '../../../src/passes/pipeline/index.js';
import { PipelineError } from '../../../src/passes/source/index.js';

function errorOf(text: string): PipelineError {
  try {
    parsePipeline(text);
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('parsePipeline', () => {
  it('parses op-anchored nesting and any()', () => {
    const ast = plainPipeline(parsePipeline('builtin.module(func.func(canonicalize,cse),any(cse))'));
    expect(ast).toEqual({
      anchor: 'builtin.module',
      elements: [
        { kind: 'nest', anchor: 'func.func', elements: [{ kind: 'pass', name: 'canonicalize' }, { kind: 'pass', name: 'cse' }] },
        { kind: 'nest', anchor: 'any', elements: [{ kind: 'pass', name: 'cse' }] },
      ],
    });
  });

  it('splits options with lists, quotes and nested braces', () => {
    const ast = plainPipeline(parsePipeline('builtin.module(p-x{k=v k2=a,b k3="quoted value" k4={nested=1} flag})'));
    expect(ast.elements[0]).toEqual({
      kind: 'pass',
      name: 'p-x',
      options: [
        { key: 'k', value: 'v' },
        { key: 'k2', value: 'a,b' },
        { key: 'k3', value: 'quoted value' },
        { key: 'k4', value: 'nested=1' },
        { key: 'flag' },
      ],
    });
  });

  it('tolerates whitespace where mlir-opt does', () => {
    const ast = parsePipeline('  builtin.module ( canonicalize  {max-iterations=2}  , func.func( cse ) ) ');
    expect(formatPipeline(ast)).toBe('builtin.module(canonicalize{max-iterations=2},func.func(cse))');
  });

  it('accepts an empty top-level pipeline and keeps empty names for the resolver', () => {
    expect(parsePipeline('builtin.module()').elements).toEqual([]);
    const ast = plainPipeline(parsePipeline('builtin.module(cse,)'));
    expect(ast.elements).toEqual([{ kind: 'pass', name: 'cse' }, { kind: 'pass', name: '' }]);
  });

  it('locates errors with mlir-opt wording, column in the whole string', () => {
    // mlir-opt reports these columns relative to the text after 'builtin.module('; ours add its 15 characters.
    const cases: [string, string, number][] = [
      ['builtin.module(canonicalize))', "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", 28],
      ['builtin.module(func.func(cse) cse)', "expected ',' after parsing pipeline", 31],
      ['builtin.module(cse{)', "missing closing '}' while processing pass options", 19],
      ['builtin.module(func.func(cse)', 'encountered unbalanced parentheses while parsing pipeline', 26],
      ['builtin.module(cse{a=1}(x))', "expected ',' after parsing pipeline", 24],
    ];
    for (const [text, message, col] of cases) {
      const e = errorOf(text);
      expect(e.detail).toBe(message);
      expect(e.column).toBe(col);
    }
  });

  it('requires the anchor wrapper', () => {
    for (const bad of ['canonicalize', '(cse)', 'builtin.module(cse}', 'builtin.module(cse', '']) {
      expect(errorOf(bad).detail).toMatch(/^expected pass pipeline to be wrapped with the anchor operation type/);
    }
  });

  it('renders a caret under the offending column', () => {
    const e = errorOf('builtin.module(func.func(cse) cse)');
    expect(e.message).toBe(
      "MLIR Textual PassPipeline Parser:1:31: error: expected ',' after parsing pipeline\n" +
        'builtin.module(func.func(cse) cse)\n' +
        '                              ^',
    );
  });

  it('notes the unclosed parenthesis', () => {
    const e = errorOf('builtin.module(func.func(cse)');
    expect(e.notes[0].offset).toBe('builtin.module(func.func'.length);
    expect(e.format()).toContain("note: this '(' is not closed");
  });
});
