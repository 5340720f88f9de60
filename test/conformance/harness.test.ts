/**
 * Proves the conformance harness itself with stand-in round trips whose
 * scores are known in advance: identity (prints the original), reject-all,
 * a corrupting one, and mlir-opt itself as the oracle for diagnostics.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/ir/diagnostics/index.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';
import { CORE_FOLDERS, corpusAvailable, readCorpus } from './corpus.js';
import { runConformance, type RoundTrip } from './harness.js';
import { renderFailureReport, renderFiguresTable } from './report.js';

const ready = hasMlirOpt() && corpusAvailable();
if (!ready) console.warn(hasMlirOpt() ? '\n!!! corpus not found: conformance harness tests SKIPPED !!!\n' : MLIR_OPT_MISSING);

const identity: RoundTrip = (text) => ({ ok: true, output: text, diagnostics: [] });
const rejectAll: RoundTrip = () => ({
  ok: false,
  output: '',
  diagnostics: [{ severity: 'error', message: 'nope', position: { file: 'x', line: 1, col: 1 }, notes: [] }],
});

describe.skipIf(!ready)('conformance harness', () => {
  it('scores an identity round trip 100% on valid chunks and 0% on invalid ones', async () => {
    const r = await runConformance(identity);
    expect(r.folders.map((f) => f.folder)).toEqual(CORE_FOLDERS);
    expect(r.total.validInScope).toBeGreaterThan(100);
    expect(r.total.customPass).toBe(r.total.validInScope);
    expect(r.total.genericPass).toBe(r.total.validInScope);
    expect(r.total.bothPass).toBe(r.total.validInScope);
    expect(r.total.invalidInScope).toBeGreaterThan(400);
    expect(r.total.rejected).toBe(0);
    // Nothing is dropped: every manifest chunk of the folders is in exactly one bucket.
    const manifest = readCorpus().filter((c) => CORE_FOLDERS.includes(c.folder));
    const t = r.total;
    expect(t.validInScope + t.validOutOfScope + t.invalidInScope + t.invalidOutOfScope + t.notCounted).toBe(manifest.length);
    expect(t.validOutOfScope).toBeGreaterThan(0);
    const table = renderFiguresTable(r);
    expect(table).toContain(`| **total** | **${t.validInScope}** |`);
    expect(table.split('\n').filter((l) => l.startsWith('| ')).length).toBe(CORE_FOLDERS.length + 3); // header, rule, folders, total
  });

  it('scores a reject-all round trip 0% on valid chunks and 100% rejection on invalid ones, with reasons', async () => {
    const r = await runConformance(rejectAll);
    expect(r.total.bothPass).toBe(0);
    expect(r.total.rejected).toBe(r.total.invalidInScope);
    // Its errors all sit on line 1, where mlir-opt-22's first error rarely is.
    expect(r.total.sameErrorLine).toBeLessThan(r.total.invalidInScope / 10);
    const report = renderFailureReport(r);
    expect(report).toContain(`## Valid chunks that fail (${r.total.validInScope})`);
    expect(report).toMatch(/\[custom\] we rejected it: 1:1: error: nope/);
    expect(report).toMatch(/## Out of scope \(\d+\)\n\n- `mlir\/test\/[^`]+` chunk \d+ \(line \d+\): (valid|invalid-expected): custom syntax of /);
  });

  it('catches a corrupting round trip and says where mlir-opt-22 disagrees', async () => {
    const corrupt: RoundTrip = (text, { generic }) => ({
      ok: true,
      output: generic ? text : text.replace(/\bi32\b/, 'i64'),
      diagnostics: [],
    });
    const r = await runConformance(corrupt, { folders: ['mlir/test/Dialect/Arith'] });
    const f = r.total;
    expect(f.genericPass).toBe(f.validInScope);
    expect(f.customPass).toBeLessThan(f.validInScope);
    expect(f.customPass).toBeGreaterThan(0);
    const reasons = r.outcomes.flatMap((o) => (o.modeFailures?.custom ? [o.modeFailures.custom] : []));
    expect(reasons.every((x) => /^mlir-opt-22 (prints it differently from line \d+|rejects our output)/.test(x))).toBe(true);
  });

  it('checks rejections against the designators, using mlir-opt-22 itself as the oracle', async () => {
    const invalid = readCorpus().filter((c) => CORE_FOLDERS.includes(c.folder) && c.kind === 'invalid-expected');
    // Designators masked so mlir-opt reports just the diagnostics (see test/diagnostics).
    const masked = invalid.map((c) => c.text.replace(/expected-(error|warning|note|remark)/g, 'EXPECTED-$1'));
    const results = await runMlirOpt(masked, { args: ['--allow-unregistered-dialect'] });
    const byText = new Map(invalid.map((c, i) => [c.text, results[i]]));
    const oracle: RoundTrip = (text) => {
      const res = byText.get(text);
      if (!res) return { ok: true, output: text, diagnostics: [] };
      const strip = (d: Diagnostic): Diagnostic => ({
        ...d,
        notes: d.notes.filter((n) => !n.message.startsWith('see current operation: ')),
      });
      return { ok: res.ok, output: res.output, diagnostics: res.diagnostics.map(strip) };
    };
    const r = await runConformance(oracle);
    expect(r.total.rejected).toBe(r.total.invalidInScope);
    expect(r.total.diagnosticsAsExpected).toBe(r.total.invalidInScope);
    expect(r.total.sameErrorLine).toBe(r.total.invalidInScope);
  });
});
