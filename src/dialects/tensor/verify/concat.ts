/** tensor.concat (`ConcatOp::verify`, TensorOps.cpp). */
import { DYNAMIC, type IntegerAttr, type Operation, type RankedTensorType, type VerifyContext } from '../../../ir/index.js';
import { isDyn, ranked } from './util.js';

export function verifyConcat(op: Operation, ctx: VerifyContext): void {
  if (op.numOperands < 1) return ctx.emitOpError(op, 'requires at least one input');
  const inputs = op.operands.map((v) => ranked(v.type));
  const result = ranked(op.results[0]?.type);
  if (!result || inputs.some((t) => !t)) return;
  const types = inputs as RankedTensorType[];
  const rank = result.shape.length;
  if (types.some((t) => t.shape.length !== rank)) return ctx.emitOpError(op, 'rank of concatenated inputs must match result rank');
  if (types.some((t) => t.elementType !== result.elementType)) return ctx.emitOpError(op, 'inputs and result element type must match');
  const dimAttr = op.getAttr('dim') as IntegerAttr | undefined;
  const dim = dimAttr?.kind === 'integer' ? Number(dimAttr.value) : 0;
  if (dim >= rank) return ctx.emitOpError(op, 'concatenation dim must be less than the tensor rank');
  const sizes: number[] = new Array<number>(rank).fill(0);
  for (let i = 0; i < rank; i++) {
    if (i === dim) continue;
    // SaturatedInteger::desaturate: dynamic joins anything, two statics must agree.
    let size: number | undefined;
    for (const t of types) {
      const d = t.shape[i];
      if (size === undefined || isDyn(size)) size = d;
      else if (!isDyn(d) && d !== size) return ctx.emitOpError(op, `static concatenation size mismatch along non-concatenated dimension ${i}`);
    }
    sizes[i] = size!;
  }
  sizes[dim] = types.some((t) => isDyn(t.shape[dim])) ? DYNAMIC : types.reduce((n, t) => n + t.shape[dim], 0);
  const inferred = op.context.tensorType(sizes, types[0].elementType);
  for (let i = 0; i < rank; i++) {
    const a = inferred.shape[i];
    const b = result.shape[i];
    if (!isDyn(a) && !isDyn(b) && a !== b) {
      return ctx.emitOpError(op, `result type '${ctx.printType(result)}'does not match inferred shape '${ctx.printType(inferred)}' static sizes`);
    }
  }
}

