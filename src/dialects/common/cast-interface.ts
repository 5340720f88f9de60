/** `CastOpInterface`'s verifier (mlir/lib/Interfaces/CastInterfaces.cpp). */
import type { Operation, Type, VerifyContext } from '../../ir/index.js';

/** `areCastCompatible` of one op, for its (first) input and its output type. */
export type CastCheck = (input: Type, output: Type) => boolean;

/** `impl::verifyCastInterfaceOp`, with MLIR's wording. */
export function verifyCastInterface(check: CastCheck, op: Operation, ctx: VerifyContext): boolean {
  if (op.results.length === 0) {
    ctx.emitOpError(op, 'expected at least one result for cast operation');
    return false;
  }
  // Every areCastCompatible in numaccl's dialects looks at the first input only (arith's scaling casts have two).
  const input = op.numOperands > 0 ? op.operand(0).type : undefined;
  if (input && op.results.length === 1 && check(input, op.results[0].type)) return true;
  const q = (t: Type): string => `'${ctx.printType(t)}'`;
  const operands = op.operands;
  const ins = operands.length === 0 ? 's []' : operands.length === 1 ? ` ${q(operands[0].type)}` : `s ${operands.map((v) => q(v.type)).join(', ')}`;
  const outs = op.results.length === 1 ? ` ${q(op.results[0].type)}` : `s ${op.results.map((r) => q(r.type)).join(', ')}`;
  ctx.emitOpError(op, `operand type${ins} and result type${outs} are cast incompatible`);
  return false;
}
