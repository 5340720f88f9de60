/**
 * Reading what mlir-opt-22 / mlir-translate-22 print: diagnostics on stderr
 * (minus the driver's own additions and crash reports), and which lines of
 * the input files SourceMgr echoes under them.
 */
import type { Diagnostic } from '../ir/index.js';
import { parseDiagnosticText, type SourceLineLookup } from './diagnostic-text.js';
import type { RunResult } from './types.js';

export const CRASH_MESSAGE = /^MLIR crashed \(.*\) on this input$/;

export function isCrash(r: RunResult): boolean {
  return !r.ok && r.diagnostics.length === 1 && CRASH_MESSAGE.test(r.diagnostics[0].message);
}

/**
 * mlir-opt 22 checks `expected-error` comments even without --verify-diagnostics
 * once an input fails, and reports the unmatched ones. That is the driver's
 * doing, not MLIR's verdict on the input: the native backend never says it.
 */
const DRIVER_EXPECTATION = /^expected (error|warning|remark|note) ".*" was not produced$/s;

/** Cuts LLVM's crash report (`PLEASE submit a bug report...`, `Stack dump:`) off stderr. */
export function beforeCrashReport(stderr: string): string {
  const m = /^(PLEASE submit a bug report|Stack dump:)/m.exec(stderr);
  return m ? stderr.slice(0, m.index) : stderr;
}

export function toolDiagnostics(stderr: string, sourceLine: SourceLineLookup): Diagnostic[] {
  return parseDiagnosticText(stderr, sourceLine).filter((d) => !DRIVER_EXPECTATION.test(d.message));
}

const WITHIN_SPLIT_FILE = /^within split at (.*):(\d+) offset $/;

/** Source lines of the files a run reads, for recognising SourceMgr's source display. */
export function lineLookup(files: ReadonlyMap<string, string>): SourceLineLookup {
  const split = new Map<string, string[]>();
  const linesOf = (path: string): string[] | undefined => {
    const text = files.get(path);
    if (text === undefined) return undefined;
    let lines = split.get(path);
    if (!lines) split.set(path, (lines = text.split('\n')));
    return lines;
  };
  return (file, line) => {
    const m = WITHIN_SPLIT_FILE.exec(file);
    const text = m ? linesOf(m[1])?.[Number(m[2]) + line - 2] : linesOf(file)?.[line - 1];
    return text?.split('\r')[0]; // SourceMgr shows a line up to the first '\n' or '\r'
  };
}
