/**
 * `mlir(<upstream pipeline>)` inside numaccl pipelines and numaccl-opt's
 * `--mlir-pipeline`: real MLIR 22 runs the inner pipeline on every backend
 * this machine has, numaccl re-parses and prints the result, mlir-opt-22
 * accepts it, and upstream failures come back as located numaccl diagnostics.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext } from '../../src/dialects/index.js';
import { parse, print, type Diagnostic, type Operation } from '../../src/ir/index.js';
import { BACKEND_ENV, PassManager, passRegistry } from '../../src/passes/index.js';
import { createMlirEngine } from '../../src/mlir/index.js';
import { availability } from './engines.js';

const root = resolve(import.meta.dirname, '../..');
const decoderPath = join(root, 'examples/models/decoder-layer.mlir');
const decoder = readFileSync(decoderPath, 'utf8');
const tpTinyPath = join(root, 'examples/models/tp-decoder-layer-tiny.mlir');
const TO_LINALG = 'func.func(tosa-to-linalg-named,tosa-to-linalg)';
const cliBuilt = existsSync(join(root, 'dist/cli/numaccl-opt.js'));
if (!cliBuilt) console.warn('!!! numaccl-opt cases of test/mlir/pipeline-element skipped: dist/ is not built (run `npm run build`) !!!');

const backends = (['native', 'process'] as const).filter((b) => availability[b].available);
if (backends.length < 2) console.warn(`!!! pipeline-element: only ${backends.join(', ') || 'no'} MLIR backend available !!!`);

const savedEnv = process.env[BACKEND_ENV];
afterEach(() => {
  if (savedEnv === undefined) delete process.env[BACKEND_ENV];
  else process.env[BACKEND_ENV] = savedEnv;
});

function load(text: string, fileName: string, allowUnregistered = false): Operation {
  return parse(createContext({ allowUnregistered }), text, { fileName }).module;
}

function opNames(module: Operation): string[] {
  const names: string[] = [];
  module.walk((op) => void names.push(op.name));
  return names.sort();
}

function mlirOptAccepts(text: string): { ok: boolean; stderr: string } {
  const r = spawnSync('mlir-opt-22', ['--allow-unregistered-dialect', '-o', '/dev/null', '-'], { input: text, encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr };
}

function errors(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}

function cli(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(join(root, 'bin', 'numaccl-opt'), args, { input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mlir(...) pipeline element: resolution and printing', () => {
  it('keeps the inner pipeline verbatim (never looked up in numaccl) and prints it back as written', () => {
    const text = `builtin.module(ccl-select-schedule,mlir(func.func(tosa-to-linalg-named, tosa-to-linalg)),canonicalize)`;
    const pm = PassManager.parse(text);
    const line = pm.toString();
    expect(line).toContain(',mlir(func.func(tosa-to-linalg-named, tosa-to-linalg)),');
    expect(pm.dump()).toMatch(/^ {2}mlir\(func\.func\(tosa-to-linalg-named, tosa-to-linalg\)\),$/m);
    // The printed form is itself a pipeline that resolves to the same thing.
    expect(PassManager.parse(line).toString()).toBe(line);
    // The option spelling is the same pass.
    expect(PassManager.parse(`builtin.module(mlir{pipeline={${TO_LINALG}}})`).toString()).toBe(`builtin.module(mlir(${TO_LINALG}))`);
  });

  it('property: any upstream-shaped inner pipeline is kept verbatim and prints back to a fixpoint', () => {
    // Upstream-looking pipelines: pass names numaccl does not know, options in braces, nested op pipelines, spaces.
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/).map((n) => `up-${n}`);
    const options = fc.option(fc.stringMatching(/^[a-z]{1,6}=[a-z0-9(),]{1,8}$/), { nil: undefined });
    const pass = fc.tuple(name, options).map(([n, o]) => (o === undefined ? n : `${n}{${o}}`));
    const { element } = fc.letrec<{ element: string }>((tie) => ({
      element: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        pass,
        fc.tuple(fc.constantFrom('func.func', 'builtin.module', 'any', ''), fc.array(tie('element'), { minLength: 1, maxLength: 3 })).map(
          ([anchor, els]) => `${anchor}(${els.join(',')})`,
        ),
      ),
    }));
    const inner = fc.tuple(fc.array(element, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ')).map(([els, sep]) => els.join(`,${sep}`));
    fc.assert(
      fc.property(inner, (text) => {
        const pm = PassManager.parse(`builtin.module(cse, mlir(${text}) ,canonicalize)`);
        const line = pm.toString();
        expect(line).toContain(`,mlir(${text}),`);
        expect(PassManager.parse(line).toString()).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('is a builtin.module pass: nesting it under func.func is an explicit-nesting error', () => {
    expect(() => PassManager.parse('builtin.module(func.func(mlir(cse)))')).toThrow(/Can't add pass 'mlir' restricted to 'builtin.module'/);
  });

  it('still reports unknown numaccl passes outside the element', () => {
    expect(() => PassManager.parse('builtin.module(mlir(cse),no-such-numaccl-pass)')).toThrow(/'no-such-numaccl-pass' does not refer/);
    expect(passRegistry.lookup('mlir')?.kind).toBe('pass');
  });
});

describe.each(backends)('mlir(...) on the %s backend', (backend) => {
  it('lowers the decoder layer to linalg; numaccl re-parses and prints it; mlir-opt-22 accepts it', () => {
    process.env[BACKEND_ENV] = backend;
    const module = load(decoder, decoderPath);
    const result = PassManager.parse(`builtin.module(mlir(${TO_LINALG}))`).run(module);
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.ok).toBe(true);
    const names = opNames(module);
    expect(names.filter((n) => n.startsWith('linalg.')).length).toBeGreaterThan(10);
    // Compute ops are lowered; constants and reshapes are other conversions' business (tosa-to-arith/-tensor).
    const kept = new Set(['tosa.const', 'tosa.const_shape', 'tosa.reshape']);
    expect(opNames(load(decoder, decoderPath)).filter((n) => n.startsWith('tosa.') && !kept.has(n)).length).toBeGreaterThan(10);
    expect(names.filter((n) => n.startsWith('tosa.') && !kept.has(n))).toEqual([]);

    // The module numaccl holds is what real MLIR produced, op for op.
    const direct = createMlirEngine({ backend }).run(decoder, TO_LINALG, { printGeneric: true, filename: decoderPath });
    expect(direct.ok).toBe(true);
    expect(names).toEqual(opNames(load(direct.output, 'direct', true)));

    // numaccl prints it, reads its own print back to the same text, and mlir-opt-22 accepts it.
    const printed = print(module);
    expect(print(load(printed, 'printed', true))).toBe(printed);
    const verdict = mlirOptAccepts(printed);
    expect(verdict.stderr).toBe('');
    expect(verdict.ok).toBe(true);
  });

  it('runs between numaccl passes: ccl ops come back as numaccl ccl ops', () => {
    process.env[BACKEND_ENV] = backend;
    const module = load(readFileSync(tpTinyPath, 'utf8'), tpTinyPath);
    const cclBefore = opNames(module).filter((n) => n.startsWith('ccl.'));
    expect(cclBefore.length).toBeGreaterThan(0);
    const result = PassManager.parse(`builtin.module(ccl-select-schedule,mlir(${TO_LINALG}),canonicalize)`).run(module);
    expect(errors(result.diagnostics)).toEqual([]);
    const after: Operation[] = [];
    module.walk((op) => void (op.name.startsWith('ccl.') ? after.push(op) : undefined));
    expect(after.map((op) => op.name).sort()).toEqual(cclBefore);
    expect(after.every((op) => op.isRegistered)).toBe(true);
    expect(opNames(module).some((n) => n.startsWith('linalg.'))).toBe(true);
  });

  it('an unknown upstream pass fails the pass with a located diagnostic and leaves the module alone', () => {
    process.env[BACKEND_ENV] = backend;
    const module = load(decoder, decoderPath);
    const before = print(module);
    const result = PassManager.parse('builtin.module(mlir(func.func(tosa-to-linalg,no-such-upstream-pass)))').run(module);
    expect(result.ok).toBe(false);
    const [err] = errors(result.diagnostics);
    expect(err.message).toContain("'no-such-upstream-pass' does not refer to a registered pass or pass pipeline");
    expect(err.position?.file).toBe(decoderPath);
    expect(err.notes.map((n) => n.message)).toContain("while running pass 'mlir(func.func(tosa-to-linalg,no-such-upstream-pass))' on real MLIR 22");
    expect(print(module)).toBe(before);
  });

  it('an upstream verification failure points at the op in the original file', () => {
    process.env[BACKEND_ENV] = backend;
    const text = 'module {\n  func.func @f() {\n    return\n  }\n  "linalg.fill"() : () -> ()\n}\n';
    const module = load(text, 'bad.mlir', true);
    const result = PassManager.parse('builtin.module(mlir(canonicalize))').run(module);
    expect(result.ok).toBe(false);
    const [err] = errors(result.diagnostics);
    expect(err.message).toBe("'linalg.fill' op requires one region");
    expect(err.position).toEqual({ file: 'bad.mlir', line: 5, col: 3 });
  });
});

describe.skipIf(!cliBuilt).each(backends)('numaccl-opt on the %s backend', (backend) => {
  const env = { [BACKEND_ENV]: backend };

  it('runs mlir(...) from --pass-pipeline and prints it back with --dump-pass-pipeline', () => {
    const r = cli([decoderPath, `--pass-pipeline=builtin.module(mlir(${TO_LINALG}))`, '--dump-pass-pipeline'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`  mlir(${TO_LINALG})\n`);
    expect(r.stdout).toMatch(/"linalg\.batch_matmul"/);
    expect(mlirOptAccepts(r.stdout).ok).toBe(true);
  });

  it('--mlir-pipeline runs upstream passes after numaccl\'s', () => {
    const r = cli([decoderPath, '--canonicalize', '--mlir-pipeline', `${TO_LINALG},canonicalize`, '--dump-pass-pipeline'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/canonicalize\{[^\n]*\},\n {2}mlir\(func\.func\(tosa-to-linalg-named,tosa-to-linalg\),canonicalize\)\n/);
    expect(r.stdout).toContain('"linalg.');
    expect(r.stdout).not.toMatch(/tosa\.(matmul|mul|add)\b/);
    expect(mlirOptAccepts(r.stdout).ok).toBe(true);
  });

  it('an unknown upstream pass: exit 1 with a located error, nothing on stdout, no stack trace', () => {
    const r = cli([decoderPath, '--mlir-pipeline=func.func(no-such-upstream-pass)'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/decoder-layer\.mlir:\d+:\d+: error: in upstream MLIR pipeline 'func\.func\(no-such-upstream-pass\)': 'no-such-upstream-pass' does not refer/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an upstream verification failure: exit 1, located at the op in the input', () => {
    const input = 'module {\n  "linalg.fill"() : () -> ()\n}\n';
    const r = cli(['-', '--allow-unregistered-dialect', '--pass-pipeline=builtin.module(mlir(cse))'], env, input);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:2:3: error: 'linalg\.fill' op requires one region$/m);
    expect(r.stderr).toContain("note: while running pass 'mlir(cse)' on real MLIR 22");
  });

  it('--mlir-pipeline on a non-module pass manager is a located command-line error', () => {
    const r = cli([decoderPath, '--pass-pipeline=func.func(cse)', '--mlir-pipeline=cse'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Can't add pass 'mlir' restricted to 'builtin.module'");
  });
});

describe('backend choice', () => {
  it('a bad NUMACCL_MLIR_BACKEND fails the pass with the variable named', () => {
    process.env[BACKEND_ENV] = 'wasm';
    const module = load('module {\n}\n', 'empty.mlir');
    const result = PassManager.parse('builtin.module(mlir(cse))').run(module);
    expect(result.ok).toBe(false);
    const messages = result.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain("pass 'mlir': NUMACCL_MLIR_BACKEND must be one of native, process, auto (got 'wasm')");
    expect(messages).not.toContain('crashed');
  });
});
