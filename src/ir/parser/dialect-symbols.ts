import { Kind } from '../syntax/token-stream.js';
import { decodeString, type ParserState } from './state.js';
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
}

/** After an `!id`/`#id` token whose name is `name`: read the optional `<...>` body. */
export function parseDialectSymbol(p: ParserState, offset: number, name: string): DialectSymbol {
  const dot = name.indexOf('.');
  if (dot < 0) {
    // Opaque form: `!dialect<"body">`.
    p.expect('<');
    const s = p.peek();
    if (s.kind !== Kind.String) p.fail('expected string literal data in dialect symbol');
    p.next();
    p.expect('>');
    return { dialect: name, mnemonic: '', body: decodeString(s.text), bodyStart: s.offset, bodyEnd: s.offset + s.text.length, offset };
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
