/**
 * Translate a POSIX extended regular expression (what llvm::Regex, and so
 * MLIR's `expected-*-re {{...}}` blocks, accept) into a JavaScript RegExp.
 * Differences handled: bracket expressions (`[[:alpha:]]`, literal `\` and a
 * leading `]` inside brackets), backslash before an ordinary character meaning
 * that character (`\d` is a literal `d`), and `.` matching newlines (llvm::Regex
 * is compiled without REG_NEWLINE).
 */

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** Thrown for a pattern llvm::Regex would reject; the message says why. */
export class PosixRegexError extends Error {}

/** The JavaScript source equivalent to a POSIX ERE; rejects what llvm::Regex rejects, with its words. */
export function posixEreToJs(pattern: string): string {
  let out = '';
  let i = 0;
  let depth = 0;
  // Henry Spencer's rules (llvm/lib/Support/regcomp.c): a branch may not be
  // empty, a repetition needs an operand, and `{` is a bound only before a digit.
  let branchEmpty = true;
  let canRepeat = false;
  const isBoundStart = (at: number): boolean => pattern[at] === '{' && /[0-9]/.test(pattern[at + 1] ?? '');
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*' || c === '+' || c === '?' || isBoundStart(i)) {
      if (!canRepeat) throw new PosixRegexError('repetition-operator operand invalid');
      if (c === '{') {
        // As regcomp.c: counts are checked (≤ 255, low ≤ high) before the closing brace.
        const m = /^\{(\d+)(,(\d*))?/.exec(pattern.slice(i)) as RegExpExecArray;
        const lo = Number(m[1]);
        const hi = m[3] === undefined || m[3] === '' ? undefined : Number(m[3]);
        if (lo > 255 || (hi !== undefined && (hi > 255 || hi < lo))) throw new PosixRegexError('invalid repetition count(s)');
        const close = i + m[0].length;
        if (pattern[close] !== '}') {
          throw new PosixRegexError(pattern.indexOf('}', close) === -1 ? 'braces not balanced' : 'invalid repetition count(s)');
        }
        out += m[0] + '}';
        i = close + 1;
      } else {
        out += c;
        i++;
      }
      canRepeat = false; // `a**` is an error too
      continue;
    }
    branchEmpty = false;
    canRepeat = true;
    if (c === '\\') {
      if (i + 1 >= pattern.length) throw new PosixRegexError('trailing backslash (\\)');
      const next = pattern[i + 1];
      // A backreference \1..\9 keeps its meaning; anything else is the literal character.
      out += /[1-9]/.test(next) ? `\\${next}` : escapeJs(next);
      i += 2;
    } else if (c === '[') {
      const [cls, end] = translateBracket(pattern, i);
      out += cls;
      i = end;
    } else if (c === '(') {
      if (pattern[i + 1] === '|') throw new PosixRegexError('empty (sub)expression'); // `()` itself is fine
      depth++;
      out += '(';
      i++;
      if (pattern[i] === ')') continue; // an empty group is an atom
      branchEmpty = true;
      canRepeat = false;
    } else if (c === ')') {
      if (depth === 0) throw new PosixRegexError('parentheses not balanced');
      depth--;
      out += ')';
      i++;
    } else if (c === '|') {
      if (pattern[i + 1] === undefined || pattern[i + 1] === '|' || pattern[i + 1] === ')') {
        throw new PosixRegexError('empty (sub)expression');
      }
      out += '|';
      i++;
      branchEmpty = true;
      canRepeat = false;
    } else if (c === '^') {
      out += '^';
      i++;
      canRepeat = false; // `^*` is rejected
    } else if (c === '/' || c === '{' || c === '}' || c === ']') {
      out += '\\' + c;
      i++;
    } else {
      out += c; // . $ and ordinary characters mean the same in JS
      i++;
    }
  }
  if (depth !== 0) throw new PosixRegexError('parentheses not balanced');
  if (branchEmpty) throw new PosixRegexError('empty (sub)expression');
  return out;
}

/** Compile a POSIX ERE to a JS RegExp (search semantics, `.` matches newline). */
export function compilePosixEre(pattern: string): RegExp {
  const source = posixEreToJs(pattern);
  try {
    return new RegExp(source, 's');
  } catch (e) {
    throw new PosixRegexError(e instanceof Error ? e.message : String(e));
  }
}

/** Escape a literal string for use inside a JS regular expression. */
export function escapeJs(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function translateBracket(pattern: string, start: number): [string, number] {
  let i = start + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === ']' && !first) return [out + ']', i + 1];
    first = false;
    if (c === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '=' || pattern[i + 1] === '.')) {
      const kind = pattern[i + 1];
      const close = pattern.indexOf(kind + ']', i + 2);
      if (close === -1) throw new PosixRegexError('brackets ([ ]) not balanced');
      const name = pattern.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new PosixRegexError('invalid character class');
        out += cls;
      } else {
        out += escapeClassChar(name);
      }
      i = close + 2;
      continue;
    }
    // A range a-z must not run backwards.
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']' && pattern[i + 2] !== '[') {
      if (pattern[i + 2] < c) throw new PosixRegexError('invalid character range');
      out += `${escapeClassChar(c)}-${escapeClassChar(pattern[i + 2])}`;
      i += 3;
      continue;
    }
    out += c === '-' ? '\\-' : escapeClassChar(c);
    i++;
  }
  throw new PosixRegexError('brackets ([ ]) not balanced');
}

function escapeClassChar(c: string): string {
  return /[\\\]^[]/.test(c) ? '\\' + c : c;
}
