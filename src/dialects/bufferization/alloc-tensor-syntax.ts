// bufferization.alloc_tensor (C++ syntax in BufferizationOps.cpp):
//   `(%dyn, ...) (copy(%t))? (size_hint=%h)? attr-dict : tensor-type`
import type { OpAsmParser, OpAsmPrinter, Operation, OperationState, UnresolvedOperand, Attribute, DenseArrayAttr } from '../../ir/index.js';

function sortedAttrs(op: Operation): { name: string; value: Attribute }[] {
  return [...op.properties.entries, ...op.attributes.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function parseAllocTensor(p: OpAsmParser, state: OperationState): void {
  const dynamic = p.parseOperandList('paren');
  let copy: UnresolvedOperand | undefined;
  let sizeHint: UnresolvedOperand | undefined;
  if (p.parseOptionalKeyword('copy')) {
    p.parsePunct('(', "expected '('");
    copy = p.parseOperand();
    p.parsePunct(')', "expected ')'");
  }
  if (p.parseOptionalKeyword('size_hint')) {
    p.parsePunct('=', "expected '='");
    sizeHint = p.parseOperand();
  }
  p.parseOptionalAttrDict(state.attributes);
  const type = p.parseColonType();
  const index = p.context.indexType();
  state.operands = p.resolveOperands(dynamic, dynamic.map(() => index));
  if (copy) state.operands.push(p.resolveOperand(copy, type));
  if (sizeHint) state.operands.push(p.resolveOperand(sizeHint, index));
  state.resultTypes = [type];
  const segments = [dynamic.length, copy ? 1 : 0, sizeHint ? 1 : 0];
  state.properties.set('operandSegmentSizes', p.context.denseArrayAttr(p.context.integerType(32), segments));
}

export function printAllocTensor(p: OpAsmPrinter, op: Operation): void {
  const seg = op.getProperty('operandSegmentSizes');
  const [nDyn, nCopy, nHint] = seg?.kind === 'dense_array' ? (seg as DenseArrayAttr).values.map(Number) : [op.numOperands, 0, 0];
  const ops = op.operands;
  p.write(`(${ops.slice(0, nDyn).map((v) => p.valueName(v)).join(', ')})`);
  if (nCopy) p.write(` copy(${p.valueName(ops[nDyn])})`);
  if (nHint) p.write(` size_hint=${p.valueName(ops[nDyn + nCopy])}`);
  p.printOptionalAttrDict(sortedAttrs(op), ['operandSegmentSizes']);
  p.write(' : ');
  p.printType(op.resultTypes[0]);
}
