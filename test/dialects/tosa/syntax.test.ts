/**
 * TOSA's hand-written syntax (hasCustomAssemblyFormat in TosaOps.td): the
 * enum-attribute ops, cond_if / while_loop with their regions, and
 * tosa.variable's custom directive. Each case is held to mlir-opt-22 (it must
 * print our output as it prints the original, custom and generic); the
 * structural checks below run without it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectMlirAgrees, expectStable, fn, mlirFirstErrors, ourFirstError, ourPrint } from './round-trip.js';

const T = 'tensor<4xf32>';
const ENUM_OPS = fn(
  `%x: ${T}, %y: ${T}, %a8: tensor<13x21x3xi8>, %m: tensor<1xi32>, %s: tensor<1xi8>, %z: tensor<1xi8>, %oz: tensor<1xi32>, %img: tensor<1x8x8x8xf32>, %i: tensor<i32>, %s8: tensor<i8>`,
  [
    `  %0 = tosa.clamp %x {min_val = -3.40282347E+38 : f32, max_val = 3.40282347E+38 : f32} : (${T}) -> ${T}`,
    `  %1 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = IGNORE} : (${T}) -> ${T}`,
    `  %2 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = PROPAGATE} : (${T}) -> ${T}`,
    `  %3 = tosa.maximum %x, %y {nan_mode = IGNORE} : (${T}, ${T}) -> ${T}`,
    `  %4 = tosa.minimum %x, %y : (${T}, ${T}) -> ${T}`,
    `  %5 = tosa.rescale %a8, %m, %s, %z, %oz {rounding_mode = DOUBLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<13x21x3xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<13x21x3xi32>`,
    `  %scale = tosa.const_shape {values = dense<[2, 1, 2, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>`,
    `  %off = tosa.const_shape {values = dense<[0, 0]> : tensor<2xindex>} : () -> !tosa.shape<2>`,
    `  %6 = tosa.resize %img, %scale, %off, %off { mode = BILINEAR } : (tensor<1x8x8x8xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<?x?x?x?xf32>`,
    `  %7 = tosa.argmax %img {axis = 3 : i32, foo = 1} : (tensor<1x8x8x8xf32>) -> tensor<1x8x8xi32>`,
    `  %8 = tosa.max_pool2d %img {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>`,
    `  %9 = tosa.reduce_max %img {axis = 1 : i32}: (tensor<1x8x8x8xf32>) -> tensor<1x1x8x8xf32>`,
    `  %10 = tosa.reduce_min %img {axis = 1 : i32, nan_mode = #tosa.nan_mode<IGNORE>}: (tensor<1x8x8x8xf32>) -> tensor<1x1x8x8xf32>`,
    `  %11 = tosa.apply_scale %i, %i, %s8 {rounding_mode = SINGLE_ROUND} : (tensor<i32>, tensor<i32>, tensor<i8>) -> tensor<i32>`,
  ].join('\n'),
);

const BLOCK_SCALED = fn(
  '%arg0: tensor<4x32xf4E2M1FN>, %arg1: tensor<4x1xf8E8M0FNU>, %x: tensor<6x2x32xf32>, %p: tensor<4x8x32xf8E4M3FN>, %ps: tensor<4x8x1xf8E8M0FNU>, %q: tensor<4x16x32xf8E4M3FN>, %qs: tensor<4x16x1xf8E8M0FNU>',
  [
    '  %m = tosa.matmul_t_block_scaled %p, %ps, %q, %qs {block_size = #tosa.block_size<BLOCK_SIZE_32>} : (tensor<4x8x32xf8E4M3FN>, tensor<4x8x1xf8E8M0FNU>, tensor<4x16x32xf8E4M3FN>, tensor<4x16x1xf8E8M0FNU>) -> tensor<4x8x16xf32>',
    '  %0 = tosa.cast_from_block_scaled %arg0, %arg1 {block_size = #tosa.block_size<BLOCK_SIZE_32> : i32} : (tensor<4x32xf4E2M1FN>, tensor<4x1xf8E8M0FNU>) -> tensor<4x32xf32>',
    '  %1 = tosa.cast_from_block_scaled %arg0, %arg1 {block_size = BLOCK_SIZE_32, stochastic = true} : (tensor<4x32xf4E2M1FN>, tensor<4x1xf8E8M0FNU>) -> tensor<4x32xf32>',
    '  %a, %sa = tosa.cast_to_block_scaled %x {block_size = BLOCK_SIZE_32} : (tensor<6x2x32xf32>) -> (tensor<6x2x32xf6E3M2FN>, tensor<6x2x1xf8E8M0FNU>)',
  ].join('\n'),
);

const CONTROL_FLOW = `func.func @if(%c: tensor<i1>, %a: tensor<2xf32>, %b: tensor<3xf32>) {
  %0 = tosa.cond_if %c (%x = %a, %y = %b) : tensor<i1> (tensor<2xf32>, tensor<3xf32>) -> tensor<*xf32> {
  ^bb0(%x: tensor<2xf32>, %y: tensor<3xf32>):
    tosa.yield %x : tensor<2xf32>
  } else {
  ^bb0(%x: tensor<2xf32>, %y: tensor<3xf32>):
    tosa.yield %y : tensor<3xf32>
  }
  %1 = tosa.cond_if %c : tensor<i1> -> tensor<2xf32> {
    tosa.yield %a : tensor<2xf32>
  } else {
    tosa.yield %a : tensor<2xf32>
  } {note = "kept"}
  return
}
func.func @while(%arg0: tensor<10xi32>, %arg1: tensor<i32>) {
  %0 = "tosa.const"() {values = dense<0> : tensor<i32>} : () -> tensor<i32>
  %1:2 = tosa.while_loop (%i = %0, %v = %arg0) : (tensor<i32>, tensor<10xi32>) -> (tensor<i32>, tensor<10xi32>) {
    %2 = tosa.greater_equal %i, %arg1 : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %3 = tosa.logical_not %2 : (tensor<i1>) -> tensor<i1>
    tosa.yield %3 : tensor<i1>
  } do {
  ^bb0(%i: tensor<i32>, %v: tensor<10xi32>):
    %2 = tosa.add %i, %i : (tensor<i32>, tensor<i32>) -> tensor<i32>
    tosa.yield %2, %v : tensor<i32>, tensor<10xi32>
  } attributes {note = "kept"}
  return
}
`;

const VARIABLES = `module {
  tosa.variable @a : tensor<?x8xf32>
  tosa.variable @b = dense<0.0> : tensor<1x8xf32>
  tosa.variable @c = dense<[1, 2]> : tensor<2xi8>
  tosa.variable @d {foo} : tensor<f32>
  func.func @use(%x: tensor<1x8xf32>) {
    %0 = tosa.variable_read @b : tensor<1x8xf32>
    tosa.variable_write @b, %x : tensor<1x8xf32>
    return
  }
}
`;

const CASES = { ENUM_OPS, BLOCK_SCALED, CONTROL_FLOW, VARIABLES };

describe('tosa custom syntax', () => {
  it.each(Object.entries(CASES))('%s: our print is a fixpoint in both forms', (_name, text) => {
    expectStable(text);
  });

  it('prints enum attributes bare and sorted, and elides nan_mode = PROPAGATE (MLIR printWithEnumHandling)', () => {
    const out = ourPrint(ENUM_OPS);
    expect(out).toContain(
      '{input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = DOUBLE_ROUND, scale32 = true}',
    );
    expect(out).toMatch(/tosa\.clamp %arg0 \{max_val = [^,]+ : f32, min_val = [^,]+ : f32, nan_mode = IGNORE\}/);
    expect(out).toMatch(/%2 = tosa\.clamp %arg0 \{max_val = [^,]+ : f32, min_val = [^,]+ : f32\} :/);
    expect(out).toContain('{mode = BILINEAR}');
    expect(out).not.toContain('#tosa.');
    const generic = ourPrint(ENUM_OPS, true);
    expect(generic).toContain('rounding_mode = #tosa.rounding_mode<DOUBLE_ROUND>');
    expect(generic).toContain('mode = #tosa.resize_mode<BILINEAR>');
    expect(ourPrint(BLOCK_SCALED)).toMatch(/tosa\.matmul_t_block_scaled %arg3, %arg4, %arg5, %arg6 \{block_size = BLOCK_SIZE_32\} : /);
    expect(ourPrint(BLOCK_SCALED, true)).toContain('<{block_size = #tosa.block_size<BLOCK_SIZE_32>}>');
  });

  it('keeps cond_if / while_loop operands, result types, regions and attributes', () => {
    const out = ourPrint(CONTROL_FLOW);
    expect(out).toMatch(/tosa\.cond_if %arg0 \(%arg\d+ = %arg1, %arg\d+ = %arg2\) : tensor<i1> \(tensor<2xf32>, tensor<3xf32>\) -> tensor<\*xf32> \{/);
    expect(out).toMatch(/\} else \{/);
    expect(out).toMatch(/tosa\.cond_if %arg0 : tensor<i1> -> tensor<2xf32> \{[^]*\} \{note = "kept"\}/);
    expect(out).toMatch(/tosa\.while_loop \(%arg\d+ = %0, %arg\d+ = %arg0\) : \(tensor<i32>, tensor<10xi32>\) -> \(tensor<i32>, tensor<10xi32>\) \{/);
    expect(out).toMatch(/\} do \{\n\s+\^bb0\(/);
    expect(out).toContain('} attributes {note = "kept"}');
  });

  it('stores tosa.variable as var_shape (-1 for ?) plus element type, as MLIR does', () => {
    const generic = ourPrint(VARIABLES, true);
    expect(generic).toContain('sym_name = "a", type = f32, var_shape = dense<[-1, 8]> : tensor<2xindex>');
    expect(generic).toContain('initial_value = dense<[1, 2]> : tensor<2xi8>');
    expect(generic).toMatch(/sym_name = "d", type = f32, var_shape = dense<> : tensor<0xindex>\}> \{foo\}/);
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('mlir-opt-22 prints our output as it prints the originals', async () => {
    await expectMlirAgrees(Object.values(CASES));
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('drops an enum attribute given as a string, exactly as MLIR does (generic form too)', async () => {
    const text = fn(`%x: ${T}`, `  %0 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = "IGNORE"} : (${T}) -> ${T}`);
    expect(ourPrint(text)).not.toContain('nan_mode');
    await expectMlirAgrees([text]);
  });

  const REJECTED = [
    fn(`%x: ${T}`, `  %0 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = SOMETIMES} : (${T}) -> ${T}`),
    fn('%i: tensor<i32>, %s: tensor<i8>', '  %0 = tosa.apply_scale %i, %i, %s {rounding_mode = NEAREST} : (tensor<i32>, tensor<i32>, tensor<i8>) -> tensor<i32>'),
    'module {\n  tosa.variable @v : tensor<*xi8>\n}\n',
    'module {\n  tosa.variable @v = "x"\n}\n',
    fn('%c: tensor<i1>, %a: tensor<f32>', '  %0 = tosa.cond_if %c (%x = %a) : tensor<i1> (tensor<f32>, tensor<f32>) -> tensor<f32> {\n    tosa.yield %a : tensor<f32>\n  }'),
    fn('%a: tensor<f32>', '  %0 = tosa.while_loop (%x = %a) : (tensor<f32>, tensor<f32>) -> tensor<f32> {\n    tosa.yield %a : tensor<f32>\n  } do {\n    tosa.yield %a : tensor<f32>\n  }'),
  ];

  it('rejects malformed custom forms with a located error', () => {
    for (const t of REJECTED) expect(ourFirstError(t), t).toMatch(/^\d+:\d+: \S/);
    expect(ourFirstError(REJECTED[0])).toContain("custom op 'tosa.clamp' invalid nan_mode value: SOMETIMES");
    expect(ourFirstError(REJECTED[2])).toContain("custom op 'tosa.variable' expected ranked type");
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives the same first error as mlir-opt-22 (message and position)', async () => {
    const theirs = await mlirFirstErrors(REJECTED);
    REJECTED.forEach((t, i) => expect(ourFirstError(t), t).toBe(theirs[i]));
  });
});

/** Random attribute dictionaries on the NaN-handling and rounding ops. */
const nanOp = fc.record({
  op: fc.constantFrom('clamp', 'maximum', 'minimum', 'reduce_max', 'reduce_min', 'argmax'),
  nan: fc.constantFrom(undefined, 'PROPAGATE', 'IGNORE', '#tosa.nan_mode<IGNORE>', '#tosa.nan_mode<PROPAGATE>'),
  extra: fc.uniqueArray(fc.constantFrom('a_unit = unit', 'zz = 3', 'b = "s"', 'm = [1, 2]'), { maxLength: 3 }),
});

