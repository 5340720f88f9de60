import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Context } from '../core/context.js';
import type { Region } from '../core/region.js';
import type { Block } from '../core/block.js';
import type { Value } from '../core/value.js';
import type { OpAsmParser, ParsedArgument, UnresolvedOperand } from '../core/dialect.js';
import { Kind } from '../syntax/token-stream.js';
import { decodeString, ParserState } from './state.js';
import { SourceFile } from './source.js';
import { scanDialectBody } from './dialect-body.js';
import { parseAffineMapBody } from './affine.js';
import { atType, parseType, parseFunctionResultTypes } from './types.js';
import { atAttribute, parseAttribute, parseAttributeEntries, symbolName } from './attributes.js';
import type { OperationParser } from './operations.js';

/** The OpAsmParser custom formats see, bound to one op being parsed. */
export class AsmParser implements OpAsmParser {
  constructor(
    private readonly ops: OperationParser,
    readonly opName: string,
    private readonly isolated: boolean,
    private readonly defaultDialect: string | undefined,
    readonly nameOffset: number = -1,
  ) {}

  private get p() {
    return this.ops.p;
  }
  get context(): Context {
    return this.p.context;
  }
  currentOffset(): number {
    return this.p.peek().offset;
  }
  locationAt(offset: number): Location {
    return this.p.location(offset);
  }
  fail(message: string, offset?: number): never {
    return this.p.fail(message, offset);
  }
  /**
   * An error through the op's own parser (MLIR's CustomOpAsmParser::emitError),
   * which prefixes `custom op '<name>' `; token-level errors are not prefixed.
   */
  private failOp(message: string, offset?: number): never {
    if (offset === undefined && this.p.peek().kind === Kind.Unknown) return this.p.fail(message);
    return this.p.fail(`custom op '${this.opName}' ${message}`, offset ?? this.currentOffset());
  }
  typeText(type: Type): string {
    return this.p.printType ? this.p.printType(type) : type.kind;
  }
  emitWarning(message: string, offset?: number): void {
    const pos = this.p.file.position(offset ?? this.currentOffset());
    this.p.diagnostics.push({ severity: 'warning', message, position: { file: this.p.file.name, ...pos }, notes: [] });
  }

  // ---- keywords, strings, punctuation ----------------------------------------
  private atKeyword(): boolean {
    const t = this.p.peek();
    return t.kind === Kind.BareId;
  }
  parseKeyword(keyword?: string, what?: string): string {
    const t = this.p.peek();
    if (t.kind !== Kind.BareId || (keyword !== undefined && t.text !== keyword)) {
      this.failOp(what ?? (keyword ? `expected '${keyword}'` : 'expected valid keyword'));
    }
    return this.p.next().text;
  }
  parseOptionalKeyword(keyword?: string | readonly string[]): string | undefined {
    const t = this.p.peek();
    if (t.kind !== Kind.BareId) return undefined;
    if (keyword === undefined || (typeof keyword === 'string' ? t.text === keyword : keyword.includes(t.text))) return this.p.next().text;
    return undefined;
  }
  parseKeywordOrString(): string {
    const v = this.parseOptionalKeywordOrString();
    if (v === undefined) this.failOp('expected valid keyword or string');
    return v;
  }
  parseOptionalKeywordOrString(): string | undefined {
    if (this.atKeyword()) return this.p.next().text;
    return this.parseOptionalString();
  }
  parseString(): string {
    const v = this.parseOptionalString();
    if (v === undefined) this.failOp('expected string');
    return v;
  }
  parseOptionalString(): string | undefined {
    const t = this.p.peek();
    if (t.kind !== Kind.String) return undefined;
    this.p.next();
    return decodeString(t.text);
  }
  parsePunct(text: string, what?: string): void {
    this.p.expect(text, what);
  }
  parseOptionalPunct(text: string): boolean {
    return this.p.consumeIf(text);
  }
  isPunct(text: string): boolean {
    return this.p.is(text);
  }
  parseInteger(): bigint {
    const v = this.parseOptionalInteger();
    if (v === undefined) this.failOp('expected integer value');
    return v;
  }
  parseOptionalInteger(): bigint | undefined {
    const p = this.p;
    const t = p.peek();
    if (t.kind === Kind.Integer) return BigInt(p.next().text);
    if (t.text === '-' && t.kind === Kind.Punct) {
      // As MLIR's parseOptionalInteger: a '-' commits to an integer.
      p.next();
      if (p.peek().kind !== Kind.Integer) p.failWrongToken('expected integer value');
      return -BigInt(p.next().text);
    }
    return undefined;
  }
  parseFloat(): number {
    const p = this.p;
    const neg = p.consumeIf('-');
    const t = p.peek();
    if (t.kind !== Kind.Float && t.kind !== Kind.Integer) this.fail('expected floating point literal');
    p.next();
    return neg ? -Number(t.text) : Number(t.text);
  }

