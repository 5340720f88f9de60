import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The CLIs run from dist/ (built by `make test`'s set-up); skip loudly if it is missing.
const root = resolve(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/cli/numaccl-opt.js'));
if (!built) console.warn('!!! test/cli skipped: dist/ is not built (run `npm run build`) !!!');

function run(bin: 'numaccl-opt' | 'numaccl', args: string[], input?: string) {
  const r = spawnSync(join(root, 'bin', bin), args, { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('numaccl-opt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'numaccl-cli-'));

  it('prints, verifies and exits 0 on a valid module', () => {
    const r = run('numaccl-opt', ['-'], 'func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : i32\n  return %0 : i32\n}\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('arith.addi %arg0, %arg0 : i32');
  });

  it('rejects malformed input with a located error, no stack trace, and no half-written -o file', () => {
    const out = join(dir, 'out.mlir');
    const r = run('numaccl-opt', ['-', '-o', out], 'func.func @f() {\n  %0 = arith.constant 1 : i32\n  return %0 : i32\n}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:3:3: error: 'func.return' op has 1 operands, but enclosing function \(@f\) returns 0/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes -o atomically and leaves device files alone (-o /dev/null)', () => {
    const out = join(dir, 'ok.mlir');
    expect(run('numaccl-opt', ['-', '-o', out], '"foo.op"() : () -> ()\n').code).toBe(1); // unregistered dialect
    expect(run('numaccl-opt', ['--allow-unregistered-dialect', '-', '-o', out], '"foo.op"() : () -> ()\n').code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"foo.op"() : () -> ()');
    expect(run('numaccl-opt', ['--allow-unregistered-dialect', '-', '-o', '/dev/null'], '"foo.op"() : () -> ()\n').code).toBe(0);
    expect(spawnSync('test', ['-c', '/dev/null']).status).toBe(0);
  });

  it('runs pass pipelines and reports bad ones at their column', () => {
    const ok = run('numaccl-opt', ['--pass-pipeline=builtin.module(canonicalize)', '-'], 'func.func @f() -> i32 {\n  %0 = arith.constant 1 : i32\n  %1 = arith.addi %0, %0 : i32\n  return %1 : i32\n}\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('arith.constant 2 : i32');
    const bad = run('numaccl-opt', ['--pass-pipeline=builtin.module(nope)', '-'], '');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("MLIR Textual PassPipeline Parser:1:16: error: 'nope' does not refer to a registered pass or pass pipeline");
  });

  it('--split-input-file with --verify-diagnostics succeeds only when every expectation is met', () => {
    const good = '// expected-error @+1 {{custom op \'foo\' is unknown}}\nfoo\n// -----\nfunc.func @g() {\n  return\n}\n';
    expect(run('numaccl-opt', ['--split-input-file', '--verify-diagnostics', '-'], good).code).toBe(0);
    const bad = '// expected-error @+1 {{something else}}\nfoo\n';
    const r = run('numaccl-opt', ['--verify-diagnostics', '-'], bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected error "something else" was not produced');
  });

  it('--emit-irdl prints the ccl dialect in IRDL', () => {
    const r = run('numaccl-opt', ['--emit-irdl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('irdl.dialect @ccl');
    expect(r.stdout).toContain('irdl.operation @all_reduce');
  });
});

describe.skipIf(!built)('numaccl', () => {
  const tiny = join(root, 'examples/models/tp-decoder-layer-tiny.mlir');

  it('interpret runs all ranks and prints JSON results', () => {
    const r = run('numaccl', ['interpret', tiny, '--seed', '3', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { entry: string; ranks: { rank: number; results: { shape: number[] }[] }[] };
    expect(j.entry).toBe('decoder_layer');
    expect(j.ranks).toHaveLength(6);
    expect(j.ranks[0].results[0].shape).toEqual([1, 8, 384]);
    const bad = run('numaccl', ['interpret', tiny, '--ranks', 'two']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--ranks must be an integer >= 1, got 'two'");
  });

  it('compile writes the optimised module and reports before/after', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'numaccl-compile-')), 'o.mlir');
    const r = run('numaccl', ['compile', tiny, '--json', '-o', out, '--pipeline', 'builtin.module(ccl-hierarchicalize{force=true},ccl-select-schedule)']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { before: { collectives: unknown[] }; after: { collectives: { op: string }[] } };
    expect(j.before.collectives).toHaveLength(2);
    expect(j.after.collectives.map((c) => c.op)).toContain('all_reduce[inter]');
    expect(readFileSync(out, 'utf8')).toContain('stage = "inter"');
    const bad = run('numaccl', ['compile', tiny, '--topology', 'nowhere']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("'nowhere' is neither a file nor an embedded topology");
  });

  it('unknown commands and --help', () => {
    expect(run('numaccl', ['frobnicate']).code).toBe(1);
    const help = run('numaccl', ['--help']);
    expect(help.code).toBe(0);
    for (const c of ['compile', 'cost', 'interpret', 'simulate', 'topo']) expect(help.stdout).toContain(c);
  });
});
