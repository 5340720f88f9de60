/**
 * Recursive-descent parser for assembly format strings, following MLIR's
 * `FormatParser` (mlir/tools/mlir-tblgen/FormatGen.cpp, OpFormatGen.cpp).
 * Nesting depth is bounded by the format's own size, which is tiny.
 */
import type { FormatContext, FormatElement, OilistClause, WhitespaceValue } from './ast.js';
import { FormatSyntaxError } from './errors.js';
import { type Token, tokenize } from './lexer.js';

/** Where an element appears; some directives are only valid in some places. */
type Scope = 'top' | 'optionalThen' | 'optionalElse' | 'customArg' | 'typeArg' | 'oilist' | 'struct';

export interface ParseFormatOptions {
  /** `op` (default) or `attrOrType` (enables `params` and `struct`). */
  readonly context?: FormatContext;
}

/** Parses an `assemblyFormat` string. Throws `FormatSyntaxError` with a position on malformed input. */
export function parseAssemblyFormat(format: string, options: ParseFormatOptions = {}): FormatElement[] {
  return new FormatParser(format, options.context ?? 'op').parseAll();
}

const WHITESPACE_LITERALS: Readonly<Record<string, WhitespaceValue>> = { '': '', ' ': ' ', '\\n': '\n' };

/** Literal text MLIR accepts: a keyword, or one of its punctuation tokens. */
export function isValidLiteral(value: string): boolean {
  if (/^[A-Za-z_][A-Za-z0-9_$.]*$/.test(value)) return true;
  return [
    '->', ':', ',', '=', '<', '>', '(', ')', '[', ']', '{', '}', '?', '+', '*', '|', '...', '-', '^', '@', '#', '!',
  ].includes(value);
}

class FormatParser {
  private readonly src: string;
  private readonly context: FormatContext;
  private readonly tokens: Token[];
  private pos = 0;

  constructor(src: string, context: FormatContext) {
    this.src = src;
    this.context = context;
    this.tokens = tokenize(src);
  }

