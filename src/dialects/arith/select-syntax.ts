import type { OpAsmParser, OpAsmPrinter, Operation, OperationState } from '../../ir/index.js';

// arith.select: `%c, %t, %f attr-dict : [cond-type ,] result-type`.
export function parseSelect(p: OpAsmParser, state: OperationState): void {
  const ops = [p.parseOperand()];
  p.parsePunct(',');
  ops.push(p.parseOperand());
  p.parsePunct(',');
  ops.push(p.parseOperand());
  p.parseOptionalAttrDict(state.attributes);
  p.parsePunct(':', "expected ':'");
  let condType = p.context.integerType(1) as ReturnType<OpAsmParser['parseType']>;
  let resultType = p.parseType();
  if (p.parseOptionalPunct(',')) {
    condType = resultType;
    resultType = p.parseType();
  }
  state.operands = p.resolveOperands(ops, [condType, resultType, resultType]);
  state.resultTypes = [resultType];
}

export function printSelect(p: OpAsmPrinter, op: Operation): void {
  p.write(' ');
  p.printOperands(op.operands);
  p.printOptionalAttrDict([...op.properties.entries, ...op.attributes.entries]);
  p.write(' : ');
  const cond = op.operand(0).type;
  if (cond.kind !== 'integer') {
    p.printType(cond);
    p.write(', ');
  }
  p.printType(op.resultTypes[0]);
}
