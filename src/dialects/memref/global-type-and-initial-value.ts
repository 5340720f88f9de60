// `custom<GlobalMemrefOpTypeAndInitialValue>($type, $initial_value)` of
// memref.global: `memref<2xf32>`, then `= uninitialized` or `= dense<...>`
// (the elements typed by the memref's tensor counterpart), or nothing (external).
import type { CustomDirective } from '../../ir/assembly-format/engine/index.js';
import { DYNAMIC, printType, type OpAsmParser, type Type, type TypeAttr } from '../../ir/index.js';

function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

export const globalMemrefOpTypeAndInitialValue: CustomDirective = {
  parse(p, args, into) {
    const [typeArg, initArg] = args;
    const type = p.parseType();
    const staticShape = type.kind === 'memref' && (type as unknown as { shape: readonly number[] }).shape.every((d) => d !== DYNAMIC);
    if (!staticShape) opError(p, `type should be static shaped memref, but got '${printType(type)}'`, p.nameOffset);
    if (typeArg?.kind === 'attribute') into.attributes.set(typeArg.name, p.context.typeAttr(type));
    if (!p.parseOptionalPunct('=')) return true;
    let init;
    if (p.parseOptionalKeyword('uninitialized')) init = p.context.unitAttr();
    else {
      const m = type as unknown as { shape: readonly number[]; elementType: Type };
      init = p.parseAttribute(p.context.tensorType(m.shape, m.elementType));
      if (!['dense', 'dense_resource', 'dense_string', 'sparse'].includes(init.kind)) {
        opError(p, 'initial value should be a unit or elements attribute', p.nameOffset);
      }
    }
    if (initArg?.kind === 'attribute') into.attributes.set(initArg.name, init);
    return true;
  },
  print(p, _op, args, values) {
    const [typeArg, initArg] = args;
    const type = typeArg?.kind === 'attribute' ? values.attribute(typeArg.name) : undefined;
    if (type?.kind === 'type') p.printType((type as TypeAttr).value);
    const init = initArg?.kind === 'attribute' ? values.attribute(initArg.name) : undefined;
    if (!init) return;
    p.write(' = ');
    if (init.kind === 'unit') p.write('uninitialized');
    else p.printAttributeWithoutType(init);
  },
};
