import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { DiagnosticError, parse, print } from '../../../src/ir/index.js';
import { PassCreationError, PassManager, PipelineError, readReproducerConfig, runPipeline, TimingManager, timingReport } from '../../../src/passes/index.js';
import { FUNCS, parseModule, testRegistry } from './test-passes.js';

describe('PassManager', () => {
  it('runs nested pipelines per function, each function through the whole nest before the next', () => {
    const log: string[] = [];
    const pm = PassManager.parse('builtin.module(func.func(test-tag,test-fail{}),test-log)', { registry: testRegistry(log) });
    const m = parseModule();
    pm.run(m);
    expect(log).toEqual(['test-tag@f', 'test-fail@f', 'test-tag@g', 'test-fail@g']);
  });

  it('merges adjacent nests so each function is visited once', () => {
    const log: string[] = [];
    const pm = PassManager.parse('builtin.module(func.func(test-tag),func.func(test-log),test-log)', { registry: testRegistry(log) });
    expect(pm.run(parseModule()).ok).toBe(true);
    expect(log).toEqual(['test-tag@f', 'test-log@f', 'test-tag@g', 'test-log@g', 'test-log@builtin.module']);
  });

  it('schedules any() on isolated ops only, and rejects a manager on the wrong op', () => {
    const log: string[] = [];
    const r = testRegistry(log);
    PassManager.parse('builtin.module(any(test-log))', { registry: r }).run(parseModule());
    expect(log).toEqual(['test-log@f', 'test-log@g']);
    const res = PassManager.parse('func.func(test-log)', { registry: r }).run(parseModule());
    expect(res.ok).toBe(false);
    expect(res.diagnostics[0].message).toBe("can't run 'func.func' pass manager on 'builtin.module' op");
  });

  it('changes the IR and leaves it valid', () => {
    const m = parseModule();
    runPipeline(m, 'builtin.module(func.func(test-tag{name=test.seen}))', { registry: testRegistry() });
    expect(print(m)).toContain('func.func @f(%arg0: i32) -> i32 attributes {test.seen}');
  });

  it('stops at the first failure and names the pass and op', () => {
    const log: string[] = [];
    const res = PassManager.parse('builtin.module(func.func(test-fail),test-log)', { registry: testRegistry(log) }).run(parseModule());
    expect(res.ok).toBe(false);
    expect(log).toEqual(['test-fail@f', 'test-fail@g']);
    expect(res.failure?.pass?.info.argument).toBe('test-fail');
    expect(res.diagnostics.map((d) => d.message)).toEqual(['Failures have been detected while processing an MLIR pass pipeline']);
    expect(res.diagnostics[0].notes[0].message).toBe("Pipeline failed while executing [`test-fail` on 'func.func' operation: @g]");
    expect(res.diagnostics[0].position).toEqual({ file: 'in.mlir', line: 1, col: 1 });
  });

  it('reports pass diagnostics at the op, and crashes without a stack trace', () => {
    const r = testRegistry();
    const err = PassManager.parse('builtin.module(func.func(test-error))', { registry: r }).run(parseModule());
    expect(err.diagnostics).toEqual([{ severity: 'error', message: "'func.func' op is not to my taste", position: { file: 'in.mlir', line: 2, col: 3 }, notes: [] }]);
    const crash = PassManager.parse('builtin.module(test-crash)', { registry: r }).run(parseModule());
    expect(crash.failure?.crashed).toBe(true);
    expect(crash.diagnostics[0].message).toBe("pass 'test-crash' crashed: boom");
  });

  it('verifies after each pass unless disabled', () => {
    const r = testRegistry();
    const bad = PassManager.parse('builtin.module(func.func(test-break))', { registry: r }).run(parseModule());
    expect(bad.ok).toBe(false);
    expect(bad.failure?.verifierFailed).toBe(true);
    expect(bad.diagnostics.some((d) => /terminator|empty block|block with no terminator/.test(d.message))).toBe(true);
    const unchecked = PassManager.parse('builtin.module(func.func(test-break))', { registry: r, verifyEach: false }).run(parseModule());
    expect(unchecked.ok).toBe(true);
  });

  it('throws located errors for bad pipelines through runPipeline', () => {
    expect(() => runPipeline(parseModule(), 'builtin.module(test-tagg)', { registry: testRegistry() })).toThrow(PipelineError);
    try {
      runPipeline(parseModule(), 'builtin.module(func.func(test-error))', { registry: testRegistry() });
    } catch (e) {
      expect(e).toBeInstanceOf(DiagnosticError);
    }
    expect(() => PassManager.parse('builtin.module(test-unimplemented)', { registry: testRegistry() }).run(parseModule())).toThrow(PassCreationError);
  });
});

