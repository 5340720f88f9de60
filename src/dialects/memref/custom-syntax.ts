// The memref ops whose syntax LLVM 22 writes in C++ (MemRefOps.cpp):
// alloca_scope, dma_start, generic_atomic_rmw, prefetch and transpose.
import {
  Operation,
  Region,
  emptyState,
  type AffineMapAttr,
  type Attribute,
  type IntegerAttr,
  type OpAsmParser,
  type OpAsmPrinter,
  type OperationState,
  type Type,
  type UnresolvedOperand,
  type Value,
} from '../../ir/index.js';
import { sortedAttrs } from './attrs.js';

function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

const names = (p: OpAsmPrinter, vs: readonly Value[]): string => vs.map((v) => p.valueName(v)).join(', ');

/** MLIR's ensureTerminator: a body without a terminator gets `<terminator>` with no operands. */
function ensureTerminator(p: OpAsmParser, region: Region, terminator: string, state: OperationState): void {
  const block = region.entryBlock ?? region.appendBlock();
  const last = block.lastOp;
  if (last && last.hasTrait('IsTerminator')) return;
  block.append(Operation.create(p.context, emptyState(terminator, state.location)));
}

// ---- memref.alloca_scope: `(-> (types))? {body} attr-dict` ----------------------------
export function parseAllocaScope(p: OpAsmParser, state: OperationState): void {
  state.resultTypes = p.parseOptionalArrowTypeList() ?? [];
  const body = new Region();
  state.regions.push(body);
  p.parseRegion(body, []);
  ensureTerminator(p, body, 'memref.alloca_scope.return', state);
  p.parseOptionalAttrDict(state.attributes);
}

export function printAllocaScope(p: OpAsmPrinter, op: Operation): void {
  p.write(' ');
  const results = op.resultTypes;
  if (results.length > 0) p.write(` -> (${results.map((t) => p.typeToString(t)).join(', ')}) `);
  else p.write(' ');
  p.printRegion(op.regions[0], { printEntryBlockArgs: false, printBlockTerminators: results.length > 0 });
  p.printOptionalAttrDict(sortedAttrs(op));
}

// ---- memref.dma_start ------------------------------------------------------------------
// `%src[%i...], %dst[%j...], %num, %tag[%k...] (, %stride, %perStride)? : srcT, dstT, tagT`
export function parseDmaStart(p: OpAsmParser, state: OperationState): void {
  const src = p.parseOperand();
  const srcIdx = p.parseOperandList('square');
  p.parsePunct(',', "expected ','");
  const dst = p.parseOperand();
  const dstIdx = p.parseOperandList('square');
  p.parsePunct(',', "expected ','");
  const num = p.parseOperand();
  p.parsePunct(',', "expected ','");
  const tag = p.parseOperand();
  const tagIdx = p.parseOperandList('square');
  const stride: UnresolvedOperand[] = [];
  if (p.parseOptionalPunct(',')) stride.push(...p.parseOperandList('none'));
  const types = p.parseColonTypeList();
  if (types.length !== 3) opError(p, 'fewer/more types expected', p.nameOffset);
  const index = p.context.indexType();
  const idx = (us: readonly UnresolvedOperand[]): Type[] => us.map(() => index);
  state.operands = [
    p.resolveOperand(src, types[0]),
    ...p.resolveOperands(srcIdx, idx(srcIdx)),
    p.resolveOperand(dst, types[1]),
    ...p.resolveOperands(dstIdx, idx(dstIdx)),
    p.resolveOperand(num, index),
    p.resolveOperand(tag, types[2]),
    ...p.resolveOperands(tagIdx, idx(tagIdx)),
  ];
  if (stride.length > 0 && stride.length !== 2) opError(p, 'expected two stride related operands', p.nameOffset);
  state.operands.push(...p.resolveOperands(stride, idx(stride)));
}

const rankOf = (t: Type): number => ('shape' in t ? (t as unknown as { shape: readonly number[] }).shape.length : 0);

export function printDmaStart(p: OpAsmPrinter, op: Operation): void {
  const ops = op.operands;
  const srcRank = rankOf(ops[0].type);
  const dstAt = 1 + srcRank;
  const dstRank = rankOf(ops[dstAt].type);
  const numAt = dstAt + 1 + dstRank;
  const tagAt = numAt + 1;
  const tagRank = rankOf(ops[tagAt].type);
  const strideAt = tagAt + 1 + tagRank;
  p.write(` ${p.valueName(ops[0])}[${names(p, ops.slice(1, dstAt))}], `);
  p.write(`${p.valueName(ops[dstAt])}[${names(p, ops.slice(dstAt + 1, numAt))}], ${p.valueName(ops[numAt])}, `);
  p.write(`${p.valueName(ops[tagAt])}[${names(p, ops.slice(tagAt + 1, strideAt))}]`);
  if (ops.length > strideAt) p.write(`, ${names(p, ops.slice(strideAt))}`);
  p.printOptionalAttrDict(sortedAttrs(op));
  p.write(` : ${[ops[0], ops[dstAt], ops[tagAt]].map((v) => p.typeToString(v.type)).join(', ')}`);
}

