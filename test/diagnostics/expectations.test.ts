import { describe, expect, it } from 'vitest';
import {
  MapSourceManager,
  parseExpectations,
  renderDiagnostics,
  splitInputFile,
  verifyDiagnostics,
  type Diagnostic,
  type Severity,
} from '../../src/ir/diagnostics/index.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOptRaw } from '../support/mlir-opt.js';
import { parseMlirStderr } from '../support/parse-mlir-stderr.js';
import { corpusAvailable, readCorpus, readCorpusFile } from '../conformance/corpus.js';

const at = (severity: Severity, line: number, message: string, notes: Diagnostic[] = []): Diagnostic => ({
  severity,
  message,
  position: { file: 'f.mlir', line, col: 3 },
  notes,
});

describe('parseExpectations', () => {
  it('resolves @+N, @-N, @above, @below (through designator lines) and @unknown', () => {
    const text = [
      'op0', // 1
      '// expected-error @+2 {{plus}}', // 2
      '// expected-warning@-1 {{minus}}', // 3
      'op4', // 4
      '// expected-note @above {{above}}', // 5
      '// expected-remark @above {{above too}}', // 6
      '// expected-error @below {{below}}', // 7
      '// expected-error @below {{below too}}', // 8
      'op9', // 9
      '// expected-error @unknown {{nowhere}}', // 10
      'op11 // expected-error {{same line}}', // 11
    ].join('\n');
    const { expectations, errors } = parseExpectations(text, 'f.mlir');
    expect(errors).toEqual([]);
    expect(expectations.map((e) => [e.severity, e.message, e.line])).toEqual([
      ['error', 'plus', 4],
      ['warning', 'minus', 2],
      ['note', 'above', 4],
      ['remark', 'above too', 4],
      ['error', 'below', 9],
      ['error', 'below too', 9],
      ['error', 'nowhere', undefined],
      ['error', 'same line', 11],
    ]);
    expect(expectations[0].position).toEqual({ file: 'f.mlir', line: 2, col: 4 });
  });

  it('takes the message between the first {{ and the last }} and keeps inner {{ literal without -re', () => {
    const { expectations } = parseExpectations('x // expected-error {{a {{b}} c}}  \n', 'f');
    expect(expectations[0].message).toBe('a {{b}} c');
    expect(expectations[0].regex).toBeUndefined();
  });

  it('reads a leading-zero offset as octal, as llvm getAsInteger(0) does', () => {
    const text = '// expected-error @+010 {{o}}\n' + 'x\n'.repeat(12);
    expect(parseExpectations(text, 'f').expectations[0].line).toBe(9);
  });

  it('reports unterminated and invalid regex blocks of -re designators at the designator', () => {
    const { expectations, errors } = parseExpectations(
      '// expected-error-re {{a {{[0-9}}}}\n// expected-error-re {{a {{b}}\n// expected-error-re {{ok {{[[:digit:]]+}}}}\n',
      'f',
    );
    expect(errors.map((e) => [e.message.split(':')[0], e.position?.line])).toEqual([
      ['invalid regex', 1],
      ["found start of regex with no end '}}'", 2],
    ]);
    expect(expectations).toHaveLength(1);
    expect(expectations[0].regex?.test('value ok 42 here')).toBe(true);
    expect(expectations[0].regex?.test('ok x')).toBe(false);
  });
});

