// Table completeness against the installed ODS files, and rules whose
// messages were observed from mlir-opt-22 directly (control flow, shape ops).
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SILENT_FAILURE, TOSA_SEMANTICS, type OpView, inferTosaResultTypes, parseType, printType, tensor, verifyTosaOp } from '../../src/dialects/tosa/semantics/index.js';

const TD_DIR = '/usr/lib/llvm-22/include/mlir/Dialect/Tosa/IR';
const ty = parseType;
const shape = (rank: number) => ({ kind: 'shape' as const, rank });

describe.skipIf(!existsSync(TD_DIR))('op table', () => {
  test('covers every op of TosaOps.td, TosaShapeOps.td and TosaUtilOps.td', () => {
    const names = new Set<string>();
    for (const f of ['TosaOps.td', 'TosaShapeOps.td', 'TosaUtilOps.td']) {
      const text = readFileSync(`${TD_DIR}/${f}`, 'utf8');
      for (const m of text.matchAll(/^def Tosa_\w+\s*:\s*Tosa_\w*Op<\s*"([\w.]+)"/gm)) names.add(`tosa.${m[1]}`);
    }
    expect(names.size).toBeGreaterThan(90);
    expect([...names].filter((n) => !TOSA_SEMANTICS.has(n))).toEqual([]);
  });
  test('every op with a shape-inference interface has an infer rule', () => {
    const missing = [...TOSA_SEMANTICS].filter(([, s]) =>
      (s.ods.traits.includes('InferShapedTypeOpInterface') || s.ods.traits.includes('TosaShapeOperator')) && !s.infer).map(([n]) => n);
    expect(missing).toEqual([]);
  });
});

describe('control flow (messages observed from mlir-opt-22)', () => {
  const cond = ty('tensor<i1>');
  const x = ty('tensor<2xf32>');
  const ifOp = (thenArgs: string[], thenYield: string[], elseArgs: string[], elseYield: string[]): OpView => ({
    name: 'tosa.cond_if', operands: [cond, x], results: [x], attrs: {},
    regions: [{ args: thenArgs.map(ty), yields: thenYield.map(ty) }, { args: elseArgs.map(ty), yields: elseYield.map(ty) }],
  });
  test('cond_if result count', () => {
    expect(verifyTosaOp(ifOp(['tensor<2xf32>'], ['tensor<2xf32>', 'tensor<2xf32>'], ['tensor<2xf32>'], ['tensor<2xf32>'])))
      .toEqual(["require same number of values in 'then_graph' results (2) and 'output_list' (1)"]);
  });
  test('cond_if argument shape and element type', () => {
    expect(verifyTosaOp(ifOp(['tensor<3xf32>'], ['tensor<3xf32>'], ['tensor<2xf32>'], ['tensor<2xf32>'])))
      .toEqual(["require same shapes for 'then_graph' arguments ('tensor<3xf32>') and 'input_list' ('tensor<2xf32>')"]);
    expect(verifyTosaOp(ifOp(['tensor<2xf32>'], ['tensor<2xf32>'], ['tensor<2xi32>'], ['tensor<2xf32>'])))
      .toEqual(["require same element type for 'else_graph' arguments ('i32') and 'input_list' ('f32')"]);
  });
  test('cond_if generalizes its yields (as mlir-opt-22 --tosa-infer-shapes does)', () => {
    const yields = (a: string[], b: string[]): OpView => ({
      name: 'tosa.cond_if', operands: [cond], results: a.map(() => ty('tensor<*xf32>')), attrs: {},
      regions: [{ args: [], yields: a.map(ty) }, { args: [], yields: b.map(ty) }],
    });
    const op = yields(['tensor<2x?xf32>', 'tensor<2x?xf32>', 'tensor<*xf32>', 'tensor<2x?xf32>'], ['tensor<?x3xf32>', 'tensor<2x4xf32>', 'tensor<2x?xf32>', 'tensor<5xf32>']);
    expect(inferTosaResultTypes(op)).toEqual([tensor(['?', '?'], 'f32'), tensor([2, '?'], 'f32'), tensor(null, 'f32'), tensor(null, 'f32')]);
  });
  test('while_loop condition and body results', () => {
    const i = ty('tensor<i32>');
    const loop = (condYield: string[], bodyYield: string[]): OpView => ({
      name: 'tosa.while_loop', operands: [i], results: [i], attrs: {},
      regions: [{ args: [i], yields: condYield.map(ty) }, { args: [i], yields: bodyYield.map(ty) }],
    });
    expect(verifyTosaOp(loop(['tensor<i32>'], ['tensor<i32>']))).toEqual(["'cond_graph' result must be a boolean tensor, got 'tensor<i32>'"]);
    expect(verifyTosaOp(loop(['tensor<i1>'], ['tensor<i32>', 'tensor<i32>'])))
      .toEqual(["require same number of values in 'body_graph' results (2) and 'input_list' (1)"]);
    expect(verifyTosaOp(loop(['tensor<i1>'], ['tensor<i32>']))).toEqual([]);
    expect(verifyTosaOp(loop(['tensor<1xi1>'], ['tensor<i32>']))).toEqual([]);
    expect(verifyTosaOp(loop(['tensor<2x2xi1>'], ['tensor<i32>']))).toEqual(["'cond_graph' result must be a size 1 tensor, got 'tensor<2x2xi1>'"]);
    const mismatch: OpView = { ...loop(['tensor<i1>'], ['tensor<i32>']), results: [ty('tensor<f32>')] };
    expect(verifyTosaOp(mismatch)).toEqual(["require same element type for 'input_list' ('i32') and 'output_list' ('f32')"]);
  });
});

