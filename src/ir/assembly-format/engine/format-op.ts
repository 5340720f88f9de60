import type { OdsDialect, OdsOp } from '../../ods/index.js';
import type { BoundOpFormat } from '../syntax/index.js';
import type { OpAsmParser, OpAsmPrinter } from '../../core/dialect.js';
import type { Operation, OperationState } from '../../core/operation.js';
import type { Type } from '../../types/type.js';
import type { Attribute } from '../../attributes/attribute.js';
import type { Value } from '../../core/value.js';
import type { UnresolvedOperand } from '../../core/dialect.js';
import type { FormatElement } from '../syntax/index.js';

/** What a `custom<Name>(...)` directive's hooks receive for each argument. */
export type CustomArg =
  | { readonly kind: 'operand'; readonly name: string; readonly index: number; readonly variadic: boolean }
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'operandType'; readonly name: string; readonly index: number }
  | { readonly kind: 'resultType'; readonly name: string; readonly index: number }
  | { readonly kind: 'region'; readonly name: string; readonly index: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'ref'; readonly arg: CustomArg };

/** Parse-side storage a custom directive writes into. */
export interface CustomParseState {
  readonly operands: Map<string, UnresolvedOperand[]>;
  readonly types: Map<string, Type[]>;
  readonly attributes: Map<string, Attribute>;
  readonly state: OperationState;
}

export interface CustomDirective {
  /** Returns false when parsed optionally and absent (only for the first element of an optional group). */
  parse(p: OpAsmParser, args: readonly CustomArg[], into: CustomParseState, optional: boolean): boolean;
  print(p: OpAsmPrinter, op: Operation, args: readonly CustomArg[], values: CustomPrintValues): void;
}

export interface CustomPrintValues {
  operands(name: string): Value[];
  attribute(name: string): Attribute | undefined;
  types(name: string): Type[];
}

/** Everything the format engine needs about one op. */
export interface FormatOp {
  readonly ods: OdsOp;
  readonly dialect: OdsDialect;
  readonly bound: BoundOpFormat;
  readonly customDirectives: ReadonlyMap<string, CustomDirective>;
  /** Result types for ops whose format leaves them to InferTypeOpInterface. */
  inferResultTypes?(state: OperationState, operandTypes: readonly Type[]): Type[] | undefined;
  /** Default dialect for unprefixed op names inside regions. */
  readonly elements: readonly FormatElement[];
}
