/** Location-free views of a pipeline tree, for comparing trees by content. */
import type { PipelineAst, PipelineElement } from './ast.js';

export type PlainEntry = { readonly key: string; readonly value?: string };
export type PlainElement =
  | { readonly kind: 'pass'; readonly name: string; readonly options?: readonly PlainEntry[] }
  | { readonly kind: 'nest'; readonly anchor: string; readonly elements: readonly PlainElement[] };
export interface PlainPipeline {
  readonly anchor: string;
  readonly elements: readonly PlainElement[];
}

export function plainElement(el: PipelineElement): PlainElement {
  if (el.kind === 'nest') return { kind: 'nest', anchor: el.anchor, elements: el.elements.map(plainElement) };
  if (!el.options) return { kind: 'pass', name: el.name };
  const options = el.options.entries.map((e): PlainEntry => (e.value === undefined ? { key: e.key.text } : { key: e.key.text, value: e.value.text }));
  return { kind: 'pass', name: el.name, options };
}

export function plainPipeline(ast: PipelineAst): PlainPipeline {
  return { anchor: ast.anchor, elements: ast.elements.map(plainElement) };
}
