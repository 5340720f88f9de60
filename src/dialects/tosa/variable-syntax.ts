// `custom<VariableOpTypeOrInitialValue>($var_shape, $type, $initial_value)` of
// tosa.variable: either `: tensor<1x8xf32>` or `= dense<...> : tensor<1x8xf32>`;
// the shape is stored as an index tensor (-1 for `?`), the element type apart.
import type { CustomDirective } from '../../ir/assembly-format/engine/index.js';
import { DYNAMIC, type Attribute, type DenseElementsAttr, type OpAsmParser, type Type, type TypeAttr } from '../../ir/index.js';

/** An error from the op's own parser: MLIR prefixes it with `custom op '<name>'`. */
function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

function shapeAndElement(p: OpAsmParser, t: Type): { shape: Attribute; element: Type } {
  if (t.kind === 'unranked_tensor' || t.kind === 'unranked_memref') opError(p, 'expected ranked type');
  if (t.kind !== 'tensor' && t.kind !== 'memref' && t.kind !== 'vector') opError(p, 'expected shaped type');
  const shaped = t as unknown as { shape: readonly number[]; elementType: Type };
  const dims = shaped.shape.map((d) => (d === DYNAMIC ? -1n : BigInt(d)));
  const ctx = p.context;
  const type = ctx.tensorType([dims.length], ctx.indexType());
  const splat = dims.length > 1 && dims.every((d) => d === dims[0]);
  return { shape: ctx.denseElementsAttr(type, splat ? [dims[0]] : dims, splat), element: shaped.elementType };
}

/** The dims of an index elements attribute, decoding the hex form too. */
function dimsOf(attr: DenseElementsAttr): number[] {
  const count = attr.type.kind === 'tensor' ? (attr.type as unknown as { shape: readonly number[] }).shape[0] ?? 0 : 0;
  if (attr.hex !== undefined) {
    const bytes = attr.hex.slice(2);
    const out: number[] = [];
    for (let i = 0; i + 16 <= bytes.length; i += 16) {
      let v = 0n;
      for (let b = 7; b >= 0; b--) v = (v << 8n) | BigInt(parseInt(bytes.slice(i + 2 * b, i + 2 * b + 2), 16));
      out.push(Number(BigInt.asIntN(64, v)));
    }
    return out;
  }
  if (attr.isSplat) return Array.from({ length: count }, () => Number(attr.values[0]));
  return attr.values.map((v) => Number(v));
}

export const variableOpTypeOrInitialValue: CustomDirective = {
  parse(p, args, into) {
    const [shapeArg, typeArg, initArg] = args;
    let type: Type;
    if (p.parseOptionalPunct('=')) {
      const init = p.parseOptionalAttribute();
      if (!init) opError(p, 'expected attribute');
      // MLIR's TypedAttr: a string without `: type` is one too (of type none).
      const typed = (init as { type?: Type }).type ?? (init.kind === 'string' ? p.context.noneType() : undefined);
      if (!typed) opError(p, 'expected Typed attr');
      if (initArg?.kind === 'attribute') into.attributes.set(initArg.name, init);
      type = typed;
    } else {
      if (!p.parseOptionalPunct(':')) opError(p, 'expected type after colon');
      const t = p.parseOptionalType();
      if (!t) opError(p, 'expected type after colon');
      type = t;
    }
    const { shape, element } = shapeAndElement(p, type);
    if (shapeArg?.kind === 'attribute') into.attributes.set(shapeArg.name, shape);
    if (typeArg?.kind === 'attribute') into.attributes.set(typeArg.name, p.context.typeAttr(element));
    return true;
  },
  print(p, _op, args, values) {
    const [shapeArg, typeArg, initArg] = args;
    const init = initArg?.kind === 'attribute' ? values.attribute(initArg.name) : undefined;
    const typedInit = init !== undefined && (init as { type?: Type }).type !== undefined;
    let needsSpace = false;
    if (!typedInit) {
      const shape = shapeArg?.kind === 'attribute' ? values.attribute(shapeArg.name) : undefined;
      const elem = typeArg?.kind === 'attribute' ? values.attribute(typeArg.name) : undefined;
      if (shape?.kind === 'dense' && elem?.kind === 'type') {
        const dims = dimsOf(shape as DenseElementsAttr).map((d) => (d === -1 ? DYNAMIC : d));
        p.write(`: ${p.typeToString(p.context.tensorType(dims, (elem as TypeAttr).value))}`);
        needsSpace = true;
      }
    }
    if (init) {
      if (needsSpace) p.write(' ');
      p.write(`= ${p.attributeToString(init)}`);
    }
  },
};
