import type { Context } from '../core/context.js';
import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Type } from '../types/type.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Kind, TokenStream, type Token } from '../syntax/token-stream.js';
import { SourceFile } from './source.js';

/** A parse failure at a source offset; converted to a Diagnostic at the API edge. */
export class ParseError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly notes: { offset: number; message: string }[] = [],
    /** Errors MLIR reports before this one (e.g. an inner failure, then the enclosing construct's). */
    readonly earlier: ParseError[] = [],
  ) {
    super(message);
  }
}

/** Resource blobs from `{-# dialect_resources: { dialect: { key: "0x..." } } #-}`. */
export type ResourceSection = Map<string, Map<string, string>>;

/**
 * Shared parser state: the token cursor, the context, alias tables and the
 * file metadata. Parsing functions in sibling files take it as their first
 * argument, so no single class grows to hold the whole grammar.
 */
export class ParserState {
  readonly tokens: TokenStream;
  readonly file: SourceFile;
  readonly attributeAliases = new Map<string, Attribute>();
  readonly typeAliases = new Map<string, Type>();
  readonly dialectResources: ResourceSection = new Map();
  /** `external_resources` kept verbatim (e.g. crash reproducer pipelines). */
  readonly externalResources = new Map<string, Map<string, string>>();
  /** Warnings and notes produced while parsing (errors are thrown). */
  readonly diagnostics: Diagnostic[] = [];
  /** Keyword types (`i32`, `index`) by their spelling, once parsed in this file. */
  readonly keywordTypes = new Map<string, Type>();
  /** Shaped types by their plain source text (`tensor<4x8xf32>`), see parseShapedTypeText. */
  readonly shapedTypes = new Map<string, Type>();
  /** Distinct attributes by their `distinct[N]` id within this file. */
  readonly distinctById = new Map<string, Attribute>();
  /** Where parsed ops get their location: file name for FileLineColLoc. */
  readonly locationFile: string;
  /** Prints a type for messages (installed by the top-level parser, avoiding an import cycle). */
  printType: ((t: Type) => string) | undefined;
  /** Prints an attribute for messages (installed like printType). */
  printAttribute: ((a: Attribute) => string) | undefined;

  constructor(readonly context: Context, file: SourceFile, private readonly rangeStart = 0, end = file.text.length) {
    const start = rangeStart;
    this.file = file;
    this.tokens = new TokenStream(file.text, start, end);
    this.locationFile = file.name;
  }

  get source(): string {
    return this.file.text;
  }

  peek(): Token {
    return this.tokens.peek();
  }

  next(): Token {
    return this.tokens.next();
  }

  /** Is the current token the punctuation/keyword spelled `text`? */
  is(text: string): boolean {
    const t = this.tokens.peek();
    return t.text === text && t.kind !== Kind.String;
  }

  isKind(kind: Kind): boolean {
    return this.tokens.peek().kind === kind;
  }

  /** Consume `text` if it is next. */
  consumeIf(text: string): boolean {
    if (!this.is(text)) return false;
    this.tokens.next();
    return true;
  }

  /** Consume `text` or fail with MLIR's "expected '...'" wording. */
  expect(text: string, what?: string): Token {
    if (!this.is(text)) this.failWrongToken(what ?? `expected '${text}'`);
    return this.tokens.next();
  }

  /**
   * MLIR's emitWrongTokenError: a missing token is reported just past the
   * last thing written before it, skipping blank lines and `//` comments, so
   * the error lands on the line that lacks the token rather than the next one.
   */
  failWrongToken(message: string): never {
    const t = this.tokens.peek();
    if (t.kind === Kind.Unknown) this.fail(message);
    throw new ParseError(wrongTokenOffset(this.source, t.kind === Kind.EOF ? Math.max(this.rangeStart, t.offset - 1) : t.offset, this.rangeStart), message);
  }

  fail(message: string, offset?: number): never {
    // A character no token accepts is reported as MLIR's lexer does, whatever the parser expected.
    const t = this.tokens.peek();
    if (offset === undefined && t.kind === Kind.Unknown) {
      const e = lexerError(this.source, t.offset);
      throw new ParseError(e.offset, e.message);
    }
    throw new ParseError(offset ?? this.errorOffset(), message);
  }

  /** Fail with notes (each at its own offset). */
  failWithNotes(message: string, offset: number, notes: { offset: number; message: string }[]): never {
    throw new ParseError(offset, message, notes);
  }

