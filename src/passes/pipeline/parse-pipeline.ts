/**
 * Parser for MLIR's textual pass-pipeline grammar, as `mlir-opt
 * --pass-pipeline` accepts it:
 *
 *   pipeline ::= op-name `(` element-list `)`
 *   element  ::= op-name `(` element-list `)` | pass-name (`{` options `}`)?
 *
 * It follows MLIR's own scanner (names run to the next `,(){`; `{...}` is
 * brace-matched; whitespace around names and after `)`/`}` is ignored) so
 * that exactly the same strings are accepted, and its errors carry MLIR's
 * wording but point at the offending column of the whole string.
 */
import { splitOptionString } from '../options/index.js';
import { PipelineError, type PipelineNote } from '../source/index.js';
import type { NestElement, PassElement, PipelineAst, PipelineElement } from './ast.js';

const WHITESPACE = ' \t\n\v\f\r';
const isSpace = (c: string | undefined): boolean => c !== undefined && c !== '' && WHITESPACE.includes(c);

export const WRAP_MESSAGE = "expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'";

/** Parses `anchor(elements)`; throws a located `PipelineError` on malformed text. */
export function parsePipeline(source: string): PipelineAst {
  let start = 0;
  let end = source.length;
  while (start < end && isSpace(source[start])) ++start;
  while (end > start && isSpace(source[end - 1])) --end;
  const open = source.indexOf('(', start);
  if (open < 0 || open >= end || open === start) {
    throw new PipelineError(WRAP_MESSAGE, source, open === start ? open : start);
  }
  if (source[end - 1] !== ')') throw new PipelineError(WRAP_MESSAGE, source, Math.max(start, end - 1));
  let anchorEnd = open;
  while (anchorEnd > start && isSpace(source[anchorEnd - 1])) --anchorEnd;
  const elements = parseElementList(source, open + 1, end - 1, open);
  return { source, anchor: source.slice(start, anchorEnd), offset: start, elements };
}

/** A mutable element while its nested list is still being filled. */
interface Building {
  name: string;
  offset: number;
  options?: { text: string; offset: number };
  inner?: Building[];
}

/** Index of the first of `chars` in `s[from, end)`, or -1. */
function findFirstOf(s: string, from: number, end: number, chars: string): number {
  for (let i = from; i < end; ++i) if (chars.includes(s[i])) return i;
  return -1;
}

function trimmedName(s: string, from: number, to: number): { name: string; offset: number } {
  while (from < to && isSpace(s[from])) ++from;
  while (to > from && isSpace(s[to - 1])) --to;
  return { name: s.slice(from, to), offset: from };
}

/**
 * Parses the element list in `s[from, end)`. `outerOpen` is the offset of
 * the top-level `(`, used to point at unclosed parentheses.
 */
export function parseElementList(s: string, from: number, end: number, outerOpen = from - 1): PipelineElement[] {
  const top: Building[] = [];
  if (from >= end) return [];
  const stack: Building[][] = [top];
  const opens: number[] = [outerOpen];
  let pos = from;
  for (;;) {
    const list = stack[stack.length - 1];
    const sep = findFirstOf(s, pos, end, ',(){');
    const { name, offset } = trimmedName(s, pos, sep < 0 ? end : sep);
    const element: Building = { name, offset };
    list.push(element);
    if (sep < 0) break;
    pos = sep;
    if (s[sep] === '{') {
      let depth = 1;
      let close = -1;
      for (let i = sep + 1; i < end; ++i) {
        if (s[i] === '{') ++depth;
        else if (s[i] === '}' && --depth === 0) {
          close = i;
          break;
        }
      }
      if (close < 0) throw new PipelineError("missing closing '}' while processing pass options", s, sep);
      element.options = { text: s.slice(sep + 1, close), offset: sep + 1 };
      pos = close + 1;
      while (pos < end && isSpace(s[pos])) ++pos;
    } else if (s[sep] === '(') {
      element.inner = [];
      stack.push(element.inner);
      opens.push(sep);
      pos = sep + 1;
      continue;
    }
    while (pos < end && s[pos] === ')') {
      if (stack.length === 1) {
        throw new PipelineError("encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", s, pos);
      }
      stack.pop();
      opens.pop();
      ++pos;
      while (pos < end && isSpace(s[pos])) ++pos;
    }
    if (pos >= end) break;
    if (s[pos] !== ',') throw new PipelineError("expected ',' after parsing pipeline", s, pos);
    ++pos;
  }
  if (stack.length > 1) {
    const notes: PipelineNote[] = [{ message: "this '(' is not closed", offset: opens[opens.length - 1] }];
    throw new PipelineError('encountered unbalanced parentheses while parsing pipeline', s, pos, notes);
  }
  return top.map((b) => freeze(b, s));
}

function freeze(b: Building, source: string): PipelineElement {
  if (b.inner) {
    const nest: NestElement = { kind: 'nest', anchor: b.name, offset: b.offset, elements: b.inner.map((x) => freeze(x, source)) };
    return nest;
  }
  const pass: PassElement = b.options
    ? {
        kind: 'pass',
        name: b.name,
        offset: b.offset,
        options: {
          text: b.options.text,
          offset: b.options.offset,
          entries: splitOptionString(source, b.options.offset, b.options.offset + b.options.text.length),
        },
      }
    : { kind: 'pass', name: b.name, offset: b.offset };
  return pass;
}
