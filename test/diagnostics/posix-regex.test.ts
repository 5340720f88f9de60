/**
 * `expected-error-re` regex blocks are POSIX EREs compiled by llvm::Regex. Each
 * fragment below is put into a designator aimed at a known message, and
 * numaccl's verdict and printed failure must equal mlir-opt-22's.
 */
import { describe, expect, it } from 'vitest';
import {
  MapSourceManager,
  renderDiagnostics,
  splitInputFile,
  verifyDiagnostics,
  type Diagnostic,
} from '../../src/ir/diagnostics/index.js';
import { compilePosixEre, PosixRegexError } from '../../src/ir/diagnostics/posix-regex.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOptRaw } from '../support/mlir-opt.js';
import { parseMlirStderr } from '../support/parse-mlir-stderr.js';

// The message mlir-opt gives for the line `q1d_x.ab`:
//   Dialect `q1d_x' not found for custom op 'q1d_x.ab' (with a trailing space)
const FRAGMENTS = [
  '[[:digit:]]', '[[:upper:]]', 'q[0-9]d', '\\w', 'Dialect\\s', 'Dialec\\t', '[\\]', '[^[:alpha:][:space:]]+',
  'o{2}', 'o{1,2}', 'u{0,}n', '(Dialect|nothing)', '^Dialect', "ab' $", '[.]ab', '[a-]b', '[]a]', 'x{', 'x{a}',
  '.*', '', '()', 'a|', '(|a)', '*a', 'a**', 'a{2,1}', 'a{1', 'a{300}', '[z-a]', '[[:nope:]]', '(a', 'a)', '\\',
  '[a', '^*', 'f(o)+und', '(c|d)+ustom', '[[:punct:]]{3}', 'q1d_x\\.ab', 'q1d_x.ab',
];

describe('compilePosixEre', () => {
  it('reads POSIX bracket classes and treats an escaped ordinary character as itself', () => {
    expect(compilePosixEre('[[:digit:]]+').test('ab12')).toBe(true);
    expect(compilePosixEre('\\w').test('word')).toBe(true);
    expect(compilePosixEre('\\w').test('abc')).toBe(false);
    expect(compilePosixEre('[\\]').test('a\\b')).toBe(true);
    expect(compilePosixEre('x{').test('ax{')).toBe(true);
    expect(compilePosixEre('a.b').test('a\nb')).toBe(true);
  });

  it('rejects with llvm::Regex wording', () => {
    const why = (p: string): string => {
      try {
        compilePosixEre(p);
        return 'ok';
      } catch (e) {
        return e instanceof PosixRegexError ? e.message : 'other';
      }
    };
    expect(why('*a')).toBe('repetition-operator operand invalid');
    expect(why('(|a)')).toBe('empty (sub)expression');
    expect(why('()')).toBe('ok');
    expect(why('[z-a]')).toBe('invalid character range');
    expect(why('(a')).toBe('parentheses not balanced');
    expect(why('a{1')).toBe('braces not balanced');
  });
});

describe.skipIf(!hasMlirOpt())('regex designators agree with mlir-opt-22', () => {
  it(`on ${FRAGMENTS.length} fragments: same verdicts and the same printed failures`, async () => {
    const chunk = (frag: string): string =>
      `q1d_x.ab // expected-error-re {{{{${frag}}}}}\n// expected-note @above {{Available dialects}}\n`;
    const text = FRAGMENTS.map(chunk).join('// -----\n');
    const args = ['--split-input-file'];
    const verified = await runMlirOptRaw(text, [...args, '--verify-diagnostics'], { fileName: 'in.mlir' });
    const masked = text.replace(/expected-(error|note)/g, 'EXPECTED-$1');
    const plain = await runMlirOptRaw(masked, args, { fileName: 'in.mlir' });
    const produced: Diagnostic[] = parseMlirStderr(plain.stderr, new MapSourceManager([['in.mlir', masked]]));
    expect(produced).toHaveLength(FRAGMENTS.length);
    const { warnings } = splitInputFile(text, 'in.mlir');
    const result = verifyDiagnostics(text, 'in.mlir', produced);
    expect(result.ok).toBe(verified.exitCode === 0);
    expect(renderDiagnostics([...warnings, ...result.failures], new MapSourceManager([['in.mlir', text]]))).toBe(verified.stderr);
    // Both outcomes occur: some fragments match, some do not, some are invalid.
    expect(result.failures.some((f) => f.message.startsWith('invalid regex'))).toBe(true);
    const unmatched = result.failures.filter((f) => f.message.startsWith('expected error "{{')).length;
    const invalid = result.failures.filter((f) => f.message.startsWith('invalid regex')).length;
    expect(unmatched).toBeGreaterThan(0);
    expect(unmatched + invalid).toBeLessThan(FRAGMENTS.length - 10);
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);
