/**
 * The foundation issue's conformance test: numaccl's parse→verify→print held
 * to mlir-opt-22 over mlir/test/IR, Dialect/Func, Dialect/Arith and
 * Dialect/Tensor of the mlir-upstream corpus (see harness.ts for the rules).
 *
 * It writes `.cache/conformance-report.md` (every failure with its reason)
 * and `.cache/conformance-figures.md`; with UPDATE_CONFORMANCE_DOCS=1 it also
 * rewrites the figures block of docs/conformance.md. It fails when a figure
 * drops below the floor in floor.json (raise the floor as figures improve;
 * the targets are 98% valid, 95% rejected).
 *
 * Skipped, loudly, while src/ir/index.ts does not export `parse` and `print`,
 * or when mlir-opt-22 or the corpus is missing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_MISSING, hasMlirOpt } from '../support/mlir-opt.js';
import { corpusAvailable } from './corpus.js';
import { runConformance, type RoundTrip, type RoundTripResult } from './harness.js';
import { createContext } from '../../src/dialects/index.js';
import { processRange } from '../../src/cli/opt/driver.js';
import {
  TARGETS,
  invalidRate,
  renderFailureReport,
  renderFiguresTable,
  updateFiguresInDoc,
  validRate,
  writeFileAtomic,
} from './report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The IR entry points this test needs; looked up dynamically so the file runs before they exist. */
interface IrApi {
  Context: new () => { allowUnregistered: boolean };
  parse: (ctx: unknown, text: string, options?: { fileName?: string }) => unknown;
  print: (op: unknown, options?: { generic?: boolean; resources?: unknown }) => string;
  verify?: (op: unknown) => unknown;
}

async function loadIr(): Promise<IrApi | string> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import('../../src/ir/index.js')) as Record<string, unknown>;
  } catch (e) {
    return `src/ir/index.ts cannot be loaded (${e instanceof Error ? e.message : String(e)})`;
  }
  const missing = ['parse', 'print', 'Context'].filter((k) => typeof mod[k] !== 'function');
  if (missing.length > 0) return `src/ir/index.ts does not export ${missing.join(', ')} yet`;
  return mod as unknown as IrApi;
}

/** parse → verify → print through numaccl-opt's own driver, so the test measures what users run. */
function makeRoundTrip(): RoundTrip {
  return (text, { generic }): RoundTripResult => {
    const ctx = createContext({ allowUnregistered: true });
    return processRange(ctx, text, 0, text.length, { fileName: 'chunk.mlir', printGeneric: generic });
  };
}

const floor = JSON.parse(readFileSync(join(ROOT, 'test/conformance/floor.json'), 'utf8')) as {
  valid: number;
  invalid: number;
};

const ir = await loadIr();
const skipWhy = typeof ir === 'string' ? ir : !hasMlirOpt() ? 'mlir-opt-22 missing' : !corpusAvailable() ? 'corpus missing' : '';
if (skipWhy) {
  console.warn(`\n!!! ir-core conformance SKIPPED: ${skipWhy} !!!\n${!hasMlirOpt() ? MLIR_OPT_MISSING : ''}`);
}

describe.skipIf(skipWhy !== '')('ir-core conformance against mlir-opt-22', () => {
  it('meets the committed floor on IR, Func, Arith and Tensor, and writes the report', async () => {
    const api = ir as IrApi;
    void api;
    const result = await runConformance(makeRoundTrip());
    const t = result.total;
    writeFileAtomic(join(ROOT, '.cache/conformance-report.md'), renderFailureReport(result, 'ir-core conformance report'));
    writeFileAtomic(join(ROOT, '.cache/conformance-figures.md'), renderFiguresTable(result));
    const summary =
      `valid (both modes) ${(100 * validRate(t)).toFixed(1)}% of ${t.validInScope} (target ${TARGETS.valid * 100}%), ` +
      `invalid rejected ${(100 * invalidRate(t)).toFixed(1)}% of ${t.invalidInScope} (target ${TARGETS.invalid * 100}%)`;
    console.log(`ir-core conformance: ${summary}; report in .cache/conformance-report.md`);
    if (process.env.UPDATE_CONFORMANCE_DOCS === '1') {
      updateFiguresInDoc(
        join(ROOT, 'docs/conformance.md'),
        result,
        `Measured ${new Date().toISOString().slice(0, 10)} with mlir-opt 22: ${summary}.`,
      );
    }
    expect(validRate(t), summary).toBeGreaterThanOrEqual(floor.valid);
    expect(invalidRate(t), summary).toBeGreaterThanOrEqual(floor.invalid);
  });
});
