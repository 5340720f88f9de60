// numaccl-opt's main program: an mlir-opt work-alike over numaccl's IR, dialects and passes.
import { readFileSync } from 'node:fs';
import { createContext } from '../../dialects/index.js';
import { emitCclIrdl } from '../../dialects/ccl/index.js';
import { DiagnosticError, MapSourceManager, renderDiagnostics, type Operation, type ParseResult } from '../../ir/index.js';
import { passRegistry, passesHelpSection, passesHelpWidth, setupOptPasses, type OptSession } from '../../passes/index.js';
import { ArgsError } from '../util/args.js';
import { writeOutput } from '../util/output.js';
import { parseOptOptions, TOOL_FLAGS, TOOL_VALUE_FLAGS, type OptOptions } from './options.js';
import { processSource } from './driver.js';
import { OPT_HELP } from './help.js';

function readInput(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

/** Run numaccl-opt on `argv`; returns the exit code. */
export function runOpt(argv: readonly string[]): number {
  let o: OptOptions;
  let session: OptSession;
  const writeStderr = (s: string): void => void process.stderr.write(s);
  try {
    // The pass side takes its flags (pipelines, pass flags, instrumentation) and hands back the rest.
    session = setupOptPasses(argv, { writeStderr, toolOptions: { flags: TOOL_FLAGS, withValue: TOOL_VALUE_FLAGS } });
    o = parseOptOptions(session.rest);
  } catch (e) {
    if (e instanceof ArgsError) {
      process.stderr.write(`numaccl-opt: ${e.message}\n`);
      return 1;
    }
    if (e instanceof DiagnosticError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (o.help) {
    process.stdout.write(OPT_HELP + '\n' + passesHelpSection(passRegistry, passesHelpWidth(passRegistry)));
    return 0;
  }
  if (session.listPasses !== undefined) {
    process.stdout.write(session.listPasses);
    return 0;
  }
  if (o.version) {
    process.stdout.write('numaccl-opt 0.1.0 (MLIR 22 compatible)\n');
    return 0;
  }
  if (o.emitIrdl) {
    // The IRDL definition of ccl, generated from its TypeScript op table.
    writeOutput(o.output, emitCclIrdl());
    return 0;
  }
  if (o.passFlags.length > 0) {
    const f = o.passFlags[0];
    process.stderr.write(`numaccl-opt: Unknown command line argument '--${f.name}'.  Try: 'numaccl-opt --help'\n`);
    return 1;
  }
  const transform = session.flags.runReproducer
    ? (module: Operation, parsed: ParseResult) => session.reproducerTransform(parsed.externalResources)(module)
    : session.transform
      ? (module: Operation) => session.transform!(module)
      : undefined;
  let text: string;
  try {
    text = readInput(o.input);
  } catch {
    process.stderr.write(`numaccl-opt: could not open input file '${o.input}': No such file or directory\n`);
    return 1;
  }
  const fileName = o.input === '-' ? '<stdin>' : o.input;
  const ctx = createContext({ allowUnregistered: o.allowUnregistered });
  const result = processSource(ctx, text, {
    fileName,
    printGeneric: o.printGeneric,
    printDebugInfo: o.printDebugInfo,
    noImplicitModule: o.noImplicitModule,
    splitInputFile: o.splitInputFile,
    verifyDiagnostics: o.verifyDiagnostics,
    ...(transform ? { transform } : {}),
  });
  const timing = session.timingReport();
  if (timing) process.stderr.write(timing);
  if (result.diagnostics.length > 0) {
    process.stderr.write(renderDiagnostics(result.diagnostics, new MapSourceManager([[fileName, text]])));
  }
  if (!result.ok && o.output !== '-') return 1;
  writeOutput(o.output, result.output);
  return result.ok ? 0 : 1;
}
