import type { Attribute, NamedAttribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Context } from '../core/context.js';
import type { Operation } from '../core/operation.js';
import type { Region } from '../core/region.js';
import type { Block } from '../core/block.js';
import type { Value, BlockArgument } from '../core/value.js';
import type { OpAsmPrinter, PrintRegionOptions } from '../core/dialect.js';
import { printType, printResultTypes } from './types.js';
import { printAttribute, printDictionary, printNamedAttribute, printLocationBody } from './attributes.js';
import { printSymbol, quoteString, isBareIdentifier } from './strings.js';
import { NameState } from './names.js';

export interface PrintOptions {
  /** Print every op in the generic form (`--mlir-print-op-generic`). */
  generic?: boolean;
  /** Print locations (`--mlir-print-debuginfo`). */
  debugInfo?: boolean;
}

const INDENT = '  ';
/** Op names as the generic form quotes them, escaped once per name. */
const quotedNames = new Map<string, string>();
/** Indentation strings by depth, built once. */
const indents: string[] = [];
const indentOf = (depth: number): string => indents[depth] ??= INDENT.repeat(depth);

/** Prints one op tree; implements the OpAsmPrinter API custom formats use. */
export class AsmPrinter implements OpAsmPrinter {
  /** Output as one growing string: V8 keeps `+=` chains as ropes, cheaper than pushing and joining pieces. */
  private out = '';
  private indent = 0;
  private readonly names: NameState;
  private readonly distinctIds = new Map<Attribute, number>();
  /** Default dialects of enclosing ops, for eliding the prefix of op names. */
  private readonly defaultDialects: string[] = [''];

  constructor(readonly context: Context, root: Operation, private readonly options: PrintOptions = {}) {
    this.names = new NameState(root);
  }

  toString(): string {
    return this.out;
  }

  write(text: string): void {
    this.out += text;
  }

  // ---- operations -----------------------------------------------------------------
  printOperation(op: Operation): void {
    if (op.results.length > 0) this.write(`${this.names.resultList(op)} = `);
    const def = op.definition;
    if (!this.options.generic && def?.print) {
      this.write(this.displayName(op));
      this.defaultDialects.push(def.defaultDialect ?? this.defaultDialects[this.defaultDialects.length - 1]);
      def.print(this, op);
      this.defaultDialects.pop();
    } else {
      this.printGenericOperation(op);
    }
    if (this.options.debugInfo) this.write(` ${this.locationText(op.location)}`);
  }

  /** The op name with the builtin/default dialect prefix elided, as MLIR prints it. */
  private displayName(op: Operation): string {
    const dd = this.defaultDialects[this.defaultDialects.length - 1];
    if (op.name.startsWith('builtin.')) return op.name.slice(8);
    if (dd && op.name.startsWith(`${dd}.`)) return op.name.slice(dd.length + 1);
    return op.name;
  }

  printGenericOperation(op: Operation): void {
    let quoted = quotedNames.get(op.name);
    if (quoted === undefined) {
      quoted = quoteString(op.name);
      // Bounded: a long-running process printing generated names must not grow it forever.
      if (quotedNames.size < 4096) quotedNames.set(op.name, quoted);
    }
    const n = op.numOperands;
    let operands = '';
    let types = '';
    for (let i = 0; i < n; i++) {
      const v = op.operand(i);
      operands += i === 0 ? this.valueName(v) : `, ${this.valueName(v)}`;
      types += i === 0 ? printType(v.type) : `, ${printType(v.type)}`;
    }
    this.write(`${quoted}(${operands})`);
    if (op.successors.length > 0) this.write(` [${op.successors.map((b) => this.names.blockName(b)).join(', ')}]`);
    if (op.opaqueProperties) this.write(` <${this.attributeToString(op.opaqueProperties)}>`);
    else if (op.properties.entries.length > 0 || op.droppedInherent) this.write(` <${printDictionary(op.properties.entries, { distinctIds: this.distinctIds })}>`);
    if (op.regions.length > 0) {
      this.write(' (');
      op.regions.forEach((r, i) => {
        if (i > 0) this.write(', ');
        this.defaultDialects.push('');
        this.printRegion(r, { printEntryBlockArgs: true, printBlockTerminators: true, printEmptyBlock: true });
        this.defaultDialects.pop();
      });
      this.write(')');
    }
    // MLIR nulls an inherent attribute of the wrong kind given in the discardable
    // dictionary next to `<{...}>`: the way to write a dropped inherent attribute.
    const dropped = op.droppedInherent ? [...op.droppedInherent].map(([name, value]) => ({ name, value })) : [];
    const discardable = dropped.length === 0 ? op.attributes.entries : [...op.attributes.entries, ...dropped].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (discardable.length > 0) this.write(` ${printDictionary(discardable, { distinctIds: this.distinctIds })}`);
    this.write(` : (${types}) -> ${printResultTypes(op.resultTypes)}`);
  }

