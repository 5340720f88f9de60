import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Context } from './context.js';
import type { Operation, OperationState } from './operation.js';
import type { Region } from './region.js';
import type { Block } from './block.js';
import type { Value, BlockArgument } from './value.js';

/** An operand as written (`%x`, `%x#1`), before its type is known. */
export interface UnresolvedOperand {
  readonly name: string;
  readonly number: number;
  readonly offset: number;
}

/** A region argument as written in a custom form: `%arg0: i32 {attrs} loc(...)`. */
export interface ParsedArgument {
  readonly operand: UnresolvedOperand;
  type?: Type;
  attributes?: Map<string, Attribute>;
  location?: Location;
}

/**
 * The parser API custom op formats run against (MLIR's OpAsmParser). Every
 * `parseX` throws a located parse error; every `parseOptionalX` returns
 * undefined/false when X is not next, without consuming anything.
 */
export interface OpAsmParser {
  readonly context: Context;
  /** Offset of the current token, for errors reported later. */
  currentOffset(): number;
  locationAt(offset: number): Location;
  fail(message: string, offset?: number): never;
  /** Warnings/notes that do not stop parsing. */
  emitWarning(message: string, offset?: number): void;

  parseKeyword(keyword?: string, what?: string): string;
  parseOptionalKeyword(keyword?: string | readonly string[]): string | undefined;
  parseKeywordOrString(): string;
  parseOptionalKeywordOrString(): string | undefined;
  parseString(): string;
  parseOptionalString(): string | undefined;
  /** Punctuation such as `(`, `)`, `:`, `->`, `=`, `...`, `?`, `*`, `+`, `|`. */
  parsePunct(text: string, what?: string): void;
  parseOptionalPunct(text: string): boolean;
  isPunct(text: string): boolean;
  parseInteger(): bigint;
  parseOptionalInteger(): bigint | undefined;
  parseFloat(): number;
  /** Parse a standalone type from text (buildable types named by ODS). */
  parseTypeFromString(text: string): Type;
  /** The raw text of a `<...>` body (balanced brackets), for dialect attributes in stripped form. */
  parseDialectBody(): string;
  /** A bare affine map `(d0, d1)[s0] -> (...)` (MLIR's parseAffineMap), as an affine map attribute. */
  parseAffineMap(): Attribute;

  parseType(): Type;
  parseOptionalType(): Type | undefined;
  parseColonType(): Type;
  parseColonTypeList(): Type[];
  parseOptionalColonTypeList(): Type[];
  parseTypeList(): Type[];
  /** `-> t` or `-> (t, t)`. */
  parseArrowTypeList(): Type[];
  parseOptionalArrowTypeList(): Type[] | undefined;

  parseAttribute(type?: Type): Attribute;
  parseOptionalAttribute(type?: Type): Attribute | undefined;
  parseOptionalAttrDict(into: Map<string, Attribute>): void;
  parseOptionalAttrDictWithKeyword(into: Map<string, Attribute>): void;
  parseSymbolName(): string;
  parseOptionalSymbolName(): string | undefined;
  parseOptionalLocationSpecifier(): Location | undefined;

  parseOperand(): UnresolvedOperand;
  parseOptionalOperand(): UnresolvedOperand | undefined;
  parseOperandList(delimiter?: 'paren' | 'square' | 'none' | 'optional-paren' | 'optional-square', requiredCount?: number): UnresolvedOperand[];
  resolveOperand(operand: UnresolvedOperand, type: Type): Value;
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], offset?: number): Value[];
  /** The value of an already-defined operand, if visible (custom formats inferring types). */
  lookupOperand(operand: UnresolvedOperand): Value | undefined;

  /** `%arg: type attrs? loc?`. */
  parseArgument(allowType: boolean, allowAttrs: boolean): ParsedArgument;
  parseOptionalArgument(allowType: boolean, allowAttrs: boolean): ParsedArgument | undefined;
  parseArgumentList(delimiter: 'paren' | 'square' | 'none' | 'optional-paren', allowType: boolean, allowAttrs: boolean): ParsedArgument[];

  parseRegion(region: Region, args?: readonly ParsedArgument[], enableNameShadowing?: boolean): void;
  parseOptionalRegion(region: Region, args?: readonly ParsedArgument[]): boolean;
  parseSuccessor(): Block;
  parseOptionalSuccessor(): Block | undefined;
  /** `^bb(%a, %b : t, t)`: successor and its operands. */
  parseSuccessorAndUseList(): { block: Block; operands: Value[] };

  /** The op being parsed, for format programs that need to inspect it. */
  readonly opName: string;
  /** Offset of the op's name (MLIR's getNameLoc), where custom parsers report some errors. */
  readonly nameOffset: number;
  /** A type as MLIR prints it, for error messages (hook; absent in minimal parsers). */
  typeText?(type: Type): string;
}

export interface PrintRegionOptions {
  printEntryBlockArgs?: boolean;
  printBlockTerminators?: boolean;
  printEmptyBlock?: boolean;
}