  parseTypeFromString(text: string): Type {
    const sub = new ParserState(this.p.context, new SourceFile('<type>', text));
    sub.printType = this.p.printType;
    sub.printAttribute = this.p.printAttribute;
    return parseType(sub);
  }
  parseDialectBody(): string {
    return scanDialectBody(this.p).body;
  }
  parseAffineMap(): Attribute {
    return this.p.context.affineMapAttr(parseAffineMapBody(this.p));
  }

  // ---- types -----------------------------------------------------------------------
  parseType(): Type {
    return parseType(this.p);
  }
  parseOptionalType(): Type | undefined {
    return atType(this.p) ? parseType(this.p) : undefined;
  }
  parseColonType(): Type {
    this.p.expect(':', "expected ':'");
    return this.parseType();
  }
  parseColonTypeList(): Type[] {
    this.p.expect(':', "expected ':'");
    return this.parseTypeList();
  }
  parseOptionalColonTypeList(): Type[] {
    if (!this.p.consumeIf(':')) return [];
    return this.parseTypeList();
  }
  parseTypeList(): Type[] {
    const types: Type[] = [];
    this.p.commaList(() => types.push(this.parseType()));
    return types;
  }
  parseArrowTypeList(): Type[] {
    this.p.expect('->', "expected '->'");
    return parseFunctionResultTypes(this.p);
  }
  parseOptionalArrowTypeList(): Type[] | undefined {
    if (!this.p.is('->')) return undefined;
    return this.parseArrowTypeList();
  }

