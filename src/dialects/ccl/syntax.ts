// The ccl custom form, derived from the op table in spec.ts:
//   %r = ccl.all_reduce [async] sum %x groups [[0, 1, 2], [3, 4, 5]] {attrs} : tensor<8x64xf32>
//   %r = ccl.reduce_scatter sum %x dim 0 groups [[0, 1]] : tensor<8x64xf32> -> tensor<4x64xf32>
//   %v = ccl.wait %f : !ccl.future<tensor<8x64xf32>>
import type { OpAsmParser, OpAsmPrinter, Operation, OperationState, StringAttr, Type } from '../../ir/index.js';
import { REDUCTIONS, type CclOpSpec } from './spec.js';
import { decodeRankMatrix, encodeRankMatrix } from './attributes.js';
import { futureType, futureValueType } from './types.js';

function parseRankMatrix(p: OpAsmParser): number[][] {
  const rows: number[][] = [];
  p.parsePunct('[', "expected '[' to begin a list of rank lists");
  do {
    const row: number[] = [];
    p.parsePunct('[', "expected '[' to begin a rank list");
    if (!p.parseOptionalPunct(']')) {
      do row.push(Number(p.parseInteger()));
      while (p.parseOptionalPunct(','));
      p.parsePunct(']', "expected ']' to end a rank list");
    }
    rows.push(row);
  } while (p.parseOptionalPunct(','));
  p.parsePunct(']', "expected ']' to end the list of rank lists");
  return rows;
}

function printRankMatrix(rows: readonly (readonly number[])[]): string {
  return `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
}

/** Names the custom form prints itself (elided from the trailing attribute dictionary). */
function elided(spec: CclOpSpec): string[] {
  return ['async', ...spec.attributes.map((a) => a.name)];
}

export function parseCclOp(spec: CclOpSpec, p: OpAsmParser, state: OperationState): void {
  const ctx = p.context;
  if (spec.name === 'wait') {
    const f = p.parseOperand();
    p.parseOptionalAttrDict(state.attributes);
    const at = p.currentOffset();
    const t = p.parseColonType();
    const value = futureValueType(t);
    if (!value) p.fail("expected '!ccl.future<...>' type", at);
    state.operands = [p.resolveOperand(f, t)];
    state.resultTypes = [value];
    return;
  }
  const isAsync = p.parseOptionalKeyword('async') !== undefined;
  if (isAsync) state.attributes.set('async', ctx.unitAttr());
  const reduction = spec.attributes.find((a) => a.kind === 'reduction');
  if (reduction) {
    const at = p.currentOffset();
    const kw = p.parseKeyword(undefined, `expected reduction kind (${REDUCTIONS.join(', ')})`);
    if (!(REDUCTIONS as readonly string[]).includes(kw)) p.fail(`unknown reduction '${kw}', expected one of ${REDUCTIONS.join(', ')}`, at);
    state.attributes.set('reduction', ctx.stringAttr(kw));
  }
  const x = p.parseOperand();
  for (const a of spec.attributes) {
    if (!a.keyword) continue;
    p.parseKeyword(a.keyword, `expected '${a.keyword}'`);
    if (a.kind === 'groups' || a.kind === 'pairs') state.attributes.set(a.name, encodeRankMatrix(ctx, parseRankMatrix(p)));
    else state.attributes.set(a.name, ctx.integerAttr(ctx.integerType(64), p.parseInteger()));
  }
  p.parseOptionalAttrDict(state.attributes);
  const inputType = p.parseColonType();
  let resultType: Type = inputType;
  if (spec.result !== 'same') {
    p.parsePunct('->', "expected '->' and the result type");
    resultType = p.parseType();
  }
  state.operands = [p.resolveOperand(x, inputType)];
  state.resultTypes = [isAsync ? futureType(ctx, resultType) : resultType];
}

export function printCclOp(spec: CclOpSpec, p: OpAsmPrinter, op: Operation): void {
  if (spec.name === 'wait') {
    p.write(' ');
    p.printOperand(op.operand(0));
    p.printOptionalAttrDict(op.attributes.entries);
    p.write(' : ');
    p.printType(op.operand(0).type);
    return;
  }
  if (op.getAttr('async')) p.write(' async');
  const red = op.getAttr('reduction');
  if (spec.attributes.some((a) => a.kind === 'reduction') && red?.kind === 'string') p.write(` ${(red as StringAttr).value}`);
  p.write(' ');
  p.printOperand(op.operand(0));
  for (const a of spec.attributes) {
    if (!a.keyword) continue;
    const v = op.getAttr(a.name);
    if (a.kind === 'groups' || a.kind === 'pairs') {
      const rows = decodeRankMatrix(v);
      p.write(` ${a.keyword} `);
      if (rows) p.write(printRankMatrix(rows));
      else if (v) p.printAttribute(v);
    } else if (v) {
      p.write(` ${a.keyword} `);
      p.printAttributeWithoutType(v);
    }
  }
  p.printOptionalAttrDict(op.attributes.entries, elided(spec));
  const input = op.operand(0).type;
  p.write(' : ');
  p.printType(input);
  if (spec.result !== 'same') {
    const r = op.resultTypes[0];
    p.write(' -> ');
    p.printType(futureValueType(r) ?? r);
  }
}