describe('instrumentation', () => {
  function dumps(pipeline: string, printIR: Record<string, unknown>): string {
    let out = '';
    PassManager.parse(pipeline, { registry: testRegistry(), printIR: { ...printIR, write: (t: string) => (out += t) } }).run(parseModule());
    return out;
  }

  it('prints IR after each pass with MLIR banners', () => {
    const out = dumps('builtin.module(func.func(test-tag),test-log)', { after: 'all' });
    const banners = out.split('\n').filter((l) => l.startsWith('// -----//'));
    expect(banners).toEqual([
      '// -----// IR Dump After TestTag (test-tag) //----- //',
      '// -----// IR Dump After TestTag (test-tag) //----- //',
      '// -----// IR Dump After TestLog (test-log) //----- //',
    ]);
    expect(out).toContain('// -----// IR Dump After TestTag (test-tag) //----- //\nfunc.func @f(%arg0: i32) -> i32 attributes {test.tag} {\n  return %arg0 : i32\n}\n\n');
  });

  it('selects passes by name before and after, and only changes or failures on request', () => {
    expect(dumps('builtin.module(func.func(test-tag),test-log)', { before: new Set(['test-log']) }).split('\n')[0]).toBe(
      '// -----// IR Dump Before TestLog (test-log) //----- //',
    );
    const changed = dumps('builtin.module(func.func(test-tag{skip}),func.func(test-tag))', { after: 'all', afterOnlyChange: true });
    expect(changed.match(/IR Dump After/g)?.length).toBe(2);
    const failed = dumps('builtin.module(func.func(test-tag,test-fail))', { afterOnlyFailure: true });
    expect(failed.split('\n').filter((l) => l.startsWith('//'))).toEqual(['// -----// IR Dump After TestFail Failed (test-fail) //----- //']);
    expect(failed).toContain('func.func @g() attributes {test.tag}');
  });

  it('prints the whole module with module scope', () => {
    const out = dumps('builtin.module(func.func(test-tag))', { after: 'all', moduleScope: true });
    expect(out.split('\n')[0]).toBe("// -----// IR Dump After TestTag (test-tag) ('func.func' operation: @f) //----- //");
    expect(out.split('\n')[1]).toBe('module {');
  });

  it('reports timing in the mlir-opt layout', () => {
    const timing = new TimingManager();
    PassManager.parse('builtin.module(func.func(test-tag),test-log)', { registry: testRegistry(), timing }).run(parseModule());
    const report = timingReport(timing);
    const lines = report.split('\n');
    expect(lines[1]).toBe('                         ... Execution time report ...');
    expect(lines[3]).toMatch(/^ {2}Total Execution Time: \d+\.\d{4} seconds$/);
    expect(lines[5]).toBe('  ----User Time----  ----Wall Time----  ----Name----');
    const names = lines.slice(6).filter((l) => l !== '').map((l) => l.replace(/^ {4}\d+\.\d{4} \( *\d+\.\d%\) {4}\d+\.\d{4} \( *\d+\.\d%\) {2}/, ''));
    expect(names).toEqual(["'func.func' Pipeline", '  TestTag', 'TestLog', 'Rest', 'Total']);
  });
});

