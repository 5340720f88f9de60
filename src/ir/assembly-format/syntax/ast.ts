/**
 * The directive AST of MLIR's declarative assembly formats (`assemblyFormat`
 * of ops, attributes and types). It is purely syntactic: `$x` is a
 * `variable` until a later step resolves it against the op definition.
 */

/** `` ` ` `` (space), `` `\n` `` (newline) and `` `` `` (no space) are whitespace, not literals. */
export type WhitespaceValue = '' | ' ' | '\n';

export type FormatElement =
  /** A keyword or punctuation literal: `` `,` ``, `` `->` ``, `` `to` ``. */
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'whitespace'; readonly value: WhitespaceValue }
  /** `$name`: an operand, result, attribute, region, successor or (attr/type formats) parameter. */
  | { readonly kind: 'variable'; readonly name: string }
  /** `type(arg)`: arg is a variable, `operands` or `results`. */
  | { readonly kind: 'type'; readonly arg: FormatElement }
  /** `qualified(arg)`: print attributes/types with their dialect prefix. */
  | { readonly kind: 'qualified'; readonly arg: FormatElement }
  | { readonly kind: 'attrDict'; readonly withKeyword: boolean }
  | { readonly kind: 'propDict' }
  /** `functional-type(inputs, results)`. */
  | { readonly kind: 'functionalType'; readonly inputs: FormatElement; readonly results: FormatElement }
  | { readonly kind: 'operands' }
  | { readonly kind: 'results' }
  | { readonly kind: 'regions' }
  | { readonly kind: 'successors' }
  /** `custom<Name>(args)`: a hand-written parser/printer hook. */
  | { readonly kind: 'custom'; readonly name: string; readonly args: readonly FormatElement[] }
  /** `ref(arg)`: inside custom directives, a reference to something parsed earlier. */
  | { readonly kind: 'ref'; readonly arg: FormatElement }
  /** A string literal argument of a custom directive (`"..."`, kept verbatim without quotes). */
  | { readonly kind: 'string'; readonly value: string }
  /**
   * `( then... )?` or `( then... )? : ( else... )`: `anchor` is the index in
   * `then` of the element marked `^`, whose presence decides the group.
   */
  | {
      readonly kind: 'optional';
      readonly then: readonly FormatElement[];
      readonly anchor: number;
      readonly else?: readonly FormatElement[];
    }
  /** `oilist(`kw` elems | `kw2` elems ...)`: clauses in any order, each at most once. */
  | { readonly kind: 'oilist'; readonly clauses: readonly OilistClause[] }
  /** Attribute/type formats: `params` (all parameters, comma separated). */
  | { readonly kind: 'params' }
  /** Attribute/type formats: `struct(args)` (`key = value` pairs in any order). */
  | { readonly kind: 'struct'; readonly args: readonly FormatElement[] };

export interface OilistClause {
  /** The clause's leading keyword (its first literal). */
  readonly keyword: string;
  /** Elements after the keyword. */
  readonly elements: readonly FormatElement[];
}

export type FormatElementKind = FormatElement['kind'];

/** Where a format string came from, which enables context-specific directives. */
export type FormatContext = 'op' | 'attrOrType';
