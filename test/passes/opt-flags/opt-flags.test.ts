import { describe, expect, it } from 'vitest';
import { formatResolvedPipeline, parseOptPassFlags, passManagerFromFlags, PipelineError, TimingManager, timingReport } from '../../../src/passes/index.js';
import { parseModule, testRegistry } from '../manager/test-passes.js';

describe('mlir-opt pass flags', () => {
  it('separates pass flags, instrumentation flags and the rest', () => {
    const f = parseOptPassFlags(testRegistry(), [
      'in.mlir',
      '--test-tag=name=x',
      '--mlir-print-ir-after=test-tag,test-log',
      '--mlir-print-ir-before-all',
      '--mlir-timing',
      '--mlir-timing-display',
      'list',
      '--verify-each=false',
      '-o',
      'out.mlir',
      '--mlir-pass-pipeline-crash-reproducer=r.mlir',
    ]);
    expect(f.rest).toEqual(['in.mlir', '-o', 'out.mlir']);
    expect(formatResolvedPipeline(f.pipeline!)).toBe('builtin.module(func.func(test-tag{name=x skip=false}))');
    expect(f.printAfter).toEqual(new Set(['test-tag', 'test-log']));
    expect(f.printBefore).toBe('all');
    expect([f.timing, f.timingDisplay, f.verifyEach, f.crashReproducer]).toEqual([true, 'list', false, 'r.mlir']);
  });

  it('rejects unknown pass names in --mlir-print-ir-after as mlir-opt does', () => {
    try {
      parseOptPassFlags(testRegistry(), ['--mlir-print-ir-after=test-tga']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PipelineError);
      expect((e as PipelineError).detail).toBe("for the --mlir-print-ir-after option: Cannot find option named 'test-tga'!");
      expect((e as PipelineError).notes[0].message).toBe("did you mean 'test-tag'?");
    }
  });

  it('builds a pass manager that prints and times as asked', () => {
    let err = '';
    const timing = new TimingManager();
    const flags = parseOptPassFlags(testRegistry(), ['--test-tag', '--test-log', '--mlir-print-ir-after-all', '--mlir-timing']);
    const pm = passManagerFromFlags(flags, { registry: testRegistry(), writeDiagnosticStream: (t) => (err += t), timing });
    expect(pm.run(parseModule()).ok).toBe(true);
    expect(err.split('\n').filter((l) => l.startsWith('//'))).toEqual([
      '// -----// IR Dump After TestTag (test-tag) //----- //',
      '// -----// IR Dump After TestTag (test-tag) //----- //',
      '// -----// IR Dump After TestLog (test-log) //----- //',
    ]);
    expect(timingReport(timing)).toContain("'func.func' Pipeline");
  });
});

describe('setupOptPasses (the numaccl-opt side of pass flags)', () => {
  it('gives the tool its arguments, a transform that dumps and runs, and the timing report', async () => {
    const { setupOptPasses } = await import('../../../src/passes/index.js');
    let err = '';
    const s = setupOptPasses(['in.mlir', '--test-tag', '--dump-pass-pipeline', '--mlir-timing', '-o', 'x'], {
      registry: testRegistry(),
      writeStderr: (t) => (err += t),
    });
    expect(s.rest).toEqual(['in.mlir', '-o', 'x']);
    const m = parseModule();
    expect(s.transform!(m)).toEqual([]);
    expect(err).toBe('Pass Manager with 1 passes:\nbuiltin.module(\n  func.func(\n    test-tag{name=test.tag skip=false}\n  )\n)\n\n');
    expect(s.timingReport()).toContain('TestTag');
    expect(setupOptPasses(['--list-passes'], { registry: testRegistry(), writeStderr: () => {} }).listPasses).toMatch(/^Passes:\n {2}--test-break /);
    expect(setupOptPasses(['in.mlir'], { registry: testRegistry(), writeStderr: () => {} }).transform).toBeUndefined();
  });
});
