// Bridges IR operations to the TOSA semantic core (./semantics): an
// Operation seen as an OpView (types as MLIR text, attributes as plain
// values, constant operands, region signatures), and the op verifier the
// tosa dialect registers from it.
import {
  printAttribute,
  printType,
  type Attribute,
  type DenseArrayAttr,
  type DenseElementsAttr,
  type DialectAttr,
  type FloatAttr,
  type IntegerAttr,
  type Operation,
  type StringAttr,
  type SymbolRefAttr,
  type Type,
  type TypeAttr,
  type VerifyContext,
} from '../../ir/index.js';
import {
  PLAIN_ERROR,
  TOSA_SEMANTICS,
  formatTosaDiagnostic,
  parseType,
  type AbstractType,
  type AttrValue,
  type OpView,
  type RegionView,
} from './semantics/index.js';

const abstract = (t: Type): AbstractType => parseType(printType(t));

function scalar(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return Number(v[0]);
  return Number(v);
}

/** Dense elements flattened; a splat is expanded when the shape is static. */
function denseValue(a: DenseElementsAttr): AttrValue {
  const type = abstract(a.type);
  if (a.hex !== undefined) return { kind: 'dense', type, values: [], splat: false };
  let values = a.values.map(scalar);
  if (a.isSplat && type.kind === 'tensor' && type.shape && type.shape.every((d) => d !== '?')) {
    const n = (type.shape as number[]).reduce((x, y) => x * y, 1);
    values = new Array<number>(n).fill(values[0] ?? 0);
  }
  return { kind: 'dense', type, values, splat: a.isSplat };
}

/** An attribute in the semantic model's terms (see AttrValue). */
export function attrValue(a: Attribute): AttrValue {
  switch (a.kind) {
    case 'integer': {
      const i = a as IntegerAttr;
      const type = printType(i.type);
      if (type === 'i1') return i.value !== 0n;
      return { kind: 'int', value: Number(i.value), type };
    }
    case 'float': {
      const f = a as FloatAttr;
      const text = printAttribute(f);
      const hex = /^(0x[0-9A-Fa-f]+)\s*:/.exec(text)?.[1];
      return { kind: 'float', value: Number(f.value), type: printType(f.type), ...(hex ? { hex: hex.toUpperCase().replace(/^0X/, '0x') } : {}) };
    }
    case 'dense_array':
      return (a as DenseArrayAttr).values.map(scalar);
    case 'dense':
      return denseValue(a as DenseElementsAttr);
    case 'type':
      return { kind: 'type', type: printType((a as TypeAttr).value) };
    case 'string':
      return (a as StringAttr).value;
    case 'unit':
      return true;
    case 'dialect':
      if ((a as DialectAttr).dialect === 'tosa') return (a as DialectAttr).body.trim();
      return printAttribute(a);
    default:
      return printAttribute(a);
  }
}

/**
 * Flattened values of a constant operand: a `!tosa.shape` operand is known only
 * when a tosa.const_shape defines it (MLIR's shape operands resolve through
 * that op alone), a tensor operand only when a tosa.const defines it.
 */
function constantOf(value: Operation['operands'][number]): readonly number[] | undefined {
  const op = value.definingOp;
  const wanted = value.type.kind === 'dialect' && printType(value.type).startsWith('!tosa.shape') ? 'tosa.const_shape' : 'tosa.const';
  if (!op || op.name !== wanted) return undefined;
  const v = op.getAttr('values');
  if (v?.kind !== 'dense') return undefined;
  const d = denseValue(v as DenseElementsAttr);
  return typeof d === 'object' && 'kind' in d && d.kind === 'dense' ? d.values : undefined;
}

function regionView(op: Operation, index: number): RegionView {
  const block = op.regions[index]?.entryBlock;
  const last = block?.lastOp;
  return {
    args: block ? block.arguments.map((a) => abstract(a.type)) : [],
    yields: last && last.name === 'tosa.yield' ? last.operands.map((v) => abstract(v.type)) : null,
  };
}

/**
 * The declared type of the tosa.variable a variable_read/variable_write names:
 * `false` when no tosa.variable of that name is in scope, undefined when it
 * cannot be stated (no name, or a declaration without shape and type).
 */
function variableType(op: Operation): AttrValue | undefined {
  // LLVM 22 names the variable with a SymbolNameAttr (a string); accept a symbol reference too.
  const ref = op.getAttr('name');
  const sym = ref?.kind === 'string' ? (ref as StringAttr).value : ref?.kind === 'symbol_ref' ? (ref as SymbolRefAttr).root : undefined;
  if (sym === undefined) return undefined;
  for (let scope = op.parentOp; scope; scope = scope.parentOp) {
    for (const region of scope.regions) {
      for (const block of region.blocks) {
        for (const candidate of block.operations) {
          if (candidate.name !== 'tosa.variable') continue;
          const name = candidate.getAttr('sym_name');
          if (name?.kind !== 'string' || (name as StringAttr).value !== sym) continue;
          const shape = candidate.getAttr('var_shape');
          const elem = candidate.getAttr('type');
          if (shape?.kind !== 'dense' || elem?.kind !== 'type') return undefined;
          const dims = (denseValue(shape as DenseElementsAttr) as { values: readonly number[] }).values;
          const text = `tensor<${dims.map((d) => (d < 0 ? '?' : String(d))).join('x')}${dims.length ? 'x' : ''}${printType((elem as TypeAttr).value)}>`;
          return { kind: 'type', type: text };
        }
      }
    }
  }
  return false;
}

/** What the semantic rules see of `op`. */
export function opView(op: Operation): OpView {
  const attrs: Record<string, AttrValue | undefined> = {};
  for (const { name, value } of [...op.properties.entries, ...op.attributes.entries]) attrs[name] = attrValue(value);
  if (op.name === 'tosa.variable_read' || op.name === 'tosa.variable_write') {
    const declared = variableType(op);
    if (declared !== undefined) attrs['variable_type'] = declared;
  }
  return {
    name: op.name,
    operands: op.operands.map((v) => abstract(v.type)),
    results: op.resultTypes.map(abstract),
    attrs,
    constants: op.operands.map(constantOf),
    definingOps: op.operands.map((v) => v.definingOp?.name),
    regions: op.regions.map((_, i) => regionView(op, i)),
  };
}

/**
 * The op verifier from the semantic core: its first message, as MLIR reports
 * only one, printed the way MLIR prints it (formatTosaDiagnostic): with the
 * `'tosa.x' op` prefix, bare for location errors from inference, and with an
 * empty message where mlir-opt-22 fails silently (a diagnostic is still
 * needed for the op to count as rejected).
 */
export function verifyTosaSemantics(op: Operation, ctx: VerifyContext): void {
  const sem = TOSA_SEMANTICS.get(op.name);
  if (!sem) return;
  const [body] = sem.verify(opView(op));
  if (body === undefined) return;
  const line = formatTosaDiagnostic(op.name, body);
  if (line === undefined) ctx.emitError(op.location, '');
  else if (body.startsWith(PLAIN_ERROR)) ctx.emitError(op.location, line);
  else ctx.emitOpError(op, body);
}
