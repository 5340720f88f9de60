/**
 * Running an upstream MLIR pipeline on a numaccl module: print it (generic
 * form, with locations so real MLIR's diagnostics point into the user's
 * files), run the pipeline through the engine, and put the parsed result in
 * place of the module's body and attributes.
 */
import { DiagnosticError, parse, print, type Diagnostic, type Operation } from '../../ir/index.js';
import type { MlirEngine } from '../../mlir/index.js';
import { diagnosticAt } from '../manager/index.js';

/** The file name real MLIR gives errors in the pipeline text itself. */
const PIPELINE_BUFFER = 'MLIR Textual PassPipeline Parser';

export interface UpstreamResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Errors in the pipeline string are located in real MLIR's pipeline buffer;
 * numaccl reports them at the module, naming the pipeline and the column.
 */
function relocate(d: Diagnostic, module: Operation, pipeline: string): Diagnostic {
  if (d.position?.file !== PIPELINE_BUFFER) return { ...d, notes: d.notes.map((n) => relocate(n, module, pipeline)) };
  const at = diagnosticAt(module, d.severity, `in upstream MLIR pipeline '${pipeline}': ${d.message}`);
  return { ...at, notes: [...d.notes.map((n) => relocate(n, module, pipeline)), diagnosticAt(module, 'note', `at column ${d.position.col} of the upstream pipeline text`)] };
}

/** Moves `from`'s body, attributes and properties into `to` (both `builtin.module`s). */
function replaceModule(to: Operation, from: Operation): void {
  const body = to.regions[0]?.blocks[0];
  const source = from.regions[0]?.blocks[0];
  if (!body || !source) throw new Error('builtin.module without a body');
  const old = [...body.operations];
  for (const op of old) op.dropAllReferences();
  for (const op of old) op.remove();
  for (const op of [...source.operations]) {
    op.remove();
    body.append(op);
  }
  to.attributes = from.attributes;
  to.properties = from.properties;
}

/**
 * Runs `pipeline` (a bare element list such as `func.func(tosa-to-linalg)`,
 * anchored on `builtin.module`) on `module` with real MLIR. On success the
 * module holds the result; on failure it is left untouched.
 */
export function runUpstreamPipeline(engine: MlirEngine, module: Operation, pipeline: string): UpstreamResult {
  const text = print(module, { generic: true, debugInfo: true });
  const label = `mlir(${pipeline})`;
  const result = engine.run(text, pipeline, { allowUnregistered: true, printGeneric: true, filename: label });
  const diagnostics = result.diagnostics.map((d) => relocate(d, module, pipeline));
  if (!result.ok) return { ok: false, diagnostics };
  const context = module.context;
  // Upstream passes produce dialects numaccl does not implement (linalg, scf, ...).
  const allowed = context.allowUnregistered;
  context.allowUnregistered = true;
  let parsed: Operation;
  try {
    parsed = parse(context, result.output, { fileName: `<output of ${label}>`, noImplicitModule: true }).module;
  } catch (e) {
    context.allowUnregistered = allowed;
    if (e instanceof DiagnosticError) return { ok: false, diagnostics: [...diagnostics, ...e.diagnostics] };
    throw e;
  }
  let foreign = false;
  parsed.walk((op) => {
    if (!op.isRegistered) foreign = true;
  });
  // Keep unregistered ops legal for the verifier and later passes only when the result has some.
  context.allowUnregistered = allowed || foreign;
  replaceModule(module, parsed);
  return { ok: true, diagnostics };
}
