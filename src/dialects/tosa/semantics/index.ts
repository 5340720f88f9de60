// Public face of the TOSA semantic core: shape inference and verifier rules
// for every op of LLVM 22's TOSA dialect, as pure functions over AbstractType.
import type { InferInput, InferResult, OpView } from './op-view.js';
import { ODS_OPS } from './ods/ods-table.js';
import type { OdsOp } from './ods/ods-types.js';
import type { OpRule } from './ops/common.js';
import { ELEMENTWISE_RULES } from './ops/elementwise.js';
import { REDUCTION_RULES } from './ops/reduction.js';
import { DATA_LAYOUT_RULES } from './ops/data-layout.js';
import { CONVOLUTION_RULES } from './ops/convolution.js';
import { MATMUL_FFT_RULES } from './ops/matmul-fft.js';
import { POOLING_RULES } from './ops/pooling.js';
import { SCATTER_GATHER_RULES } from './ops/scatter-gather.js';
import { IMAGE_RULES } from './ops/image.js';
import { TYPE_CONVERSION_RULES } from './ops/type-conversion.js';
import { CONTROL_FLOW_RULES } from './ops/control-flow.js';
import { SHAPE_OP_RULES } from './ops/shape-ops.js';
import { BLOCK_SCALED_RULES } from './ops/block-scaled.js';
import { verifyWith } from './verify-op.js';
import { verifyInferPreconditions } from './ods/invariants.js';
import { PLAIN_ERROR, SILENT_FAILURE } from './ops/common.js';
import { type AbstractType, elementOf, isTensor } from './types.js';

export * from './types.js';
export * from './op-view.js';
export type { OdsOp, OdsAttr, OdsValue } from './ods/ods-types.js';
export { broadcastShapes, resolveBroadcastShape, shapesCompatible } from './broadcast.js';
export { PLAIN_ERROR, SILENT_FAILURE } from './ops/common.js';

const RULES: Readonly<Record<string, OpRule>> = {
  ...ELEMENTWISE_RULES, ...REDUCTION_RULES, ...DATA_LAYOUT_RULES, ...CONVOLUTION_RULES, ...MATMUL_FFT_RULES,
  ...POOLING_RULES, ...SCATTER_GATHER_RULES, ...IMAGE_RULES, ...TYPE_CONVERSION_RULES, ...CONTROL_FLOW_RULES, ...SHAPE_OP_RULES,
  ...BLOCK_SCALED_RULES,
};

const ODS_BY_NAME: ReadonlyMap<string, OdsOp> = new Map(ODS_OPS.map((o) => [o.name, o]));

export interface TosaOpSemantics {
  readonly ods: OdsOp;
  /** inferReturnTypeComponents, when MLIR defines it for the op. */
  readonly infer?: (op: InferInput) => InferResult;
  /** Full verification in MLIR's order; [] when valid, else [message after "op "]. */
  readonly verify: (op: OpView) => string[];
}

/** Op name → semantics, for every op in TosaOps.td, TosaShapeOps.td and TosaUtilOps.td. */
export const TOSA_SEMANTICS: ReadonlyMap<string, TosaOpSemantics> = new Map(
  ODS_OPS.map((ods) => {
    const rule = RULES[ods.name];
    const infer = rule?.infer;
    const sem: TosaOpSemantics = {
      ods,
      // Rules index operands by position: refuse operand lists and attributes ODS would reject.
      ...(infer ? { infer: (op: InferInput): InferResult => {
        const problem = verifyInferPreconditions(ods, op);
        return problem ? { ok: false, message: problem } : infer(op);
      } } : {}),
      verify: (op: OpView) => {
        const m = verifyWith(ods, rule, op);
        return m === undefined ? [] : [m];
      },
    };
    return [ods.name, sem];
  }),
);

export const tosaOpNames = (): string[] => [...ODS_BY_NAME.keys()];

/** Verifies one op; returns MLIR's message bodies (the caller adds `'tosa.x' op `). */
export function verifyTosaOp(op: OpView): string[] {
  const sem = TOSA_SEMANTICS.get(op.name);
  if (!sem) return [`unknown TOSA op '${op.name}'`];
  return sem.verify(op);
}

/**
 * The diagnostic line MLIR prints for a verifyTosaOp message: `'tosa.x' op <body>`,
 * the bare text for location errors, or undefined when MLIR prints nothing.
 */
export function formatTosaDiagnostic(opName: string, body: string): string | undefined {
  if (body.startsWith(SILENT_FAILURE)) return undefined;
  if (body.startsWith(PLAIN_ERROR)) return body.slice(PLAIN_ERROR.length);
  return `'${opName}' op ${body}`;
}

/** Shape inference; components as MLIR's inferReturnTypeComponents returns them. */
export function inferTosaOp(op: InferInput): InferResult | undefined {
  return TOSA_SEMANTICS.get(op.name)?.infer?.(op);
}

/**
 * Result types from inference, completing element types the way the
 * tosa-infer-shapes pass does: inferred element if any, else the existing
 * result's (`current`), else the first operand's.
 */
export function inferTosaResultTypes(op: InferInput, current?: readonly AbstractType[]): AbstractType[] | undefined {
  const r = inferTosaOp(op);
  if (!r || !r.ok) return undefined;
  return r.results.map((c, i): AbstractType => {
    if (c.shapeRank !== undefined) return { kind: 'shape', rank: c.shapeRank };
    const cur = current?.[i];
    const element = c.element ?? (cur && isTensor(cur) ? cur.element : op.operands[0] ? elementOf(op.operands[0]) : 'f32');
    return { kind: 'tensor', shape: c.shape, element };
  });
}
