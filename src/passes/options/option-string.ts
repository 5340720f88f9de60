/**
 * Splitting of pass option strings (`k=v k2=a,b k3="x y" k4={n=1}`) into
 * key/value entries and of list values into elements, with the same
 * quoting and bracket rules as MLIR's `PassOptions::parseFromString`, but
 * keeping every piece's offset so errors can point at it.
 */

/** A piece of the option string with its offset in the pipeline source. */
export interface Located {
  readonly text: string;
  readonly offset: number;
}

/** One `key[=value]` of an option string. `value` is absent for a bare `key`. */
export interface OptionEntry {
  readonly key: Located;
  readonly value?: Located;
}

const WHITESPACE = ' \t\n\v\f\r';
const isSpace = (c: string | undefined): boolean => c !== undefined && c !== '' && WHITESPACE.includes(c);

/**
 * Index of the next `c` in `s` at or after `from` and before `end`, skipping
 * over `{...}`, `(...)`, `[...]` and quoted ranges; -1 if none.
 */
export function findUnnested(s: string, from: number, end: number, c: string): number {
  for (let i = from; i < end; ++i) {
    const ch = s[i];
    if (ch === c) return i;
    if (ch === '{') i = findUnnested(s, i + 1, end, '}');
    else if (ch === '(') i = findUnnested(s, i + 1, end, ')');
    else if (ch === '[') i = findUnnested(s, i + 1, end, ']');
    else if (ch === '"' || ch === "'") {
      const close = s.indexOf(ch, i + 1);
      i = close >= 0 && close < end ? close : -1;
    }
    if (i < 0) return -1;
  }
  return -1;
}

/** `s[start, end)` trimmed of whitespace, with its offset. */
function trimmed(s: string, start: number, end: number): Located {
  while (start < end && isSpace(s[start])) ++start;
  while (end > start && isSpace(s[end - 1])) --end;
  return { text: s.slice(start, end), offset: start };
}

/**
 * The cleaned argument in `s[start, end)`: trimmed, then one level of
 * matching quotes removed, or one level of braces when the brace opening
 * it closes at its very end (so `{a},{b}` keeps its braces).
 */
export function cleanArgument(s: string, start: number, end: number): Located {
  const t = trimmed(s, start, end);
  const str = t.text;
  if (str.length <= 1) return t;
  const first = str[0];
  const last = str[str.length - 1];
  if ((first === '"' && last === '"') || (first === "'" && last === "'")) {
    return trimmed(s, t.offset + 1, t.offset + str.length - 1);
  }
  if (first === '{' && findUnnested(str, 1, str.length, '}') === str.length - 1) {
    return trimmed(s, t.offset + 1, t.offset + str.length - 1);
  }
  return t;
}

/** Skips a quoted run starting at `i` (if `s[i]` is `quote`): returns the closing index, or `i`. */
function skipQuoted(s: string, i: number, end: number): number {
  const q = s[i];
  if (q !== '"' && q !== "'") return i;
  const close = s.indexOf(q, i + 1);
  return close >= 0 && close < end ? close : i;
}

/**
 * Splits the option text `s[start, end)` into entries. Entries are separated
 * by spaces; a value may contain spaces inside quotes or braces. Entries
 * with an empty key (stray spaces, a lone `=`) are skipped as MLIR does.
 */
export function splitOptionString(s: string, start = 0, end = s.length): OptionEntry[] {
  const entries: OptionEntry[] = [];
  let pos = start;
  while (pos < end) {
    // The key runs to a space, the end, or '='.
    let i = pos;
    while (i < end && s[i] !== ' ' && s[i] !== '=') ++i;
    const key = cleanArgument(s, pos, i);
    if (i >= end || s[i] !== '=') {
      pos = skipSpaces(s, i, end);
      if (key.text !== '') entries.push({ key });
      continue;
    }
    // The value runs to an unquoted, unbraced space or the end.
    const valueStart = i + 1;
    let j = valueStart;
    while (j < end && s[j] !== ' ') {
      const q = skipQuoted(s, j, end);
      if (q !== j) {
        j = q + 1;
        continue;
      }
      if (s[j] === '{') {
        let depth = 1;
        ++j;
        while (j < end) {
          const k = skipQuoted(s, j, end);
          if (k !== j) {
            j = k + 1;
            continue;
          }
          if (s[j] === '{') ++depth;
          else if (s[j] === '}' && --depth === 0) break;
          ++j;
        }
        if (j >= end) break;
      }
      ++j;
    }
    const value = cleanArgument(s, valueStart, Math.min(j, end));
    pos = skipSpaces(s, Math.min(j, end), end);
    if (key.text !== '') entries.push({ key, value });
  }
  return entries;
}

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && isSpace(s[i])) ++i;
  return i;
}

/**
 * Splits a list value into its elements at top-level commas, cleaning each
 * as an argument (so `a,"b c",{d,e}` gives `a`, `b c`, `d,e`). An empty
 * value is the empty list.
 */
export function splitListValue(value: Located): Located[] {
  const s = value.text;
  if (s === '') return [];
  const out: Located[] = [];
  let pos = 0;
  for (;;) {
    const comma = findUnnested(s, pos, s.length, ',');
    const stop = comma < 0 ? s.length : comma;
    const el = cleanArgument(s, pos, stop);
    out.push({ text: el.text, offset: value.offset + el.offset });
    if (comma < 0) return out;
    pos = comma + 1;
  }
}
