/**
 * Printing resolved pipelines in MLIR's normalised form: every option spelled
 * out with its value (defaults included), as `printAsTextualPipeline` and
 * `--dump-pass-pipeline` do.
 */
import { formatOptionValues } from '../options/index.js';
import type { ResolvedElement, ResolvedPass, ResolvedPipeline } from './resolve-pipeline.js';

/** `name{opt=value ...}`, or just `name` for a pass without options. */
export function formatResolvedPass(p: ResolvedPass): string {
  const wrapped = p.info.pipelineOption;
  // A pipeline-wrapping pass prints as written: `mlir(func.func(cse))`.
  if (wrapped !== undefined && Object.keys(p.info.options).length === 1 && typeof p.options[wrapped] === 'string') return `${p.info.argument}(${p.options[wrapped]})`;
  return p.info.argument + formatOptionValues(p.info.options, p.options, p.explicitLists);
}

export function formatResolvedElement(el: ResolvedElement): string {
  if (el.kind === 'pass') return formatResolvedPass(el);
  return `${el.anchor}(${el.elements.map(formatResolvedElement).join(',')})`;
}

/** The one-line normalised form `builtin.module(func.func(cse,canonicalize{...}))`. */
export function formatResolvedPipeline(p: ResolvedPipeline): string {
  return `${p.anchor}(${p.elements.map(formatResolvedElement).join(',')})`;
}

function pretty(anchor: string, elements: readonly ResolvedElement[], indent: number): string {
  const pad = '  '.repeat(indent + 1);
  const body = elements
    .map((el) => (el.kind === 'pass' ? pad + formatResolvedPass(el) : pad + pretty(el.anchor, el.elements, indent + 1)))
    .join(',\n');
  return `${anchor}(\n${body}\n${'  '.repeat(indent)})`;
}

/** Exactly what `mlir-opt --dump-pass-pipeline` writes (to stderr) for this pipeline. */
export function dumpPipeline(p: ResolvedPipeline): string {
  return `Pass Manager with ${p.elements.length} passes:\n${pretty(p.anchor, p.elements, 0)}\n\n`;
}