  // ---- regions and blocks ------------------------------------------------------------
  printRegion(region: Region, options: PrintRegionOptions = {}): void {
    const { printEntryBlockArgs = true, printBlockTerminators = true, printEmptyBlock = false } = options;
    this.write('{\n');
    this.indent++;
    region.blocks.forEach((block, i) => {
      const header = i > 0 || (printEmptyBlock && block.isEmpty) || (printEntryBlockArgs && block.arguments.length > 0);
      this.printBlock(block, header, printBlockTerminators);
    });
    this.indent--;
    this.write(`${indentOf(this.indent)}}`);
  }

  private printBlock(block: Block, header: boolean, printTerminator: boolean): void {
    if (header) {
      this.write(`${indentOf(Math.max(0, this.indent - 1))}${this.names.blockName(block)}`);
      if (block.arguments.length > 0) {
        const args = block.arguments.map((a) => {
          const loc = this.options.debugInfo ? ` ${this.locationText(a.location)}` : '';
          return `${this.valueName(a)}: ${printType(a.type)}${loc}`;
        });
        this.write(`(${args.join(', ')})`);
      }
      this.write(':\n');
    }
    for (let op = block.firstOp; op; op = op.nextOp) {
      if (!printTerminator && op === block.lastOp && op.hasTrait('IsTerminator')) continue;
      this.write(indentOf(this.indent));
      this.printOperation(op);
      this.write('\n');
    }
  }

  // ---- OpAsmPrinter ---------------------------------------------------------------------
  valueName(v: Value): string {
    return this.names.valueName(v);
  }
  printOperand(value: Value): void {
    this.write(this.valueName(value));
  }
  printOperands(values: readonly Value[]): void {
    this.write(values.map((v) => this.valueName(v)).join(', '));
  }
  printType(type: Type): void {
    this.write(printType(type));
  }
  typeToString(type: Type): string {
    return printType(type);
  }
  printAttribute(attr: Attribute): void {
    this.write(this.attributeToString(attr));
  }
  printAttributeWithoutType(attr: Attribute): void {
    this.write(printAttribute(attr, { elideType: true, distinctIds: this.distinctIds }));
  }
  attributeToString(attr: Attribute): string {
    return printAttribute(attr, { distinctIds: this.distinctIds });
  }
  printOptionalAttrDict(attrs: readonly NamedAttribute[], elided: readonly string[] = []): void {
    const shown = attrs.filter((a) => !elided.includes(a.name));
    if (shown.length > 0) this.write(` {${shown.map((e) => printNamedAttribute(e, { distinctIds: this.distinctIds })).join(', ')}}`);
  }
  printOptionalAttrDictWithKeyword(attrs: readonly NamedAttribute[], elided: readonly string[] = []): void {
    const shown = attrs.filter((a) => !elided.includes(a.name));
    if (shown.length > 0) this.write(` attributes {${shown.map((e) => printNamedAttribute(e, { distinctIds: this.distinctIds })).join(', ')}}`);
  }
  printSymbolName(name: string): void {
    this.write(printSymbol(name));
  }
  printKeywordOrString(keyword: string): void {
    this.write(isBareIdentifier(keyword) ? keyword : quoteString(keyword));
  }
  printString(value: string): void {
    this.write(quoteString(value));
  }
  printSuccessor(block: Block): void {
    this.write(this.names.blockName(block));
  }
  printSuccessorAndUseList(block: Block, operands: readonly Value[]): void {
    this.printSuccessor(block);
    if (operands.length === 0) return;
    this.write(`(${operands.map((v) => this.valueName(v)).join(', ')} : ${operands.map((v) => printType(v.type)).join(', ')})`);
  }
  printRegionArgument(arg: BlockArgument, attrs: readonly NamedAttribute[] = [], omitType = false): void {
    this.write(this.valueName(arg));
    if (!omitType) this.write(`: ${printType(arg.type)}`);
    if (attrs.length > 0) this.write(` {${attrs.map((e) => printNamedAttribute(e)).join(', ')}}`);
    if (this.options.debugInfo) this.write(` ${this.locationText(arg.location)}`);
  }
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.write(`(${inputs.map(printType).join(', ')}) -> ${printResultTypes(results)}`);
  }
  printArrowTypeList(types: readonly Type[]): void {
    if (types.length === 0) return;
    this.write(` -> ${printResultTypes(types)}`);
  }
  printOptionalLocationSpecifier(loc: Location): void {
    if (this.options.debugInfo) this.write(` ${this.locationText(loc)}`);
  }
  printNewline(): void {
    this.write(`\n${indentOf(this.indent)}`);
  }

  private locationText(loc: Location): string {
    return `loc(${printLocationBody(loc)})`;
  }
}
