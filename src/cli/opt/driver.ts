import {
  DiagnosticError,
  parse,
  print,
  verify,
  splitInputFile,
  joinSplitOutputs,
  verifyDiagnostics,
  type Context,
  type Diagnostic,
  type Operation,
  type ParseResult,
} from '../../ir/index.js';

export interface DriverOptions {
  fileName: string;
  printGeneric?: boolean;
  printDebugInfo?: boolean;
  noImplicitModule?: boolean;
  splitInputFile?: boolean;
  verifyDiagnostics?: boolean;
  /** Transform the verified module (passes); returns diagnostics, empty on success. */
  transform?: (module: Operation, parsed: ParseResult) => Diagnostic[];
  /** Print something other than the module (e.g. IRDL), given the final module. */
  render?: (module: Operation) => string;
}

export interface ChunkResult {
  readonly ok: boolean;
  readonly output: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DriverResult {
  readonly ok: boolean;
  readonly output: string;
  /** Diagnostics to show the user (verify-diagnostics failures in that mode). */
  readonly diagnostics: readonly Diagnostic[];
}

/** parse → verify → transform → verify → print, for one buffer range. */
export function processRange(ctx: Context, text: string, start: number, end: number, o: DriverOptions): ChunkResult {
  let parsed: ParseResult;
  const warnings: Diagnostic[] = [];
  try {
    parsed = parse(ctx, text, { fileName: o.fileName, start, end, noImplicitModule: o.noImplicitModule });
    warnings.push(...parsed.diagnostics);
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, output: '', diagnostics: [...warnings, ...e.diagnostics] };
    throw e;
  }
  const { module, resources, externalResources, aliases } = parsed;
  const verified = verify(module);
  if (verified.some((d) => d.severity === 'error')) return { ok: false, output: '', diagnostics: [...warnings, ...verified] };
  if (o.transform) {
    const diags = o.transform(module, parsed);
    if (diags.some((d) => d.severity === 'error')) return { ok: false, output: '', diagnostics: [...warnings, ...diags] };
    warnings.push(...diags);
  }
  let output: string;
  try {
    output = o.render ? o.render(module) : print(module, { generic: o.printGeneric, debugInfo: o.printDebugInfo, resources, externalResources, aliases });
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, output: '', diagnostics: [...warnings, ...e.diagnostics] };
    throw e;
  }
  return { ok: true, output, diagnostics: [...warnings, ...verified] };
}

/** The whole mlir-opt style run over one input text (split or not, verify-diagnostics or not). */
export function processSource(ctx: Context, text: string, o: DriverOptions): DriverResult {
  const ranges = o.splitInputFile
    ? splitInputFile(text, o.fileName).chunks.map((c) => [c.offset, c.offset + c.text.length] as const)
    : [[0, text.length] as const];
  const outputs: string[] = [];
  const shown: Diagnostic[] = [];
  let ok = true;
  for (const [start, end] of ranges) {
    const r = processRange(ctx, text, start, end, o);
    if (r.ok) outputs.push(r.output);
    if (o.verifyDiagnostics) {
      const chunkText = ' '.repeat(0) + text.slice(0, end);
      const v = verifyDiagnostics(maskOutside(chunkText, start), o.fileName, r.diagnostics);
      if (!v.ok) {
        ok = false;
        shown.push(...v.failures);
      }
    } else {
      shown.push(...r.diagnostics);
      if (!r.ok) ok = false;
    }
  }
  return { ok, output: o.splitInputFile ? joinSplitOutputs(outputs) : (outputs[0] ?? ''), diagnostics: shown };
}

/** Blank out text before `start` (keeping line structure) so only this chunk's expectations count. */
function maskOutside(text: string, start: number): string {
  return text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start);
}
