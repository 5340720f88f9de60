export { parseSource, type ParseOptions, type ParseResult } from './top-level.js';
export { ParserState, ParseError, type ResourceSection } from './state.js';
export { SourceFile } from './source.js';