  // ---- attributes --------------------------------------------------------------------
  parseAttribute(type?: Type): Attribute {
    return parseAttribute(this.p, type);
  }
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    return atAttribute(this.p) ? parseAttribute(this.p, type) : undefined;
  }
  parseOptionalAttrDict(into: Map<string, Attribute>): void {
    if (!this.p.is('{')) return;
    for (const e of parseAttributeEntries(this.p)) into.set(e.name, e.value);
  }
  parseOptionalAttrDictWithKeyword(into: Map<string, Attribute>): void {
    const t = this.p.peek();
    if (t.kind !== Kind.BareId || t.text !== 'attributes') return;
    this.p.next();
    for (const e of parseAttributeEntries(this.p)) into.set(e.name, e.value);
  }
  parseSymbolName(): string {
    const v = this.parseOptionalSymbolName();
    if (v === undefined) this.failOp('expected valid \'@\'-identifier for symbol name');
    return v;
  }
  parseOptionalSymbolName(): string | undefined {
    const t = this.p.peek();
    if (t.kind !== Kind.AtId) return undefined;
    this.p.next();
    return symbolName(t.text);
  }
  parseOptionalLocationSpecifier(): Location | undefined {
    return this.ops.parseOptionalLocation();
  }

  // ---- operands ----------------------------------------------------------------------
  parseOperand(): UnresolvedOperand {
    return this.ops.parseOperandUse();
  }
  parseOptionalOperand(): UnresolvedOperand | undefined {
    return this.ops.atOperand() ? this.ops.parseOperandUse() : undefined;
  }
  parseOperandList(delimiter: 'paren' | 'square' | 'none' | 'optional-paren' | 'optional-square' = 'none', requiredCount?: number): UnresolvedOperand[] {
    const p = this.p;
    const out: UnresolvedOperand[] = [];
    const start = p.peek().offset;
    const [open, close] = delimiter.endsWith('paren') ? ['(', ')'] : delimiter.endsWith('square') ? ['[', ']'] : ['', ''];
    if (delimiter.startsWith('optional') && !p.is(open)) return out;
    if (open) {
      p.expect(open);
      if (!p.consumeIf(close)) {
        p.commaList(() => out.push(this.parseOperand()));
        p.expect(close, `expected ')' in operand list`);
      }
    } else if (this.ops.atOperand()) {
      p.commaList(() => out.push(this.parseOperand()));
    }
    if (requiredCount !== undefined && out.length !== requiredCount) {
      this.failOp(`expected ${requiredCount} operands`, start);
    }
    return out;
  }
  resolveOperand(operand: UnresolvedOperand, type: Type): Value {
    return this.ops.ssa.resolve(operand, type);
  }
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], offset?: number): Value[] {
    if (operands.length !== types.length) {
      const at = offset ?? operands[0]?.offset ?? (this.nameOffset >= 0 ? this.nameOffset : undefined);
      this.fail(`custom op '${this.opName}' number of operands and types do not match: got ${operands.length} operands and ${types.length} types`, at);
    }
    return operands.map((u, i) => this.resolveOperand(u, types[i]));
  }
  lookupOperand(operand: UnresolvedOperand): Value | undefined {
    return this.ops.ssa.lookup(operand);
  }

  // ---- arguments, regions, successors -------------------------------------------------
  parseArgument(allowType: boolean, allowAttrs: boolean): ParsedArgument {
    const operand = this.parseOperand();
    const arg: ParsedArgument = { operand };
    if (allowType) arg.type = this.parseColonType();
    if (allowAttrs && this.p.is('{')) {
      arg.attributes = new Map();
      this.parseOptionalAttrDict(arg.attributes);
    }
    const loc = this.ops.parseOptionalLocation();
    if (loc) arg.location = loc;
    return arg;
  }
  parseOptionalArgument(allowType: boolean, allowAttrs: boolean): ParsedArgument | undefined {
    return this.ops.atOperand() ? this.parseArgument(allowType, allowAttrs) : undefined;
  }
  parseArgumentList(delimiter: 'paren' | 'square' | 'none' | 'optional-paren', allowType: boolean, allowAttrs: boolean): ParsedArgument[] {
    const p = this.p;
    const out: ParsedArgument[] = [];
    const [open, close] = delimiter.endsWith('paren') ? ['(', ')'] : delimiter === 'square' ? ['[', ']'] : ['', ''];
    if (delimiter === 'optional-paren' && !p.is('(')) return out;
    if (open) {
      p.expect(open);
      if (p.consumeIf(close)) return out;
    } else if (!this.ops.atOperand()) return out;
    p.commaList(() => out.push(this.parseArgument(allowType, allowAttrs)));
    if (close) p.expect(close);
    return out;
  }
  parseRegion(region: Region, args: readonly ParsedArgument[] = [], enableNameShadowing = false): void {
    for (const a of args) if (!a.type) this.fail('expected type for region argument', a.operand.offset);
    // As in MLIR, a region is its own name scope only when the op asks for name shadowing.
    this.ops.parseRegion(region, args, enableNameShadowing && this.isolated, this.defaultDialect);
  }
  parseOptionalRegion(region: Region, args: readonly ParsedArgument[] = []): boolean {
    if (!this.p.is('{')) return false;
    this.parseRegion(region, args);
    return true;
  }
  parseSuccessor(): Block {
    return this.ops.parseSuccessorLabel();
  }
  parseOptionalSuccessor(): Block | undefined {
    return this.p.peek().kind === Kind.CaretId ? this.ops.parseSuccessorLabel() : undefined;
  }
  parseSuccessorAndUseList(): { block: Block; operands: Value[] } {
    const block = this.parseSuccessor();
    if (!this.p.is('(')) return { block, operands: [] };
    this.p.next();
    const us: UnresolvedOperand[] = [];
    this.p.commaList(() => us.push(this.parseOperand()));
    const types = this.parseColonTypeList();
    this.p.expect(')', "expected ')'");
    return { block, operands: this.resolveOperands(us, types) };
  }
}

