/**
 * The syntax tree of a textual pass pipeline, before pass names are looked
 * up: `anchor(element, ...)` where an element is a pass (with an optional
 * `{...}` option string) or a nested `op-name(...)` pipeline. Offsets are
 * 0-based positions in the pipeline source, for located errors.
 */
import type { OptionEntry } from '../options/index.js';

/** The `{...}` of a pass: its raw text (between the braces) and its entries. */
export interface PassOptionsText {
  readonly text: string;
  readonly offset: number;
  readonly entries: readonly OptionEntry[];
}

export interface PassElement {
  readonly kind: 'pass';
  readonly name: string;
  readonly offset: number;
  readonly options?: PassOptionsText;
}

/** `op-name(...)`; an empty name means `any`, as in MLIR. */
export interface NestElement {
  readonly kind: 'nest';
  readonly anchor: string;
  readonly offset: number;
  readonly elements: readonly PipelineElement[];
}

export type PipelineElement = PassElement | NestElement;

/** A whole pipeline: the top-level anchor op (`builtin.module`, `func.func`, `any`) and its elements. */
export interface PipelineAst {
  readonly source: string;
  readonly anchor: string;
  readonly offset: number;
  readonly elements: readonly PipelineElement[];
}

/** The anchor name MLIR uses for op-agnostic pass managers. */
export const ANY_ANCHOR = 'any';

/** `any` for the empty anchor, else the anchor itself. */
export function normalizeAnchor(anchor: string): string {
  return anchor === '' ? ANY_ANCHOR : anchor;
}