describe('crash reproducer', () => {
  it('writes the pre-pipeline IR and the pipeline, which reads back and reproduces the failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'numaccl-repro-'));
    const file = join(dir, 'repro.mlir');
    const r = testRegistry();
    const res = PassManager.parse('builtin.module(func.func(test-tag,test-fail),test-log)', { registry: r, crashReproducer: file }).run(parseModule());
    expect(res.reproducer).toBe(file);
    expect(res.diagnostics[0].notes[0].message).toBe(
      `Pipeline failed while executing [\`test-fail\` on 'func.func' operation: @g]: reproducer generated at \`${file}\``,
    );
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(print(parseModule(FUNCS)))).toBe(true);
    expect(text).toContain('    mlir_reproducer: {\n      pipeline: "builtin.module(func.func(test-tag{name=test.tag skip=false},test-fail), test-log)",\n');
    expect(readdirSync(dir)).toEqual(['repro.mlir']);
    const parsed = parse(createContext(), text, { fileName: file });
    const config = readReproducerConfig(parsed.externalResources);
    expect(config).toEqual({ pipeline: 'builtin.module(func.func(test-tag{name=test.tag skip=false},test-fail), test-log)', disableThreading: true, verifyEach: true });
    const again = PassManager.parse(config.pipeline, { registry: r }).run(parsed.module);
    expect(again.failure?.pass?.info.argument).toBe('test-fail');
    expect(existsSync(file)).toBe(true);
  });
});

describe('generic passes through the shared registry', () => {
  it('verify fails on invalid IR with the verifier diagnostics; print-op-stats and dce run', async () => {
    const { passRegistry, opStatistics, formatOpStatistics } = await import('../../../src/passes/index.js');
    expect(passRegistry.passes().map((p) => p.argument)).toEqual(expect.arrayContaining(['canonicalize', 'cse', 'dce', 'symbol-dce', 'print-op-stats', 'verify']));
    const m = parseModule();
    // Break g's terminator without verification, then ask for it explicitly.
    PassManager.parse('builtin.module(func.func(test-break))', { registry: testRegistry(), verifyEach: false }).run(m);
    const r = PassManager.parse('builtin.module(verify)', { verifyEach: false }).run(m);
    expect(r.ok).toBe(false);
    expect(r.failure?.pass?.info.argument).toBe('verify');
    expect(r.diagnostics[0].severity).toBe('error');
    expect(formatOpStatistics(opStatistics(parseModule()), false)).toBe(
      'Operations encountered:\n-----------------------\n  builtin.module , 1\n     func.func   , 2\n     func.return , 2\n',
    );
  });
});

describe('building pipelines in code', () => {
  it('addPass/nest give the same pipeline as the text, with typed or textual options', () => {
    const r = testRegistry();
    const built = PassManager.build(
      'builtin.module',
      (pm) => {
        pm.nest('func.func').addPass('test-tag', { name: 'x' }).addPass('test-fail');
        pm.addPass('test-log');
        pm.addPass('test-tag', 'skip=true');
      },
      { registry: r },
    );
    expect(built.toString()).toBe(PassManager.parse('builtin.module(func.func(test-tag{name=x},test-fail),test-log,func.func(test-tag{skip=1}))', { registry: r }).toString());
  });

  it('rejects unknown passes and ill-typed options with a clear error', () => {
    const r = testRegistry();
    expect(() => PassManager.build('builtin.module', (pm) => pm.addPass('nope'), { registry: r })).toThrow("'nope' does not refer to a registered pass or pass pipeline");
    expect(() => PassManager.build('builtin.module', (pm) => pm.addPass('test-tag', { skip: 'yes' }), { registry: r })).toThrow(`option 'skip' of pass 'test-tag' does not accept "yes"`);
    expect(() => PassManager.build('builtin.module', (pm) => pm.addPass('test-tag', { colour: 1 }), { registry: r })).toThrow("pass 'test-tag' has no option 'colour'");
  });
});
