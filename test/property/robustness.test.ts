/**
 * Broken input never gets anything but diagnostics: random bytes, token
 * soups and mutated valid modules make `parse` throw DiagnosticError or
 * succeed, and numaccl-opt's driver report located errors.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DiagnosticError, parse, print, verify } from '../../src/ir/index.js';
import { processSource } from '../../src/cli/opt/driver.js';
import { mlirTokenSoupArbitrary, moduleTextArbitrary, mutatedTextArbitrary, randomSourceArbitrary } from '../../src/testing/index.js';
import { freshContext, runs } from './support.js';

/** Parse, and when that works verify and print: nothing may throw but DiagnosticError. */
function onlyDiagnostics(text: string): void {
  const ctx = freshContext();
  try {
    const r = parse(ctx, text, { fileName: 'input.mlir' });
    verify(r.module);
    print(r.module, { generic: true });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw new Error(`non-diagnostic ${e instanceof Error ? e.name + ': ' + e.message : String(e)}`);
    expect(e.diagnostics.length).toBeGreaterThan(0);
  }
}

/** numaccl-opt's driver: success, or errors that each name a line and column. */
function locatedErrors(text: string): void {
  const r = processSource(freshContext(), text, { fileName: 'input.mlir' });
  if (r.ok) return;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const d of errors) {
    expect(d.position, `error without a location: ${d.message}`).toBeDefined();
    expect(d.position!.line).toBeGreaterThanOrEqual(1);
  }
}

const mutants = (ctx = freshContext()) =>
  mutatedTextArbitrary(moduleTextArbitrary(ctx, { maxRegionDepth: 2, maxOpsPerBlock: 3, locations: false }), 3);

describe('broken input gives diagnostics, never a crash', () => {
  it('random bytes', () => {
    fc.assert(fc.property(randomSourceArbitrary, (s) => { onlyDiagnostics(s); locatedErrors(s); }), { numRuns: runs(1000) });
  });

  it('soups of MLIR tokens', () => {
    fc.assert(fc.property(mlirTokenSoupArbitrary, (s) => { onlyDiagnostics(s); locatedErrors(s); }), { numRuns: runs(1000) });
  });

  it('mutated valid modules (delete/insert/swap/duplicate tokens, truncation, byte replacement)', () => {
    fc.assert(fc.property(mutants(), (s) => { onlyDiagnostics(s); locatedErrors(s); }), { numRuns: runs(500) });
  });
});
