/**
 * Turns a module description into IR through the public IR API. Values are
 * only used where they dominate: an op sees the values of enclosing scopes
 * (up to the nearest function, which is isolated from above), its block's
 * arguments and the results of earlier ops in its block. Where an op needs a
 * value of a type nothing visible has, one is made first (`arith.constant`
 * for arith types, an unregistered `<ns>.undef` otherwise).
 */
import {
  Block,
  Operation,
  Region,
  emptyState,
  type Attribute,
  type Context,
  type FloatType,
  type FunctionType,
  type IntegerType,
  type Location,
  type Type,
  type Value,
} from '../ir/index.js';
import type { BlockSpec, FuncSpec, ModuleSpec, OpSpec, RegionSpec } from './module-spec.js';

interface Signature {
  readonly name: string;
  readonly type: FunctionType;
}

class ModuleBuilder {
  private readonly signatures: Signature[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly undefName: string,
    private readonly endName: string,
  ) {}

  build(spec: ModuleSpec): Operation {
    const used = new Set<string>();
    for (const f of spec.funcs) {
      let name = f.name;
      for (let i = 1; used.has(name); i++) name = `${f.name}_${i}`;
      used.add(name);
      this.signatures.push({ name, type: this.ctx.functionType(f.args.map((a) => a.type), f.results) });
    }
    const body = new Block();
    spec.funcs.forEach((f, i) => body.append(this.func(f, this.signatures[i])));
    const visible: Value[] = [];
    for (const op of spec.ops) this.op(op, body, visible);
    const state = emptyState('builtin.module', spec.loc);
    const region = new Region();
    region.appendBlock(body);
    state.regions.push(region);
    return Operation.create(this.ctx, state);
  }

  private func(f: FuncSpec, sig: Signature): Operation {
    const state = emptyState('func.func', f.loc);
    const declaration = f.body === null || f.body.blocks.length === 0;
    state.properties.set('sym_name', this.ctx.stringAttr(sig.name));
    state.properties.set('function_type', this.ctx.typeAttr(sig.type));
    // A declaration must not be public.
    if (f.isPrivate || declaration) state.properties.set('sym_visibility', this.ctx.stringAttr('private'));
    for (const [k, v] of f.attributes) state.attributes.set(k, v);
    const region = new Region();
    state.regions.push(region);
    if (!declaration) {
      const blocks = f.body!.blocks.map((b, i) => (i === 0 ? { ...b, args: f.args } : b));
      this.region(region, blocks, [], { results: f.results });
    }
    return Operation.create(this.ctx, state);
  }

  /** Fill `region`; `fn` set means a function body (every block ends in a branch or func.return). */
  private region(region: Region, blocks: readonly BlockSpec[], outer: readonly Value[], fn?: { results: readonly Type[] }): void {
    const made = blocks.map((b) => {
      const block = region.appendBlock(new Block());
      for (const a of b.args) block.addArgument(a.type, a.loc);
      return block;
    });
    blocks.forEach((b, i) => {
      const block = made[i];
      const visible = [...outer, ...block.arguments];
      for (const op of b.ops) this.op(op, block, visible);
      if (b.branch && made.length > 1) {
        const targets = b.branch.targets.map((t) => made[1 + (t % (made.length - 1))]);
        const operands = targets.flatMap((t) => t.arguments.map((a) => this.valueOf(a.type, block, visible, 0, b.branch!.loc)));
        const state = emptyState(b.branch.name, b.branch.loc);
        state.operands = operands;
        state.successors = targets;
        block.append(Operation.create(this.ctx, state));
      } else if (fn) {
        const state = emptyState('func.return', block.arguments[0]?.location ?? this.ctx.unknownLoc());
        state.operands = fn.results.map((t, k) => this.valueOf(t, block, visible, k, state.location));
        block.append(Operation.create(this.ctx, state));
      } else if (made.length > 1) {
        // MLIR wants every block of a multi-block region to end in something
        // that may be a terminator; an unregistered op may.
        block.append(Operation.create(this.ctx, emptyState(this.endName, block.arguments[0]?.location ?? this.ctx.unknownLoc())));
      }
    });
  }

