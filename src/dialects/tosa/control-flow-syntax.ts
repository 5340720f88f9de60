// Custom syntax of tosa.cond_if and tosa.while_loop (TosaOps.cpp in LLVM 22):
//   tosa.cond_if %c (%a = %x, ...)? : tensor<i1> (input types)? -> results {then} (else {else})? attr-dict
//   tosa.while_loop (%a = %x, ...)? : (input types) -> results {cond} do {body} attr-dict-with-keyword
import {
  Region,
  type BlockArgument,
  type FunctionType,
  type OpAsmParser,
  type OpAsmPrinter,
  type Operation,
  type OperationState,
  type ParsedArgument,
  type Type,
  type UnresolvedOperand,
  type Value,
} from '../../ir/index.js';
import { sortedAttrs } from './enum-attr-syntax.js';

/** An error from the op's own parser: MLIR prefixes it with `custom op '<name>'`. */
function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

/** `(%arg = %init, ...)` when present (MLIR's parseOptionalAssignmentList). */
function parseOptionalAssignmentList(p: OpAsmParser): { args: ParsedArgument[]; operands: UnresolvedOperand[] } | undefined {
  if (!p.parseOptionalPunct('(')) return undefined;
  const args: ParsedArgument[] = [];
  const operands: UnresolvedOperand[] = [];
  if (!p.parseOptionalPunct(')')) {
    do {
      args.push(p.parseArgument(false, false));
      p.parsePunct('=', "expected '='");
      operands.push(p.parseOperand());
    } while (p.parseOptionalPunct(','));
    p.parsePunct(')', "expected ')' in argument list");
  }
  return { args, operands };
}

function printInitializationList(p: OpAsmPrinter, blockArgs: readonly BlockArgument[], inits: readonly Value[]): void {
  if (inits.length === 0) return;
  const pairs = inits.map((v, i) => `${blockArgs[i] ? p.valueName(blockArgs[i]) : '<<NULL VALUE>>'} = ${p.valueName(v)}`);
  p.write(` (${pairs.join(', ')})`);
}

/** MLIR's printArrowTypeList, which prints ` -> ()` for no types. */
function printArrowTypes(p: OpAsmPrinter, types: readonly Type[]): void {
  const wrapped = types.length !== 1 || types[0].kind === 'function';
  const list = types.map((t) => p.typeToString(t)).join(', ');
  p.write(` -> ${wrapped ? `(${list})` : list}`);
}

function parseFunctionType(p: OpAsmParser, message: string): FunctionType {
  const at = p.currentOffset();
  const t = p.parseOptionalType();
  if (!t || t.kind !== 'function') opError(p, message, at);
  return t as FunctionType;
}

export function parseCondIf(p: OpAsmParser, state: OperationState): void {
  const thenRegion = new Region();
  const elseRegion = new Region();
  state.regions.push(thenRegion, elseRegion);
  const cond = p.parseOperand();
  const list = parseOptionalAssignmentList(p);
  if (!p.parseOptionalPunct(':')) opError(p, 'expected type for condition operand');
  const condType = p.parseOptionalType();
  if (!condType) opError(p, 'expected type for condition operand');
  state.operands = [p.resolveOperand(cond, condType)];
  if (list) {
    const fn = parseFunctionType(
      p,
      'expected list of types for block arguments followed by arrow type and list of return types',
    );
    state.resultTypes = [...fn.results];
    if (fn.inputs.length !== list.operands.length) {
      opError(p, `expected as many input types as operands (expected ${list.operands.length} got ${fn.inputs.length})`);
    }
    state.operands.push(...p.resolveOperands(list.operands, fn.inputs, p.currentOffset()));
  } else {
    state.resultTypes = p.parseOptionalArrowTypeList() ?? [];
  }
  p.parseRegion(thenRegion, []);
  if (p.parseOptionalKeyword('else')) p.parseRegion(elseRegion, []);
  p.parseOptionalAttrDict(state.attributes);
}

export function printCondIf(p: OpAsmPrinter, op: Operation): void {
  const [cond, ...inputs] = op.operands;
  const thenRegion = op.regions[0];
  p.write(` ${p.valueName(cond)}`);
  printInitializationList(p, thenRegion.blocks[0]?.arguments ?? [], inputs);
  p.write(` : ${p.typeToString(cond.type)}`);
  if (inputs.length > 0) p.write(` (${inputs.map((v) => p.typeToString(v.type)).join(', ')})`);
  printArrowTypes(p, op.resultTypes);
  p.write(' ');
  p.printRegion(thenRegion);
  const elseRegion = op.regions[1];
  if (elseRegion && elseRegion.blocks.length > 0) {
    p.write(' else ');
    p.printRegion(elseRegion);
  }
  p.printOptionalAttrDict(sortedAttrs(op));
}

export function parseWhileLoop(p: OpAsmParser, state: OperationState): void {
  const cond = new Region();
  const body = new Region();
  state.regions.push(cond, body);
  const list = parseOptionalAssignmentList(p) ?? { args: [], operands: [] };
  const typeAt = p.currentOffset();
  p.parsePunct(':', "expected ':'");
  const fn = parseFunctionType(p, 'invalid kind of type specified: expected builtin.function');
  state.resultTypes = [...fn.results];
  if (fn.inputs.length !== list.operands.length) {
    opError(p, `expected as many input types as operands (expected ${list.operands.length} got ${fn.inputs.length})`, typeAt);
  }
  state.operands = p.resolveOperands(list.operands, fn.inputs, p.currentOffset());
  list.args.forEach((a, i) => (a.type = fn.inputs[i]));
  p.parseRegion(cond, list.args);
  p.parseKeyword('do', "expected 'do'");
  p.parseRegion(body, []);
  p.parseOptionalAttrDictWithKeyword(state.attributes);
}

export function printWhileLoop(p: OpAsmPrinter, op: Operation): void {
  const cond = op.regions[0];
  printInitializationList(p, cond.blocks[0]?.arguments ?? [], op.operands);
  p.write(' : ');
  p.printFunctionalType(op.operands.map((v) => v.type), op.resultTypes);
  p.write(' ');
  p.printRegion(cond, { printEntryBlockArgs: false });
  p.write(' do ');
  p.printRegion(op.regions[1]);
  p.printOptionalAttrDictWithKeyword(sortedAttrs(op));
}
