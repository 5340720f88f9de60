import type { AffineExpr, AffineMap, IntegerSet, AffineConstraint } from '../attributes/affine.js';
import { Kind } from '../syntax/token-stream.js';
import { ParseError, type ParserState } from './state.js';

/** Identifiers of the dimension and symbol lists, in scope for the expressions. */
type Scope = Map<string, AffineExpr>;

function parseIdList(p: ParserState, scope: Scope, open: string, close: string, kind: 'dim' | 'symbol'): number {
  let count = 0;
  const where = kind === 'dim' ? ' in dimensional identifier list' : ' in symbol list';
  p.expect(open, `expected '${open}'${where}`);
  if (p.consumeIf(close)) return 0;
  p.commaList(() => {
    const t = p.peek();
    if (t.kind !== Kind.BareId) p.failWrongToken('expected bare identifier');
    p.next();
    if (scope.has(t.text)) p.fail(`redefinition of identifier '${t.text}'`, t.offset);
    scope.set(t.text, { kind, position: count++ });
  });
  p.expect(close, `expected '${close}'${where}`);
  return count;
}

function parseDimsAndSymbols(p: ParserState, scope: Scope): { numDims: number; numSymbols: number } {
  const numDims = parseIdList(p, scope, '(', ')', 'dim');
  const numSymbols = p.is('[') ? parseIdList(p, scope, '[', ']', 'symbol') : 0;
  return { numDims, numSymbols };
}

/** `(d0, d1)[s0] -> (exprs)` (the text inside `affine_map<...>`). */
export function parseAffineMapBody(p: ParserState): AffineMap {
  const start = p.peek().offset;
  const scope: Scope = new Map();
  const { numDims, numSymbols } = parseDimsAndSymbols(p, scope);
  // MLIR reads a map or a set here and then checks which one it got.
  if (p.is(':')) {
    parseSetConstraints(p, scope);
    p.fail('expected AffineMap, but got IntegerSet', start);
  }
  p.expect('->', "expected '->' or ':'");
  const results: AffineExpr[] = [];
  p.expect('(', "expected '(' in affine map range");
  if (!p.consumeIf(')')) {
    p.commaList(() => results.push(parseExpr(p, scope)));
    p.expect(')', "expected ')' in affine map range");
  }
  return { numDims, numSymbols, results };
}

/** `(d0)[s0] : (constraints)` (the text inside `affine_set<...>`). */
export function parseIntegerSetBody(p: ParserState): IntegerSet {
  const start = p.peek().offset;
  const scope: Scope = new Map();
  const { numDims, numSymbols } = parseDimsAndSymbols(p, scope);
  if (p.is('->')) {
    parseAffineMapRangeAfterArrow(p, scope);
    p.fail('expected IntegerSet, but got AffineMap', start);
  }
  return { numDims, numSymbols, constraints: parseSetConstraints(p, scope) };
}

/** `-> (exprs)` of a map (when an integer set was asked for). */
function parseAffineMapRangeAfterArrow(p: ParserState, scope: Scope): void {
  p.expect('->');
  p.expect('(', "expected '(' in affine map range");
  if (!p.consumeIf(')')) {
    p.commaList(() => parseExpr(p, scope));
    p.expect(')', "expected ')' in affine map range");
  }
}

/** `: (constraints)` of an integer set. */
function parseSetConstraints(p: ParserState, scope: Scope): AffineConstraint[] {
  p.expect(':', "expected '->' or ':'");
  const constraints: AffineConstraint[] = [];
  p.expect('(', "expected '(' in integer set constraint list");
  if (!p.consumeIf(')')) {
    p.commaList(() => constraints.push(parseConstraint(p, scope)));
    p.expect(')', "expected ')' in integer set constraint list");
  }
  return constraints;
}

function parseConstraint(p: ParserState, scope: Scope): AffineConstraint {
  const lhs = parseExpr(p, scope);
  // MLIR: `consumeIf(op) && consumeIf('=')` for each of >=, <=, ==; otherwise one error where it stands.
  if (p.consumeIf('>') && p.consumeIf('=')) return { expr: sub(lhs, parseExpr(p, scope)), isEquality: false };
  if (p.consumeIf('<') && p.consumeIf('=')) return { expr: sub(parseExpr(p, scope), lhs), isEquality: false };
  if (p.consumeIf('=') && p.consumeIf('=')) return { expr: sub(lhs, parseExpr(p, scope)), isEquality: true };
  return p.fail('expected \'== affine-expr\' or \'>= affine-expr\' at end of affine constraint');
}

