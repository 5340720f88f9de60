import { describe, expect, it } from 'vitest';
import { classifyScope, maskCommentsAndStrings } from './scope.js';
import { corpusAvailable, readCorpus, splitOnMarkerLines } from './corpus.js';

describe('classifyScope', () => {
  it('keeps chunks whose custom ops all belong to registered dialects, and generic ops of any dialect', () => {
    const text = [
      'func.func @f(%a: i32) -> i32 {',
      '  %0 = arith.addi %a, %a : i32',
      '  %1:2 = "scf.weird"(%0) ({ "test.inner"() : () -> () }) : (i32) -> (i32, i32)',
      '  "linalg.yield"() : () -> ()',
      '  return %0 : i32',
      '}',
    ].join('\n');
    expect(classifyScope(text)).toMatchObject({ inScope: true });
  });

  it('puts chunks using another dialect’s custom syntax out of scope, naming the ops', () => {
    const v = classifyScope('func.func @f() {\n  %0 = test.foo\n  scf.yield\n  affine.for %i = 0 to 1 {\n  }\n}\n');
    expect(v.inScope).toBe(false);
    expect([...v.foreignOps.keys()]).toEqual(['test', 'scf', 'affine']);
    expect(v.reason).toBe('custom syntax of test (test.foo); custom syntax of scf (scf.yield); custom syntax of affine (affine.for)');
  });

  it('ignores dotted names in comments, strings, attribute keys, types and attributes', () => {
    const text = [
      '// scf.for in a comment',
      '"foo.op"() {test.attr = 1, llvm.emit_c_interface} : () -> ()',
      'module attributes {',
      '  gpu.container_module,',
      '  test.key = "scf.if"',
      '} {',
      '  %0 = "foo.x"() : () -> !llvm.ptr',
      '  "foo.y"() {a = #test.attr<1>} : () -> ()',
      '}',
    ].join('\n');
    expect(classifyScope(text)).toMatchObject({ inScope: true });
    expect(classifyScope('tosa.add', ['tosa'])).toMatchObject({ inScope: true });
  });

  it('masks comments and strings without moving anything', () => {
    const t = 'a "b // c" // d\n"e\\"f" g';
    const m = maskCommentsAndStrings(t);
    expect(m.length).toBe(t.length);
    expect(m).toBe('a "      "     \n"    " g');
  });
});

describe('corpus reader', () => {
  it('splits only on lines that are exactly the marker', () => {
    expect(splitOnMarkerLines('a\n// -----\n"J// -----\n// // -----\n// -----\nb')).toEqual([
      { firstLine: 1, text: 'a\n' },
      { firstLine: 3, text: '"J// -----\n// // -----\n' },
      { firstLine: 6, text: 'b\n' },
    ]);
  });

  it.skipIf(!corpusAvailable())('agrees with every MANIFEST.tsv row (chunk index and first line)', () => {
    const chunks = readCorpus();
    expect(chunks).toHaveLength(1667);
    expect(new Set(chunks.map((c) => c.kind))).toEqual(new Set(['valid', 'invalid-expected', 'rejected']));
    const valid = chunks.filter((c) => c.kind === 'valid');
    expect(valid.every((c) => c.genericOk === true)).toBe(true);
    expect(chunks.filter((c) => c.kind === 'invalid-expected').every((c) => c.text.includes('expected-error'))).toBe(true);
  });
});

describe('test-dialect expectations', () => {
  it('puts invalid chunks that use MLIR test-dialect ops or attributes out of scope, but keeps valid ones', () => {
    const text = "func.func @f() {\n  // expected-error @+1 {{'test.int_attrs' op failed}}\n  \"test.int_attrs\"() {a = 1} : () -> ()\n  return\n}\n";
    const invalid = classifyScope(text, undefined, 'invalid-expected');
    expect(invalid.inScope).toBe(false);
    expect(invalid.reason).toContain('test.int_attrs');
    expect(classifyScope(text, undefined, 'valid').inScope).toBe(true);
    // The line an expectation points at decides: a test op there is out of scope, another op is not.
    const onTestOp = '// expected-error @+1 {{failed to satisfy constraint}}\n"test.op"() {a = 1} : () -> ()\n';
    expect(classifyScope(onTestOp, undefined, 'invalid-expected').inScope).toBe(false);
    const elsewhere = '"test.op"() : () -> ()\n// expected-error @+1 {{expected attribute value}}\n"foo.op"() {a = } : () -> ()\n';
    expect(classifyScope(elsewhere, undefined, 'invalid-expected').inScope).toBe(true);
  });
});
