/**
 * MLIR's `--verify-diagnostics` (SourceMgrDiagnosticVerifierHandler, MLIR 22):
 * comments `expected-(error|warning|note|remark)[-re] [@+N|@-N|@above|@below|@unknown] {{msg}}`
 * name diagnostics that must appear on a line. Matching is by line only (the
 * column is ignored) and by substring, or by regex for `-re`, where `{{...}}`
 * blocks inside the message are POSIX regexes and the rest is literal. MLIR 22
 * has no `@#label` form and treats `{{` inside a non-`-re` message literally.
 * The failures are reported with MLIR's own wording and locations.
 */
import type { Diagnostic, Severity, SourcePosition } from './diagnostic.js';
import { LineIndex, byteLength } from './source-manager.js';
import { PosixRegexError, compilePosixEre, escapeJs } from './posix-regex.js';

/** One `expected-*` designator. */
export interface Expectation {
  readonly severity: Severity;
  /** The message text between the outer `{{` `}}`. */
  readonly message: string;
  /** Whether the designator is `expected-*-re`. */
  readonly isRegex: boolean;
  /** 1-based line the diagnostic must be on; undefined for `@unknown`. */
  line: number | undefined;
  /** Where `expected-` starts: MLIR reports failures there. */
  readonly position: SourcePosition;
  /** Compiled matcher for `-re` expectations. */
  readonly regex?: RegExp;
}

export interface ParsedExpectations {
  readonly expectations: readonly Expectation[];
  /** Problems with the designators themselves (bad regex), as MLIR reports them. */
  readonly errors: readonly Diagnostic[];
}

export interface VerifyOptions {
  /** `--verify-diagnostics=only-expected`: ignore unexpected diagnostics and kind mismatches. */
  readonly onlyExpected?: boolean;
}

export interface VerifyResult {
  /** True when every expectation was met and nothing unexpected appeared. */
  readonly ok: boolean;
  /** MLIR's failure messages, in the order mlir-opt prints them. */
  readonly failures: readonly Diagnostic[];
}

const DESIGNATOR =
  /expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *\{\{(.*)\}\}$/s;

/** Find every designator in `text` (the whole file, for split inputs too). */
export function parseExpectations(text: string, file: string): ParsedExpectations {
  const expectations: Expectation[] = [];
  const errors: Diagnostic[] = [];
  const lines = text.split('\n');
  let lastNonDesignatorLine = 0; // 0-based
  let pendingBelow: Expectation[] = [];
  let lineStart = 0;
  for (let lineNo = 0; lineNo < lines.length; lineStart += lines[lineNo].length + 1, lineNo++) {
    const line = lines[lineNo];
    const m = DESIGNATOR.exec(line.replace(/[ \t\n\v\f\r]+$/, ''));
    if (!m) {
      for (const e of pendingBelow) e.line = lineNo + 1;
      pendingBelow = [];
      lastNonDesignatorLine = lineNo;
      continue;
    }
    const position: SourcePosition = {
      file,
      line: lineNo + 1,
      col: byteLength(line.slice(0, m.index)) + 1,
    };
    const severity = m[1] as Severity;
    const message = m[5];
    const isRegex = m[2] !== undefined;
    let regex: RegExp | undefined;
    if (isRegex) {
      const compiled = compileMessageRegex(message);
      if (typeof compiled === 'string') {
        errors.push(failure(compiled, position, byteLength(message)));
        continue;
      }
      regex = compiled;
    }
    const exp: Expectation = { severity, message, isRegex, line: lineNo + 1, position, ...(regex ? { regex } : {}) };
    const where = m[4];
    if (where === 'unknown') exp.line = undefined;
    else if (where === 'above') exp.line = lastNonDesignatorLine + 1;
    else if (where === 'below') {
      pendingBelow.push(exp);
      exp.line = lines.length; // where MLIR leaves a dangling @below
    } else if (where !== undefined) exp.line = (exp.line ?? 0) + (where[0] === '+' ? 1 : -1) * parseOffset(where.slice(1));
    expectations.push(exp);
  }
  return { expectations, errors };
}

/**
 * Check produced diagnostics (and their notes) against the designators of `text`.
 * Positions must be whole-file positions in `file`; diagnostics elsewhere
 * only match `@unknown` designators when they have no position at all.
 */
