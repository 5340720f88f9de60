import { Lexer, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

/** Token kinds the parser distinguishes. */
export enum Kind {
  EOF,
  BareId,
  AtId,
  HashId,
  PercentId,
  CaretId,
  BangId,
  Integer,
  Float,
  String,
  Arrow,
  Ellipsis,
  Punct,
  MetaBegin,
  MetaEnd,
  Unknown,
}

export interface Token {
  readonly kind: Kind;
  readonly text: string;
  /** Offset of the first character in the whole source. */
  readonly offset: number;
}

const kindOf = new Map<TokenType, Kind>([
  [T.BareIdentifier, Kind.BareId],
  [T.AtIdentifier, Kind.AtId],
  [T.HashIdentifier, Kind.HashId],
  [T.PercentIdentifier, Kind.PercentId],
  [T.CaretIdentifier, Kind.CaretId],
  [T.ExclamationIdentifier, Kind.BangId],
  [T.IntegerLiteral, Kind.Integer],
  [T.FloatLiteral, Kind.Float],
  [T.StringLiteral, Kind.String],
  [T.Arrow, Kind.Arrow],
  [T.Ellipsis, Kind.Ellipsis],
  [T.Punctuation, Kind.Punct],
  [T.FileMetadataBegin, Kind.MetaBegin],
  [T.FileMetadataEnd, Kind.MetaEnd],
  [T.Unknown, Kind.Unknown],
]);

/** Token kinds by chevrotain's token type index (an array lookup per token, not a Map). */
const kindByIndex: Kind[] = [];
for (const [type, kind] of kindOf) kindByIndex[type.tokenTypeIdx!] = kind;

/**
 * Chevrotain's lexer, producing our Token objects directly. Chevrotain makes
 * each token through the method its position-tracking mode names
 * (`createOffsetOnlyToken` for 'onlyOffset'); overriding it saves building
 * every token twice, which was a tenth of parse time. `base` turns offsets
 * within a lexed segment into whole-source offsets.
 */
class MlirLexer extends Lexer {
  base = 0;

  createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number): Token {
    return { kind: kindByIndex[tokenTypeIdx] ?? Kind.Unknown, text: image, offset: startOffset + this.base };
  }
}

const mlirLexer = new MlirLexer(T.allTokens, T.LEXER_CONFIG);

/** Lex `source[start, end)` into tokens with whole-source offsets. */
export function lexRange(source: string, start: number, end: number): Token[] {
  const text = start === 0 && end === source.length ? source : source.slice(start, end);
  mlirLexer.base = start;
  const result = mlirLexer.tokenize(text);
  // The tokens are ours (see MlirLexer); chevrotain's typings call them ITokens.
  const out = result.tokens as readonly IToken[] as unknown as Token[];
  if (result.errors.length === 0) return out;
  // Characters no token accepts become Unknown tokens, in source order.
  for (const e of result.errors) {
    for (let k = 0; k < e.length; k++) out.push({ kind: Kind.Unknown, text: text[e.offset + k], offset: e.offset + k + start });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Lexing works on segments that end at a line break: no MLIR token spans
 * lines. Segments are small (8 KB) so a segment's tokens die before the
 * next young-generation GC instead of being copied and promoted (64 KB
 * segments parsed ~6% slower on bench/parse-print.ts).
 */
const SEGMENT_BYTES = 1 << 13;

/**
 * A lazily lexed token cursor. Tokens are produced a segment at a time so a
 * 100 MB file never materialises as one token array, and tokens can be pushed
 * back (to split `4x4xf32` inside shapes, as MLIR's parser re-lexes).
 */
export class TokenStream {
  readonly source: string;
  private buffer: Token[] = [];
  private index = 0;
  private lexedUpTo: number;
  private readonly limit: number;
  private readonly pushedBack: Token[] = [];
  private readonly eof: Token;

  constructor(source: string, start = 0, end = source.length) {
    this.source = source;
    this.lexedUpTo = start;
    this.limit = end;
    this.eof = { kind: Kind.EOF, text: '', offset: end };
  }

  peek(): Token {
    if (this.pushedBack.length > 0) return this.pushedBack[this.pushedBack.length - 1];
    while (this.index >= this.buffer.length) {
      if (this.lexedUpTo >= this.limit) return this.eof;
      this.fill();
    }
    return this.buffer[this.index];
  }

  /** The token after the current one (one token of lookahead beyond peek). */
  peekSecond(): Token {
    const first = this.next();
    const second = this.peek();
    this.pushBack(first);
    return second;
  }

  next(): Token {
    if (this.pushedBack.length > 0) return this.pushedBack.pop()!;
    const t = this.peek();
    if (t.kind !== Kind.EOF) this.index++;
    return t;
  }

  /** Push a token back so that it is the next one returned. */
  pushBack(token: Token): void {
    this.pushedBack.push(token);
  }

  /** Replace the current token by the tokens lexed from `source[from, to)`. */
  relexCurrent(from: number): void {
    const current = this.next();
    const end = current.offset + current.text.length;
    const tokens = splitDimensionTail(this.source, from, end) ?? lexRange(this.source, from, end);
    for (let i = tokens.length - 1; i >= 0; i--) this.pushBack(tokens[i]);
  }

  /** Skip to the first token at or after `offset` (after raw scanning of dialect bodies). */
  seek(offset: number): void {
    this.pushedBack.length = 0;
    if (offset >= this.lexedUpTo) {
      this.buffer = [];
      this.index = 0;
      this.lexedUpTo = offset;
      return;
    }
    // Still inside the current segment: advance the index.
    while (this.index < this.buffer.length && this.buffer[this.index].offset < offset) this.index++;
  }

  private fill(): void {
    let end = Math.min(this.limit, this.lexedUpTo + SEGMENT_BYTES);
    if (end < this.limit) {
      const nl = this.source.indexOf('\n', end);
      end = nl < 0 || nl >= this.limit ? this.limit : nl + 1;
    }
    this.buffer = lexRange(this.source, this.lexedUpTo, end);
    this.index = 0;
    this.lexedUpTo = end;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Fast path for the re-lexing shapes need (`4x8xf32` lexes as `4` and
 * `x8xf32`): the rest of an identifier after its `x` is a decimal
 * dimension followed by another `x…` identifier, or an identifier alone.
 * Anything else goes through the full lexer.
 */
function splitDimensionTail(source: string, from: number, end: number): Token[] | undefined {
  if (from >= end) return [];
  const c = source.charCodeAt(from);
  if (isIdStart(c)) return [{ kind: Kind.BareId, text: source.slice(from, end), offset: from }];
  if (!isDigit(c)) return undefined;
  let i = from;
  while (i < end && isDigit(source.charCodeAt(i))) i++;
  // `0x…` would be a hex literal for the full lexer; leave such cases to it.
  if (source.charCodeAt(from) === 48 && i === from + 1 && source[i] === 'x' && i + 1 < end && /[0-9a-fA-F]/.test(source[i + 1])) return undefined;
  const out: Token[] = [{ kind: Kind.Integer, text: source.slice(from, i), offset: from }];
  if (i < end) {
    if (!isIdStart(source.charCodeAt(i))) return undefined;
    out.push({ kind: Kind.BareId, text: source.slice(i, end), offset: i });
  }
  return out;
}
