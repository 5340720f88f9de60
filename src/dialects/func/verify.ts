import type {
  ArrayAttr,
  DictionaryAttr,
  FunctionType,
  Operation,
  StringAttr,
  SymbolRefAttr,
  Type,
  TypeAttr,
  VerifyContext,
} from '../../ir/index.js';

function functionType(op: Operation): FunctionType | undefined {
  const t = op.getAttr('function_type');
  return t?.kind === 'type' && (t as TypeAttr).value.kind === 'function' ? ((t as TypeAttr).value as FunctionType) : undefined;
}

/** `function_interface_impl::verifyTrait`: the arg/res attribute arrays. */
function verifyAttrArrays(op: Operation, fnType: FunctionType, ctx: VerifyContext): boolean {
  for (const which of ['argument', 'result'] as const) {
    const a = op.getAttr(which === 'argument' ? 'arg_attrs' : 'res_attrs');
    if (!a) continue;
    const n = which === 'argument' ? fnType.inputs.length : fnType.results.length;
    const elements = a.kind === 'array' ? (a as ArrayAttr).elements : [];
    if (elements.length !== n) {
      ctx.emitOpError(op, `expects ${which} attribute array to have the same number of elements as the number of function ${which}s, got ${elements.length}, but expected ${n}`);
      return false;
    }
    for (const d of elements) {
      if (d.kind !== 'dictionary') {
        ctx.emitOpError(op, `expects ${which} attribute dictionary to be a DictionaryAttr, but got \`${ctx.printAttribute(d)}\``);
        return false;
      }
      if ((d as DictionaryAttr).entries.some((e) => !e.name.includes('.'))) {
        ctx.emitOpError(op, `${which}s may only have dialect attributes`);
        return false;
      }
    }
  }
  return true;
}

/** func.func: signature vs entry block, attribute arrays, visibility of declarations. */
export function verifyFunc(op: Operation, ctx: VerifyContext): void {
  const fnType = functionType(op);
  if (!fnType) return ctx.emitOpError(op, "requires attribute 'function_type'");
  if (!verifyAttrArrays(op, fnType, ctx)) return;
  const body = op.regions[0];
  if (!body || body.blocks.length === 0) {
    const vis = op.getAttr('sym_visibility') as StringAttr | undefined;
    if (!vis || vis.value === 'public') ctx.emitOpError(op, 'symbol declaration cannot have public visibility');
    return;
  }
  const entry = body.blocks[0];
  if (entry.arguments.length !== fnType.inputs.length) {
    return ctx.emitOpError(op, `entry block must have ${fnType.inputs.length} arguments to match function signature`);
  }
  entry.arguments.forEach((a, i) => {
    if (a.type !== fnType.inputs[i]) {
      ctx.emitOpError(op, `type of entry block argument #${i}(${quote(ctx, a.type)}) must match the type of the corresponding argument in function signature(${quote(ctx, fnType.inputs[i])})`);
    }
  });
}

function quote(ctx: VerifyContext, t: Type): string {
  return `'${ctx.printType(t)}'`;
}

/** func.return: operands against the enclosing function's results. */
export function verifyReturn(op: Operation, ctx: VerifyContext): void {
  const fn = op.parentOp;
  if (!fn || fn.name !== 'func.func') return ctx.emitOpError(op, "expects parent op 'func.func'");
  const fnType = functionType(fn);
  if (!fnType) return;
  const name = (fn.getAttr('sym_name') as StringAttr | undefined)?.value ?? '';
  if (op.numOperands !== fnType.results.length) {
    return ctx.emitOpError(op, `has ${op.numOperands} operands, but enclosing function (@${name}) returns ${fnType.results.length}`);
  }
  op.operands.forEach((v, i) => {
    if (v.type !== fnType.results[i]) {
      ctx.emitError(op.location, `type of return operand ${i} (${quote(ctx, v.type)}) doesn't match function result type (${quote(ctx, fnType.results[i])}) in function @${name}`);
    }
  });
}

/** Nearest symbol table ancestor's symbol `name` (flat references only). */
export function lookupSymbol(from: Operation, name: string): Operation | undefined {
  for (let scope = from.parentOp; scope; scope = scope.parentOp) {
    if (!scope.hasTrait('SymbolTable')) continue;
    for (const region of scope.regions) {
      for (const block of region.blocks) {
        for (const op of block.operations) {
          const sym = op.getAttr('sym_name');
          if (sym?.kind === 'string' && (sym as StringAttr).value === name) return op;
        }
      }
    }
    return undefined;
  }
  return undefined;
}

/**
 * func.call's symbol uses (CallOp::verifySymbolUses): the callee exists and
 * its signature matches the call. Run by the enclosing symbol table after
 * the whole table verified, as in MLIR.
 */
export function verifyCallSymbolUses(op: Operation, ctx: VerifyContext): void {
  const callee = op.getAttr('callee') as SymbolRefAttr | undefined;
  if (!callee || callee.kind !== 'symbol_ref') return ctx.emitOpError(op, "requires a 'callee' symbol reference attribute");
  const fn = lookupSymbol(op, callee.root);
  if (!fn || fn.name !== 'func.func') {
    return ctx.emitOpError(op, `'${callee.root}' does not reference a valid function`);
  }
  const fnType = functionType(fn);
  if (!fnType) return;
  if (fnType.inputs.length !== op.numOperands) return ctx.emitOpError(op, 'incorrect number of operands for callee');
  for (let i = 0; i < op.numOperands; i++) {
    if (op.operand(i).type !== fnType.inputs[i]) {
      return ctx.emitOpError(op, `operand type mismatch: expected operand type ${quote(ctx, fnType.inputs[i])}, but provided ${quote(ctx, op.operand(i).type)} for operand number ${i}`);
    }
  }
  if (fnType.results.length !== op.results.length) return ctx.emitOpError(op, 'incorrect number of results for callee');
  for (let i = 0; i < op.results.length; i++) {
    if (op.results[i].type !== fnType.results[i]) {
      const list = (ts: readonly Type[]): string => ts.map((t) => quote(ctx, t)).join(', ');
      ctx.emitOpError(op, `result type mismatch at index ${i}`, [
        { location: op.location, message: `      op result types: ${list(op.resultTypes)}` },
        { location: op.location, message: `function result types: ${list(fnType.results)}` },
      ]);
      return;
    }
  }
}

/** func.constant's symbol uses: the referenced function exists and has the constant's type. */
export function verifyConstantSymbolUses(op: Operation, ctx: VerifyContext): void {
  const ref = op.getAttr('value') as SymbolRefAttr | undefined;
  if (!ref || ref.kind !== 'symbol_ref') return;
  const fn = lookupSymbol(op, ref.root);
  if (!fn || fn.name !== 'func.func') return ctx.emitOpError(op, `reference to undefined function '${ref.root}'`);
  const type = op.results[0]?.type;
  if (type && functionType(fn) !== type) ctx.emitOpError(op, 'reference to function with mismatched type');
}
