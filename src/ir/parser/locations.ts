import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import { Kind } from '../syntax/token-stream.js';
import { decodeString, type ParserState } from './state.js';
import { parseAttribute } from './attributes.js';

/** The inside of `loc(...)`. */
export function parseLocationBody(p: ParserState): Location {
  const t = p.peek();
  const ctx = p.context;
  if (t.kind === Kind.HashId) {
    const a = parseAttribute(p);
    if (a.kind !== 'location') p.fail('expected location attribute, but got' , t.offset);
    return a as Location;
  }
  if (t.kind === Kind.BareId) {
    if (t.text === 'unknown') {
      p.next();
      return ctx.unknownLoc();
    }
    if (t.text === 'callsite') {
      p.next();
      p.expect('(', "expected '(' in callsite location");
      const callee = parseLocationBody(p);
      const at = p.peek();
      if (at.text !== 'at' || at.kind !== Kind.BareId) p.failWrongToken("expected 'at' in callsite location");
      p.next();
      const caller = parseLocationBody(p);
      p.expect(')', "expected ')' in callsite location");
      return ctx.callSiteLoc(callee, caller);
    }
    if (t.text === 'fused') {
      p.next();
      let metadata: Attribute | undefined;
      if (p.consumeIf('<')) {
        metadata = parseAttribute(p);
        p.expect('>', "expected '>' after fused location metadata");
      }
      const locs: Location[] = [];
      p.expect('[', "expected '[' in fused location");
      if (!p.consumeIf(']')) {
        p.commaList(() => locs.push(parseLocationBody(p)));
        p.expect(']', "expected ']' in fused location");
      }
      return ctx.fusedLoc(locs, metadata);
    }
    return p.failWrongToken('expected location instance');
  }
  if (t.kind === Kind.String) {
    p.next();
    const str = decodeString(t.text);
    if (p.consumeIf(':')) return parseFileLineCol(p, str);
    if (p.consumeIf('(')) {
      const child = parseLocationBody(p);
      p.expect(')', "expected ')' after child location of NameLoc");
      return ctx.nameLoc(str, child);
    }
    return ctx.nameLoc(str);
  }
  return p.failWrongToken('expected location instance');
}

function expectInt(p: ParserState, what: string): number {
  const t = p.peek();
  if (t.kind !== Kind.Integer) p.fail(what);
  p.next();
  return Number(t.text);
}

/** `"file":L:C`, `"file":L:C to :C2`, `"file":L:C to L2:C2`, or `"file":L`. */
function parseFileLineCol(p: ParserState, file: string): Location {
  const ctx = p.context;
  const line = expectInt(p, 'expected integer line number in FileLineColLoc');
  if (!p.consumeIf(':')) return ctx.fileLineColLoc(file, line, 0, undefined, undefined);
  const col = expectInt(p, 'expected integer column number in FileLineColLoc');
  const to = p.peek();
  if (to.kind === Kind.BareId && to.text === 'to') {
    p.next();
    if (p.consumeIf(':')) {
      const endCol = expectInt(p, 'expected integer column number in FileLineColRange');
      return ctx.fileLineColLoc(file, line, col, line, endCol);
    }
    const endLine = expectInt(p, 'expected integer line number in FileLineColRange');
    p.expect(':', "expected ':' in FileLineColRange");
    const endCol = expectInt(p, 'expected integer column number in FileLineColRange');
    return ctx.fileLineColLoc(file, line, col, endLine, endCol);
  }
  return ctx.fileLineColLoc(file, line, col);
}
