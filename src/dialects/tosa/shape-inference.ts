// TOSA shape inference as an op interface: result types computed from operand
// types (and constant operands) by the semantic core, as IR types. Passes
// reach it through `op.definition.interfaces.get(TOSA_INFER_INTERFACE)`.
import {
  DYNAMIC,
  FLOAT_KINDS,
  printType,
  type Context,
  type FloatKind,
  type Operation,
  type Type,
} from '../../ir/index.js';
import { inferTosaResultTypes, type AbstractType } from './semantics/index.js';
import { opView } from './semantics-bridge.js';

export const TOSA_INFER_INTERFACE = 'InferShapedTypeOpInterface';

/** What the interface offers: the inferred result types, or undefined when inference does not apply or fails. */
export interface TosaShapeInference {
  inferResultTypes(op: Operation): Type[] | undefined;
}

/** The IR type of an element spelled `text`: builtin scalars directly, anything else reused from the op's own types. */
function elementType(ctx: Context, text: string, known: ReadonlyMap<string, Type>): Type | undefined {
  const int = /^(si|ui|i)(\d+)$/.exec(text);
  if (int) return ctx.integerType(Number(int[2]), int[1] === 'i' ? 'signless' : int[1] === 'si' ? 'signed' : 'unsigned');
  if (text === 'index') return ctx.indexType();
  if ((FLOAT_KINDS as readonly string[]).includes(text)) return ctx.floatType(text as FloatKind);
  return known.get(text);
}

/** Element types the op already uses, by their text (covers quantized and other dialect types). */
function knownElements(op: Operation): Map<string, Type> {
  const known = new Map<string, Type>();
  for (const t of [...op.operands.map((v) => v.type), ...op.resultTypes]) {
    const e = (t as { elementType?: Type }).elementType ?? t;
    known.set(printType(e), e);
  }
  return known;
}

function toType(ctx: Context, t: AbstractType, known: ReadonlyMap<string, Type>): Type | undefined {
  if (t.kind === 'shape') return ctx.dialectType('tosa', 'shape', String(t.rank));
  if (t.kind === 'other') return known.get(t.text) ?? elementType(ctx, t.text, known);
  const element = elementType(ctx, t.element, known);
  if (!element) return undefined;
  if (t.shape === null) return ctx.unrankedTensorType(element);
  return ctx.tensorType(t.shape.map((d) => (d === '?' ? DYNAMIC : d)), element);
}

export const tosaShapeInference: TosaShapeInference = {
  inferResultTypes(op) {
    const view = opView(op);
    const inferred = inferTosaResultTypes(view, view.results);
    if (!inferred) return undefined;
    const known = knownElements(op);
    const types = inferred.map((t) => toType(op.context, t, known));
    return types.every((t): t is Type => t !== undefined) ? types : undefined;
  },
};
