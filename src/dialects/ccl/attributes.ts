import {
  type Attribute,
  type Context,
  type DenseElementsAttr,
  type IntegerAttr,
  type Operation,
  type RankedTensorType,
} from '../../ir/index.js';

/** `[[0, 1], [2, 3]]` as `dense<[[0, 1], [2, 3]]> : tensor<2x2xi64>`. */
export function encodeRankMatrix(ctx: Context, rows: readonly (readonly number[])[]): DenseElementsAttr {
  const cols = rows[0]?.length ?? 0;
  const values = rows.flatMap((r) => r.map((x) => BigInt(x)));
  return ctx.denseElementsAttr(ctx.tensorType([rows.length, cols], ctx.integerType(64)), values, false);
}

/** The rows of a 2-D integer dense attribute, or undefined when it is not one. */
export function decodeRankMatrix(a: Attribute | undefined): number[][] | undefined {
  if (!a || a.kind !== 'dense') return undefined;
  const d = a as DenseElementsAttr;
  if (d.type.kind !== 'tensor') return undefined;
  const t = d.type as RankedTensorType;
  if (t.shape.length !== 2 || t.elementType.kind !== 'integer' || d.hex !== undefined) return undefined;
  const [rows, cols] = t.shape;
  const flat = d.isSplat ? Array.from({ length: rows * cols }, () => d.values[0]) : d.values;
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(flat.slice(r * cols, (r + 1) * cols).map((v) => Number(v)));
  return out;
}

export function integerValue(a: Attribute | undefined): number | undefined {
  return a?.kind === 'integer' ? Number((a as IntegerAttr).value) : undefined;
}

/** `R`: the `ccl.world_size` of the nearest enclosing module that sets it. */
export function worldSizeOf(op: Operation): number | undefined {
  for (let p: Operation | null = op.parentOp; p; p = p.parentOp) {
    const w = integerValue(p.getAttr('ccl.world_size'));
    if (w !== undefined) return w;
  }
  return undefined;
}

export function groupsOf(op: Operation): number[][] | undefined {
  return decodeRankMatrix(op.getAttr('groups'));
}