describe('verifyDiagnostics', () => {
  const text = 'a\n// expected-error @-1 {{boom}}\nb // expected-warning {{careful}}\nc\n';

  it('accepts diagnostics matched by line and substring, ignoring the column', () => {
    const r = verifyDiagnostics(text, 'f.mlir', [at('error', 1, 'big boom here'), at('warning', 3, 'be careful')]);
    expect(r).toEqual({ ok: true, failures: [] });
  });

  it('lets one expectation absorb several matching diagnostics, as MLIR does', () => {
    const r = verifyDiagnostics(text, 'f.mlir', [at('error', 1, 'boom'), at('error', 1, 'boom'), at('warning', 3, 'careful')]);
    expect(r.ok).toBe(true);
  });

  it('reports unexpected diagnostics, kind mismatches and unmet expectations in MLIR order and words', () => {
    const r = verifyDiagnostics(text, 'f.mlir', [at('warning', 1, 'boom'), at('error', 4, 'stray', [at('note', 4, 'why')])]);
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => `${f.position?.line}:${f.position?.col} ${f.message}`)).toEqual([
      "2:4 'warning' diagnostic emitted when expecting a 'error'",
      '4:3 unexpected error: stray',
      '4:3 unexpected note: why',
      '2:4 expected error "boom" was not produced',
      '3:6 expected warning "careful" was not produced',
    ]);
    expect(r.failures.at(-1)?.length).toBe('careful'.length);
  });

  it('with onlyExpected ignores unexpected diagnostics but still demands the expected ones', () => {
    const r = verifyDiagnostics(text, 'f.mlir', [at('error', 4, 'stray'), at('error', 1, 'boom')], { onlyExpected: true });
    expect(r.failures.map((f) => f.message)).toEqual(['expected warning "careful" was not produced']);
  });

  it('matches positionless diagnostics only against @unknown and diagnostics in other files against nothing', () => {
    const t = '// expected-error @unknown {{lost}}\n';
    expect(verifyDiagnostics(t, 'f.mlir', [{ severity: 'error', message: 'lost it', notes: [] }]).ok).toBe(true);
    const other: Diagnostic = { severity: 'error', message: 'lost', position: { file: 'g.mlir', line: 1, col: 1 }, notes: [] };
    const failures = verifyDiagnostics(t, 'f.mlir', [other]).failures;
    // mlir-opt 22 reports an unmet @unknown designator twice, without a location.
    expect(failures.map((f) => f.message)).toEqual([
      'unexpected error: lost',
      'expected error "lost" was not produced',
      'expected error "lost" was not produced',
    ]);
    expect(failures[1].position).toBeUndefined();
  });
});

/** Keep every designator's place but make mlir-opt ignore it. */
const maskDesignators = (text: string): string => text.replace(/expected-(error|warning|note|remark)/g, 'EXPECTED-$1');

describe.skipIf(!hasMlirOpt() || !corpusAvailable())('verifyDiagnostics agrees with mlir-opt-22 --verify-diagnostics', () => {
  it('on every corpus file with designators: same verdict and the same stderr, byte for byte', async () => {
    const paths = [...new Set(readCorpus().map((c) => c.path))].filter((p) => readCorpusFile(p).includes('expected-'));
    let compared = 0;
    let failing = 0;
    for (const path of paths) {
      const text = readCorpusFile(path);
      const args = ['--allow-unregistered-dialect', '--split-input-file'];
      // The diagnostics mlir-opt produces, without the verifier seeing them.
      const plain = await runMlirOptRaw(maskDesignators(text), args, { fileName: 'in.mlir' });
      const verified = await runMlirOptRaw(text, [...args, '--verify-diagnostics'], { fileName: 'in.mlir' });
      if (plain.signal || verified.signal) continue; // one corpus file crashes mlir-opt 22
      const sources = new MapSourceManager([['in.mlir', text]]);
      const { warnings } = splitInputFile(text, 'in.mlir');
      const produced = parseMlirStderr(plain.stderr, new MapSourceManager([['in.mlir', maskDesignators(text)]]))
        .slice(warnings.length) // split-marker warnings come first and are not diagnostics
        // mlir-opt turns off "see current operation" notes under --verify-diagnostics.
        .map((d) => ({ ...d, notes: d.notes.filter((n) => !n.message.startsWith('see current operation: ')) }));
      const result = verifyDiagnostics(text, 'in.mlir', produced);
      expect(result.ok, path).toBe(verified.exitCode === 0);
      expect(renderDiagnostics([...warnings, ...result.failures], sources), path).toBe(verified.stderr);
      compared++;
      if (!result.ok) failing++;
    }
    expect(compared).toBeGreaterThan(15);
    // Some files fail verification without their RUN-line passes: both outcomes are exercised.
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(compared);
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);
