import { describe, expect, it } from 'vitest';
import {
  boolOption,
  enumOption,
  floatOption,
  formatOptionValues,
  formatPercentE,
  intOption,
  listOption,
  parseLlvmInteger,
  parseOptionEntries,
  splitListValue,
  splitOptionString,
  stringOption,
  unsignedOption,
} from '../../../src/passes/options/index.js';
import { PipelineError } from '../../../src/passes/source/index.js';

const canonicalizeLike = {
  'max-iterations': intOption('Max. iterations', 10),
  'max-num-rewrites': intOption('Max. rewrites', -1),
  'region-simplify': enumOption('Region simplification', { disabled: 'off', normal: 'simple', aggressive: 'all' }, 'normal'),
  'test-convergence': boolOption('Test only'),
  'top-down': boolOption('Top-down seeding', true),
  'disable-patterns': listOption(stringOption('Labels to filter out')),
  'enable-patterns': listOption(stringOption('Labels to keep')),
};

function parse(text: string) {
  return parseOptionEntries(canonicalizeLike, splitOptionString(text), text);
}

function failure(text: string): PipelineError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error('expected failure');
}

describe('option strings', () => {
  it('splits entries at unquoted, unbraced spaces and strips one level of quoting', () => {
    const entries = splitOptionString(`a=1 b="x y" c={p=1 q={r}} d='s t' flag e=`);
    expect(entries.map((e) => [e.key.text, e.value?.text])).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c', 'p=1 q={r}'],
      ['d', 's t'],
      ['flag', undefined],
      ['e', ''],
    ]);
  });

  it('keeps offsets pointing into the source', () => {
    const text = 'k1=v1   k2="quoted"';
    const [a, b] = splitOptionString(text);
    expect(text.slice(a.value!.offset, a.value!.offset + 2)).toBe('v1');
    expect(text.slice(b.value!.offset, b.value!.offset + 6)).toBe('quoted');
  });

  it('splits list values at top-level commas only', () => {
    const els = splitListValue({ text: 'a,"b,c",{d,e},(f,g),[h,i]', offset: 0 });
    expect(els.map((e) => e.text)).toEqual(['a', 'b,c', 'd,e', '(f,g)', '[h,i]']);
    expect(splitListValue({ text: '', offset: 0 })).toEqual([]);
  });
});

describe('typed option values', () => {
  it('fills defaults and prints the normalised form, sorted, with empty lists as nothing', () => {
    const v = parse('');
    expect(formatOptionValues(canonicalizeLike, v)).toBe(
      '{  max-iterations=10 max-num-rewrites=-1 region-simplify=normal test-convergence=false top-down=true}',
    );
  });

  it('reads every kind', () => {
    const v = parse('max-iterations=0x10 region-simplify="aggressive" test-convergence top-down=0 disable-patterns=a,{b c}');
    expect(v['max-iterations']).toBe(16);
    expect(v['region-simplify']).toBe('aggressive');
    expect(v['test-convergence']).toBe(true);
    expect(v['top-down']).toBe(false);
    expect(v['disable-patterns']).toEqual(['a', 'b c']);
    expect(formatOptionValues(canonicalizeLike, v)).toBe(
      '{disable-patterns={a,{b c}}  max-iterations=16 max-num-rewrites=-1 region-simplify=aggressive test-convergence=true top-down=false}',
    );
  });

  it('lets later scalars win and appends repeated lists, like LLVM', () => {
    const v = parse('max-iterations=1 max-iterations=2 disable-patterns=a disable-patterns=b');
    expect(v['max-iterations']).toBe(2);
    expect(v['disable-patterns']).toEqual(['a', 'b']);
  });

  it('rejects unknown options at the key, with a suggestion', () => {
    const e = failure('max-iterations=3 max-iteration=4');
    expect(e.detail).toBe('no such option max-iteration');
    expect(e.column).toBe(18);
    expect(e.notes[0].message).toBe("did you mean 'max-iterations'?");
  });

  it('lets only booleans appear without a value, as LLVM cl parsers do', () => {
    expect(parse('top-down')['top-down']).toBe(true);
    for (const key of ['max-iterations', 'region-simplify', 'disable-patterns']) {
      const e = failure(`top-down ${key}`);
      expect([e.detail, e.column]).toEqual([`for the --${key} option: requires a value!`, 10]);
    }
  });

  it('rejects bad values at the value, in LLVM wording', () => {
    const cases: [string, string, number][] = [
      ['max-iterations=abc', "for the --max-iterations option: 'abc' value invalid for long argument!", 16],
      ['top-down=maybe', "for the --top-down option: 'maybe' is invalid value for boolean argument! Try 0 or 1", 10],
      ['region-simplify=foo', "for the --region-simplify option: Cannot find option named 'foo'!", 17],
      ['max-iterations=+5', "for the --max-iterations option: '+5' value invalid for long argument!", 16],
    ];
    for (const [text, message, col] of cases) {
      const e = failure(text);
      expect(e.detail).toBe(message);
      expect(e.column).toBe(col);
    }
  });

  it('checks integer ranges per flavour and radix prefixes', () => {
    expect(parseLlvmInteger('0b101', 'long')).toBe(5n);
    expect(parseLlvmInteger('010', 'long')).toBe(8n);
    expect(parseLlvmInteger('0o17', 'long')).toBe(15n);
    expect(parseLlvmInteger('-1', 'uint')).toBeUndefined();
    expect(parseLlvmInteger('4294967295', 'uint')).toBe(4294967295n);
    expect(parseLlvmInteger('4294967296', 'uint')).toBeUndefined();
    expect(parseLlvmInteger('2147483648', 'int')).toBeUndefined();
    expect(parseLlvmInteger('99999999999999999999', 'long')).toBeUndefined();
    expect(parseLlvmInteger('08', 'long')).toBeUndefined();
  });

  it('prints floats like printf %e and strings with early spaces in braces', () => {
    expect(formatPercentE(0.3)).toBe('3.000000e-01');
    expect(formatPercentE(1e100)).toBe('1.000000e+100');
    expect(formatPercentE(Infinity)).toBe('INF');
    expect(formatPercentE(1e-320)).toBe('9.999889e-321');
    const schema = { f: floatOption('f', 0.5), s: stringOption('s', 'x y'), t: stringOption('t', 'a"b c'), u: unsignedOption('u', 3) };
    expect(formatOptionValues(schema, parseOptionEntries(schema, [], ''))).toBe('{f=5.000000e-01 s={x y} t=a"b c u=3}');
  });
});