export function verifyDiagnostics(
  text: string,
  file: string,
  produced: readonly Diagnostic[],
  options: VerifyOptions = {},
): VerifyResult {
  const { expectations, errors } = parseExpectations(text, file);
  return verifyAgainst(expectations, errors, file, produced, options);
}

/** Like verifyDiagnostics, with designators parsed beforehand. */
export function verifyAgainst(
  expectations: readonly Expectation[],
  parseErrors: readonly Diagnostic[],
  file: string,
  produced: readonly Diagnostic[],
  options: VerifyOptions = {},
): VerifyResult {
  const failures: Diagnostic[] = [...parseErrors];
  const matched = new Set<Expectation>();
  const inFile = expectations.filter((e) => e.line !== undefined);
  const unknown = expectations.filter((e) => e.line === undefined);

  const process = (d: Diagnostic): void => {
    const candidates = d.position ? (d.position.file === file ? inFile : []) : unknown;
    let nearMiss: Expectation | undefined;
    for (const e of candidates) {
      if (d.position && d.position.line !== e.line) continue;
      if (!matches(e, d.message)) continue;
      if (e.severity === d.severity) {
        matched.add(e);
        return;
      }
      nearMiss = e;
    }
    if (options.onlyExpected) return;
    if (nearMiss) {
      failures.push(failure(`'${d.severity}' diagnostic emitted when expecting a '${nearMiss.severity}'`, reportedAt(nearMiss)));
    } else {
      failures.push({
        severity: 'error',
        message: `unexpected ${d.severity}: ${d.message}`,
        ...(d.position ? { position: d.position } : {}),
        notes: [],
      });
    }
  };
  for (const d of produced) {
    process(d);
    for (const n of d.notes) process(n);
  }
  // mlir-opt verifies twice (explicitly, then in the handler's destructor); the
  // second pass only still sees the @unknown designators, so those unmet are
  // reported twice. Kept for byte-for-byte agreement.
  for (const e of [...inFile, ...unknown, ...unknown]) {
    if (!matched.has(e)) {
      const where = reportedAt(e);
      failures.push(failure(`expected ${e.severity} "${e.message}" was not produced`, where, where && byteLength(e.message)));
    }
  }
  return { ok: failures.length === 0, failures };
}

/** Whether a message satisfies an expectation (substring, or regex search for `-re`). */
export function matches(e: Expectation, message: string): boolean {
  return e.regex ? e.regex.test(message) : message.includes(e.message);
}

/** Build the matcher of an `-re` message, or MLIR's complaint about it. */
export function compileMessageRegex(message: string): RegExp | string {
  let source = '';
  let rest = message;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open === -1) {
      source += escapeJs(rest);
      break;
    }
    source += escapeJs(rest.slice(0, open));
    rest = rest.slice(open + 2);
    const close = rest.indexOf('}}');
    if (close === -1) return "found start of regex with no end '}}'";
    try {
      source += '(' + compileFragment(rest.slice(0, close)) + ')';
    } catch (e) {
      return `invalid regex: ${e instanceof Error ? e.message : String(e)}`;
    }
    rest = rest.slice(close + 2);
  }
  return new RegExp(source, 's');
}

function compileFragment(fragment: string): string {
  const re = compilePosixEre(fragment); // throws PosixRegexError when invalid
  if (!(re instanceof RegExp)) throw new PosixRegexError('invalid regex');
  return re.source;
}

/** `@+N` offsets are parsed with radix auto-detection, so a leading 0 means octal. */
function parseOffset(digits: string): number {
  if (digits.length > 1 && digits[0] === '0') {
    return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : 0;
  }
  return parseInt(digits, 10);
}

function failure(message: string, position: SourcePosition | undefined, length?: number): Diagnostic {
  return {
    severity: 'error',
    message,
    ...(position ? { position } : {}),
    ...(length !== undefined ? { length } : {}),
    notes: [],
  };
}

/** MLIR drops the source location of `@unknown` designators, so their failures print at `<unknown>:0`. */
function reportedAt(e: Expectation): SourcePosition | undefined {
  return e.line === undefined ? undefined : e.position;
}

/** Convenience: 1-based positions of a text, for callers that build diagnostics by offset. */
export function positionAt(text: string, file: string, offset: number): SourcePosition {
  return { file, ...new LineIndex(text).positionOf(offset) };
}