function nanOpText(c: { op: string; nan: string | undefined; extra: readonly string[] }): string {
  const attrs = [...c.extra, ...(c.nan ? [`nan_mode = ${c.nan}`] : [])];
  const base: Record<string, [string, string, string]> = {
    clamp: ['%x', 'min_val = 0.0 : f32, max_val = 1.0 : f32', `(${T}) -> ${T}`],
    maximum: ['%x, %x', '', `(${T}, ${T}) -> ${T}`],
    minimum: ['%x, %x', '', `(${T}, ${T}) -> ${T}`],
    reduce_max: ['%x', 'axis = 0 : i32', `(${T}) -> tensor<1xf32>`],
    reduce_min: ['%x', 'axis = 0 : i32', `(${T}) -> tensor<1xf32>`],
    argmax: ['%x', 'axis = 0 : i32', `(${T}) -> tensor<i32>`],
  };
  const [operands, own, type] = base[c.op];
  const dict = [own, ...attrs].filter((s) => s !== '').join(', ');
  return fn(`%x: ${T}`, `  %0 = tosa.${c.op} ${operands}${dict ? ` {${dict}}` : ''} : ${type}`);
}

describe('tosa enum-attribute syntax on random attribute dictionaries', () => {
  it('is a fixpoint and never prints the enum wrapper in custom form', () => {
    fc.assert(
      fc.property(nanOp, (c) => {
        const text = nanOpText(c);
        expectStable(text);
        const out = ourPrint(text);
        expect(out).not.toContain('#tosa.nan_mode');
        expect(out.includes('nan_mode = IGNORE')).toBe(c.nan !== undefined && c.nan.includes('IGNORE'));
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('agrees with mlir-opt-22 on every generated case', async () => {
    const texts = fc.sample(nanOp, { numRuns: 200, seed: 7 }).map(nanOpText);
    await expectMlirAgrees([...new Set(texts)]);
  });
});