// ---- memref.generic_atomic_rmw: `%m[%i...] : memrefT {body} attr-dict` --------------------
export function parseGenericAtomicRmw(p: OpAsmParser, state: OperationState): void {
  const memref = p.parseOperand();
  const ivs = p.parseOperandList('square');
  const typeAt = p.currentOffset();
  const type = p.parseColonType();
  if (type.kind !== 'memref') opError(p, 'expected memref type', typeAt);
  state.operands = [p.resolveOperand(memref, type), ...p.resolveOperands(ivs, ivs.map(() => p.context.indexType()))];
  const body = new Region();
  state.regions.push(body);
  p.parseRegion(body, []);
  p.parseOptionalAttrDict(state.attributes);
  state.resultTypes = [(type as unknown as { elementType: Type }).elementType];
}

export function printGenericAtomicRmw(p: OpAsmPrinter, op: Operation): void {
  const [memref, ...ivs] = op.operands;
  p.write(` ${p.valueName(memref)}[${names(p, ivs)}] : ${p.typeToString(memref.type)} `);
  p.printRegion(op.regions[0]);
  p.printOptionalAttrDict(sortedAttrs(op));
}

// ---- memref.prefetch: `%m[%i...], read|write, locality<N>, data|instr : memrefT` ---------
export function parsePrefetch(p: OpAsmParser, state: OperationState): void {
  const memref = p.parseOperand();
  const ivs = p.parseOperandList('square');
  p.parsePunct(',', "expected ','");
  const rw = p.parseKeyword();
  p.parsePunct(',', "expected ','");
  p.parseKeyword('locality');
  p.parsePunct('<', "expected '<'");
  const i32 = p.context.integerType(32);
  const locality = p.parseAttribute(i32);
  p.parsePunct('>', "expected '>'");
  p.parsePunct(',', "expected ','");
  const cache = p.parseKeyword();
  const type = p.parseColonType();
  state.operands = [p.resolveOperand(memref, type), ...p.resolveOperands(ivs, ivs.map(() => p.context.indexType()))];
  state.attributes.set('localityHint', locality);
  if (rw !== 'read' && rw !== 'write') opError(p, "rw specifier has to be 'read' or 'write'", p.nameOffset);
  state.attributes.set('isWrite', p.context.boolAttr(rw === 'write'));
  if (cache !== 'data' && cache !== 'instr') opError(p, "cache type has to be 'data' or 'instr'", p.nameOffset);
  state.attributes.set('isDataCache', p.context.boolAttr(cache === 'data'));
}

const isTrue = (a: Attribute | undefined): boolean => a?.kind === 'integer' && (a as IntegerAttr).value !== 0n;

export function printPrefetch(p: OpAsmPrinter, op: Operation): void {
  const [memref, ...ivs] = op.operands;
  const locality = op.getAttr('localityHint');
  const hint = locality?.kind === 'integer' ? (locality as IntegerAttr).value.toString() : '';
  p.write(` ${p.valueName(memref)}[${names(p, ivs)}], ${isTrue(op.getAttr('isWrite')) ? 'write' : 'read'}`);
  p.write(`, locality<${hint}>, ${isTrue(op.getAttr('isDataCache')) ? 'data' : 'instr'}`);
  p.printOptionalAttrDict(sortedAttrs(op), ['localityHint', 'isWrite', 'isDataCache']);
  p.write(` : ${p.typeToString(memref.type)}`);
}

// ---- memref.transpose: `%in (d0, d1) -> (d1, d0) attr-dict : srcT to dstT` ---------------
export function parseTranspose(p: OpAsmParser, state: OperationState): void {
  const input = p.parseOperand();
  state.attributes.set('permutation', p.parseAffineMap());
  p.parseOptionalAttrDict(state.attributes);
  const src = p.parseColonType();
  state.operands = [p.resolveOperand(input, src)];
  p.parseKeyword('to', "expected 'to'");
  state.resultTypes = [p.parseType()];
}

export function printTranspose(p: OpAsmPrinter, op: Operation): void {
  const perm = op.getAttr('permutation');
  const map = perm?.kind === 'affine_map' ? p.attributeToString(perm as AffineMapAttr).replace(/^affine_map<(.*)>$/s, '$1') : '';
  p.write(` ${p.valueName(op.operand(0))} ${map}`);
  p.printOptionalAttrDict(sortedAttrs(op), ['permutation']);
  p.write(` : ${p.typeToString(op.operand(0).type)} to ${p.typeToString(op.resultTypes[0])}`);
}
