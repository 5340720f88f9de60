import type { ParserState } from './state.js';

/**
 * Scan the `<...>` body of a pretty dialect type/attribute over raw
 * characters (not tokens), balancing <>, (), [], {} and skipping strings, as
 * MLIR's lexer does. Returns the body text without the outer brackets and
 * leaves the cursor after the closing `>`.
 */
export function scanDialectBody(p: ParserState): { body: string; start: number; end: number } {
  const open = p.peek();
  if (open.text !== '<') p.fail("expected '<'");
  const src = p.source;
  const start = open.offset + 1;
  const stack: string[] = ['>'];
  // MLIR names the innermost open punctuation, reported at the body's '<'.
  const OPENER: Record<string, string> = { '>': '<', ')': '(', ']': '[', '}': '{' };
  const unbalanced = (): never => p.fail(`unbalanced '${OPENER[stack[stack.length - 1]]}' character in pretty dialect name`, open.offset);
  let i = start;
  while (stack.length > 0) {
    if (i >= src.length) unbalanced();
    const c = src[i];
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') i++;
        if (src[i] === '\n') p.fail('expected \'"\' in string literal', i);
        i++;
      }
      i++;
      continue;
    }
    if (c === '-' && src[i + 1] === '>') {
      i += 2;
      continue;
    }
    if (c === '<') stack.push('>');
    else if (c === '(') stack.push(')');
    else if (c === '[') stack.push(']');
    else if (c === '{') stack.push('}');
    else if (c === '>' || c === ')' || c === ']' || c === '}') {
      if (stack[stack.length - 1] !== c) unbalanced();
      stack.pop();
    }
    i++;
  }
  const end = i - 1; // offset of the closing '>'
  p.tokens.seek(i);
  return { body: src.slice(start, end), start, end };
}
