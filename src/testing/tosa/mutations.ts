// Ill-typed mutations of well-typed TOSA programs: one change to a result
// type, an operand type, an attribute, a shape constant or an operand count.
// Uses keep printing the producer's (mutated) type, so the text still parses
// and the verifier, not the parser, has to notice.
import type { AbstractType, AttrValue, Dim } from '../../dialects/tosa/semantics/index.js';
import { tensor } from '../../dialects/tosa/semantics/index.js';
import { typeOf, type ProgramOp, type TosaProgram, type ValueRef } from './program.js';

export type MutationKind = 'result-element' | 'result-dim' | 'result-rank' | 'operand-element' | 'attribute' | 'shape-constant' | 'operand-count';
export const MUTATION_KINDS: readonly MutationKind[] = [
  'result-element', 'result-dim', 'result-rank', 'operand-element', 'attribute', 'shape-constant', 'operand-count',
];

export interface ProgramMutation {
  readonly kind: MutationKind;
  /** Index of the mutated op in the program. */
  readonly op: number;
  /** The op whose checks the change is aimed at (the consumer, for a shape constant). */
  readonly target: string;
  /** What changed, for readable counterexamples. */
  readonly description: string;
}

const OTHER_ELEMENT: Readonly<Record<string, string>> = { f32: 'i32', i32: 'f32', i1: 'i32', f16: 'f32', bf16: 'f32', i8: 'i1', index: 'i32' };
const isConstant = (op: ProgramOp): boolean => op.name === 'tosa.const' || op.name === 'tosa.const_shape';

function withOp(p: TosaProgram, i: number, op: ProgramOp): TosaProgram {
  return { ...p, ops: p.ops.map((o, k) => (k === i ? op : o)) };
}

function mutateType(t: AbstractType, kind: MutationKind, r: number): AbstractType | undefined {
  if (t.kind !== 'tensor' || t.shape === null) return undefined;
  if (kind === 'result-element' || kind === 'operand-element') return { ...t, element: OTHER_ELEMENT[t.element] ?? 'f32' };
  if (kind === 'result-rank') return tensor(t.shape.length > 1 && r % 2 ? t.shape.slice(0, -1) : [...t.shape, 2], t.element);
  const statics = t.shape.flatMap((d, i) => (d === '?' ? [] : [i]));
  if (statics.length === 0) return undefined;
  const at = statics[r % statics.length]!;
  const shape: Dim[] = [...t.shape];
  shape[at] = (shape[at] as number) + 1 + (r % 3);
  return tensor(shape, t.element);
}

/** A changed attribute value, or undefined when the attribute has no interesting wrong value. */
function mutateAttr(name: string, v: AttrValue, rank: number, r: number): AttrValue | undefined {
  if (name === 'axis' && typeof v === 'object' && 'kind' in v && v.kind === 'int') return { ...v, value: r % 2 ? rank + (r % 3) : -1 - (r % 2) };
  if (name === 'perms' && Array.isArray(v) && v.length > 1) return v.map((x, i) => (i === 0 ? v[1]! : x));
  if (name === 'perms' && Array.isArray(v)) return [...v, v.length];
  if ((name === 'stride' || name === 'kernel' || name === 'dilation') && Array.isArray(v)) return v.map((x, i) => (i === r % v.length ? 0 : x));
  if ((name === 'pad' || name === 'out_pad') && Array.isArray(v)) return v.map((x, i) => (i === r % v.length ? -1 : x));
  if ((name === 'min_val' || name === 'max_val') && typeof v === 'object' && 'kind' in v && (v.kind === 'int' || v.kind === 'float')) {
    return name === 'min_val' ? { ...v, value: v.value + 100 } : { ...v, value: v.value - 100 };
  }
  if (name === 'acc_type' && typeof v === 'object' && 'kind' in v && v.kind === 'type') return { kind: 'type', type: 'i32' };
  return undefined;
}

/**
 * Applies one mutation of `kind` to `p`, at an op chosen by `r` (a random
 * number); undefined when no op of the program admits that kind.
 */
export function mutateProgram(p: TosaProgram, kind: MutationKind, r: number): { program: TosaProgram; mutation: ProgramMutation } | undefined {
  const n = p.ops.length;
  for (let k = 0; k < n; k++) {
    const i = (r + k) % n;
    const op = p.ops[i]!;
    const done = (next: ProgramOp, description: string, target = op.name) => ({
      program: withOp(p, i, next),
      mutation: { kind, op: i, target, description: `${op.name} #${i}: ${description}` },
    });
    switch (kind) {
      case 'result-element': case 'result-dim': case 'result-rank': {
        if (isConstant(op)) continue;
        const t = mutateType(op.results[0]!, kind, r);
        if (t) return done({ ...op, results: [t, ...op.results.slice(1)] }, `result ${JSON.stringify(op.results[0])} -> ${JSON.stringify(t)}`);
        continue;
      }
      case 'operand-element': {
        if (isConstant(op) || op.operands.length === 0) continue;
        const at = r % op.operands.length;
        const t = mutateType(typeOf(p, op.operands[at]!), kind, r);
        if (!t) continue;
        // A fresh argument of the wrong type replaces the operand.
        const arg: ValueRef = { arg: p.args.length };
        const mutated = { ...withOp(p, i, { ...op, operands: op.operands.map((v, j) => (j === at ? arg : v)) }), args: [...p.args, t] };
        return { program: mutated, mutation: { kind, op: i, target: op.name, description: `${op.name} #${i}: operand ${at} becomes ${JSON.stringify(t)}` } };
      }
      case 'attribute': {
        if (isConstant(op)) continue;
        const rank = op.operands[0] ? ((typeOf(p, op.operands[0]) as { shape?: readonly Dim[] | null }).shape?.length ?? 0) : 0;
        for (const [name, v] of Object.entries(op.attrs)) {
          const w = mutateAttr(name, v, rank, r);
          if (w !== undefined) return done({ ...op, attrs: { ...op.attrs, [name]: w } }, `${name} -> ${JSON.stringify(w)}`);
        }
        continue;
      }
      case 'shape-constant': {
        if (op.name !== 'tosa.const_shape') continue;
        const d = op.attrs['values'] as Extract<AttrValue, { kind: 'dense' }>;
        if (d.values.length === 0) continue;
        const at = r % d.values.length;
        const values = d.values.map((x, j) => (j === at ? (x === -1 ? 0 : x + 1 + (r % 2)) : x));
        const users = p.ops.filter((o) => o.operands.some((v) => 'op' in v && v.op === i)).map((o) => o.name);
        return done({ ...op, attrs: { values: { ...d, values } } }, `values ${d.values.join(',')} -> ${values.join(',')} (used by ${users.join(', ')})`, users[0] ?? op.name);
      }
      case 'operand-count': {
        // Region block arguments mirror the operands: changing their count would unbind region values.
        if (isConstant(op) || op.operands.length === 0 || op.regions) continue;
        // Concat is variadic; dropping one of its inputs is legal, so add one of another shape instead.
        const operands = op.operands.length > 1 && op.name !== 'tosa.concat' ? op.operands.slice(0, -1) : [...op.operands, op.operands[0]!];
        return done({ ...op, operands }, `${op.operands.length} -> ${operands.length} operands`);
      }
    }
  }
  return undefined;
}
