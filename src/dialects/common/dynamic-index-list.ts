import type { CustomDirective } from '../../ir/assembly-format/engine/index.js';
import type { DenseArrayAttr, UnresolvedOperand } from '../../ir/index.js';

/** MLIR's ShapedType::kDynamic as stored in static index arrays. */
export const K_DYNAMIC = -(2n ** 63n);

/**
 * `custom<DynamicIndexList>($dynamic, $static)`: `[%a, 4, %b]`, mixing SSA
 * values and constants; `$static` holds kDynamic where a value is used.
 */
export const dynamicIndexList: CustomDirective = {
  parse(p, args, into, optional) {
    const [dyn, stat] = args;
    if (!p.isPunct('[')) {
      if (optional) return false;
      p.parsePunct('[', "expected '[' in dynamic index list");
    }
    p.parsePunct('[');
    const operands: UnresolvedOperand[] = [];
    const statics: bigint[] = [];
    if (!p.parseOptionalPunct(']')) {
      do {
        const u = p.parseOptionalOperand();
        // MLIR's parser takes a `[` here as the start of a scalable index, closed by `]`.
        const scalable = p.parseOptionalPunct('[');
        if (u) {
          operands.push(u);
          statics.push(K_DYNAMIC);
        } else {
          statics.push(p.parseInteger());
        }
        if (scalable && !p.parseOptionalPunct(']')) p.fail(`custom op '${p.opName}' expected SSA value or integer`, p.nameOffset >= 0 ? p.nameOffset : undefined);
      } while (p.parseOptionalPunct(','));
      p.parsePunct(']', "expected ']' in dynamic index list");
    }
    if (dyn?.kind === 'operand') into.operands.set(dyn.name, operands);
    if (stat?.kind === 'attribute') into.attributes.set(stat.name, p.context.denseArrayAttr(p.context.integerType(64), statics));
    return true;
  },
  print(p, _op, args, values) {
    const [dyn, stat] = args;
    const operands = dyn?.kind === 'operand' ? values.operands(dyn.name) : [];
    const attr = stat?.kind === 'attribute' ? values.attribute(stat.name) : undefined;
    const statics = attr?.kind === 'dense_array' ? (attr as DenseArrayAttr).values.map((v) => BigInt(v)) : [];
    let k = 0;
    const parts = statics.map((s) => (s === K_DYNAMIC ? p.valueName(operands[k++]) : s.toString()));
    p.write(`[${parts.join(', ')}]`);
  },
};
