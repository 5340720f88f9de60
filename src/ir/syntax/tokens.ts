import { createToken, Lexer, type TokenType } from 'chevrotain';

// MLIR's token set (mlir/lib/AsmParser/TokenKinds.def). Keywords are lexed as
// bare identifiers and recognised by spelling, as MLIR's lexer does.
const SUFFIX_ID = '(?:[0-9]+|[a-zA-Z_$.\\-][a-zA-Z0-9_$.\\-]*)';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const FileMetadataBegin = createToken({ name: 'FileMetadataBegin', pattern: /\{-#/ });
export const FileMetadataEnd = createToken({ name: 'FileMetadataEnd', pattern: /#-\}/ });
export const FloatLiteral = createToken({ name: 'FloatLiteral', pattern: /[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?/ });
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /0x[0-9a-fA-F]+|[0-9]+/ });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n]|\\.)*"/ });
export const BareIdentifier = createToken({ name: 'BareIdentifier', pattern: /[a-zA-Z_][a-zA-Z0-9_$.]*/ });
export const AtIdentifier = createToken({ name: 'AtIdentifier', pattern: /@(?:[a-zA-Z_][a-zA-Z0-9_$.]*|"(?:[^"\\\n]|\\.)*")/ });
export const HashIdentifier = createToken({ name: 'HashIdentifier', pattern: new RegExp(`#${SUFFIX_ID}`) });
export const PercentIdentifier = createToken({ name: 'PercentIdentifier', pattern: new RegExp(`%${SUFFIX_ID}`) });
export const CaretIdentifier = createToken({ name: 'CaretIdentifier', pattern: new RegExp(`\\^${SUFFIX_ID}`) });
export const ExclamationIdentifier = createToken({ name: 'ExclamationIdentifier', pattern: new RegExp(`!${SUFFIX_ID}`) });
export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
export const Ellipsis = createToken({ name: 'Ellipsis', pattern: /\.\.\./ });
export const Punctuation = createToken({ name: 'Punctuation', pattern: /[:,=<>{}()[\]\-+?*|]/ });
/**
 * A character no other token accepts. It has no pattern of its own (a
 * complement set would disable chevrotain's first-character optimisation);
 * lexing errors are turned into these tokens so the parser reports them.
 */
export const Unknown = createToken({ name: 'Unknown', pattern: Lexer.NA });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  FileMetadataBegin,
  FileMetadataEnd,
  FloatLiteral,
  IntegerLiteral,
  StringLiteral,
  BareIdentifier,
  AtIdentifier,
  HashIdentifier,
  PercentIdentifier,
  CaretIdentifier,
  ExclamationIdentifier,
  Arrow,
  Ellipsis,
  Punctuation,
];

/** The lexer configuration: offsets only (lines and columns come from the source map when needed). */
export const LEXER_CONFIG = {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
} as const;