describe('shape ops (messages observed from mlir-opt-22)', () => {
  test('dim', () => {
    const op = (axis: number, rank: number): OpView => ({
      name: 'tosa.dim', operands: [ty('tensor<2x3xf32>')], results: [shape(rank)], attrs: { axis: { kind: 'int', value: axis, type: 'i32' } },
    });
    expect(verifyTosaOp(op(2, 1))).toEqual(['expect axis to be in the range [0, 2), got 2']);
    expect(verifyTosaOp(op(1, 2))).toEqual(["expect output shape type to contain one element, got '!tosa.shape<2>'"]);
    expect(verifyTosaOp(op(1, 1))).toEqual([]);
  });
  test('concat_shape and slice_shape', () => {
    expect(verifyTosaOp({ name: 'tosa.concat_shape', operands: [shape(2), shape(1)], results: [shape(4)], attrs: {} }))
      .toEqual(['requires output shape rank to be equal to the sum of the input shape ranks (3), got 4']);
    const slice = (start: number, size: number, out: number): OpView => ({
      name: 'tosa.slice_shape', operands: [shape(3), ty('tensor<1xi32>'), ty('tensor<1xi32>')], results: [shape(out)], attrs: {},
      constants: [undefined, [start], [size]], definingOps: ['tosa.const_shape', 'tosa.const', 'tosa.const'],
    });
    expect(verifyTosaOp(slice(-1, 2, 2))).toEqual(['expected non-negative start index, got -1']);
    expect(verifyTosaOp(slice(0, 0, 2))).toEqual(['expected positive size, got 0']);
    expect(verifyTosaOp(slice(0, 2, 3))).toEqual(['expected output type size to be equal to size attribute, got 3 vs 2']);
    expect(verifyTosaOp(slice(2, 3, 3))).toEqual(['expected start + size to be less than or equal to input shape rank (3), got 5']);
    expect(verifyTosaOp(slice(1, 2, 2))).toEqual([]);
  });
  test('shape operands must come from shape operators', () => {
    const op: OpView = {
      name: 'tosa.reshape', operands: [ty('tensor<6xf32>'), shape(2)], results: [ty('tensor<2x3xf32>')], attrs: {},
      constants: [undefined, undefined], definingOps: [undefined, undefined],
    };
    expect(verifyTosaOp(op)).toEqual(['shape operand is not compile time resolvable']);
  });
});

describe('matmul element types (observed from mlir-opt-22)', () => {
  const mm = (a: string, b: string, azp: string, bzp: string): OpView => ({
    name: 'tosa.matmul', operands: [ty(`tensor<1x2x3x${a}>`), ty(`tensor<1x3x4x${b}>`), ty(`tensor<1x${azp}>`), ty(`tensor<1x${bzp}>`)],
    results: [ty('tensor<1x2x4xi48>')], attrs: {}, constants: [undefined, undefined, [0], [0]], definingOps: [undefined, undefined, 'tosa.const', 'tosa.const'],
  });
  test('mixed plain integer inputs are accepted when each zero point matches its input', () => {
    expect(verifyTosaOp(mm('i8', 'i16', 'i8', 'i16'))).toEqual([]);
  });
  test('quantized and plain inputs do not mix', () => {
    expect(verifyTosaOp(mm('!quant.uniform<i8:f32, 1.000000e-01>', 'i8', 'i8', 'i8')))
      .toEqual(["expect operands to be both quantized or both not quantized, got '!quant.uniform<i8:f32, 1.000000e-01>' and 'i8'"]);
    expect(verifyTosaOp(mm('!quant.uniform<i8:f32, 1.000000e-01>', '!quant.uniform<i16:f32, 1.000000e-01>', 'i8', 'i16')))
      .toEqual(['expect quantized operands to have same widths, got 8 and 16']);
  });
});

