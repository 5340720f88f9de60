/**
 * Read a module through numaccl's IR parser (src/ir) and flatten it into the
 * IR-independent `ModuleInfo` the topology commands use. Any op form the IR
 * parses works here (generic or custom, given a context with dialects).
 */
import {
  DenseArrayAttr,
  DenseElementsAttr,
  DiagnosticError,
  FileLineColLoc,
  FloatAttr,
  IntegerAttr,
  StringAttr,
  UnitAttr,
  parse,
  printType,
  type Attribute,
  type Context,
  type Operation,
  type Value,
} from '../../ir/index.js';
import { ModuleReadError, type AttrValue, type ModuleInfo, type OpInfo } from './ops.js';

function dims(type: string): number[] | undefined {
  const m = /^tensor<((?:\d+x)*)[a-z]\w*>$/.exec(type);
  return m ? (m[1] ? m[1].slice(0, -1).split('x').map(Number) : []) : undefined;
}

function reshape(flat: number[], shape: readonly number[]): unknown {
  if (shape.length <= 1) return flat;
  const inner = shape.slice(1).reduce((a, d) => a * d, 1);
  return Array.from({ length: shape[0] }, (_, i) => reshape(flat.slice(i * inner, (i + 1) * inner), shape.slice(1)));
}

function attrValue(a: Attribute): AttrValue {
  if (a instanceof IntegerAttr) return { kind: 'int', value: Number(a.value) };
  if (a instanceof FloatAttr) return { kind: 'float', value: a.value };
  if (a instanceof StringAttr) return { kind: 'string', value: a.value };
  if (a instanceof UnitAttr) return { kind: 'unit' };
  if (a instanceof DenseArrayAttr) return { kind: 'dense', value: [...a.values].map(Number) };
  if (a instanceof DenseElementsAttr && a.hex === undefined) {
    const shape = dims(printType(a.type)) ?? [a.values.length];
    const count = shape.reduce((x, d) => x * d, 1);
    const flat = (a.isSplat ? Array(count).fill(a.values[0]) : [...a.values]).map((v) => (typeof v === 'object' ? NaN : Number(v)));
    return { kind: 'dense', value: shape.length === 0 ? flat[0] : reshape(flat, shape) };
  }
  return { kind: 'other', text: a.kind };
}

function locOf(op: Operation, file: string): string {
  const l = op.location;
  return l instanceof FileLineColLoc ? `${l.file}:${l.line}:${l.col}` : file;
}

export function readModuleWithIr(text: string, file: string, context: Context): ModuleInfo {
  let module: Operation;
  try {
    module = parse(context, text, { fileName: file }).module;
  } catch (e) {
    if (e instanceof DiagnosticError) throw new ModuleReadError(e.message);
    throw e;
  }
  const names = new Map<Value, string>();
  const nameOf = (v: Value): string => {
    let n = names.get(v);
    if (!n) names.set(v, (n = `%v${names.size}`));
    return n;
  };
  const ops: OpInfo[] = [];
  module.walk((op) => {
    if (op === module) return;
    const attrs = new Map<string, AttrValue>();
    for (const e of [...op.properties.entries, ...op.attributes.entries]) attrs.set(e.name, attrValue(e.value));
    ops.push({
      name: op.name,
      results: op.results.map(nameOf),
      operands: op.operands.map(nameOf),
      attrs,
      operandTypes: op.operands.map((v) => printType(v.type)),
      resultTypes: op.results.map((v) => printType(v.type)),
      loc: locOf(op, file),
    });
  }, 'pre');
  const world = module.attributes.get('ccl.world_size') ?? module.properties.get('ccl.world_size');
  return { ...(world instanceof IntegerAttr ? { worldSize: Number(world.value) } : {}), ops };
}