/** The printer API custom op formats run against (MLIR's OpAsmPrinter). */
export interface OpAsmPrinter {
  readonly context: Context;
  write(text: string): void;
  printOperand(value: Value): void;
  printOperands(values: readonly Value[]): void;
  printType(type: Type): void;
  typeToString(type: Type): string;
  printAttribute(attr: Attribute): void;
  /** An attribute without its `: type` suffix where the type is implied. */
  printAttributeWithoutType(attr: Attribute): void;
  attributeToString(attr: Attribute): string;
  printOptionalAttrDict(attrs: readonly { name: string; value: Attribute }[], elided?: readonly string[]): void;
  printOptionalAttrDictWithKeyword(attrs: readonly { name: string; value: Attribute }[], elided?: readonly string[]): void;
  printSymbolName(name: string): void;
  printKeywordOrString(keyword: string): void;
  printString(value: string): void;
  printRegion(region: Region, options?: PrintRegionOptions): void;
  printSuccessor(block: Block): void;
  printSuccessorAndUseList(block: Block, operands: readonly Value[]): void;
  printRegionArgument(arg: BlockArgument, attrs?: readonly { name: string; value: Attribute }[], omitType?: boolean): void;
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void;
  printArrowTypeList(types: readonly Type[]): void;
  printOptionalLocationSpecifier(loc: Location): void;
  printNewline(): void;
  /** Name the printer uses for a value (`%0`, `%arg1`). */
  valueName(value: Value): string;
}

/** How an op's verifier reports problems: MLIR's `op->emitOpError()` and friends. */
export interface VerifyContext {
  /** `'name' op <message>` at the op's location. */
  emitOpError(op: Operation, message: string, notes?: readonly { location?: Location; message: string }[]): void;
  /** `<message>` at a location, verbatim. */
  emitError(location: Location, message: string, notes?: readonly { location?: Location; message: string }[]): void;
  emitWarning(location: Location, message: string): void;
  printType(type: Type): string;
  printAttribute(attr: Attribute): string;
}

/** The declarative definition of one op: constraints, traits, syntax, semantics. */
export interface OpDefinition {
  readonly name: string;
  readonly summary: string;
  readonly traits: ReadonlySet<string>;
  /** Names of inherent attributes (stored as properties). */
  readonly inherentAttributes?: ReadonlySet<string>;
  /** Custom assembly: parse into `state` and print `op`. Absent: generic form only. */
  parse?(parser: OpAsmParser, state: OperationState): void;
  print?(printer: OpAsmPrinter, op: Operation): void;
  /** Checks beyond the generic constraints; reports through `ctx`. */
  verify?(op: Operation, ctx: VerifyContext): void;
  /** Checks that need verified regions (MLIR's verifyRegions). */
  verifyRegions?(op: Operation, ctx: VerifyContext): void;
  /**
   * Checks of the symbols this op references (MLIR's SymbolUserOpInterface),
   * run by the enclosing symbol table once everything in it verified.
   */
  verifySymbolUses?(op: Operation, ctx: VerifyContext): void;
  /**
   * Can `value` be stored as inherent attribute `name` (MLIR's generated
   * setPropertiesFromAttr)? The generic parser rejects `<{...}>` otherwise.
   */
  acceptsProperty?(name: string, value: Attribute): boolean;
  /** Default dialect for unprefixed op names inside this op's regions (OpAsmOpInterface). */
  readonly defaultDialect?: string;
  /** Region kinds: graph regions are exempt from dominance (RegionKindInterface). */
  regionKind?(index: number): 'ssa' | 'graph';
  /** Extra interfaces by name (shape inference, folding, ...). */
  readonly interfaces?: ReadonlyMap<string, unknown>;
}

/** A dialect: its ops and optional hooks for its types and attributes. */
export interface Dialect {
  readonly name: string;
  readonly ops: ReadonlyMap<string, OpDefinition>;
  /** Parse `!dialect.mnemonic<...>`; the symbol's body range can be re-parsed. Undefined: keep verbatim. */
  parseType?(parser: DialectBodyParser, symbol: DialectSymbolRef): Type | undefined;
  parseAttribute?(parser: DialectBodyParser, symbol: DialectSymbolRef): Attribute | undefined;
  /** Verify a dialect type or attribute; return an error message or undefined. */
  verifyType?(type: Type): string | undefined;
}

/** Parses the `<...>` body of a dialect type or attribute as MLIR syntax. */
export interface DialectBodyParser {
  readonly context: Context;
  /** The whole body as one type (e.g. `!ccl.future<tensor<4xf32>>`). */
  parseBodyType(): Type;
  /** The whole body as one attribute. */
  parseBodyAttribute(): Attribute;
  fail(message: string): never;
}

export interface DialectSymbolRef {
  readonly dialect: string;
  readonly mnemonic: string;
  readonly body: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly offset: number;
}
