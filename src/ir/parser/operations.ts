import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type, FunctionType } from '../types/type.js';
import { Operation, emptyState, type OperationState } from '../core/operation.js';
import { Region } from '../core/region.js';
import { Block } from '../core/block.js';
import type { Value } from '../core/value.js';
import type { ParsedArgument } from '../core/dialect.js';
import { Kind } from '../syntax/token-stream.js';
import { decodeString, type ParserState } from './state.js';
import { parseType } from './types.js';
import { parseAttribute, parseAttributeEntries } from './attributes.js';
import { parseLocationBody } from './locations.js';
import { SsaScopes, BlockScope, type UnresolvedOperand } from './ssa.js';
import { AsmParser } from './asm-parser.js';
import { DeferredLocations } from './deferred-locations.js';

/** MLIR's setPropertiesFromAttribute failure, reported at the op name once the op is read. */
function checkProperties(p: ParserState, name: string, offset: number, props: Attribute, accepts: (name: string, value: Attribute) => boolean): void {
  if (props.kind !== 'dictionary') return;
  for (const e of (props as unknown as { entries: readonly { name: string; value: Attribute }[] }).entries) {
    if (accepts(e.name, e.value)) continue;
    const text = (a: Attribute): string => (p.printAttribute ? p.printAttribute(a) : a.kind);
    p.fail(`invalid properties ${text(props)} for op ${name}: Invalid attribute \`${e.name}\` in property conversion: ${text(e.value)}`, offset);
  }
}

/** What MLIR's lexer takes for an integer type rather than an identifier. */
const INT_TYPE_TOKEN = /^(i|si|ui)[0-9]+$/;

/** Op parsing with SSA scopes and block labels; one per top-level parse. */
export class OperationParser {
  readonly ssa: SsaScopes;
  private readonly blockScopes: BlockScope[] = [];
  /** Default dialects of enclosing ops (OpAsmOpInterface::getDefaultDialect). */
  private readonly defaultDialects: string[] = [];
  /**
   * MLIR's own default-dialect stack, for its wording of unknown short names:
   * `builtin` at the top, each custom-syntax op's default dialect (or none)
   * inside it, generic ops transparent. (Name resolution stays more lenient,
   * accepting what our printer writes.)
   */
  private readonly mlirDefaultDialects: string[] = ['builtin'];
  /** `loc(#alias)` uses whose alias may be defined further down the file. */
  readonly deferredLocations = new DeferredLocations();

  constructor(readonly p: ParserState) {
    this.ssa = new SsaScopes(p);
  }

  // ---- operands ---------------------------------------------------------------
  atOperand(): boolean {
    return this.p.peek().kind === Kind.PercentId;
  }

