/**
 * The `mlir` pass: `mlir(<upstream pipeline>)` inside a numaccl pipeline runs
 * that pipeline on real MLIR 22 (see docs/mlir-bridge.md). Registered as a
 * pipeline-wrapping pass, so the inner text is kept verbatim, never looked
 * up in numaccl's registry, and printed back as written.
 */
import { DiagnosticError, type Diagnostic } from '../../ir/index.js';
import type { MlirEngine } from '../../mlir/index.js';
import { diagnosticAt } from '../manager/index.js';
import { definePass, registerPass } from '../registry/index.js';
import { stringOption } from '../options/index.js';
import { bridgeEngine } from './engine-choice.js';
import { runUpstreamPipeline } from './run-upstream.js';

export const mlirPass = registerPass(
  definePass({
    argument: 'mlir',
    summary: 'Run an upstream MLIR 22 pass pipeline on the module (real MLIR, in process or through mlir-opt-22)',
    description:
      'mlir(<pipeline>) prints the module, runs <pipeline> (anchored on builtin.module) with real MLIR 22 and replaces the ' +
      "module's body with the result. Ops of dialects numaccl does not implement come back as unregistered ops. " +
      'NUMACCL_MLIR_BACKEND=native|process|auto picks the engine.',
    anchor: 'builtin.module',
    displayName: 'UpstreamMlir',
    options: { pipeline: stringOption('The upstream MLIR pass pipeline to run, e.g. func.func(tosa-to-linalg)') },
    pipelineOption: 'pipeline',
    create: (options) => ({
      run(op, context) {
        const pipeline = options.pipeline.trim();
        if (pipeline === '') return;
        let engine: MlirEngine;
        try {
          engine = bridgeEngine();
        } catch (e) {
          // A bad NUMACCL_MLIR_BACKEND or no MLIR on this machine: a plain error, not a crash.
          context.emitError(op, `pass 'mlir': ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        const result = runUpstreamPipeline(engine, op, pipeline);
        if (!result.ok) {
          // Name the failing pass on every error, as numaccl's own passes' failures are named.
          const failing: Diagnostic = diagnosticAt(op, 'note', `while running pass 'mlir(${pipeline})' on real MLIR 22`);
          const diagnostics = result.diagnostics.map((d) => (d.severity === 'error' ? { ...d, notes: [...d.notes, failing] } : d));
          if (!diagnostics.some((d) => d.severity === 'error')) {
            diagnostics.push({ ...diagnosticAt(op, 'error', `upstream MLIR pipeline '${pipeline}' failed`), notes: [failing] });
          }
          throw new DiagnosticError(diagnostics);
        }
        for (const d of result.diagnostics) {
          const where = d.position ? `${d.position.file}:${d.position.line}:${d.position.col}: ` : '';
          if (d.severity === 'warning') context.emitWarning(op, where + d.message);
          else context.emitRemark(op, where + d.message);
        }
      },
    }),
  }),
);
