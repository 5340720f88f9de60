// The ODS-generated part of verification (OpInvariants): operand/result
// counts, required attributes and their constraints, operand and result type
// constraints, then predicate traits. Messages are MLIR 22's.
import type { OpView } from '../op-view.js';
import { printType, isTensor } from '../types.js';
import type { OdsOp } from './ods-types.js';
import { checkAttr, checkType } from './constraints.js';

/** Count traits (NOperands<2>, OneResult, ...) that MLIR checks before everything else. */
export function verifyCounts(ods: OdsOp, op: OpView): string | undefined {
  const nOps = op.operands.length;
  const nRes = op.results.length;
  for (const t of ods.traits) {
    const n = /^NOperands<(\d+)>$/.exec(t);
    if (n && nOps !== Number(n[1])) return `expected ${n[1]} operands, but found ${nOps}`;
    const atLeast = /^AtLeastNOperands<(\d+)>$/.exec(t);
    if (atLeast && nOps < Number(atLeast[1])) return `expected ${atLeast[1]} or more operands, but found ${nOps}`;
    const nr = /^NResults<(\d+)>$/.exec(t);
    if (nr && nRes !== Number(nr[1])) return `expected ${nr[1]} results, but found ${nRes}`;
    if (t === 'OneOperand' && nOps !== 1) return `expected 1 operands, but found ${nOps}`;
    if (t === 'ZeroOperands' && nOps !== 0) return `requires zero operands`;
    if (t === 'OneResult' && nRes !== 1) return `requires one result`;
    if (t === 'ZeroResults' && nRes !== 0) return `requires zero results`;
  }
  return undefined;
}

/**
 * What shape inference needs before it may index operands and read attributes:
 * the operand-count traits and the attribute constraints.
 */
export function verifyInferPreconditions(ods: OdsOp, op: Omit<OpView, 'results'>): string | undefined {
  const operandTraits = { ...ods, traits: ods.traits.filter((t) => /Operand/.test(t)) };
  return verifyCounts(operandTraits, { ...op, results: [] }) ?? verifyAttributes(ods, op.attrs);
}

function verifyAttributes(ods: OdsOp, attrs: OpView['attrs']): string | undefined {
  for (const a of ods.attributes) {
    if (!a.optional && a.defaultValue === undefined && attrs[a.name] === undefined) return `requires attribute '${a.name}'`;
  }
  for (const a of ods.attributes) {
    const v = attrs[a.name];
    if (v !== undefined && !checkAttr(a.constraint, v)) return `attribute '${a.name}' failed to satisfy constraint: ${a.summary}`;
  }
  return undefined;
}

export function verifyOdsInvariants(ods: OdsOp, op: OpView): string | undefined {
  const attrProblem = verifyAttributes(ods, op.attrs);
  if (attrProblem) return attrProblem;
  const check = (groups: OdsOp['operands'], values: OpView['operands'], kind: string): string | undefined => {
    // Variadic groups take whatever the fixed groups leave.
    const fixed = groups.filter((g) => !g.variadic).length;
    const variadicLen = Math.max(0, values.length - fixed);
    let index = 0;
    for (const g of groups) {
      const len = g.variadic ? variadicLen : 1;
      for (let k = 0; k < len && index < values.length; k++, index++) {
        const t = values[index]!;
        if (!checkType(g.constraint, t)) return `${kind} #${index} must be ${g.summary}, but got '${printType(t)}'`;
      }
    }
    return undefined;
  };
  const bad = check(ods.operands, op.operands, 'operand') ?? check(ods.results, op.results, 'result');
  if (bad) return bad;
  for (const msg of ods.predMessages) {
    if (msg.includes('{values, output} have same shape')) {
      const v = op.attrs['values'];
      const out = op.results[0];
      if (v && typeof v === 'object' && 'kind' in v && v.kind === 'dense' && isTensor(v.type) && isTensor(out)) {
        // ShapedType::getShape() of an unranked tensor is empty, so it "matches" rank 0.
        if (JSON.stringify(v.type.shape ?? []) !== JSON.stringify(out.shape ?? [])) return msg;
      }
    } else if (msg.includes('{input1, output} have same element type')) {
      const a = op.operands[0];
      const b = op.results[0];
      if (a && b && isTensor(a) && isTensor(b) && a.element !== b.element) return msg;
    }
  }
  return undefined;
}