describe('silent failures (mlir-opt-22 exits 1 without a diagnostic)', () => {
  test('tosa.pad whose padding comes from a shape op other than const_shape', () => {
    const op: OpView = {
      name: 'tosa.pad', operands: [ty('tensor<2x3xf32>'), shape(4), ty('tensor<1xf32>')], results: [ty('tensor<4x5xf32>')], attrs: {},
      constants: [undefined, undefined, [0]], definingOps: [undefined, 'tosa.add_shape', 'tosa.const'],
    };
    const [m] = verifyTosaOp(op);
    expect(m?.startsWith(SILENT_FAILURE)).toBe(true);
    expect(verifyTosaOp({ ...op, constants: [undefined, [1, 1, 1, 1], [0]], definingOps: [undefined, 'tosa.const_shape', 'tosa.const'] })).toEqual([]);
  });
});

describe('variables (messages observed from mlir-opt-22)', () => {
  const read = (result: string, declared: string | false): OpView => ({
    name: 'tosa.variable_read', operands: [], results: [ty(result)],
    attrs: { name: '@v', variable_type: declared === false ? false : { kind: 'type', type: declared } },
  });
  test('element type and shape must match the declaration (shapes compared for compatibility)', () => {
    expect(verifyTosaOp(read('tensor<2x3xi16>', 'tensor<2x3xi8>'))).toEqual(["require same element type for 'output1' ('i16') and the input tensor ('i8')"]);
    expect(verifyTosaOp(read('tensor<3x2xi8>', 'tensor<2x3xi8>'))).toEqual(["require same shapes for 'output1' ('tensor<3x2xi8>') and the input tensor ('tensor<2x3xi8>')"]);
    expect(verifyTosaOp(read('tensor<*xi8>', 'tensor<2x3xi8>'))).toEqual([]);
    const write: OpView = { name: 'tosa.variable_write', operands: [ty('tensor<2x?xi8>')], results: [], attrs: { name: '@v', variable_type: { kind: 'type', type: 'tensor<2x3xi8>' } } };
    expect(verifyTosaOp(write)).toEqual([]);
  });
  test('undeclared variables', () => {
    expect(verifyTosaOp(read('tensor<2xi8>', false))).toEqual(["'v' has not been declared by 'tosa.variable'"]);
  });
});

describe('float and quantized spellings (observed from mlir-opt-22)', () => {
  test('quantized element types are re-spelled the way MLIR prints them', () => {
    const cases: [string, string][] = [
      ['!quant.uniform<u8:f32, 0.5>', '!quant.uniform<u8:f32, 5.000000e-01>'],
      ['!quant.uniform<i8:f32, 0.023529412224888802:-128>', '!quant.uniform<i8:f32, 0.023529412224888802:-128>'],
      ['!quant.uniform<i8<-127:127>:f32:0, {0.1:1, 2.0:3}>', '!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01:1,2.000000e+00:3}>'],
      ['!quant.uniform<i8:f32, 1.2345678>', '!quant.uniform<i8:f32, 1.2345678>'],
      ['!quant.uniform<i8:f32, 0.30000000000000004>', '!quant.uniform<i8:f32, 0.30000000000000004>'],
    ];
    for (const [written, printed] of cases) expect(printType(tensor([2], written))).toBe(`tensor<2x${printed}>`);
  });
  test('clamp bounds print with f32 precision', () => {
    const op: OpView = {
      name: 'tosa.clamp', operands: [ty('tensor<2xf32>')], results: [ty('tensor<2xf32>')],
      attrs: { min_val: { kind: 'float', value: 3.14159265, type: 'f32' }, max_val: { kind: 'float', value: 1.1, type: 'f32' } },
    };
    expect(verifyTosaOp(op)).toEqual(['expected min_val <= max_val, got min_val=3.14159274 : f32, max_val=1.100000e+00 : f32']);
  });
});
