// The custom syntax of function-like ops (MLIR's function_interface_impl):
//   func.func [visibility] @name(%a: t {attrs} loc(..), ...) -> (t {attrs}, ...) [attributes {...}] [{ body }]
import {
  Region,
  type Attribute,
  type DictionaryAttr,
  type FunctionType,
  type NamedAttribute,
  type OpAsmParser,
  type OpAsmPrinter,
  type Operation,
  type OperationState,
  type ParsedArgument,
  type StringAttr,
  type Type,
  type TypeAttr,
  type ArrayAttr,
} from '../../ir/index.js';

const VISIBILITIES = ['private', 'public', 'nested'] as const;

function dictOrEmpty(p: OpAsmParser, attrs: Map<string, Attribute> | undefined): DictionaryAttr {
  return p.context.dictionaryAttr([...(attrs ?? [])].map(([name, value]) => ({ name, value })));
}

/** Parse a function signature and body into `state` (properties sym_name, function_type, arg_attrs, res_attrs). */
export function parseFunctionOp(p: OpAsmParser, state: OperationState): void {
  const ctx = p.context;
  const vis = p.parseOptionalKeyword(VISIBILITIES);
  if (vis) state.properties.set('sym_visibility', ctx.stringAttr(vis));
  state.properties.set('sym_name', ctx.stringAttr(p.parseSymbolName()));

  // Arguments: named (`%a: t`) when there is a body, bare types otherwise.
  const args: ParsedArgument[] = [];
  const argTypes: Type[] = [];
  const argAttrs: DictionaryAttr[] = [];
  p.parsePunct('(', "expected '('");
  if (!p.parseOptionalPunct(')')) {
    let named: boolean | undefined;
    do {
      const at = p.currentOffset();
      const arg = p.parseOptionalArgument(true, true);
      if (arg) {
        if (named === false) p.fail(`custom op '${p.opName}' expected type instead of SSA identifier`, at);
        named = true;
        args.push(arg);
        argTypes.push(arg.type!);
        argAttrs.push(dictOrEmpty(p, arg.attributes));
      } else {
        if (named === true) p.fail(`custom op '${p.opName}' expected SSA identifier`, at);
        named = false;
        argTypes.push(p.parseType());
        const attrs = new Map<string, Attribute>();
        p.parseOptionalAttrDict(attrs);
        argAttrs.push(dictOrEmpty(p, attrs));
        p.parseOptionalLocationSpecifier();
      }
    } while (p.parseOptionalPunct(','));
    p.parsePunct(')', "expected ')'");
  }

  // Results: `-> t`, or `-> (t {attrs}, ...)`.
  const resultTypes: Type[] = [];
  const resultAttrs: DictionaryAttr[] = [];
  if (p.parseOptionalPunct('->')) {
    if (p.parseOptionalPunct('(')) {
      if (!p.parseOptionalPunct(')')) {
        do {
          resultTypes.push(p.parseType());
          const attrs = new Map<string, Attribute>();
          p.parseOptionalAttrDict(attrs);
          resultAttrs.push(dictOrEmpty(p, attrs));
        } while (p.parseOptionalPunct(','));
        p.parsePunct(')', "expected ')'");
      }
    } else {
      resultTypes.push(p.parseType());
      resultAttrs.push(ctx.dictionaryAttr([]));
    }
  }
  state.properties.set('function_type', ctx.typeAttr(ctx.functionType(argTypes, resultTypes)));
  if (argAttrs.some((d) => d.entries.length > 0)) state.properties.set('arg_attrs', ctx.arrayAttr(argAttrs));
  if (resultAttrs.some((d) => d.entries.length > 0)) state.properties.set('res_attrs', ctx.arrayAttr(resultAttrs));
  const attrsAt = p.currentOffset();
  p.parseOptionalAttrDictWithKeyword(state.attributes);
  for (const inferred of ['sym_name', 'function_type', 'sym_visibility']) {
    if (state.attributes.has(inferred)) {
      p.fail(`custom op '${p.opName}' '${inferred}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, attrsAt);
    }
  }

  const body = new Region();
  const at = p.currentOffset();
  // Errors through the op's parser carry `custom op 'func.func'`, as MLIR's do. A
  // declaration may name its arguments: MLIR drops the names.
  if (p.parseOptionalRegion(body, args) && body.blocks.length === 0) p.fail(`custom op '${p.opName}' expected non-empty function body`, at);
  state.regions.push(body);
}

function attrsAt(a: Attribute | undefined, i: number): readonly NamedAttribute[] {
  if (!a || a.kind !== 'array') return [];
  const d = (a as ArrayAttr).elements[i];
  return d && d.kind === 'dictionary' ? (d as DictionaryAttr).entries : [];
}

const ELIDED = ['sym_name', 'function_type', 'arg_attrs', 'res_attrs', 'sym_visibility'];

export function printFunctionOp(p: OpAsmPrinter, op: Operation): void {
  const vis = op.getAttr('sym_visibility') as StringAttr | undefined;
  if (vis) p.write(` ${vis.value}`);
  p.write(' ');
  p.printSymbolName((op.getAttr('sym_name') as StringAttr).value);
  const fnType = (op.getAttr('function_type') as TypeAttr).value as FunctionType;
  const argAttrs = op.getAttr('arg_attrs');
  const resAttrs = op.getAttr('res_attrs');
  const body = op.regions[0];
  const entry = body?.blocks[0];
  p.write('(');
  fnType.inputs.forEach((t, i) => {
    if (i > 0) p.write(', ');
    if (entry) p.printRegionArgument(entry.arguments[i], attrsAt(argAttrs, i));
    else {
      p.printType(t);
      const attrs = attrsAt(argAttrs, i);
      if (attrs.length > 0) p.printOptionalAttrDict(attrs);
    }
  });
  p.write(')');
  if (fnType.results.length > 0) {
    p.write(' -> ');
    const withAttrs = fnType.results.some((_, i) => attrsAt(resAttrs, i).length > 0);
    const single = fnType.results.length === 1 && !withAttrs && fnType.results[0].kind !== 'function';
    if (!single) p.write('(');
    fnType.results.forEach((t, i) => {
      if (i > 0) p.write(', ');
      p.printType(t);
      const attrs = attrsAt(resAttrs, i);
      if (attrs.length > 0) p.printOptionalAttrDict(attrs);
    });
    if (!single) p.write(')');
  }
  p.printOptionalAttrDictWithKeyword([...op.properties.entries, ...op.attributes.entries], ELIDED);
  if (body && body.blocks.length > 0) {
    p.write(' ');
    p.printRegion(body, { printEntryBlockArgs: false, printBlockTerminators: true });
  }
}
