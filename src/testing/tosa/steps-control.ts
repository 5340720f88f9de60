// Program steps for TOSA control flow: tosa.cond_if and tosa.while_loop with
// one-block regions (block arguments carry the op's inputs; the result
// types are inferred from what the regions yield, as MLIR does).
import { tensor } from '../../dialects/tosa/semantics/index.js';
import type { ProgramBuilder } from './builder.js';
import type { RegionBody, RegionOp } from './program.js';
import type { Step } from './steps-elementwise.js';
import { anyTensor } from './steps-elementwise.js';

const SAME_TYPE_UNARY: Readonly<Record<string, readonly string[]>> = {
  f32: ['tosa.abs', 'tosa.exp', 'tosa.tanh', 'tosa.floor', 'tosa.identity'],
  i32: ['tosa.abs', 'tosa.bitwise_not', 'tosa.identity'],
};

/** A region applying up to two same-type unary ops to block argument 0 and yielding the result. */
function unaryRegion(b: ProgramBuilder, element: string, firstArg: number, result: () => RegionOp['result']): RegionBody {
  const ops: RegionOp[] = [];
  for (let n = b.int(0, 2); n > 0; n--) {
    ops.push({ name: b.choose(SAME_TYPE_UNARY[element]!), operands: [ops.length ? { rop: ops.length - 1 } : { barg: 0 }], result: result() });
  }
  return { firstArg, ops, yields: [ops.length ? { rop: ops.length - 1 } : { barg: 0 }] };
}

/** A rank-0 or rank-1 `i1` condition. */
const condition = (b: ProgramBuilder) => b.arg(tensor(b.bool() ? [] : [1], 'i1'));

const condIf: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const t = b.ranked(x);
  const cond = condition(b);
  b.emit('tosa.cond_if', [cond, x], {}, undefined, [unaryRegion(b, t.element, 1, () => t), unaryRegion(b, t.element, 1, () => t)]);
};

const whileLoop: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const t = b.ranked(x);
  // The condition region yields a function argument: regions are not isolated from above.
  const cond: RegionBody = { firstArg: 0, ops: [], yields: [{ outer: condition(b) }] };
  b.emit('tosa.while_loop', [x], {}, undefined, [cond, unaryRegion(b, t.element, 0, () => t)]);
};

export const CONTROL_STEPS: Readonly<Record<string, Step>> = { condIf, whileLoop };