  parseAll(): FormatElement[] {
    const out: FormatElement[] = [];
    while (this.peek().kind !== 'eof') out.push(this.parseElement('top'));
    return out;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private fail(message: string, tok: Token = this.peek()): never {
    throw new FormatSyntaxError(message, this.src, tok.offset);
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private expectPunct(text: string, what: string): void {
    if (!this.isPunct(text)) this.fail(`expected '${text}' ${what}`);
    this.pos++;
  }

  private parseElement(scope: Scope): FormatElement {
    const tok = this.peek();
    switch (tok.kind) {
      case 'literal':
        this.pos++;
        return this.literal(tok, scope);
      case 'variable':
        this.pos++;
        return { kind: 'variable', name: tok.text };
      case 'string':
        if (scope !== 'customArg') this.fail('string literals are only allowed as custom directive arguments');
        this.pos++;
        return { kind: 'string', value: tok.text };
      case 'word':
        this.pos++;
        return this.directive(tok, scope);
      case 'punct':
        if (tok.text === '(') {
          if (scope === 'customArg' || scope === 'typeArg' || scope === 'struct')
            this.fail('optional groups are not allowed here');
          this.pos++;
          return this.optionalGroup(tok);
        }
        return this.fail(`unexpected '${tok.text}'`);
      case 'eof':
        return this.fail('unexpected end of format');
    }
  }

  private literal(tok: Token, scope: Scope): FormatElement {
    if (scope === 'customArg' || scope === 'typeArg') this.fail('literals are not allowed here', tok);
    if (tok.text in WHITESPACE_LITERALS) return { kind: 'whitespace', value: WHITESPACE_LITERALS[tok.text] };
    if (!isValidLiteral(tok.text)) this.fail(`expected valid literal but got '${tok.text}'`, tok);
    return { kind: 'literal', value: tok.text };
  }

  private directive(tok: Token, scope: Scope): FormatElement {
    const inCustom = scope === 'customArg';
    switch (tok.text) {
      case 'attr-dict':
        return { kind: 'attrDict', withKeyword: false };
      case 'attr-dict-with-keyword':
        return { kind: 'attrDict', withKeyword: true };
      case 'prop-dict':
        return { kind: 'propDict' };
      case 'operands':
        return { kind: 'operands' };
      case 'results':
        return { kind: 'results' };
      case 'regions':
        return { kind: 'regions' };
      case 'successors':
        return { kind: 'successors' };
      case 'type':
        return { kind: 'type', arg: this.singleArg('type', 'typeArg') };
      case 'qualified':
        return { kind: 'qualified', arg: this.singleArg('qualified', 'typeArg') };
      case 'ref':
        if (!inCustom) this.fail("'ref' is only valid within a custom directive", tok);
        return { kind: 'ref', arg: this.singleArg('ref', 'customArg') };
      case 'functional-type': {
        this.expectPunct('(', "after 'functional-type'");
        const inputs = this.parseElement('typeArg');
        this.expectPunct(',', "between 'functional-type' arguments");
        const results = this.parseElement('typeArg');
        this.expectPunct(')', "after 'functional-type' arguments");
        return { kind: 'functionalType', inputs, results };
      }
      case 'custom':
        return this.custom();
      case 'oilist':
        if (scope !== 'top') this.fail("'oilist' is only valid at the top level", tok);
        return this.oilist();
      case 'params':
        if (this.context !== 'attrOrType') this.fail("'params' is only valid in attribute and type formats", tok);
        return { kind: 'params' };
      case 'struct': {
        if (this.context !== 'attrOrType') this.fail("'struct' is only valid in attribute and type formats", tok);
        this.expectPunct('(', "after 'struct'");
        const args = this.commaList('struct');
        return { kind: 'struct', args };
      }
      default:
        return this.fail(`unknown directive '${tok.text}'`, tok);
    }
  }

  private singleArg(name: string, scope: Scope): FormatElement {
    this.expectPunct('(', `after '${name}'`);
    const arg = this.parseElement(scope);
    this.checkTypeArg(name, arg);
    this.expectPunct(')', `after '${name}' argument`);
    return arg;
  }

  /** `type`, `qualified` and `functional-type` take a variable or the `operands`/`results` directives. */
  private checkTypeArg(name: string, arg: FormatElement): void {
    if (name === 'ref') return;
    const ok =
      arg.kind === 'variable' ||
      arg.kind === 'operands' ||
      arg.kind === 'results' ||
      (name === 'qualified' && arg.kind === 'type');
    if (!ok) this.fail(`invalid argument to '${name}'`, this.tokens[this.pos - 1]);
  }

  private custom(): FormatElement {
    this.expectPunct('<', "after 'custom'");
    const nameTok = this.next();
    if (nameTok.kind !== 'word' || !/^[A-Za-z_]\w*$/.test(nameTok.text))
      this.fail('expected custom directive name identifier', nameTok);
    this.expectPunct('>', 'after custom directive name');
    this.expectPunct('(', 'before custom directive parameters');
    const args = this.commaList('customArg');
    return { kind: 'custom', name: nameTok.text, args };
  }

  /** Parses `elem (, elem)* )` (the `(` already consumed); allows an empty list. */
  private commaList(scope: Scope): FormatElement[] {
    const args: FormatElement[] = [];
    if (this.isPunct(')')) {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.parseElement(scope));
      if (this.isPunct(')')) {
        this.pos++;
        return args;
      }
      this.expectPunct(',', 'or \')\' in argument list');
    }
  }

  private optionalGroup(open: Token): FormatElement {
    const then: FormatElement[] = [];
    let anchor = -1;
    while (!this.isPunct(')')) {
      if (this.peek().kind === 'eof') this.fail("expected ')' to close optional group", open);
      then.push(this.parseElement('optionalThen'));
      if (this.isPunct('^')) {
        if (anchor >= 0) this.fail('only one element can be marked as the anchor of an optional group');
        anchor = then.length - 1;
        this.pos++;
      }
    }
    this.pos++;
    if (then.length === 0) this.fail('optional group has no elements', open);
    this.expectPunct('?', 'after optional group');
    if (anchor < 0) this.fail('optional group has no anchor element', open);
    const first = then.find((e) => e.kind !== 'whitespace');
    if (!first || !['literal', 'variable', 'custom', 'type', 'functionalType', 'regions', 'successors', 'operands', 'results', 'qualified'].includes(first.kind))
      this.fail('first parsable element of an optional group must be a literal, variable, or directive', open);
    if (!this.isPunct(':')) return { kind: 'optional', then, anchor };
    this.pos++;
    const elseOpen = this.peek();
    this.expectPunct('(', "to start the else group after ':'");
    const elseElems: FormatElement[] = [];
    while (!this.isPunct(')')) {
      if (this.peek().kind === 'eof') this.fail("expected ')' to close else group", elseOpen);
      elseElems.push(this.parseElement('optionalElse'));
    }
    this.pos++;
    if (elseElems.length === 0) this.fail('else group has no elements', elseOpen);
    return { kind: 'optional', then, anchor, else: elseElems };
  }

  private oilist(): FormatElement {
    this.expectPunct('(', "after 'oilist'");
    const clauses: OilistClause[] = [];
    for (;;) {
      const kw = this.next();
      if (kw.kind !== 'literal' || !isValidLiteral(kw.text) || kw.text in WHITESPACE_LITERALS)
        this.fail('expected a keyword literal to start an oilist clause', kw);
      const elements: FormatElement[] = [];
      while (!this.isPunct('|') && !this.isPunct(')')) {
        if (this.peek().kind === 'eof') this.fail("expected ')' to close oilist");
        elements.push(this.parseElement('oilist'));
      }
      clauses.push({ keyword: kw.text, elements });
      if (this.next().text === ')') return { kind: 'oilist', clauses };
    }
  }
}
