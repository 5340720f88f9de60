/**
 * The numaccl-opt executable on broken and deeply nested input: exit code 1
 * with `file:line:col: error:` headlines, never a stack trace or an internal
 * error. Runs the built CLI (dist/, made by `make`/scripts/setup.sh) on one
 * --split-input-file batch, so a few hundred cases cost one process.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { processSource } from '../../src/cli/opt/driver.js';
import { moduleTextArbitrary, mutatedTextArbitrary, randomSourceArbitrary } from '../../src/testing/index.js';
import { DEEP_CONSTRUCTS } from './deep-inputs.js';
import { freshContext, runs } from './support.js';

const CLI = resolve(import.meta.dirname, '../../dist/cli/numaccl-opt.js');
const built = existsSync(CLI);
if (!built) console.warn('\n!!! dist/cli/numaccl-opt.js is not built (run `make` or scripts/setup.sh): numaccl-opt CLI robustness tests are SKIPPED !!!\n');

function runCli(text: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'numaccl-cli-'));
  try {
    const file = join(dir, 'input.mlir');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [CLI, file, '--allow-unregistered-dialect', ...args], { encoding: 'utf8', cwd: dir, maxBuffer: 256 << 20 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every error headline is located; nothing looks like a crash. */
function expectCleanErrors(stderr: string): string[] {
  expect(stderr).not.toMatch(/internal error|^\s+at .+\(.*:\d+:\d+\)$|RangeError|TypeError/m);
  const headlines = stderr.split('\n').filter((l) => /\berror: /.test(l) && !/^\s/.test(l));
  for (const h of headlines) expect(h).toMatch(/^\S*input\.mlir:\d+:\d+: error: /);
  return headlines;
}

describe.skipIf(!built)('numaccl-opt on broken input', () => {
  it('mutated modules: exit 1, one located error per rejected chunk', () => {
    const source = moduleTextArbitrary(freshContext(), { maxRegionDepth: 2, maxOpsPerBlock: 3, locations: false });
    const texts = fc.sample(mutatedTextArbitrary(source, 2), { numRuns: runs(300), seed: 4242 }).filter((t) => !t.includes('// ---'));
    const joined = texts.join('\n// -----\n');
    const expected = processSource(freshContext(), joined, { fileName: 'input.mlir', splitInputFile: true });
    const r = runCli(joined, ['--split-input-file']);
    expect(r.status).toBe(expected.ok ? 0 : 1);
    const headlines = expectCleanErrors(r.stderr);
    expect(headlines.length).toBe(expected.diagnostics.filter((d) => d.severity === 'error').length);
    expect(headlines.length).toBeGreaterThan(texts.length / 4);
  });

  it('random bytes: exit 1 with a located error per rejected chunk', () => {
    const texts = fc.sample(randomSourceArbitrary.filter((t) => !t.includes('// ---')), { numRuns: runs(100), seed: 7 });
    const joined = texts.join('\n// -----\n');
    const expected = processSource(freshContext(), joined, { fileName: 'input.mlir', splitInputFile: true });
    const r = runCli(joined, ['--split-input-file']);
    expect(r.status).toBe(1);
    const headlines = expectCleanErrors(r.stderr);
    expect(headlines.length).toBe(expected.diagnostics.filter((d) => d.severity === 'error').length);
    expect(headlines.length).toBeGreaterThan(texts.length / 2);
  });

  it('deeply nested input: exit 0 or 1, never a crash', () => {
    const chunks = Object.entries(DEEP_CONSTRUCTS).map(([name, make]) => make(name === 'op regions' || name === 'builtin.module' ? 5000 : 100_000));
    const r = runCli(chunks.join('// -----\n'), ['--split-input-file']);
    expect([0, 1], r.stderr.slice(0, 500)).toContain(r.status);
    expect(r.stderr).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
  });
});
