/** The engine API: backend choice, options, IRDL, translation, errors, dispose. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createMlirEngine, sharedMlirEngine, type MlirEngine } from '../../src/mlir/index.js';
import { loadNativeAddon } from '../../src/mlir/native-addon.js';
import { bothAvailable, bothEngines, nativeAvailable, normalizeProcess, processAvailable } from './engines.js';

const CMATH_IRDL = `irdl.dialect @cmath {
  irdl.type @complex {
    %0 = irdl.is f32
    %1 = irdl.is f64
    %2 = irdl.any_of(%0, %1)
    irdl.parameters(elem: %2)
  }
  irdl.operation @norm {
    %0 = irdl.any
    %1 = irdl.parametric @cmath::@complex<%0>
    irdl.operands(complex: %1)
    irdl.results(norm: %0)
  }
}
`;
const NORM_OK = `func.func @f(%c: !cmath.complex<f32>) -> f32 {
  %0 = "cmath.norm"(%c) : (!cmath.complex<f32>) -> f32
  return %0 : f32
}
`;
const NORM_BAD = NORM_OK.replace('!cmath.complex<f32>', '!cmath.complex<i32>').replace('(!cmath.complex<f32>)', '(!cmath.complex<i32>)');

const ADD = `func.func @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
`;

describe('createMlirEngine', () => {
  test('rejects an unknown backend, naming the option', () => {
    expect(() => createMlirEngine({ backend: 'wasm' as never })).toThrow(/options\.backend/);
  });

  test.skipIf(!nativeAvailable)('auto prefers the native addon', () => {
    const e = createMlirEngine();
    expect(e.backend).toBe('native');
    e.dispose();
  });

  test('a bad maxBatch is refused, naming the option', () => {
    expect(() => createMlirEngine({ backend: 'process', maxBatch: 0 })).toThrow(/options\.maxBatch/);
    expect(() => createMlirEngine({ maxBatch: Number.NaN })).toThrow(/options\.maxBatch/);
  });

  test.skipIf(!processAvailable)('the shared engine is one per backend and survives dispose()', () => {
    const a = sharedMlirEngine('process');
    expect(sharedMlirEngine('process')).toBe(a);
    a.dispose();
    expect(a.verify(ADD).ok).toBe(true);
    expect(a.backend).toBe('process');
  });

  test('process backend with a missing executable says which one', () => {
    expect(() => createMlirEngine({ backend: 'process', mlirOpt: '/nonexistent/mlir-opt' })).toThrow(/\/nonexistent\/mlir-opt/);
  });

  test.skipIf(!processAvailable)('without the addon, auto falls back to processes and warns once why', async () => {
    vi.resetModules();
    const saved = process.env.NUMACCL_MLIR_ADDON;
    process.env.NUMACCL_MLIR_ADDON = '/nonexistent/numaccl_mlir.node';
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const fresh = await import('../../src/mlir/index.js');
      const a = fresh.createMlirEngine();
      const b = fresh.createMlirEngine();
      expect(a.backend).toBe('process');
      expect(a.verify(ADD).ok).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/\/nonexistent\/numaccl_mlir\.node does not exist/);
      expect(() => fresh.createMlirEngine({ backend: 'native' })).toThrow(/native backend unavailable/);
      a.dispose();
      b.dispose();
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.NUMACCL_MLIR_ADDON;
      else process.env.NUMACCL_MLIR_ADDON = saved;
      vi.resetModules();
    }
  });
});

describe.skipIf(!bothAvailable)('both backends', () => {
  let native: MlirEngine;
  let proc: MlirEngine;
  beforeAll(() => ({ native, proc } = bothEngines()));
  afterAll(() => {
    native?.dispose();
    proc?.dispose();
  });
  const each = (): Array<[string, MlirEngine]> => [
    ['native', native],
    ['process', proc],
  ];

  test('verify reports errors at their position in the named file', () => {
    const bad = ADD.replace('return %0 : i32', 'return %0 : i64');
    for (const [, e] of each()) {
      const r = e.verify(bad, { filename: 'add.mlir' });
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0].position).toEqual({ file: 'add.mlir', line: 3, col: 10 });
      expect(r.diagnostics[0].message).toMatch(/use of value '%0' expects different type than prior uses: 'i64' vs 'i32'/);
      expect(r.diagnostics[0].notes[0].message).toBe('prior use here');
    }
  });

  test('run with a pipeline, anchored or not, prints what mlir-opt prints', () => {
    const n = native.run(ADD, 'func.func(canonicalize)');
    expect(n.ok).toBe(true);
    expect(n.output).toContain('arith.addi %arg0, %arg1 : i32');
    expect(native.run(ADD, 'builtin.module(func.func(canonicalize))')).toEqual(n);
    expect(proc.run(ADD, 'func.func(canonicalize)')).toEqual(n);
    const generic = proc.run(ADD, '', { printGeneric: true });
    expect(generic.output).toContain('"arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32');
    expect(native.run(ADD, '', { printGeneric: true })).toEqual(generic);
  });

  test('a bad pipeline is reported the same way, whatever the input', () => {
    const n = native.run('this is not MLIR', 'cse,no-such-pass');
    const p = proc.run('this is not MLIR', 'cse,no-such-pass');
    expect(n).toEqual(p);
    expect(n.ok).toBe(false);
    expect(n.diagnostics).toHaveLength(1);
    expect(n.diagnostics[0].message).toBe("'no-such-pass' does not refer to a registered pass or pass pipeline");
    for (const bad of ['builtin.module(cse', 'canonicalize{no-such-option=1}', 'func.func(cse', 'cse)', 'builtin.module(func.func(canonicalize{max-iterations=x}))']) {
      const nb = native.run(ADD, bad);
      expect(nb.ok, bad).toBe(false);
      expect(nb.diagnostics.length, bad).toBeGreaterThan(0);
      expect(nb, bad).toEqual(proc.run(ADD, bad));
    }
  });

  test('a pass failing on implicit modules is attributed to each input in a batch', () => {
    const texts = ['"a.b"() : () -> ()', 'module {\n}', '"a.c"() : () -> ()\n"a.d"() : () -> ()'];
    const options = { allowUnregistered: true };
    const p = proc.runMany(texts, 'transform-interpreter', options);
    expect(p).toEqual(texts.map((t) => native.run(t, 'transform-interpreter', options)));
    expect(p[0].diagnostics[0].position).toEqual({ file: '<input>', line: 0, col: 0 });
    expect(p[1].diagnostics[0].position).toEqual({ file: '<input>', line: 1, col: 1 });
  });

  test('a pass that fails gives diagnostics and no output', () => {
    // convert-func-to-llvm leaves tensor-typed functions; reconcile-unrealized-casts then fails.
    const text = 'func.func @f(%t: tensor<2xf32>) -> tensor<2xf32> {\n  return %t : tensor<2xf32>\n}\n';
    const n = native.run(text, 'convert-func-to-llvm,reconcile-unrealized-casts');
    expect(n).toEqual(proc.run(text, 'convert-func-to-llvm,reconcile-unrealized-casts'));
  });

  test('IRDL dialects: inline text and file give the same verdicts on both backends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'numaccl-irdl-test-'));
    const irdlFile = join(dir, 'cmath.irdl.mlir');
    writeFileSync(irdlFile, CMATH_IRDL);
    for (const [name, e] of each()) {
      expect(e.verify(NORM_OK, { irdl: CMATH_IRDL }).ok, name).toBe(true);
      expect(e.verify(NORM_OK, { irdlFile }).ok, name).toBe(true);
      const bad = e.verify(NORM_BAD, { irdl: CMATH_IRDL });
      expect(bad.ok, name).toBe(false);
      expect(bad.diagnostics[0].position?.file).toBe('<input>');
      // Without the IRDL file the dialect does not exist.
      expect(e.verify(NORM_OK).ok, name).toBe(false);
    }
    expect(native.verify(NORM_BAD, { irdl: CMATH_IRDL })).toEqual(normalizeProcess(proc.verify(NORM_BAD, { irdl: CMATH_IRDL })));
    expect(native.verifyMany([NORM_OK, NORM_BAD, ADD], { irdlFile })).toEqual(proc.verifyMany([NORM_OK, NORM_BAD, ADD], { irdlFile }).map(normalizeProcess));
  });

  test('a broken IRDL text fails every input with diagnostics in the IRDL text', () => {
    const broken = CMATH_IRDL.replace('irdl.any_of(%0, %1)', 'irdl.any_of(%0, %9)');
    for (const [name, e] of each()) {
      const r = e.verify(ADD, { irdl: broken });
      expect(r.ok, name).toBe(false);
      expect(r.diagnostics[0].position).toMatchObject({ file: '<irdl>', line: 5 });
    }
    expect(native.verify(ADD, { irdl: broken })).toEqual(proc.verify(ADD, { irdl: broken }));
  });

  test('irdl and irdlFile together, or an unreadable irdlFile, are clear errors', () => {
    for (const [, e] of each()) {
      expect(() => e.verify(ADD, { irdl: CMATH_IRDL, irdlFile: '/x' })).toThrow(/mutually exclusive/);
      expect(() => e.verify(ADD, { irdlFile: '/nonexistent/d.irdl.mlir' })).toThrow(/options\.irdlFile: cannot read \/nonexistent\/d\.irdl\.mlir/);
    }
  });

  test('translation to LLVM IR matches mlir-translate, also after convert-to-llvm', () => {
    const lowered = native.run(ADD, 'convert-to-llvm');
    expect(lowered.ok).toBe(true);
    const n = native.translateToLLVMIR(lowered.output);
    expect(n.ok).toBe(true);
    expect(n.output).toMatch(/define i32 @add\(i32 %0, i32 %1\)/);
    expect(proc.translateToLLVMIR(lowered.output)).toEqual(n);
    // Not in the LLVM dialect: both refuse, with the same diagnostics.
    const FUNC = 'func.func @f() {\n  return\n}\n';
    const refused = native.translateToLLVMIR(FUNC);
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics[0].message).toMatch(/cannot be converted to LLVM IR/);
    expect(proc.translateToLLVMIR(FUNC)).toEqual(refused);
    expect(proc.translateManyToLLVMIR([lowered.output, FUNC, lowered.output])).toEqual([n, refused, n]);
    // mlir-translate registers only dialects that translate, so arith fails already at parsing;
    // the native context knows every dialect and fails at translation. Both refuse.
    expect(native.translateToLLVMIR(ADD).ok).toBe(false);
    expect(proc.translateToLLVMIR(ADD).ok).toBe(false);
  });

  test('translation refuses IRDL options clearly', () => {
    for (const [, e] of each()) {
      expect(() => e.translateToLLVMIR(ADD, { irdl: CMATH_IRDL } as never)).toThrow(/takes no irdl/);
    }
  });

  test('batches of one input per mlir-opt run give the same results as big batches', () => {
    const small = createMlirEngine({ backend: 'process', maxBatch: 1 });
    const texts = [ADD, NORM_OK, ADD.replace('i32 {', 'i64 {'), 'module {', ''];
    expect(small.verifyMany(texts, { allowUnregistered: true })).toEqual(proc.verifyMany(texts, { allowUnregistered: true }));
    small.dispose();
  });

  test('inputs that contain the default split marker are not split', () => {
    const text = `// -----\n${ADD}// -----\n`;
    expect(native.verify(text).ok).toBe(true);
    expect(proc.verifyMany([text, text])).toEqual([native.verify(text), native.verify(text)]);
  });
});

describe.skipIf(!nativeAvailable)('native backend never crashes the process', () => {
  test('random bytes and truncations of real IR come back as results', () => {
    const e = createMlirEngine({ backend: 'native' });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.nat(ADD.length).map((n) => ADD.slice(0, n))), fc.boolean(), (text, allowUnregistered) => {
        const r = e.run(text, 'canonicalize', { allowUnregistered });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    e.dispose();
  });

  test('deep nesting does not overflow the stack fatally', () => {
    const e = createMlirEngine({ backend: 'native' });
    const depth = 200_000;
    const r = e.verify(`"a.b"() ({${'"a.b"() ({'.repeat(depth)}`, { allowUnregistered: true });
    expect(r.ok).toBe(false);
    expect(e.verify(ADD).ok).toBe(true);
    e.dispose();
  });
});

describe.skipIf(!nativeAvailable)('dispose frees', () => {
  test('native: every context an engine made is destroyed by dispose', () => {
    const load = loadNativeAddon();
    if (!load.ok) throw new Error(load.reason);
    const before = load.addon.liveContexts();
    const e = createMlirEngine({ backend: 'native' });
    e.verify(ADD);
    e.verify(NORM_OK, { irdl: CMATH_IRDL });
    e.verify('{-# dialect_resources: { builtin: { b: "0x04000000" } } #-}'); // a throwaway context
    expect(load.addon.liveContexts()).toBe(before + 2);
    e.dispose();
    expect(load.addon.liveContexts()).toBe(before);
    expect(() => e.verify(ADD)).toThrow(/after dispose/);
    e.dispose(); // idempotent
  });

  test('native: contexts for IRDL texts are bounded (least recently used goes first)', () => {
    const load = loadNativeAddon();
    if (!load.ok) throw new Error(load.reason);
    const before = load.addon.liveContexts();
    const e = createMlirEngine({ backend: 'native' });
    let peak = 0;
    for (let i = 0; i < 12; i++) {
      const irdl = CMATH_IRDL.replaceAll('cmath', `cmath${i}`);
      expect(e.verify(NORM_OK.replaceAll('cmath', `cmath${i}`), { irdl }).ok).toBe(true);
      peak = Math.max(peak, load.addon.liveContexts() - before);
    }
    expect(peak).toBe(9); // 8 IRDL contexts plus one slot for the plain context
    e.dispose();
    expect(load.addon.liveContexts()).toBe(before);
  });

  test.skipIf(!processAvailable)('process: temporary files are removed', () => {
    const e = createMlirEngine({ backend: 'process' });
    e.verifyMany([ADD, ADD]);
    e.verify(NORM_OK, { irdl: CMATH_IRDL });
    const dirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('numaccl-mlir-')).map((d) => join(tmpdir(), d));
    const mine = dirs().filter((d) => existsSync(d) && readdirSync(d).length > 0);
    expect(mine.length).toBeGreaterThan(0); // the IRDL file lives as long as the engine
    e.dispose();
    expect(() => e.verify(ADD)).toThrow(/after dispose/);
    expect(mine.filter((d) => existsSync(d)).length).toBeLessThan(mine.length);
  });
});
