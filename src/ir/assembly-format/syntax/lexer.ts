/** Tokenizer for assembly format strings. Small enough that a hand-written scanner is clearest. */
import { FormatSyntaxError } from './errors.js';

export type TokenKind = 'literal' | 'variable' | 'word' | 'string' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Literal content, variable name (no `$`), word, string content, or the punctuation character. */
  readonly text: string;
  /** Offset of the token's first character in the format string. */
  readonly offset: number;
}

const PUNCT = new Set(['(', ')', ',', '?', '^', ':', '<', '>', '|']);

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new FormatSyntaxError('unterminated literal (missing closing backquote)', src, start);
      tokens.push({ kind: 'literal', text: src.slice(i + 1, end), offset: start });
      i = end + 1;
    } else if (c === '$') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1));
      if (!m) throw new FormatSyntaxError("expected variable name after '$'", src, start);
      tokens.push({ kind: 'variable', text: m[0], offset: start });
      i += 1 + m[0].length;
    } else if (c === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) throw new FormatSyntaxError('unterminated string (missing closing quote)', src, start);
      tokens.push({ kind: 'string', text: src.slice(i + 1, end), offset: start });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], offset: start });
      i += m[0].length;
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c, offset: start });
      i++;
    } else {
      throw new FormatSyntaxError(`unexpected character '${c}'`, src, start);
    }
  }
  tokens.push({ kind: 'eof', text: '', offset: src.length });
  return tokens;
}
