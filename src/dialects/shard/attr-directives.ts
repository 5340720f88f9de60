// The shard attributes whose stripped form is not `<...>`, so the format
// engine's generic attribute-def spelling cannot read them: ReductionKindAttr
// (`max`, full form `#shard<partial max>`) and GridAxesArrayAttr
// (`[[0], [], [1]]`, full form `#shard<axisarray[[0], [], [1]]>`). The ops'
// formats name them through these directives instead (see index.ts).
import type { CustomDirective } from '../../ir/assembly-format/engine/index.js';
import type { Attribute, DialectAttr, OpAsmParser } from '../../ir/index.js';

export const REDUCTION_KINDS = ['sum', 'max', 'min', 'product', 'average', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'generic'] as const;

function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

const isShardAttr = (a: Attribute | undefined, mnemonic: string): a is DialectAttr =>
  a?.kind === 'dialect' && (a as DialectAttr).dialect === 'shard' && (a as DialectAttr).mnemonic === mnemonic;

/** `#shard<partial kind>` as MLIR prints it. */
export function reductionAttr(p: { context: OpAsmParser['context'] }, kind: string): Attribute {
  return p.context.dialectAttr('shard', 'partial', ` ${kind}`, [], undefined, true);
}

/** `#shard<axisarray[[..], ..]>` as MLIR prints it. */
export function gridAxesArrayAttr(p: { context: OpAsmParser['context'] }, axes: readonly (readonly bigint[])[]): Attribute {
  return p.context.dialectAttr('shard', 'axisarray', `[${axes.map((a) => `[${a.join(', ')}]`).join(', ')}]`, [], undefined, true);
}

/** The full form `#shard<...>` where the stripped one is expected (MLIR's parseCustomAttributeWithFallback). */
function parseFullForm(p: OpAsmParser, mnemonic: string): Attribute | undefined {
  const at = p.currentOffset();
  const full = p.parseOptionalAttribute();
  if (full && !isShardAttr(full, mnemonic)) opError(p, `invalid kind of attribute specified`, at);
  return full;
}

export const reductionKindDirective: CustomDirective = {
  parse(p, args, into, optional) {
    const [arg] = args;
    let attr = parseFullForm(p, 'partial');
    if (!attr) {
      const at = p.currentOffset();
      const kw = p.parseOptionalKeyword();
      if (kw === undefined) {
        if (optional) return false;
        opError(p, 'expected keyword for Reduction of an iterator/grid dimension.', at);
      }
      if (!(REDUCTION_KINDS as readonly string[]).includes(kw)) opError(p, `expected one of [${REDUCTION_KINDS.join(', ')}] for Reduction of an iterator/grid dimension., got: ${kw}`, at);
      attr = reductionAttr(p, kw);
    }
    if (arg?.kind === 'attribute') into.attributes.set(arg.name, attr);
    return true;
  },
  print(p, _op, args, values) {
    const [arg] = args;
    const attr = arg?.kind === 'attribute' ? values.attribute(arg.name) : undefined;
    if (isShardAttr(attr, 'partial')) p.write(attr.body.trim());
    else if (attr) p.printAttribute(attr);
  },
};

export const gridAxesArrayDirective: CustomDirective = {
  parse(p, args, into, optional) {
    const [arg] = args;
    // `[` starts the stripped form (an array attribute would read it too).
    let attr = p.isPunct('[') ? undefined : parseFullForm(p, 'axisarray');
    if (!attr) {
      if (!p.isPunct('[')) {
        if (optional) return false;
        p.parsePunct('[', "expected '['");
      }
      p.parsePunct('[');
      const axes: bigint[][] = [];
      if (!p.parseOptionalPunct(']')) {
        do {
          p.parsePunct('[', "expected '['");
          const list: bigint[] = [];
          if (!p.parseOptionalPunct(']')) {
            do list.push(p.parseInteger());
            while (p.parseOptionalPunct(','));
            p.parsePunct(']', "expected ']'");
          }
          axes.push(list);
        } while (p.parseOptionalPunct(','));
        p.parsePunct(']', "expected ']'");
      }
      attr = gridAxesArrayAttr(p, axes);
    }
    if (arg?.kind === 'attribute') into.attributes.set(arg.name, attr);
    return true;
  },
  print(p, _op, args, values) {
    const [arg] = args;
    const attr = arg?.kind === 'attribute' ? values.attribute(arg.name) : undefined;
    if (isShardAttr(attr, 'axisarray')) p.write(attr.body.trim());
    else if (attr) p.printAttribute(attr);
  },
};