function sub(a: AffineExpr, b: AffineExpr): AffineExpr {
  if (b.kind === 'constant' && b.value === 0n) return a;
  return { kind: 'add', lhs: a, rhs: { kind: 'mul', lhs: b, rhs: { kind: 'constant', value: -1n } } };
}

const isSymbolic = (e: AffineExpr): boolean => {
  switch (e.kind) {
    case 'dim':
      return false;
    case 'symbol':
    case 'constant':
      return true;
    default:
      return isSymbolic(e.lhs) && isSymbolic(e.rhs);
  }
};

/** Low precedence: `+`, `-`. */
export function parseExpr(p: ParserState, scope: Scope): AffineExpr {
  let lhs = parseMulExpr(p, scope);
  for (;;) {
    if (p.is('+') || p.is('-')) {
      const negate = p.next().text === '-';
      if (!atOperand(p)) p.fail('missing right operand of binary operator');
      const rhs = parseMulExpr(p, scope);
      lhs = { kind: 'add', lhs, rhs: negate ? negateExpr(rhs) : rhs };
      continue;
    }
    return lhs;
  }
}

function negateExpr(e: AffineExpr): AffineExpr {
  if (e.kind === 'constant') return { kind: 'constant', value: -e.value };
  return { kind: 'mul', lhs: e, rhs: { kind: 'constant', value: -1n } };
}

const MUL_OPS = new Set(['*', 'floordiv', 'ceildiv', 'mod']);

function parseMulExpr(p: ParserState, scope: Scope): AffineExpr {
  let lhs = parseOperand(p, scope);
  for (;;) {
    const t = p.peek();
    if (!MUL_OPS.has(t.text) || t.kind === Kind.String) return lhs;
    p.next();
    if (!atOperand(p)) p.fail('missing right operand of binary operator');
    const rhs = parseOperand(p, scope);
    if (t.text === '*') {
      if (!isSymbolic(lhs) && !isSymbolic(rhs)) {
        p.fail('non-affine expression: at least one of the multiply operands has to be either a constant or symbolic', t.offset);
      }
      lhs = { kind: 'mul', lhs, rhs };
    } else {
      if (!isSymbolic(rhs)) p.fail(`non-affine expression: right operand of ${t.text} has to be either a constant or symbolic`, t.offset);
      lhs = { kind: t.text as 'floordiv' | 'ceildiv' | 'mod', lhs, rhs };
    }
  }
}

function atOperand(p: ParserState): boolean {
  const t = p.peek();
  // `%x` is an operand to MLIR's grammar, rejected when read (no SSA ids in affine attributes).
  return t.kind === Kind.BareId || t.kind === Kind.Integer || t.kind === Kind.PercentId || (t.kind === Kind.Punct && (t.text === '(' || t.text === '-'));
}

function parseOperand(p: ParserState, scope: Scope): AffineExpr {
  const t = p.peek();
  // In operand position every bare identifier (even `mod`, `floordiv`) names a dim or symbol.
  if (t.kind === Kind.BareId) {
    p.next();
    const e = scope.get(t.text);
    if (!e) p.fail('use of undeclared identifier', t.offset);
    return e;
  }
  if (t.kind === Kind.Integer) {
    p.next();
    return { kind: 'constant', value: BigInt(t.text) };
  }
  if (t.kind === Kind.PercentId) p.failWrongToken('unexpected ssa identifier');
  if (t.text === '(' && t.kind === Kind.Punct) {
    p.next();
    if (p.is(')')) p.fail('no expression inside parentheses');
    const e = parseExpr(p, scope);
    p.expect(')', "expected ')'");
    return e;
  }
  if (t.text === '-' && t.kind === Kind.Punct) {
    p.next();
    if (!atOperand(p)) {
      // MLIR reports the missing operand, then the negation.
      const n = p.peek();
      const first = n.text === '*' || n.text === '+' ? 'missing left operand of binary operator' : 'expected affine expression';
      throw new ParseError(n.offset, 'missing operand of negation', [], [new ParseError(n.offset, first)]);
    }
    try {
      return negateExpr(parseOperand(p, scope));
    } catch (e) {
      // MLIR reports the inner failure and then the negation's.
      if (e instanceof ParseError) throw new ParseError(t.offset + 1, 'missing operand of negation', [], [...e.earlier, e]);
      throw e;
    }
  }
  if (t.text === '*' || t.text === '+') p.fail('missing left operand of binary operator');
  return p.fail('expected affine expression');
}
