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

/** The inverse view: a tree (with zero offsets) from plain content, e.g. to print generated pipelines. */
export function elementFromPlain(el: PlainElement): PipelineElement {
  if (el.kind === 'nest') return { kind: 'nest', anchor: el.anchor, offset: 0, elements: el.elements.map(elementFromPlain) };
  if (!el.options) return { kind: 'pass', name: el.name, offset: 0 };
  const entries = el.options.map((e) =>
    e.value === undefined ? { key: { text: e.key, offset: 0 } } : { key: { text: e.key, offset: 0 }, value: { text: e.value, offset: 0 } },
  );
  return { kind: 'pass', name: el.name, offset: 0, options: { text: '', offset: 0, entries } };
}

export function pipelineFromPlain(p: PlainPipeline): Pick<PipelineAst, 'anchor' | 'elements'> {
  return { anchor: p.anchor, elements: p.elements.map(elementFromPlain) };
}