  parseOperandUse(): UnresolvedOperand {
    const t = this.p.peek();
    if (t.kind !== Kind.PercentId) this.p.failWrongToken('expected SSA operand');
    this.p.next();
    let number = 0;
    const h = this.p.peek();
    if (h.kind === Kind.HashId && h.offset === t.offset + t.text.length) {
      if (!/^#[0-9]+$/.test(h.text)) this.p.fail('invalid SSA value result number', h.offset);
      this.p.next();
      number = Number(h.text.slice(1));
    }
    return { name: t.text, number, offset: t.offset };
  }

  // ---- operations -------------------------------------------------------------
  /** Parse one operation (with its result list) and append it to `block`. */
  parseOperation(block: Block): Operation {
    const p = this.p;
    const start = p.peek().offset;
    const results: { name: string; count: number; offset: number }[] = [];
    if (p.peek().kind === Kind.PercentId) {
      // `%a, %b:2 =` (a loop rather than commaList: no closure per op).
      do {
        const t = p.peek();
        if (t.kind !== Kind.PercentId) p.fail('expected valid ssa identifier');
        p.next();
        let count = 1;
        if (p.consumeIf(':')) {
          const n = p.peek();
          if (n.kind !== Kind.Integer) p.failWrongToken('expected integer number of results');
          if (Number(n.text) < 1) p.fail('expected named operation to have at least 1 result');
          p.next();
          count = Number(n.text);
        }
        results.push({ name: t.text, count, offset: t.offset });
      } while (p.consumeIf(','));
      p.expect('=', "expected '=' after SSA name");
    }
    const t = p.peek();
    let op: Operation;
    if (t.kind === Kind.String) op = this.parseGenericOperation(start);
    // `i32`, `si8`, `ui16` are integer-type tokens to MLIR's lexer, never op names.
    else if (t.kind === Kind.BareId && !INT_TYPE_TOKEN.test(t.text)) op = this.parseCustomOperation(start);
    else op = p.failWrongToken('expected operation name in quotes');

    const expected = results.reduce((n, r) => n + r.count, 0);
    if (results.length > 0 && op.results.length === 0) p.fail('cannot name an operation with no results', start);
    if (results.length > 0 && expected !== op.results.length) {
      p.fail(`operation defines ${op.results.length} results but was provided ${expected} to bind`, start);
    }
    let index = 0;
    for (const r of results) {
      // One name for all results (the usual case) needs no copy of the list.
      this.ssa.define(r.name, results.length === 1 ? op.results : op.results.slice(index, index + r.count), r.offset);
      index += r.count;
    }
    block.append(op);
    return op;
  }

  /** `"name"(operands) [succ] <{props}> (regions) {attrs} : (types) -> types loc(...)`. */
  parseGenericOperation(start: number): Operation {
    const p = this.p;
    const nameTok = p.next();
    const name = decodeString(nameTok.text);
    if (name.length === 0) p.fail('empty operation name is invalid', nameTok.offset);
    if (name.includes('\0')) p.fail('null character not allowed in operation name', nameTok.offset);
    // As in MLIR, an op is located at its name, not at its result list.
    const state = emptyState(name, p.location(nameTok.offset));
    const def = p.context.getOpDefinition(name);
    if (!def) checkUnregisteredAllowed(p, name, start);
    p.expect('(', "expected '(' to start operand list");
    const operands: UnresolvedOperand[] = [];
    // MLIR's parseOptionalSSAUseList: a list only when a `%` name follows.
    if (this.atOperand()) p.commaList(() => operands.push(this.parseOperandUse()));
    p.expect(')', "expected ')' to end operand list");
    if (p.is('[')) {
      if (def && !def.traits.has('IsTerminator')) p.fail('successors in non-terminator');
      p.delimitedList('[', ']', () => state.successors.push(this.parseSuccessorLabel()), "expected '['");
    }
    let propsAttr: Attribute | undefined;
    if (p.is('<')) {
      p.next();
      const propOffset = p.peek().offset;
      const props = parseAttribute(p);
      propsAttr = props;
      p.expect('>', "expected '>' to close properties");
      if (props.kind === 'dictionary') {
        for (const e of (props as unknown as { entries: { name: string; value: Attribute }[] }).entries) state.properties.set(e.name, e.value);
      } else if (def) {
        p.fail('expected dictionary attribute for properties of a registered op', propOffset);
      } else {
        state.opaqueProperties = props;
      }
    }
    if (p.is('(')) {
      p.next();
      // MLIR's generic form never opens an isolated name scope: names of enclosing regions stay
      // visible (uses across isolation are the verifier's to reject).
      const isolated = false;
      p.commaList(() => {
        const region = new Region();
        this.parseRegion(region, [], isolated, def?.defaultDialect);
        state.regions.push(region);
      });
      p.expect(')', "expected ')' to end region list");
    }
    if (p.is('{')) for (const e of parseAttributeEntries(p)) state.attributes.set(e.name, e.value);
    p.expect(':', "expected ':' followed by operation type");
    const typeOffset = p.peek().offset;
    const fnType = parseType(p);
    if (fnType.kind !== 'function') p.fail('expected function type', typeOffset);
    const ft = fnType as FunctionType;
    if (ft.inputs.length !== operands.length) {
      p.fail(`expected ${operands.length} operand type${operands.length === 1 ? '' : 's'} but had ${ft.inputs.length}`, typeOffset);
    }
    state.operands = operands.map((u, i) => this.ssa.resolve(u, ft.inputs[i]));
    state.resultTypes = [...ft.results];
    this.parseTrailingLocation(state);
    if (propsAttr && def?.acceptsProperty) checkProperties(p, name, nameTok.offset, propsAttr, def.acceptsProperty.bind(def));
    return Operation.create(p.context, state);
  }

  parseCustomOperation(start: number): Operation {
    const p = this.p;
    const nameTok = p.next();
    let name = nameTok.text;
    let def = p.context.getOpDefinition(name);
    if (!def && !name.includes('.')) {
      const builtin = p.context.getOpDefinition(`builtin.${name}`);
      const dd = this.defaultDialects[this.defaultDialects.length - 1];
      const fromDefault = dd ? p.context.getOpDefinition(`${dd}.${name}`) : undefined;
      if (builtin) [def, name] = [builtin, `builtin.${name}`];
      else if (fromDefault) [def, name] = [fromDefault, `${dd}.${name}`];
      else this.failUnknownShortName(name, nameTok.offset);
    }
    if (!def?.parse) {
      const dialect = name.includes('.') ? name.slice(0, name.indexOf('.')) : '';
      if (def || p.context.isRegisteredDialect(dialect)) return p.fail(`custom op '${name}' is unknown`, nameTok.offset);
      return p.fail(`Dialect \`${dialect}' not found for custom op '${name}' `, nameTok.offset);
    }
    const state = emptyState(name, p.location(nameTok.offset));
    this.defaultDialects.push(def.defaultDialect ?? this.defaultDialects[this.defaultDialects.length - 1] ?? '');
    // builtin.module's OpAsmOpInterface names `builtin` as its default dialect.
    this.mlirDefaultDialects.push(def.defaultDialect ?? (name === 'builtin.module' ? 'builtin' : ''));
    try {
      def.parse(new AsmParser(this, name, def.traits.has('IsolatedFromAbove'), def.defaultDialect, nameTok.offset), state);
    } finally {
      this.defaultDialects.pop();
      this.mlirDefaultDialects.pop();
    }
    this.parseTrailingLocation(state);
    return Operation.create(p.context, state);
  }

  /** An op name without a dialect that no default dialect resolves, worded as MLIR 22. */
  private failUnknownShortName(name: string, offset: number): never {
    const dd = this.mlirDefaultDialects[this.mlirDefaultDialects.length - 1];
    const tried = `(tried '${dd}.${name}' as well)`;
    if (dd === '' || !this.p.context.isRegisteredDialect(dd)) this.p.fail(`Dialect \`${dd}' not found for custom op '${name}'  ${tried}`, offset);
    return this.p.fail(`custom op '${name}' is unknown ${tried}`, offset);
  }

  parseTrailingLocation(state: OperationState): void {
    const loc = this.parseOptionalLocation();
    if (loc) state.location = loc;
  }

  parseOptionalLocation(): Location | undefined {
    const p = this.p;
    const t = p.peek();
    if (t.kind !== Kind.BareId || t.text !== 'loc') return undefined;
    p.next();
    p.expect('(', "expected '(' in location");
    const a = p.peek();
    const loc = a.kind === Kind.HashId && !a.text.includes('.') ? this.deferredLocations.parseAlias(p) : parseLocationBody(p);
    p.expect(')', "expected ')' in location");
    return loc;
  }

  // ---- regions and blocks -------------------------------------------------------
  /**
   * `{ ops ^bb(args): ops ... }`. `entryArgs` are the region's entry block
   * arguments, already named by the custom format (e.g. func.func's signature).
   */
  parseRegion(region: Region, entryArgs: readonly ParsedArgument[], isolated: boolean, defaultDialect?: string): void {
    const p = this.p;
    p.expect('{', "expected '{' to begin a region");
    // MLIR checks named entry arguments against the names in scope (none in a fresh isolated scope).
    for (const a of isolated ? [] : entryArgs) {
      const prior = a.operand.name ? this.ssa.definedAt(a.operand.name) : undefined;
      if (prior !== undefined) {
        p.failWithNotes(`region entry argument '${a.operand.name}' is already in use`, a.operand.offset, [{ offset: prior, message: 'previously referenced here' }]);
      }
    }
    this.ssa.pushRegion(isolated);
    this.blockScopes.push(new BlockScope());
    this.defaultDialects.push(defaultDialect ?? this.defaultDialects[this.defaultDialects.length - 1] ?? '');
    try {
      if (p.consumeIf('}')) {
        if (entryArgs.length > 0) {
          const block = region.appendBlock(new Block());
          this.defineEntryArgs(block, entryArgs);
        }
        this.finishBlocks();
        this.ssa.popRegion(isolated);
        return;
      }
      let block: Block;
      if (p.peek().kind === Kind.CaretId) {
        if (entryArgs.length > 0) p.fail('invalid block name in region with named arguments');
        block = this.parseBlockLabel(region);
      } else {
        block = region.appendBlock(new Block());
        this.defineEntryArgs(block, entryArgs);
      }
      for (;;) {
        this.parseBlockBody(block);
        if (p.consumeIf('}')) break;
        if (p.peek().kind !== Kind.CaretId) p.fail("expected '}' to end region");
        block = this.parseBlockLabel(region);
      }
      this.finishBlocks();
    } finally {
      this.defaultDialects.pop();
    }
    this.ssa.popRegion(isolated);
  }

  private defineEntryArgs(block: Block, args: readonly ParsedArgument[]): void {
    for (const a of args) {
      const loc = a.location ?? this.p.location(a.operand.offset);
      const arg = block.addArgument(a.type!, loc);
      if (a.operand.name) this.ssa.define(a.operand.name, [arg], a.operand.offset);
    }
  }

  private parseBlockBody(block: Block): void {
    const p = this.p;
    for (;;) {
      const t = p.peek();
      if (t.kind === Kind.CaretId || (t.kind === Kind.Punct && t.text === '}')) return;
      // MLIR reads on for another operation and reports the missing name.
      if (t.kind === Kind.EOF) p.failWrongToken('expected operation name in quotes');
      this.parseOperation(block);
    }
  }

  /** `^bb0(%a: i32 loc(...), ...):` — defines or completes a forward-referenced block. */
  private parseBlockLabel(region: Region): Block {
    const p = this.p;
    const t = p.next();
    const scope = this.blockScopes[this.blockScopes.length - 1];
    let entry = scope.blocks.get(t.text);
    if (entry?.defined) p.fail(`redefinition of block '${t.text}'`, t.offset);
    if (!entry) {
      entry = { block: new Block(), defined: true, offset: t.offset };
      scope.blocks.set(t.text, entry);
    }
    entry.defined = true;
    const block = entry.block;
    block.location = p.location(t.offset);
    region.appendBlock(block);
    if (p.consumeIf('(') && !p.consumeIf(')')) {
      p.commaList(() => {
        const u = this.parseOperandUse();
        p.expect(':', "expected ':' and type for SSA operand");
        const type = parseType(p);
        const loc = this.parseOptionalLocation() ?? p.location(u.offset);
        const arg = block.addArgument(type, loc);
        this.ssa.define(u.name, [arg], u.offset);
      });
      p.expect(')', "expected ')'");
    }
    p.expect(':', "expected ':' after block name");
    return block;
  }

  parseSuccessorLabel(): Block {
    const p = this.p;
    const t = p.peek();
    if (t.kind !== Kind.CaretId) p.fail('expected block name');
    p.next();
    const scope = this.blockScopes[this.blockScopes.length - 1];
    if (!scope) p.fail('branch to block outside of a region', t.offset);
    let entry = scope.blocks.get(t.text);
    if (!entry) {
      entry = { block: new Block(), defined: false, offset: t.offset };
      scope.blocks.set(t.text, entry);
    }
    return entry.block;
  }

  private finishBlocks(): void {
    const scope = this.blockScopes.pop()!;
    for (const [name, e] of scope.blocks) {
      if (!e.defined) this.p.fail(`reference to an undefined block`, e.offset);
      void name;
    }
  }

  resolveOperands(us: readonly UnresolvedOperand[], types: readonly Type[]): Value[] {
    return us.map((u, i) => this.ssa.resolve(u, types[i]));
  }
}

/** MLIR's rules for ops with no definition: unknown dialects need the flag; known dialects never allow unknown ops. */
export function checkUnregisteredAllowed(p: ParserState, name: string, offset: number): void {
  const dot = name.indexOf('.');
  const dialect = dot > 0 ? name.slice(0, dot) : '';
  // An unknown op of a registered dialect is the verifier's to reject (after any parse error), as in MLIR.
  if (dialect && p.context.isRegisteredDialect(dialect)) return;
  if (!p.context.allowUnregistered) {
    p.fail('operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used', offset);
  }
}