  /** How many unregistered ops enclose the op being built (MLIR finds no symbol table through them). */
  private unregisteredDepth = 0;

  private op(spec: OpSpec, block: Block, visible: Value[]): void {
    const ctx = this.ctx;
    let state;
    switch (spec.kind) {
      case 'generic': {
        state = emptyState(spec.name, spec.loc);
        state.operands = visible.length === 0 ? [] : spec.operands.map((i) => visible[i % visible.length]);
        state.resultTypes = [...spec.results];
        for (const [k, v] of spec.attributes) state.attributes.set(k, v);
        for (const [k, v] of spec.properties) state.properties.set(k, v);
        this.unregisteredDepth++;
        for (const r of spec.regions) {
          const region = new Region();
          this.region(region, r.blocks, visible);
          state.regions.push(region);
        }
        this.unregisteredDepth--;
        break;
      }
      case 'binary':
      case 'cmpi': {
        const lhs = this.valueOf(spec.type, block, visible, spec.lhs, spec.loc);
        const rhs = this.valueOf(spec.type, block, visible, spec.rhs, spec.loc);
        state = emptyState(spec.kind === 'cmpi' ? 'arith.cmpi' : spec.op, spec.loc);
        state.operands = [lhs, rhs];
        if (spec.kind === 'cmpi') {
          state.properties.set('predicate', ctx.integerAttr(ctx.integerType(64), BigInt(spec.predicate)));
          state.resultTypes = [ctx.integerType(1)];
        } else state.resultTypes = [spec.type];
        break;
      }
      case 'constant': {
        state = emptyState('arith.constant', spec.loc);
        state.properties.set('value', spec.value);
        state.resultTypes = [(spec.value as Attribute & { type: Type }).type];
        break;
      }
      case 'call': {
        // Symbol lookup stops at an unregistered op (it might be a symbol table).
        if (this.signatures.length === 0 || this.unregisteredDepth > 0) return;
        const sig = this.signatures[spec.callee % this.signatures.length];
        const operands = sig.type.inputs.map((t, k) => this.valueOf(t, block, visible, spec.callee + k, spec.loc));
        state = emptyState('func.call', spec.loc);
        state.operands = operands;
        state.properties.set('callee', ctx.symbolRefAttr(sig.name));
        state.resultTypes = [...sig.type.results];
        break;
      }
    }
    const op = Operation.create(ctx, state);
    block.append(op);
    visible.push(...op.results);
  }

  /** A visible value of type `t` (the `pick`-th of them), made when there is none. */
  private valueOf(t: Type, block: Block, visible: Value[], pick: number, loc: Location): Value {
    const same = visible.filter((v) => v.type === t);
    if (same.length > 0) return same[pick % same.length];
    const ctx = this.ctx;
    let state;
    if (t.kind === 'index' || (t.kind === 'integer' && (t as IntegerType).isSignless)) {
      state = emptyState('arith.constant', loc);
      state.properties.set('value', ctx.integerAttr(t, 0n));
    } else if (t.kind === 'float') {
      state = emptyState('arith.constant', loc);
      state.properties.set('value', ctx.floatAttr(t, (t as FloatType).floatKind === 'f8E8M0FNU' ? 1 : 0));
    } else {
      state = emptyState(this.undefName, loc);
    }
    state.resultTypes = [t];
    const op = Operation.create(ctx, state);
    block.append(op);
    visible.push(op.results[0]);
    return op.results[0];
  }
}

/** Build the module a description stands for, in `ctx` (which must allow unregistered ops). */
export function buildModule(ctx: Context, spec: ModuleSpec, options: { opDialect?: string } = {}): Operation {
  const ns = options.opDialect ?? 'foo';
  return new ModuleBuilder(ctx, `${ns}.undef`, `${ns}.end`).build(spec);
}