  /**
   * MLIR reports "expected X" at the start of the unexpected token, except at
   * the end of the input where it points just past the previous token.
   */
  errorOffset(): number {
    const t = this.tokens.peek();
    return t.kind === Kind.EOF ? Math.max(this.rangeStart, t.offset - 1) : t.offset;
  }

  location(offset: number): Location {
    const { line, col } = this.file.position(offset);
    return this.context.fileLineColLoc(this.locationFile, line, col);
  }

  currentLocation(): Location {
    return this.location(this.tokens.peek().offset);
  }

  /** Comma-separated list helper: `elem (',' elem)*`. */
  commaList(parseElement: () => void): void {
    do parseElement();
    while (this.consumeIf(','));
  }

  /** `open (elem (',' elem)*)? close`, with an empty list allowed. */
  delimitedList(open: string, close: string, parseElement: () => void, what?: string): void {
    this.expect(open, what);
    if (this.consumeIf(close)) return;
    this.commaList(parseElement);
    this.expect(close, `expected ',' or '${close}'`);
  }
}

/** Characters that start a prefixed identifier, and MLIR's lexer error when no identifier follows. */
const PREFIX_ERRORS: Record<string, string> = {
  '#': 'invalid attribute name',
  '%': 'invalid SSA name',
  '^': 'invalid block name',
  '!': 'invalid type identifier',
  '@': "@ identifier expected to start with letter or '_'",
};

/** MLIR's lexer error for a character no token accepts (at `offset`). */
export function lexerError(source: string, offset: number): { offset: number; message: string } {
  const c = source[offset];
  if (c === '.') return { offset: offset + 1, message: 'expected three consecutive dots for an ellipsis' };
  if (c === '"') return unterminatedString(source, offset);
  const prefixed = PREFIX_ERRORS[c];
  // `@` reports at the character after it, the other prefixes at themselves.
  if (prefixed) return { offset: c === '@' ? offset + 1 : offset, message: prefixed };
  return { offset, message: 'unexpected character' };
}

/** MLIR's lexString on a string that does not close: where its scan stops, and why. */
function unterminatedString(source: string, offset: number): { offset: number; message: string } {
  for (let i = offset + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || c === '\v' || c === '\f') return { offset: i, message: "expected '\"' in string literal" };
    if (c !== '\\') continue;
    const n = source[i + 1];
    if (n === '"' || n === '\\' || n === 'n' || n === 't') i++;
    else if (/^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3))) i += 2;
    else return { offset: i, message: 'unknown escape in string literal' };
  }
  return { offset: Math.max(0, source.length - 1), message: "expected '\"' in string literal" };
}

/** Where MLIR's emitWrongTokenError points for a token at `offset` (see failWrongToken). */
export function wrongTokenOffset(source: string, offset: number, bufferStart = 0): number {
  let end = offset;
  for (;;) {
    while (end > bufferStart && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
    if (end === bufferStart) return offset;
    const c = source[end - 1];
    if (c !== '\n' && c !== '\r') return end;
    end--;
    // The line now ending at `end`: cut a `//` comment off it (MLIR assumes `//` starts one).
    const lineStart = Math.max(bufferStart, Math.max(source.lastIndexOf('\n', end - 1), source.lastIndexOf('\r', end - 1)) + 1);
    const comment = source.slice(lineStart, end).indexOf('//');
    if (comment >= 0) end = lineStart + comment;
  }
}

/** Decode an MLIR string literal token (with quotes) into its value. */
export function decodeString(token: string): string {
  const body = token.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  const bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length) {
      out += Buffer.from(bytes).toString('utf8');
      bytes.length = 0;
    }
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      flush();
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === 'n') (flush(), (out += '\n'));
    else if (n === 't') (flush(), (out += '\t'));
    else if (n === '"' || n === '\\') (flush(), (out += n));
    else {
      // Two hex digits: a raw byte (possibly part of a UTF-8 sequence).
      bytes.push(parseInt(body.slice(i, i + 2), 16));
      i++;
    }
  }
  flush();
  return out;
}

/** Is `token` a valid string escape sequence set (MLIR accepts \n \t \" \\ and \XX)? */
export function invalidEscapeOffset(token: string): number {
  for (let i = 1; i < token.length - 1; i++) {
    if (token[i] !== '\\') continue;
    const n = token[i + 1];
    if (n === 'n' || n === 't' || n === '"' || n === '\\') {
      i++;
      continue;
    }
    if (/^[0-9a-fA-F]{2}$/.test(token.slice(i + 1, i + 3))) {
      i += 2;
      continue;
    }
    return i;
  }
  return -1;
}
