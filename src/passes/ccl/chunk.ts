/**
 * `ccl-chunk`: split collectives into `chunks` pieces along a dimension so
 * transfers pipeline and can overlap compute (TokenWeave-style token
 * splitting). When the split dimension is the row dimension of a producing
 * `tosa.matmul` used only by the collective, the matmul is split too, so
 * chunk i's communication can overlap chunk i+1's compute.
 */
import { Builder, DYNAMIC, type Operation, type RankedTensorType, type Value } from '../../ir/index.js';
import { intOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { isCollective, specOf } from './collective.js';
import { collectivesIn } from './topology-option.js';

const CHUNKABLE = new Set(['ccl.all_reduce', 'ccl.reduce_scatter', 'ccl.all_gather', 'ccl.all_to_all', 'ccl.broadcast', 'ccl.reduce']);

function intAttr(op: Operation, name: string): number | undefined {
  const a = op.getAttr(name);
  return a?.kind === 'integer' ? Number((a as unknown as { value: bigint }).value) : undefined;
}

/** Dimensions a collective may be chunked along (not the ones it scatters, gathers or exchanges). */
function chunkableDims(op: Operation, type: RankedTensorType, n: number, wanted: number): number[] {
  const excluded = new Set([intAttr(op, 'dim'), intAttr(op, 'split_dim'), intAttr(op, 'concat_dim')].filter((d): d is number => d !== undefined));
  const ok = (d: number): boolean => d >= 0 && d < type.shape.length && !excluded.has(d) && type.shape[d] !== DYNAMIC && type.shape[d] % n === 0 && type.shape[d] >= n;
  if (wanted >= 0) return ok(wanted) ? [wanted] : [];
  return type.shape.map((_, d) => d).filter(ok);
}

function slice(b: Builder, source: Value, dim: number, index: number, n: number, like: Operation): Value {
  const ctx = b.context;
  const t = source.type as RankedTensorType;
  const size = t.shape[dim] / n;
  const sizes = t.shape.map((d, i) => (i === dim ? size : d));
  const i64 = ctx.integerType(64);
  const op = b.create(
    'tensor.extract_slice',
    {
      operands: [source],
      results: [ctx.tensorType(sizes, t.elementType, t.encoding)],
      properties: {
        static_offsets: ctx.denseArrayAttr(i64, t.shape.map((_, i) => BigInt(i === dim ? index * size : 0))),
        static_sizes: ctx.denseArrayAttr(i64, sizes.map(BigInt)),
        static_strides: ctx.denseArrayAttr(i64, t.shape.map(() => 1n)),
        operandSegmentSizes: ctx.denseArrayAttr(ctx.integerType(32), [1, 0, 0, 0]),
      },
    },
    like.location,
  );
  return op.result();
}

/** Chunk inputs: split the producing matmul by rows when it feeds only this collective, else slice the input. */
function chunkInputs(b: Builder, op: Operation, dim: number, n: number): Value[] {
  const input = op.operand(0);
  const producer = input.definingOp;
  const ctx = op.context;
  if (producer?.name === 'tosa.matmul' && dim === 1 && input.hasOneUse && producer.parentBlock === op.parentBlock) {
    const [a, w, aZp, bZp] = producer.operands;
    const out = input.type as RankedTensorType;
    b.setInsertionPointAfter(producer);
    const parts: Value[] = [];
    for (let i = 0; i < n; i++) {
      const rows = slice(b, a, 1, i, n, producer);
      const shape = out.shape.map((d, k) => (k === 1 ? d / n : d));
      parts.push(b.create('tosa.matmul', { operands: [rows, w, aZp, bZp], results: [ctx.tensorType(shape, out.elementType, out.encoding)], attributes: producer.properties.entries.reduce((m, e) => m.set(e.name, e.value), new Map()) }, producer.location).result());
    }
    b.setInsertionPointBefore(op);
    return parts;
  }
  b.setInsertionPointBefore(op);
  // A concat of equal pieces along the same dimension (an earlier chunked collective): use the pieces.
  if (producer?.name === 'tensor.concat' && producer.numOperands === n && intAttr(producer, 'dim') === dim) {
    const pieceType = producer.operand(0).type;
    if (producer.operands.every((v) => v.type === pieceType)) return producer.operands;
  }
  return Array.from({ length: n }, (_, i) => slice(b, input, dim, i, n, op));
}

function chunkCollective(op: Operation, n: number, dim: number): void {
  const ctx = op.context;
  const b = new Builder(ctx);
  const parts = chunkInputs(b, op, dim, n);
  const result = op.resultTypes[0] as RankedTensorType;
  const chunkResult = ctx.tensorType(result.shape.map((d, i) => (i === dim ? d / n : d)), result.elementType, result.encoding);
  const outs = parts.map((p, i) => {
    const attrs = new Map(op.attributes.entries.map((e) => [e.name, e.value] as const));
    attrs.delete('predicted_us');
    attrs.set('chunk', ctx.integerAttr(ctx.integerType(64), BigInt(i)));
    return b.create(op.name, { operands: [p], results: [chunkResult], attributes: attrs }, op.location).result();
  });
  const cat = b.create('tensor.concat', { operands: outs, results: [result], properties: { dim: ctx.integerAttr(ctx.integerType(64), BigInt(dim)) } }, op.location);
  op.result().replaceAllUsesWith(cat.result());
  const producer = op.operand(0).definingOp;
  op.erase();
  if ((producer?.name === 'tosa.matmul' || producer?.name === 'tensor.concat') && !producer.result().hasUses) producer.erase();
}

export const chunkPass = definePass({
  argument: 'ccl-chunk',
  summary: 'Split collectives into pieces that pipeline and overlap compute',
  description:
    'Splits each collective of at least `min-bytes` into `chunks` collectives along a dimension it does not ' +
    'scatter/gather (`dim`, or the first one that divides), joined by tensor.concat; a producing tosa.matmul ' +
    'split by the same rows is split too.',
  options: {
    chunks: intOption('Number of pieces', 2),
    'min-bytes': intOption('Only chunk collectives of at least this many bytes per rank', 0),
    dim: intOption('Dimension to split (-1: the first that divides)', -1),
  },
  create: (o) => ({
    run(root, ctx) {
      if (o.chunks < 1) return ctx.emitError(root, `ccl-chunk: 'chunks' must be at least 1, got ${o.chunks}`);
      if (o.chunks === 1) return;
      for (const op of collectivesIn(root, (x) => isCollective(x) && CHUNKABLE.has(x.name) && !x.getAttr('async') && !x.getAttr('chunk'))) {
        const spec = specOf(op);
        if (!spec || spec.bytes < o['min-bytes']) continue;
        const dims = chunkableDims(op, op.operand(0).type as RankedTensorType, o.chunks, o.dim);
        if (dims.length === 0) continue;
        chunkCollective(op, o.chunks, dims[0]);
      }
    },
  }),
});
