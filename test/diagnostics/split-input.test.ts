import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MapSourceManager,
  chunkToFilePosition,
  joinSplitOutputs,
  renderDiagnostics,
  splitInputFile,
  type Diagnostic,
} from '../../src/ir/diagnostics/index.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOpt, runMlirOptRaw } from '../support/mlir-opt.js';

describe('splitInputFile', () => {
  it('splits on the marker wherever it appears and keeps whole-file positions', () => {
    const text = 'a\n// -----\nb // -----c\n';
    const { chunks, warnings } = splitInputFile(text, 'f');
    expect(warnings).toEqual([]);
    expect(chunks.map((c) => [c.text, c.line, c.col])).toEqual([
      ['a\n', 1, 1],
      ['\nb ', 2, 9],
      ['c\n', 3, 11],
    ]);
    expect(chunkToFilePosition(chunks[2], 1, 1)).toEqual({ line: 3, col: 11 });
    expect(chunkToFilePosition(chunks[1], 2, 3)).toEqual({ line: 3, col: 3 });
  });

  it('warns about near misses and glues the text back together', () => {
    const { chunks, warnings } = splitInputFile('a\n// ----\nb\n// -----0\nc', 'f');
    expect(chunks.map((c) => c.text)).toEqual(['a\n// ----\nb\n// -----0\nc']);
    expect(warnings.map((w) => `${w.position?.line}:${w.position?.col} ${w.message}`)).toEqual([
      '2:7 near miss with file split marker',
      '4:7 near miss with file split marker',
    ]);
  });

  it('keeps mlir-opt quirks: a leading marker stays in the first chunk, a trailing bare marker is a near miss', () => {
    expect(splitInputFile('// -----\nx', 'f').chunks.map((c) => c.text)).toEqual(['--\nx']);
    const tail = splitInputFile('x\n// -----', 'f');
    expect(tail.chunks.map((c) => c.text)).toEqual(['x\n// -----']);
    expect(tail.warnings).toHaveLength(1);
  });

  it('joins outputs with the separator mlir-opt prints (failed chunks are empty)', () => {
    expect(joinSplitOutputs(['', 'module {\n}\n\n', ''])).toBe('// -----\nmodule {\n}\n\n// -----\n');
  });
});

const FRAGMENTS = [
  '"foo.a"() : () -> ()',
  '%x = "foo.b"(%y) : (i32) -> ()',
  '"foo.c"() ({\n  "foo.d"() : () -> ()\n}) : () -> ()',
  '\n',
  '\n',
  ' ',
  '\t',
  '// -----',
  '// -----',
  '// -----\n',
  '// ----',
  '// ---',
  '-',
  '0',
  '// note',
  '}',
];
const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(''));

describe.skipIf(!hasMlirOpt())('splitInputFile agrees with mlir-opt-22 --split-input-file', () => {
  it('on 400 random texts (glued four to a run): stdout is the join of per-chunk outputs, stderr the per-chunk diagnostics at whole-file positions', async () => {
    const args = ['--allow-unregistered-dialect'];
    // Four samples glued together are one bigger random text: one whole-file run checks four.
    const samples = fc.sample(textArb, { numRuns: 400, seed: 2200 });
    const texts: string[] = [];
    for (let i = 0; i < samples.length; i += 4) texts.push(samples.slice(i, i + 4).join(''));
    const splits = texts.map((t) => splitInputFile(t, 'in.mlir'));
    const allChunks = splits.flatMap((s) => s.chunks.map((c) => c.text));
    const chunkResults = await runMlirOpt(allChunks, { args, fileName: 'in.mlir' });
    let next = 0;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      const { chunks, warnings } = splits[i];
      const results = chunks.map(() => chunkResults[next++]);
      const whole = await runMlirOptRaw(text, [...args, '--split-input-file'], { fileName: 'in.mlir' });
      const toWhole = (d: Diagnostic, k: number): Diagnostic => ({
        ...d,
        ...(d.position ? { position: { ...d.position, ...chunkToFilePosition(chunks[k], d.position.line, d.position.col) } } : {}),
        notes: d.notes.map((n) => toWhole(n, k)),
      });
      const expectedStderr = renderDiagnostics(
        [...warnings, ...results.flatMap((r, k) => r.diagnostics.map((d) => toWhole(d, k)))],
        new MapSourceManager([['in.mlir', text]]),
      );
      const shown = JSON.stringify(text);
      expect(whole.stdout, shown).toBe(joinSplitOutputs(results.map((r) => r.output)));
      expect(whole.stderr, shown).toBe(expectedStderr);
      expect(whole.exitCode === 0, shown).toBe(results.every((r) => r.ok));
    }
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);
