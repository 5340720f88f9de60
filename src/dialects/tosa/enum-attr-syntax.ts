// The custom syntax TOSA's C++ gives ops whose attributes include an enum
// (rescale, resize, clamp, argmax, ...): `%a, %b {name = value, ...} : (t, t) -> t`,
// where the enum attribute may be written, and is always printed, as a bare
// keyword (`rounding_mode = DOUBLE_ROUND`) instead of `#tosa.rounding_mode<...>`.
import type {
  Attribute,
  DialectAttr,
  FunctionType,
  OpAsmParser,
  OpAsmPrinter,
  OpDefinition,
  Operation,
  OperationState,
  UnresolvedOperand,
} from '../../ir/index.js';

/** An error from the op's own parser: MLIR prefixes it with `custom op '<name>'`. */
function opError(p: OpAsmParser, message: string, offset?: number): never {
  return p.fail(`custom op '${p.opName}' ${message}`, offset);
}

/** A TOSA enum attribute: its attribute name in ops, its mnemonic and its cases. */
export interface TosaEnumAttr {
  readonly attrName: string;
  readonly mnemonic: string;
  /** Noun used in "invalid <what> value: X". */
  readonly what: string;
  readonly cases: readonly string[];
}

export const ROUNDING_MODE: TosaEnumAttr = {
  attrName: 'rounding_mode',
  mnemonic: 'rounding_mode',
  what: 'rounding_mode',
  cases: ['SINGLE_ROUND', 'INEXACT_ROUND', 'DOUBLE_ROUND'],
};
export const RESIZE_MODE: TosaEnumAttr = { attrName: 'mode', mnemonic: 'resize_mode', what: 'resize mode', cases: ['NEAREST_NEIGHBOR', 'BILINEAR'] };
export const NAN_MODE: TosaEnumAttr = { attrName: 'nan_mode', mnemonic: 'nan_mode', what: 'nan_mode', cases: ['PROPAGATE', 'IGNORE'] };
export const BLOCK_SIZE: TosaEnumAttr = { attrName: 'block_size', mnemonic: 'block_size', what: 'block_size', cases: ['BLOCK_SIZE_1', 'BLOCK_SIZE_32'] };

/** Mnemonics printed stripped inside these ops' attribute dictionaries. */
const STRIPPED = new Set([ROUNDING_MODE.mnemonic, RESIZE_MODE.mnemonic, NAN_MODE.mnemonic, BLOCK_SIZE.mnemonic]);

function isEnumAttr(attr: Attribute | undefined, mnemonic: string): attr is DialectAttr {
  return attr?.kind === 'dialect' && (attr as DialectAttr).dialect === 'tosa' && (attr as DialectAttr).mnemonic === mnemonic;
}

/** The keyword of a TOSA enum attribute (`#tosa.nan_mode<IGNORE>` → `IGNORE`). */
export function enumKeyword(attr: DialectAttr): string {
  return attr.body.trim();
}

/** One `name = value` entry; `name = KEYWORD` is accepted for the op's enum attribute. */
function parseEntry(p: OpAsmParser, e: TosaEnumAttr, into: Map<string, Attribute>): void {
  const name = p.parseOptionalKeyword();
  if (name === undefined) p.fail('expected attribute name');
  p.parsePunct('=', "expected '='");
  if (name === e.attrName) {
    const kw = p.parseOptionalKeyword();
    if (kw !== undefined) {
      // MLIR reports it at the current location, just after the keyword.
      if (!e.cases.includes(kw)) opError(p, `invalid ${e.what} value: ${kw}`);
      into.set(name, p.context.dialectAttr('tosa', e.mnemonic, kw));
      return;
    }
  }
  into.set(name, p.parseAttribute());
}

/**
 * `operands {attrs}? : functional-type`. As in MLIR, an inherent enum
 * attribute given with a value of another kind (e.g. a string) is dropped
 * when the op is created.
 */
export function enumHandlingParser(e: TosaEnumAttr): NonNullable<OpDefinition['parse']> {
  return (p: OpAsmParser, state: OperationState): void => {
    const operands: UnresolvedOperand[] = [p.parseOperand()];
    while (p.parseOptionalPunct(',')) operands.push(p.parseOperand());
    const attrs = new Map<string, Attribute>();
    if (p.parseOptionalPunct('{') && !p.parseOptionalPunct('}')) {
      do parseEntry(p, e, attrs);
      while (p.parseOptionalPunct(','));
      p.parsePunct('}', "expected '}' in attribute dictionary");
    }
    const typeAt = p.currentOffset();
    p.parsePunct(':', "expected ':'");
    const t = p.parseType();
    if (t.kind !== 'function') p.fail('invalid kind of type specified: expected builtin.function', typeAt);
    const fn = t as FunctionType;
    state.operands = p.resolveOperands(operands, fn.inputs, p.currentOffset());
    state.resultTypes = [...fn.results];
    for (const [name, value] of attrs) {
      if (name === e.attrName && !isEnumAttr(value, e.mnemonic)) {
        (state.droppedInherent ??= new Map()).set(name, value);
        continue;
      }
      state.attributes.set(name, value);
    }
  };
}

/** All attributes as MLIR's `getAttrs()` gives them: inherent and discardable, sorted by name. */
export function sortedAttrs(op: Operation): { name: string; value: Attribute }[] {
  return [...op.properties.entries, ...op.attributes.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function printEntries(p: OpAsmPrinter, op: Operation, entries: readonly { name: string; value: Attribute }[]): void {
  p.write(' ');
  p.printOperands(op.operands);
  if (entries.length > 0) {
    const parts = entries.map(({ name, value }) => {
      const stripped = value.kind === 'dialect' && (value as DialectAttr).dialect === 'tosa' && STRIPPED.has((value as DialectAttr).mnemonic);
      return `${name} = ${stripped ? enumKeyword(value as DialectAttr) : p.attributeToString(value)}`;
    });
    p.write(` {${parts.join(', ')}}`);
  }
  p.write(' : ');
  p.printFunctionalType(op.operands.map((v) => v.type), op.resultTypes);
}

/** MLIR's printWithEnumHandling: every attribute printed, enums stripped. */
export function printWithEnumHandling(p: OpAsmPrinter, op: Operation): void {
  printEntries(p, op, sortedAttrs(op));
}

/** MLIR's printWithNanPropagationHandling: as above, eliding `nan_mode` when it is PROPAGATE. */
export function printWithNanPropagationHandling(p: OpAsmPrinter, op: Operation): void {
  const entries = sortedAttrs(op);
  const i = entries.findIndex((a) => a.value.kind === 'dialect' && isEnumAttr(a.value, NAN_MODE.mnemonic));
  if (i >= 0 && enumKeyword(entries[i].value as DialectAttr) === 'PROPAGATE') entries.splice(i, 1);
  printEntries(p, op, entries);
}
