/**
 * TOSA shape inference as an op interface on the tosa dialect: for ops whose
 * results are written unranked, the types it infers are the ones
 * `mlir-opt-22 --tosa-infer-shapes` writes back; for fully typed ops it gives
 * back the written result types.
 */
import { describe, expect, it } from 'vitest';
import { parse, printType, type Operation } from '../../../src/ir/index.js';
import { createContext } from '../../../src/dialects/index.js';
import { TOSA_INFER_INTERFACE, type TosaShapeInference } from '../../../src/dialects/tosa/index.js';
import { MLIR_OPT_AVAILABLE } from './round-trip.js';
import { runMlirOpt } from '../../support/mlir-opt.js';

const UNRANKED = `func.func @f(%a: tensor<2x1x3xf32>, %b: tensor<1x4x3xf32>, %m: tensor<2x3x5xf32>, %n: tensor<2x5x7xf32>, %img: tensor<1x8x8x4xf32>, %w: tensor<6x3x3x4xf32>, %bias: tensor<6xf32>, %q: tensor<2x1x3xi8>) {
  %0 = tosa.add %a, %b : (tensor<2x1x3xf32>, tensor<1x4x3xf32>) -> tensor<*xf32>
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %1 = tosa.matmul %m, %n, %zp, %zp : (tensor<2x3x5xf32>, tensor<2x5x7xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<*xf32>
  %s = tosa.const_shape {values = dense<[3, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %2 = tosa.reshape %a, %s : (tensor<2x1x3xf32>, !tosa.shape<2>) -> tensor<*xf32>
  %3 = tosa.transpose %m {perms = array<i32: 2, 0, 1>} : (tensor<2x3x5xf32>) -> tensor<*xf32>
  %4 = tosa.reduce_sum %m {axis = 1 : i32} : (tensor<2x3x5xf32>) -> tensor<*xf32>
  %5 = tosa.concat %a, %a {axis = 1 : i32} : (tensor<2x1x3xf32>, tensor<2x1x3xf32>) -> tensor<*xf32>
  %6 = tosa.conv2d %img, %w, %bias, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x4xf32>, tensor<6x3x3x4xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<*xf32>
  %7 = tosa.max_pool2d %img {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>) -> tensor<*xf32>
  %8 = tosa.argmax %m {axis = 2 : i32} : (tensor<2x3x5xf32>) -> tensor<*xi32>
  %t = tosa.const_shape {values = dense<[1, 2, 1]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %9 = tosa.tile %a, %t : (tensor<2x1x3xf32>, !tosa.shape<3>) -> tensor<*xf32>
  %10 = tosa.cast %q : (tensor<2x1x3xi8>) -> tensor<*xf32>
  %st = tosa.const_shape {values = dense<[0, 0, 1]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %sz = tosa.const_shape {values = dense<[2, 1, 2]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %11 = tosa.slice %a, %st, %sz : (tensor<2x1x3xf32>, !tosa.shape<3>, !tosa.shape<3>) -> tensor<*xf32>
  return
}
`;

/** The module's tosa ops that offer inference, in order (constants excluded). */
function inferringOps(text: string): Operation[] {
  const { module } = parse(createContext({ allowUnregistered: true }), text);
  const ops: Operation[] = [];
  module.walk((op: Operation) => {
    if (op.name.startsWith('tosa.') && !op.name.startsWith('tosa.const') && op.definition?.interfaces?.has(TOSA_INFER_INTERFACE)) ops.push(op);
  });
  return ops;
}

function inferred(op: Operation): string[] | undefined {
  const iface = op.definition?.interfaces?.get(TOSA_INFER_INTERFACE) as TosaShapeInference;
  return iface.inferResultTypes(op)?.map(printType);
}

describe('tosa shape inference interface', () => {
  it('is offered by the shape-inferring ops and refines every unranked result here', () => {
    const ops = inferringOps(UNRANKED);
    expect(ops.map((o) => o.name)).toEqual([
      'tosa.add', 'tosa.matmul', 'tosa.reshape', 'tosa.transpose', 'tosa.reduce_sum', 'tosa.concat',
      'tosa.conv2d', 'tosa.max_pool2d', 'tosa.argmax', 'tosa.tile', 'tosa.cast', 'tosa.slice',
    ]);
    for (const op of ops) expect(inferred(op)?.[0], op.name).toMatch(/^tensor<(\d+x)*[a-z0-9]+>$/);
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('infers what mlir-opt-22 --tosa-infer-shapes writes', async () => {
    const [theirs] = await runMlirOpt([UNRANKED], { args: ['--tosa-infer-shapes'] });
    expect(theirs.ok).toBe(true);
    const refined = inferringOps(theirs.output);
    const ours = inferringOps(UNRANKED);
    expect(ours.length).toBe(refined.length);
    ours.forEach((op, i) => expect(inferred(op), op.name).toEqual(refined[i].resultTypes.map(printType)));
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives back the written types of a fully typed program', async () => {
    const [theirs] = await runMlirOpt([UNRANKED], { args: ['--tosa-infer-shapes'] });
    for (const op of inferringOps(theirs.output)) expect(inferred(op), op.name).toEqual(op.resultTypes.map(printType));
  });
});
