// Shape of the generated ODS table (see scripts/gen-tosa-semantics-table.mjs).

export interface OdsValue {
  readonly name: string;
  /** Constraint key: the ODS def name, or `Variadic<Def>` / `Optional<Def>`. */
  readonly constraint: string;
  /** The constraint summary MLIR prints in "must be <summary>". */
  readonly summary: string;
  readonly variadic: boolean;
  readonly optional?: boolean;
}

export interface OdsAttr {
  readonly name: string;
  readonly constraint: string;
  readonly summary: string;
  readonly optional: boolean;
  readonly defaultValue?: string;
}

export interface OdsOp {
  readonly name: string;
  readonly operands: readonly OdsValue[];
  readonly attributes: readonly OdsAttr[];
  readonly results: readonly OdsValue[];
  readonly regions: readonly string[];
  /** C++ traits in the order MLIR verifies them (OpInvariants = the ODS checks). */
  readonly traits: readonly string[];
  /** Messages of predicate traits checked at the end of the ODS checks. */
  readonly predMessages: readonly string[];
  readonly hasVerifier: boolean;
}
