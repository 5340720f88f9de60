import { Kind } from '../syntax/token-stream.js';
import { decodeString, ParserState } from './state.js';
import type { DialectBodyParser } from '../core/dialect.js';
import { parseType } from './types.js';
import { parseAttribute } from './attributes.js';
import { scanDialectBody } from './dialect-body.js';

/** A parsed `!d.m<body>` / `#d.m<body>` / `!d<"opaque">` reference. */
export interface DialectSymbol {
  readonly dialect: string;
  /** '' for the opaque form `!d<"...">`. */
  readonly mnemonic: string;
  /** Body text (without `<>`); for the opaque form, the decoded string. */
  readonly body: string;
  /** Source offsets of the body, so a registered dialect can re-parse it. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly offset: number;
  /** `#dialect<mnemonic body>`: the mnemonic is the body's leading identifier, `body` the rest as written. */
  readonly namespaceForm?: boolean;
}

/** After an `!id`/`#id` token whose name is `name`: read the optional `<...>` body. */
export function parseDialectSymbol(p: ParserState, offset: number, name: string): DialectSymbol {
  const dot = name.indexOf('.');
  if (dot < 0) {
    // Opaque form `!dialect<"body">`, or the namespace form `#dialect<mnemonic body>`.
    const open = p.peek();
    if (!p.is('<')) p.expect('<');
    const { body, start, end } = scanDialectBody(p);
    const str = /^\s*("(?:[^"\\]|\\.)*")\s*$/s.exec(body);
    if (str) {
      const at = start + body.indexOf('"');
      return { dialect: name, mnemonic: '', body: decodeString(str[1]), bodyStart: at, bodyEnd: at + str[1].length, offset };
    }
    const mnemonic = /^\s*([A-Za-z_][\w$.]*)/.exec(body);
    if (!mnemonic) p.fail('expected string literal data in dialect symbol', open.offset + 1 + (body.length - body.trimStart().length));
    const rest = start + mnemonic[0].length;
    return { dialect: name, mnemonic: mnemonic[1], body: body.slice(mnemonic[0].length), bodyStart: rest, bodyEnd: end, offset, namespaceForm: true };
  }
  const dialect = name.slice(0, dot);
  const mnemonic = name.slice(dot + 1);
  // The `<` must follow the identifier immediately to belong to it.
  const next = p.peek();
  if (next.text === '<' && next.kind === Kind.Punct && next.offset === offset + name.length + 1) {
    const { body, start, end } = scanDialectBody(p);
    return { dialect, mnemonic, body, bodyStart: start, bodyEnd: end, offset };
  }
  return { dialect, mnemonic, body: '', bodyStart: -1, bodyEnd: -1, offset };
}

/** A DialectBodyParser over the body range of `sym`, reporting errors at their real offsets. */
export function bodyParser(p: ParserState, sym: DialectSymbol): DialectBodyParser {
  const sub = (): ParserState => {
    if (sym.bodyStart < 0) p.fail(`expected '<' after '${sym.dialect}.${sym.mnemonic}'`, sym.offset);
    const s = new ParserState(p.context, p.file, sym.bodyStart, sym.bodyEnd);
    s.printType = p.printType;
    s.printAttribute = p.printAttribute;
    return s;
  };
  const whole = <T>(parse: (s: ParserState) => T): T => {
    const s = sub();
    const v = parse(s);
    if (s.peek().kind !== Kind.EOF) s.fail(`unexpected text after the body of '${sym.dialect}.${sym.mnemonic}'`);
    return v;
  };
  return {
    context: p.context,
    parseBodyType: () => whole(parseType),
    parseBodyAttribute: () => whole((s) => parseAttribute(s)),
    fail: (message: string) => p.fail(message, sym.offset),
  };
}
