// `custom<DimensionList>($shape)` of shard.grid: `2x?x4` (MLIR's dimension
// list, `?` for a dynamic size), or `[]` for no dimensions.
import type { CustomDirective } from '../../ir/assembly-format/engine/index.js';
import type { DenseArrayAttr, OpAsmParser } from '../../ir/index.js';
import { K_DYNAMIC } from '../common/dynamic-index-list.js';

/** An error from the op's own parser: MLIR prefixes it with `custom op '<name>'`. */
function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

const EMPTY_HINT = 'Failed parsing dimension list. Did you mean an empty list? It must be denoted by "[]".';

/** One size: an integer or `?`; undefined when neither is next. */
function parseDim(p: OpAsmParser): bigint | undefined {
  if (p.parseOptionalPunct('?')) return K_DYNAMIC;
  if (p.isPunct('-')) return undefined;
  return p.parseOptionalInteger();
}

/**
 * `4x?x8` lexes as `4`, `x`, `?`, `x8`: sizes after an `x` may sit inside
 * the identifier token, so split it; a trailing `x` wants one more size.
 */
function parseDims(p: OpAsmParser, start: number): bigint[] {
  const first = parseDim(p);
  if (first === undefined) opError(p, EMPTY_HINT, start);
  const dims = [first];
  for (;;) {
    const at = p.currentOffset();
    const kw = p.parseOptionalKeyword();
    if (kw === undefined) return dims;
    if (!kw.startsWith('x')) opError(p, 'Failed parsing dimension list.', at);
    const parts = kw.slice(1).split('x');
    const last = parts.pop() as string;
    for (const part of parts) {
      if (!/^\d+$/.test(part)) opError(p, 'Failed parsing dimension list.', at);
      dims.push(BigInt(part));
    }
    if (last !== '') {
      if (!/^\d+$/.test(last)) opError(p, 'Failed parsing dimension list.', at);
      dims.push(BigInt(last));
      continue;
    }
    const next = parseDim(p);
    if (next === undefined) opError(p, 'Failed parsing dimension list.');
    dims.push(next);
  }
}

export const dimensionList: CustomDirective = {
  parse(p, args, into) {
    const [shape] = args;
    const start = p.currentOffset();
    let dims: bigint[] = [];
    if (p.parseOptionalPunct('[')) p.parsePunct(']', "expected ']'");
    else dims = parseDims(p, start);
    if (shape?.kind === 'attribute') into.attributes.set(shape.name, p.context.denseArrayAttr(p.context.integerType(64), dims));
    return true;
  },
  print(p, _op, args, values) {
    const [shape] = args;
    const attr = shape?.kind === 'attribute' ? values.attribute(shape.name) : undefined;
    const dims = attr?.kind === 'dense_array' ? (attr as DenseArrayAttr).values.map((v) => BigInt(v)) : [];
    p.write(dims.length === 0 ? '[]' : dims.map((d) => (d === K_DYNAMIC ? '?' : d.toString())).join('x'));
  },
};
